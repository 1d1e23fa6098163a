# Shared shell functions of the benchmarks (sourced by bench/run.sh and bench/intake.sh).
# Settings (environment): BENCH_DB (xz_bench), BENCH_PGHOST (127.0.0.1), BENCH_PGPORT (5432), BENCH_PGUSER (postgres),
# BENCH_CONNECTIONS (16), BENCH_DURATION (30s), BENCH_WARMUP (60s).
# Every measurement prints one line "RESULT rps=… p50=… p90=… p99=… errors=… requests=…"
# (latencies in ms) into its own file under $OUT; bench_result NAME reads it back.

DB=${BENCH_DB:-xz_bench}
PGHOST_=${BENCH_PGHOST:-127.0.0.1}
PGPORT_=${BENCH_PGPORT:-5432}
PGUSER_=${BENCH_PGUSER:-postgres}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-60s}
PGURL=jdbc:postgresql://$PGHOST_:$PGPORT_/$DB
PSQL="psql -X -h $PGHOST_ -p $PGPORT_ -U $PGUSER_ -v ON_ERROR_STOP=1 -qtA $DB"
# the same on the maintenance database, for creating and dropping databases
PSQL_ADMIN="psql -X -h $PGHOST_ -p $PGPORT_ -U $PGUSER_ -v ON_ERROR_STOP=1 -qtA -d postgres"
BENCH_PIDS=()

# seconds of a wrk duration (10s, 2m, 1h)
bench_seconds() {
	local d=$1
	case $d in
	*h) echo $((${d%h} * 3600)) ;;
	*m) echo $((${d%m} * 60)) ;;
	*s) echo "${d%s}" ;;
	*) echo "$d" ;;
	esac
}

# the application's jar, built when missing (BENCH_REBUILD=1: always); sets APP_JAR
bench_app_jar() {
	if [ "${BENCH_REBUILD:-0}" = 1 ] || ! ls target/xiangzhi-*.jar >/dev/null 2>&1; then
		./mvnw -q -B -DskipTests package
	fi
	APP_JAR=$(ls "$PWD"/target/xiangzhi-*.jar | grep -v original | head -1)
}

# the application and the bare endpoint, built when their jars are missing (BENCH_REBUILD=1 always)
bench_build() {
	bench_app_jar
	if [ "${BENCH_REBUILD:-0}" = 1 ] || ! ls bench/bare-endpoint/target/bare-endpoint-*.jar >/dev/null 2>&1; then
		./mvnw -q -B -f bench/bare-endpoint/pom.xml -DskipTests package
	fi
	BARE_JAR=$(ls "$PWD"/bench/bare-endpoint/target/bare-endpoint-*.jar | grep -v original | head -1)
}

# waits until the port answers HTTP (any status); $2 seconds at most
bench_wait_http() {
	local port=$1 max=${2:-180} i
	for i in $(seq 1 "$max"); do
		curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && return 0
		sleep 1
	done
	echo "nothing answers on port $port after $max s" >&2
	return 1
}

# waits until a Spring Boot log says "Started" (Tomcat answers earlier, before the
# application is ready: API tokens were refused with 401): bench_wait_started LOG PID [SECONDS]
bench_wait_started() {
	local i
	for i in $(seq 1 "${3:-300}"); do
		grep -q "Started .* in " "$1" && return 0
		kill -0 "$2" 2>/dev/null || { echo "process $2 ended, see $1" >&2; return 1; }
		sleep 1
	done
	echo "not started after ${3:-300} s, see $1" >&2
	return 1
}

# the application's JVM options: the heap and collector that keep a node under 400 MB of resident
# memory (docs/configuration.md, "Memory"; ADR 16); BENCH_APP_JAVA_OPTS overrides
APP_JAVA_OPTS=${BENCH_APP_JAVA_OPTS:--Xmx224m -XX:+UseSerialGC}

# starts Xiangzhi on PostgreSQL: bench_start_app PORT LOG; sets APP_PID
bench_start_app() {
	# shellcheck disable=SC2086 # the options are a list
	java $APP_JAVA_OPTS -jar "$APP_JAR" --server.port="$1" --spring.datasource.url="$PGURL" \
		--spring.datasource.username="$PGUSER_" --xiangzhi.demo.cases=false --logging.level.org.xiangzhi=warn --logging.level.org.xiangzhi.XiangzhiApplication=info \
		> "$2" 2>&1 &
	APP_PID=$!
	BENCH_PIDS+=("$APP_PID")
}

# starts the bare endpoint: bench_start_bare PORT LOG; sets BARE_PID
bench_start_bare() {
	# shellcheck disable=SC2086 # the options are a list
	java $APP_JAVA_OPTS -jar "$BARE_JAR" --server.port="$1" --spring.datasource.url="$PGURL" \
		--spring.datasource.username="$PGUSER_" > "$2" 2>&1 &
	BARE_PID=$!
	BENCH_PIDS+=("$BARE_PID")
}

# stops one process started here (by its id) and waits for it
bench_stop() {
	local pid=$1
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

bench_stop_all() {
	local pid
	for pid in "${BENCH_PIDS[@]}"; do bench_stop "$pid"; done
}

bench_rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

bench_sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }

# an API token with a known secret, stored as its SHA-256 like the application does:
# bench_token ROLE PLACE_CODE → prints the token
bench_token() {
	local token="xzt_bench$(openssl rand -hex 16)"
	$PSQL -c "insert into api_token (name, token_hash, token_prefix, role, place_code, org_path, created_by, created_at)
		select 'bench', '$(bench_sha "$token")', '${token:0:10}', '$1', code, org_path,
		(select id from account where username = 'admin'), now() from place where code = '$2'" >/dev/null
	echo "$token"
}

# an Open311 client of a county with a known key: bench_open311_client COUNTY_CODE → prints the key
bench_open311_client() {
	local key="o311_bench$(openssl rand -hex 16)"
	$PSQL -c "insert into open311_client (name, county_code, org_path, key_hash, key_prefix, created_by, created_at)
		select 'bench', code, org_path, '$(bench_sha "$key")', '${key:0:12}', 'bench', now() from place where code = '$1'" >/dev/null
	echo "$key"
}

# the done() hook every wrk script ends with: one RESULT line
bench_report_lua() {
	cat <<'LUA'
done = function(summary, latency, requests)
	local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
	io.write(string.format("RESULT rps=%.1f p50=%.2f p90=%.2f p99=%.2f errors=%d requests=%d\n",
		summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
		latency:percentile(99) / 1000, errors, summary.requests))
end
LUA
}

# writes a wrk script: bench_lua NAME < body; the report hook is appended
bench_lua() {
	{ cat; bench_report_lua; } > "$OUT/$1.lua"
}

# the intake scripts: bench_intake_lua TOKEN OPEN311_KEY → api.lua, open311.lua, bare.lua
bench_intake_lua() {
	bench_lua api <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $1"
counter = 0
request = function()
	counter = counter + 1
	local body = '{"placeCode":"620621110212G01","categoryCode":"environment","channel":"PHONE",'
		.. '"description":"bench report ' .. counter .. ' 村口垃圾没人清运"}'
	return wrk.format(nil, "/api/v1/cases", nil, body)
end
LUA
	bench_lua open311 <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
counter = 0
request = function()
	counter = counter + 1
	local body = "api_key=$2&service_code=environment&lat=38.6&long=103.085"
		.. "&description=bench%20report%20" .. counter
	return wrk.format(nil, "/open311/v2/requests.json", nil, body)
end
LUA
	bench_lua bare <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
counter = 0
request = function()
	counter = counter + 1
	return wrk.format(nil, "/bare/cases", nil, '{"description":"bench report ' .. counter .. '"}')
end
LUA
}

# wrk at $CONNECTIONS connections: bench_wrk NAME PORT SCRIPT [DURATION] → $OUT/NAME.txt, prints "NAME RESULT …"
bench_wrk() {
	wrk -t2 -c"$CONNECTIONS" -d"${4:-$DURATION}" --latency -s "$OUT/$3.lua" "http://127.0.0.1:$2" > "$OUT/$1.txt" 2>&1 || true
	echo "$1 $(grep RESULT "$OUT/$1.txt")"
}

# warm-up without a record: bench_warm PORT SCRIPT
bench_warm() {
	wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$OUT/$2.lua" "http://127.0.0.1:$1" >/dev/null 2>&1 || true
}

# pgbench with a custom script at $CONNECTIONS clients: bench_pgbench NAME SCRIPT_FILE
# → $OUT/NAME.txt with pgbench's output and a RESULT line (percentiles from the per-transaction log)
bench_pgbench() {
	local name=$1 script=$2 secs
	secs=$(bench_seconds "${3:-$DURATION}")
	rm -f "$OUT/$name".log*
	pgbench -h "$PGHOST_" -p "$PGPORT_" -U "$PGUSER_" -n -f "$script" -c "$CONNECTIONS" -j 2 -T "$secs" \
		-l --log-prefix="$OUT/$name.log" "$DB" > "$OUT/$name.txt" 2>&1 || true
	local tps failed
	tps=$(awk '/^tps = / {print $3}' "$OUT/$name.txt" | tail -1)
	failed=$(awk '/number of failed transactions/ {print $5}' "$OUT/$name.txt" | head -1)
	cat "$OUT/$name".log* 2>/dev/null | awk '{print $3}' | sort -n > "$OUT/$name.lat"
	awk -v tps="$tps" -v failed="${failed:-0}" '{a[NR] = $1} END {
		if (NR == 0) { print "RESULT rps=0 p50=0 p90=0 p99=0 errors=1 requests=0"; exit }
		printf "RESULT rps=%.1f p50=%.2f p90=%.2f p99=%.2f errors=%d requests=%d\n", tps,
			a[int(NR * 0.50) + 1] / 1000, a[int(NR * 0.90) + 1] / 1000, a[int(NR * 0.99) + 1] / 1000, failed, NR }' \
		"$OUT/$name.lat" >> "$OUT/$name.txt"
	rm -f "$OUT/$name".log* "$OUT/$name.lat"
	echo "$name $(grep RESULT "$OUT/$name.txt")"
}

# one field of a result: bench_field NAME rps|p50|p90|p99|errors|requests
bench_field() {
	grep -o "$2=[0-9.]*" "$OUT/$1.txt" 2>/dev/null | head -1 | cut -d= -f2 || true
}

# accounts for the login run, one per thread (two logins of one account at the same moment used to
# collide on the account row's version; one account per thread also matches real use): town cadres
# of 苏武镇 with the demo password (admin's hash), flagged demo (never dormant, no password age,
# removed with the demo accounts), unlocked and reset on every run:
# bench_login_accounts N → prints "bench-login-1,…"
bench_login_accounts() {
	$PSQL -c "insert into account (username, display_name, password_hash, org_path, demo, password_changed_at, created_at)
		select 'bench-login-' || g, 'bench login ' || g, (select password_hash from account where username = 'admin'),
			p.org_path, true, now(), now()
		from generate_series(1, $1) g, place p where p.code = '620621110'
		on conflict (username) do update set password_hash = excluded.password_hash, enabled = true,
			failed_attempts = 0, locked_until = null, must_change_password = false, totp_enabled = false" >/dev/null
	$PSQL -c "insert into role_assignment (account_id, role, place_code, org_path)
		select a.id, 'TOWN_CADRE', p.code, p.org_path from account a, place p
		where a.username like 'bench-login-%' and p.code = '620621110' on conflict do nothing" >/dev/null
	seq -f 'bench-login-%g' 1 "$1" | paste -sd, -
}

# a login run with bench/login/LoginLoad.java at $CONNECTIONS threads, $WARMUP of warm-up:
# bench_login NAME PORT app|bare USERS [DURATION] → $OUT/NAME.txt, prints "NAME RESULT …"
bench_login() {
	java bench/login/LoginLoad.java --url="http://127.0.0.1:$2" --mode="$3" --users="$4" \
		--password=Xiangzhi@2026 --threads="$CONNECTIONS" --warmup="$(bench_seconds "$WARMUP")" \
		--duration="$(bench_seconds "${5:-$DURATION}")" > "$OUT/$1.txt" 2>&1 || true
	echo "$1 $(grep RESULT "$OUT/$1.txt")"
}
