#!/usr/bin/env bash
# Scale-out proof: two Xiangzhi nodes on one PostgreSQL database behind nginx (round-robin).
#   (a) sessions live in the database: a login made on node 1 is valid on node 2;
#   (b) scheduled jobs run once per tick across nodes (job_tick, docs/adr/0010): with the two
#       frequent jobs (case-overdue, party-visit-reminders) set to a short tick, every tick since
#       start was run by exactly one node, and which node ran it;
#   (c) intake throughput (POST /api/v1/cases, wrk, BENCH_CONNECTIONS connections) through the
#       balancer with two nodes versus the same balancer with one node.
# Exits non-zero when a check fails.
#
#   bench/two-nodes.sh            full run (BENCH_DURATION=10s per wrk run, BENCH_ROUNDS=2)
#   bench/two-nodes.sh --quick    small run for CI (2 s runs, 1 round, 2 s job tick; .ci/run step 6)
#
# Environment: BENCH_DB (default xz_scale; created when missing, BENCH_DROP_DB=1 drops it at the
# end), BENCH_PGHOST/BENCH_PGPORT/BENCH_PGUSER (bench/lib.sh), BENCH_REPORT=FILE appends a
# markdown section with the figures and checks to FILE (bench/run.sh passes docs/performance.md).
# Needs: PostgreSQL (trust auth), wrk and nginx (Debian packages; nginx runs under its own prefix in
# bench/results/, the system service is not used), a built jar (built offline if missing). Flyway
# makes the schema and the demo accounts and places on the first start.
# Note: both nodes and PostgreSQL share the machine's cores, so (c) shows that a second node costs
# nothing and is used, not the gain of a second machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DB=${BENCH_DB:-xz_scale}
. bench/lib.sh

QUICK=false
[[ "${1:-}" == "--quick" ]] && QUICK=true
CONNECTIONS=${BENCH_CONNECTIONS:-16}
if $QUICK; then
	DURATION=${BENCH_DURATION:-2s}; ROUNDS=${BENCH_ROUNDS:-1}; WARMUP=${BENCH_WARMUP:-2s}; TICK=${BENCH_TICK:-2}
else
	DURATION=${BENCH_DURATION:-10s}; ROUNDS=${BENCH_ROUNDS:-2}; WARMUP=${BENCH_WARMUP:-20s}; TICK=${BENCH_TICK:-10}
fi
PORT1=${BENCH_PORT1:-18480}
PORT2=${BENCH_PORT2:-18481}
LB2=${BENCH_LB_PORT:-18490}   # round-robin over both nodes
LB1=$((LB2 + 1))              # the same nginx, node 1 only (the one-node figure)
OUT=$(pwd)/bench/results/two-nodes-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT/nginx/logs" "$OUT/nginx/tmp"
FAILED=0
CHECKS=()
pass() { echo "PASS $*"; CHECKS+=("PASS $*"); }
fail() { echo "FAIL $*"; CHECKS+=("FAIL $*"); FAILED=1; }

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 2; }
NGINX=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
[[ -n "$NGINX" ]] || { echo "nginx is missing: apt-get install -y nginx"; exit 2; }
bench_app_jar

fresh=false
if [[ -z $($PSQL_ADMIN -c "select 1 from pg_database where datname = '$DB'") ]]; then
	$PSQL_ADMIN -c "create database $DB"; fresh=true
elif [[ -z $($PSQL -c "select 1 from pg_tables where tablename = 'account'") ]]; then
	fresh=true
fi

PIDS=()
cleanup() {
	[[ -f "$OUT/nginx/nginx.pid" ]] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
	for p in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	if [[ "${BENCH_DROP_DB:-0}" == 1 ]]; then $PSQL_ADMIN -c "drop database if exists $DB with (force)" >/dev/null || true; fi
}
trap cleanup EXIT

start_node() { # n port
	# shellcheck disable=SC2086 # the options are a list (bench/lib.sh)
	java $APP_JAVA_OPTS -jar "$APP_JAR" --server.port="$2" \
		--spring.datasource.url="$PGURL" --spring.datasource.username="$PGUSER_" \
		--xiangzhi.demo.cases=false --logging.level.org.xiangzhi=warn \
		--xiangzhi.cases.overdue-tick=PT${TICK}S --xiangzhi.party.visits.tick=PT${TICK}S \
		> "$OUT/node$1.log" 2>&1 &
	PIDS+=($!)
	echo "node $1: pid $! port $2"
}
for port in "$PORT1" "$PORT2" "$LB2" "$LB1"; do   # never measure someone else's process
	if (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: set BENCH_PORT1/2, BENCH_LB_PORT"; exit 2; fi
done
wait_up() { # port
	for _ in $(seq 1 240); do
		for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null || { echo "node pid $p exited: see $OUT"; exit 2; }; done
		curl -sf -o /dev/null "http://127.0.0.1:$1/actuator/health" && return 0
		sleep 0.5
	done
	echo "node on port $1 did not start: see $OUT"; exit 2
}
T0=$(date +%s)
SINCE=$(date -u +%FT%TZ)
if $fresh; then # the first start migrates and seeds the demo data: one node at a time
	start_node 1 "$PORT1"; wait_up "$PORT1"; start_node 2 "$PORT2"; wait_up "$PORT2"
else
	start_node 1 "$PORT1"; start_node 2 "$PORT2"; wait_up "$PORT1"; wait_up "$PORT2"
fi
UP=$(date +%s)
echo "both nodes up after $(( UP - T0 )) s"

# nginx under its own prefix, round-robin with keep-alive to the nodes
cat > "$OUT/nginx/nginx.conf" <<NGINX
$( [[ $(id -u) == 0 ]] && echo "user root;" )
worker_processes 1;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
	client_body_temp_path $OUT/nginx/tmp/body;
	proxy_temp_path $OUT/nginx/tmp/proxy;
	fastcgi_temp_path $OUT/nginx/tmp/fastcgi;
	uwsgi_temp_path $OUT/nginx/tmp/uwsgi;
	scgi_temp_path $OUT/nginx/tmp/scgi;
	log_format up '\$upstream_addr \$status';
	upstream both { server 127.0.0.1:$PORT1; server 127.0.0.1:$PORT2; keepalive 32; }
	upstream one { server 127.0.0.1:$PORT1; keepalive 32; }
	proxy_http_version 1.1;
	proxy_set_header Connection "";
	proxy_set_header Host \$host:\$server_port;
	proxy_set_header X-Forwarded-For \$remote_addr;
	server { listen 127.0.0.1:$LB2; access_log $OUT/nginx/logs/both.log up buffer=64k; location / { proxy_pass http://both; } }
	server { listen 127.0.0.1:$LB1; access_log off; location / { proxy_pass http://one; } }
}
NGINX
"$NGINX" -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -t -q
"$NGINX" -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf"   # daemonizes; stopped by its pid file on exit
for _ in $(seq 1 20); do [[ -f "$OUT/nginx/nginx.pid" ]] && break; sleep 0.2; done

echo "== (a) a login on node 1 is valid on node 2 (sessions in the database)"
JAR="$OUT/cookies.txt"
anon=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$PORT2/")
csrf=$(curl -s -c "$JAR" -b "$JAR" "http://127.0.0.1:$PORT1/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
login=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{http_code} %{redirect_url}' \
	--data-urlencode username=village-cadre --data-urlencode password='Xiangzhi@2026' --data-urlencode "_csrf=$csrf" \
	"http://127.0.0.1:$PORT1/login")
other=$(curl -s -b "$JAR" -o "$OUT/node2-home.html" -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$PORT2/")
echo "  anonymous GET / on node 2: $anon"
echo "  POST /login on node 1 (csrf ${csrf:0:8}…): $login"
echo "  GET / on node 2 with node 1's session cookie: $other"
lb=""
for _ in 1 2 3 4; do lb+="$(curl -s -b "$JAR" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$LB2/") "; done
echo "  GET / four times through the balancer: $lb"
if [[ -n "$csrf" && "$anon" == 302*login* && "$login" == 302* && "$login" != *login* && "$other" == "200 " && "$lb" == "200 200 200 200 " ]]; then
	pass "(a) session made on node 1 is valid on node 2 and through the balancer"
else
	fail "(a) session not shared (see $OUT)"
fi

echo "== (c) intake throughput through the balancer: two nodes vs one"
TOKEN=$(bench_token TOWN_ADMIN 620621110)
bench_intake_lua "$TOKEN" unused   # api.lua (and the others, unused here)
probe=$(curl -s -o "$OUT/probe.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
	-H 'Content-Type: application/json' "http://127.0.0.1:$LB2/api/v1/cases" \
	-d '{"placeCode":"620621110212G01","categoryCode":"environment","channel":"PHONE","description":"two-node probe"}')
echo "  probe POST /api/v1/cases through the balancer: $probe"
[[ "$probe" == 20? ]] || fail "(c) intake probe answered $probe: $(head -c 300 "$OUT/probe.json")"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$OUT/api.lua" "http://127.0.0.1:$LB2" > /dev/null   # warms both nodes
run() { # name port
	wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$OUT/api.lua" "http://127.0.0.1:$2" > "$OUT/$1.txt" 2>&1
	echo "  $1 $(grep RESULT "$OUT/$1.txt")"
}
: > "$OUT/nginx/logs/both.log"; kill -USR1 "$(cat "$OUT/nginx/nginx.pid")"   # reopen: count the measured runs only
{
	echo "# two-nodes $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD) db=$DB cores=$(nproc) connections=$CONNECTIONS duration=$DURATION"
	for r in $(seq 1 "$ROUNDS"); do
		run "one-node-$r" "$LB1"
		run "two-nodes-$r" "$LB2"
	done
} | tee "$OUT/summary.txt"
kill -USR1 "$(cat "$OUT/nginx/nginx.pid")"; sleep 0.5   # flush the access log buffer
avg() { grep "^  $1-" "$OUT/summary.txt" | sed 's/.*rps=\([0-9.]*\).*/\1/' | awk '{s+=$1; n++} END {printf "%.1f", s/n}'; }
one=$(avg one-node); two=$(avg two-nodes)
echo "  mean one node $one req/s, two nodes $two req/s, ratio $(awk "BEGIN {printf \"%.2f\", $two/$one}")" | tee -a "$OUT/summary.txt"
echo "  requests per node behind the balancer (two-node runs):"
awk '{print $1, $2}' "$OUT/nginx/logs/both.log" | sort | uniq -c | sed 's/^/    /' | tee -a "$OUT/summary.txt"
nodes_used=$(awk '$2 ~ /^20/ {print $1}' "$OUT/nginx/logs/both.log" | sort -u | wc -l)
if grep -q "errors=[1-9]" "$OUT/summary.txt"; then
	fail "(c) some intake requests failed (non-2xx or socket errors): $OUT"
elif (( nodes_used < 2 )); then
	fail "(c) the balancer did not use both nodes"
else
	pass "(c) intake through the balancer: one node $one req/s, two nodes $two req/s (same $(nproc) cores)"
fi

echo "== (b) scheduled jobs run once per tick across the nodes (tick ${TICK} s)"
# at least three ticks of the frequent jobs must have passed since both nodes were up
need=$(( UP + 3 * TICK - $(date +%s) ))
(( need > 0 )) && { echo "  waiting $need s for more ticks"; sleep "$need"; }
sleep 1   # let a tick that just started finish
$PSQL -F ' ' -c "select job, count(*) as ticks, count(distinct node) as nodes, string_agg(distinct node, ','),
	count(*) filter (where finished_at is null) as unfinished
	from job_tick where tick >= '$SINCE' and job in ('case-overdue', 'party-visit-reminders') group by job order by job" \
	| tee "$OUT/ticks.txt" | sed 's/^/  job ticks nodes node-names unfinished: /'
$PSQL -F ' ' -c "select job, to_char(tick at time zone 'UTC', 'HH24:MI:SS'), node, outcome from job_tick
	where tick >= '$SINCE' and job in ('case-overdue', 'party-visit-reminders') order by tick, job" > "$OUT/ticks-detail.txt"
sed 's/^/    /' "$OUT/ticks-detail.txt" | tail -8
NOW=$(date +%s)
elapsed=$(( NOW - T0 ))
ok=true
for job in case-overdue party-visit-reminders; do
	n=$(awk -v j="$job" '$1 == j {print $2}' "$OUT/ticks.txt"); n=${n:-0}
	max=$(( elapsed / TICK + 1 ))
	# Every tick that began after both nodes were up and ended a second ago was fired by both nodes
	# (fixed rate): it must have its one row; the primary key (job, tick) forbids a second row, and
	# there can be no more rows than ticks elapsed. One late tick may be missed under heavy load.
	both=$($PSQL -c "select count(*) from job_tick where job = '$job'
		and tick >= to_timestamp($UP) and tick <= to_timestamp($NOW - $TICK - 1)")
	expected=$(( (NOW - TICK - 1 - UP) / TICK ))
	echo "  $job: $n ticks run in $elapsed s; $both of the $expected ticks since both nodes were up"
	if (( n < 1 || n > max || both + 1 < expected )); then ok=false; echo "  $job: expected 1..$max ticks in all and $expected since both were up"; fi
done
failed_runs=$(grep -c "failed:" "$OUT/ticks-detail.txt" || true)
if $ok && [[ "$failed_runs" == 0 ]]; then
	pass "(b) each tick of case-overdue and party-visit-reminders ran once, on one of the two nodes ($elapsed s, tick $TICK s)"
else
	fail "(b) job ticks: a tick missed or run more than once, or failed runs=$failed_runs (see $OUT/ticks-detail.txt)"
fi

if [[ -n "${BENCH_REPORT:-}" ]]; then
	{
		echo
		echo "### Two nodes behind nginx (\`bench/two-nodes.sh$($QUICK && echo ' --quick')\`, $(basename "$OUT"))"
		echo
		echo "Two nodes (\`$APP_JAVA_OPTS\` each) on database \`$DB\` behind nginx round-robin, $CONNECTIONS connections, $DURATION"
		echo "per run after $WARMUP of warm-up, $ROUNDS round(s), job tick $TICK s. Both nodes, nginx, wrk and PostgreSQL"
		echo "share the same $(nproc) cores."
		echo
		echo '```'
		grep -v '^#' "$OUT/summary.txt"
		sed 's/^/job ticks nodes node-names unfinished: /' "$OUT/ticks.txt"
		printf '%s\n' "${CHECKS[@]}"
		echo '```'
	} >> "$BENCH_REPORT"
fi
echo "results in $OUT"
exit $FAILED
