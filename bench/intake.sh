#!/usr/bin/env bash
# Public intake throughput, side by side on one machine and one PostgreSQL database:
#   1. a bare Spring Boot endpoint doing one JDBC insert into case_record (bench/bare-endpoint),
#   2. Xiangzhi's JSON API  POST /api/v1/cases            (bearer token, a town cadre of 苏武镇),
#   3. Xiangzhi's Open311   POST /open311/v2/requests.json (api_key of a 民勤县 client),
# each with wrk at BENCH_CONNECTIONS connections for BENCH_DURATION, in ROUNDS alternating rounds
# (the machine is noisy: every figure is compared with the bare run next to it).
# Needs: PostgreSQL on 127.0.0.1 (trust auth), wrk (apt install wrk), a database holding at least
# BENCH_MIN_CASES cases (generate them with CaseQueueBench, see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-xz_bench}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
DURATION=${BENCH_DURATION:-30s}
ROUNDS=${BENCH_ROUNDS:-2}
MIN_CASES=${BENCH_MIN_CASES:-2000000}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA $DB"
OUT=bench/results/intake-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
existing=$($PSQL -c "select count(*) from case_record")
if (( existing < MIN_CASES )); then
	echo "$DB holds $existing cases; generate at least $MIN_CASES first (bench/README.md)"; exit 1
fi

ls target/xiangzhi-*.jar >/dev/null 2>&1 || ./mvnw -q -B -DskipTests package
ls bench/bare-endpoint/target/bare-endpoint-*.jar >/dev/null 2>&1 || ./mvnw -q -B -f bench/bare-endpoint/pom.xml -DskipTests package
APP_JAR=$(ls target/xiangzhi-*.jar | grep -v original | head -1)
BARE_JAR=$(ls bench/bare-endpoint/target/bare-endpoint-*.jar | grep -v original | head -1)
PGURL=jdbc:postgresql://127.0.0.1:5432/$DB

java -Xms512m -Xmx1g -jar "$APP_JAR" --server.port=18080 --spring.datasource.url="$PGURL" \
	--spring.datasource.username=postgres --xiangzhi.demo.cases=false --logging.level.org.xiangzhi=warn \
	> "$OUT/xiangzhi.log" 2>&1 &
APP=$!
java -Xms256m -Xmx512m -jar "$BARE_JAR" --server.port=18081 --spring.datasource.url="$PGURL" \
	> "$OUT/bare.log" 2>&1 &
BARE=$!
trap 'kill $APP $BARE 2>/dev/null || true' EXIT
for port in 18080 18081; do
	for i in $(seq 1 120); do
		curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
		curl -s -o /dev/null "http://127.0.0.1:$port/bare/cases/1" 2>/dev/null && [ $port = 18081 ] && break
		sleep 1
	done
done
sleep 5

# credentials with known secrets, stored as their SHA-256 like the application does
TOKEN="xzt_bench$(openssl rand -hex 16)"
KEY="o311_bench$(openssl rand -hex 16)"
sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
$PSQL -c "insert into api_token (name, token_hash, token_prefix, role, place_code, org_path, created_by, created_at)
	select 'bench', '$(sha "$TOKEN")', '${TOKEN:0:10}', 'TOWN_ADMIN', code, org_path,
	(select id from account where username = 'admin'), now() from place where code = '620621110'"
$PSQL -c "insert into open311_client (name, county_code, org_path, key_hash, key_prefix, created_by, created_at)
	select 'bench', code, org_path, '$(sha "$KEY")', '${KEY:0:12}', 'bench', now() from place where code = '620621'"

cat > "$OUT/api.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
counter = 0
request = function()
	counter = counter + 1
	local body = '{"placeCode":"620621110212G01","categoryCode":"environment","channel":"PHONE",'
		.. '"description":"bench report ' .. counter .. ' 村口垃圾没人清运"}'
	return wrk.format(nil, "/api/v1/cases", nil, body)
end
LUA
cat > "$OUT/open311.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
counter = 0
request = function()
	counter = counter + 1
	local body = "api_key=$KEY&service_code=environment&lat=38.6&long=103.085"
		.. "&description=bench%20report%20" .. counter
	return wrk.format(nil, "/open311/v2/requests.json", nil, body)
end
LUA
cat > "$OUT/bare.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
counter = 0
request = function()
	counter = counter + 1
	return wrk.format(nil, "/bare/cases", nil, '{"description":"bench report ' .. counter .. '"}')
end
LUA
cat > "$OUT/report.lua" <<'LUA'
done = function(summary, latency, requests)
	local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
	io.write(string.format("RESULT rps=%.1f p50=%.2f p90=%.2f p99=%.2f errors=%d requests=%d\n",
		summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
		latency:percentile(99) / 1000, errors, summary.requests))
end
LUA
for f in api open311 bare; do cat "$OUT/report.lua" >> "$OUT/$f.lua"; done

run() { # name port script
	wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$OUT/$3.lua" "http://127.0.0.1:$2" > "$OUT/$1.txt" 2>&1
	echo "$1 $(grep RESULT "$OUT/$1.txt")"
}
# warm-up: JIT and connection pools. Xiangzhi has far more code on the path than the bare
# endpoint; with 10 s its C2 compiler still used 15 % of the CPU during the measured runs
# (async-profiler), so each side gets WARMUP (60 s) of load first
WARMUP=${BENCH_WARMUP:-60s}
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$OUT/bare.lua" http://127.0.0.1:18081 >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$OUT/api.lua" http://127.0.0.1:18080 >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$OUT/open311.lua" http://127.0.0.1:18080 >/dev/null
{
	echo "# intake $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD) db=$DB cases=$existing connections=$CONNECTIONS duration=$DURATION"
	for r in $(seq 1 "$ROUNDS"); do
		run "bare-$r" 18081 bare
		run "api-$r" 18080 api
		run "bare-$r" 18081 bare
		run "open311-$r" 18080 open311
	done
} | tee "$OUT/summary.txt"
# every request must have succeeded with 2xx (wrk counts non-2xx as status errors)
if grep -q "errors=[1-9]" "$OUT/summary.txt"; then echo "some requests failed: see $OUT"; exit 1; fi
echo "results in $OUT"
