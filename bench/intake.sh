#!/usr/bin/env bash
# Public intake throughput, side by side on one machine and one PostgreSQL database:
#   1. a bare Spring Boot endpoint doing one JDBC insert into case_record (bench/bare-endpoint),
#   2. Xiangzhi's JSON API  POST /api/v1/cases            (bearer token, a town cadre of 苏武镇),
#   3. Xiangzhi's Open311   POST /open311/v2/requests.json (api_key of a 民勤县 client),
# each with wrk at BENCH_CONNECTIONS connections for BENCH_DURATION, in ROUNDS alternating rounds
# (the machine is noisy: every figure is compared with the bare run next to it).
# Needs: PostgreSQL on 127.0.0.1 (trust auth), wrk (apt install wrk), a database holding at least
# BENCH_MIN_CASES cases (generate them with CaseQueueBench, see bench/README.md).
# Shared functions and settings: bench/lib.sh. bench/run.sh runs this and every other scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

ROUNDS=${BENCH_ROUNDS:-2}
MIN_CASES=${BENCH_MIN_CASES:-2000000}
APP_PORT=${BENCH_APP_PORT:-18080}
BARE_PORT=${BENCH_BARE_PORT:-18081}
OUT=bench/results/intake-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
existing=$($PSQL -c "select count(*) from case_record")
if (( existing < MIN_CASES )); then
	echo "$DB holds $existing cases; generate at least $MIN_CASES first (bench/README.md)"; exit 1
fi

bench_build
bench_start_app "$APP_PORT" "$OUT/xiangzhi.log"
bench_start_bare "$BARE_PORT" "$OUT/bare.log"
trap bench_stop_all EXIT
bench_wait_started "$OUT/xiangzhi.log" "$APP_PID"
bench_wait_started "$OUT/bare.log" "$BARE_PID"
sleep 5

# credentials with known secrets (a town admin of 苏武镇, a client of 民勤县)
bench_intake_lua "$(bench_token TOWN_ADMIN 620621110)" "$(bench_open311_client 620621)"

# warm-up: JIT and connection pools. Xiangzhi has far more code on the path than the bare
# endpoint; with 10 s its C2 compiler still used 15 % of the CPU during the measured runs
# (async-profiler), so each side gets WARMUP (60 s) of load first
bench_warm "$BARE_PORT" bare
bench_warm "$APP_PORT" api
bench_warm "$APP_PORT" open311
{
	echo "# intake $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD) db=$DB cases=$existing connections=$CONNECTIONS duration=$DURATION"
	for r in $(seq 1 "$ROUNDS"); do
		bench_wrk "bare-$r" "$BARE_PORT" bare
		bench_wrk "api-$r" "$APP_PORT" api
		bench_wrk "bare-$r" "$BARE_PORT" bare
		bench_wrk "open311-$r" "$APP_PORT" open311
	done
} | tee "$OUT/summary.txt"
# every request must have succeeded with 2xx (wrk counts non-2xx as status errors)
if grep -q "errors=[1-9]" "$OUT/summary.txt"; then echo "some requests failed: see $OUT"; exit 1; fi
echo "results in $OUT"
