#!/usr/bin/env bash
# The whole performance run in one command (see bench/README.md):
#
#     bench/run.sh                                         # county dataset, 30 s per figure
#     BENCH_SIZE=province bench/run.sh                     # 甘肃: 17,718 villages, 6.4 M households,
#                                                          # 24.5 M residents, 10 M cases (≈ 1 h to generate)
#     BENCH_DURATION=10s BENCH_WARMUP=10s bench/run.sh     # smoke run
#
# 1. builds the application and bench/bare-endpoint when their jars are missing (BENCH_REBUILD=1: always);
# 2. reuses the dataset in BENCH_DB (default xz_county or xz_province) or makes it: 甘肃's divisions,
#    the registry generator over the dataset's scope (BENCH_SIZE=county: 民勤县 620621, 289 villages ×
#    400 households ≈ 445,000 residents, 300,000 cases; province: 甘肃 62, 17,718 villages × 360 households,
#    10,000,000 cases; BENCH_HOUSEHOLDS_PER_VILLAGE and BENCH_CASES override), cases with CaseQueueBench
#    (which also times "the newest 20" over every prefix of the scope);
# 3. starts Xiangzhi and the bare endpoint on that PostgreSQL database and measures, at
#    BENCH_CONNECTIONS (16) connections for BENCH_DURATION each:
#      baselines  pgbench insert / read by id (custom scripts, same SQL), bare endpoint insert / read /
#                 login (one account read and one password check)
#      scenarios  intake JSON API, Open311 POST, case detail by id, "20 newest in my town" (a town cadre
#                 token per town, random towns), registry search by exact ID number (half of them
#                 registered residents), place counts (province/county/town/village), login (the form,
#                 its CSRF token, the session cookie; bench/login/LoginLoad.java);
# 4. the Excel import of 100,000 residents (ImportBench on the same database) next to the database's
#    own insert of the same rows;
# 5. start-up on the embedded H2 default with demo data (bench/startup.sh: the README's command, the jar,
#    the jar with a class-data-sharing archive) and resident memory (idle, and of the PostgreSQL
#    instance idle and under the intake load);
# 6. two nodes behind nginx (bench/two-nodes.sh, full; BENCH_TWO_NODES=0 skips it);
# 7. appends a dated section to docs/performance.md and writes bench/results/<run>/index.html.
# Needs PostgreSQL on BENCH_PGHOST (trust auth), wrk, pgbench and nginx (Debian: wrk, postgresql-client, nginx).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${BENCH_SIZE:-county}
case $SIZE in
county) SCOPE=620621; HPV=${BENCH_HOUSEHOLDS_PER_VILLAGE:-400}; CASES=${BENCH_CASES:-300000} ;;
province) SCOPE=62; HPV=${BENCH_HOUSEHOLDS_PER_VILLAGE:-360}; CASES=${BENCH_CASES:-10000000} ;;
*) echo "BENCH_SIZE is county or province"; exit 2 ;;
esac
BENCH_DB=${BENCH_DB:-xz_$SIZE}
. bench/lib.sh

WARMUP=${BENCH_WARMUP:-30s}
DURATION=${BENCH_DURATION:-30s}
APP_PORT=${BENCH_APP_PORT:-18180}
BARE_PORT=${BENCH_BARE_PORT:-18181}
TOWNS=${BENCH_TOWNS:-200}
DIVISIONS=${BENCH_DIVISIONS:-../shared/data/modood-china-division-2.7.0}
RUN=run-$(date -u +%Y%m%dT%H%M%SZ)
OUT=$PWD/bench/results/$RUN
REPORT=${BENCH_REPORT:-docs/performance.md}
mkdir -p "$OUT"
# a fresh machine of this kind has PostgreSQL and a JDK but not wrk or nginx: install them from
# Debian's packages when we may (root, or password-less sudo)
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v pgbench >/dev/null || missing+=(postgresql-client)
if (( ${#missing[@]} )) && command -v apt-get >/dev/null; then
	sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo -n"
	echo "installing ${missing[*]} from Debian's packages"
	$sudo_ apt-get update -q >/dev/null && $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null || true
fi
for tool in wrk pgbench psql curl openssl java; do
	command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y wrk postgresql-client nginx)"; exit 1; }
done
log() { echo "[$(date +%T)] $*" | tee -a "$OUT/progress.txt"; }
T_START=$(date +%s)

# ---------------------------------------------------------------- build and dataset
log "build"
bench_build
[[ -n $($PSQL_ADMIN -c "select 1 from pg_database where datname = '$DB'") ]] || $PSQL_ADMIN -c "create database $DB"
# a command of the application (no web server) on the bench database: migrations and demo accounts
# come with its first start
app_command() {
	java -Xmx2g -jar "$APP_JAR" --spring.main.web-application-type=none --spring.datasource.url="$PGURL?reWriteBatchedInserts=true" \
		--spring.datasource.username="$PGUSER_" --xiangzhi.demo.cases=false "$@"
}
places=$($PSQL -c "select count(*) from place where org_path like '/62/%'" 2>/dev/null || echo 0)
if (( places < 19000 )); then
	log "loading 甘肃's divisions"
	app_command --xiangzhi.command=load-divisions --dir="$DIVISIONS" --province=62 > "$OUT/divisions.log" 2>&1
fi
ROOT=$($PSQL -c "select org_path from place where code = '$SCOPE'")
VILLAGES=$($PSQL -c "select count(*) from place where level = 'VILLAGE' and org_path like '$ROOT%'")
households=$($PSQL -c "select count(*) from household where org_path like '$ROOT%'")
if (( households < VILLAGES * HPV * 95 / 100 )); then
	log "$DB holds $households households under $SCOPE: generating $HPV per village in $VILLAGES villages (restartable; about 12,000 residents/s)"
	flag=--county=$SCOPE; [[ ${#SCOPE} == 2 ]] && flag=--province=$SCOPE
	app_command --xiangzhi.command=generate $flag --households-per-village="$HPV" > "$OUT/generate-registry.log" 2>&1
	$PSQL -c "analyze household; analyze resident; analyze household_tag; analyze resident_tag"
fi
# the registry tallies (ADR 14) recomputed in bulk: a dataset made by an older version, or loaded
# around the application, counts right all the same
log "registry tallies: rebuild-tallies"
app_command --xiangzhi.command=rebuild-tallies > "$OUT/tallies.log" 2>&1 || { log "rebuild-tallies failed: $OUT/tallies.log"; exit 1; }
grep -o "rebuild-tallies: .*" "$OUT/tallies.log" | tail -1 | tee -a "$OUT/progress.txt" || true
log "cases: topping up to $CASES under $SCOPE and timing the newest 20 over every prefix (CaseQueueBench)"
XIANGZHI_TEST_DB_URL=$PGURL XIANGZHI_TEST_DB_USER=$PGUSER_ ./mvnw -q -B test -Dtest=CaseQueueBench \
	-Dbench.cases="$CASES" -Dbench.prefix="$SCOPE" -Dbench.divisions="$DIVISIONS" -Dsurefire.failIfNoSpecifiedTests=false \
	> "$OUT/generate-cases.log" 2>&1 || { log "CaseQueueBench failed: $OUT/generate-cases.log"; exit 1; }
cp target/case-queue-bench.txt "$OUT/case-queue-bench-all.txt" 2>/dev/null || true
# the last report of CaseQueueBench: from its last header line to the end
awk '/cases=.*CaseQueries.newest/ {buf = ""} {buf = buf $0 "\n"} END {printf "%s", buf}' target/case-queue-bench.txt > "$OUT/case-queue-bench.txt"
# statistics for the planner: this machine's PostgreSQL runs with autovacuum off (CI's setting)
log "analyze"
$PSQL -c "analyze"
existing=$($PSQL -c "select count(*) from case_record")
MAX_ID=$($PSQL -c "select max(id) from case_record")
RESIDENTS=$($PSQL -c "select count(*) from resident")
HOUSEHOLDS=$($PSQL -c "select count(*) from household")
PLACES=$($PSQL -c "select count(*) from place")
DB_SIZE=$($PSQL -c "select pg_size_pretty(pg_database_size(current_database()))")
log "dataset: $existing cases (ids up to $MAX_ID), $HOUSEHOLDS households, $RESIDENTS residents, $PLACES places, $DB_SIZE"

# ---------------------------------------------------------------- PostgreSQL's own rates
cat > "$OUT/pg-insert.sql" <<'SQL'
insert into case_record (tracking_code, org_path, county_code, town_code, village_code, unit_code, handling_level,
	category_code, dispute, status, channel, description, submitted_at, accept_due, dispatch_due, handle_due,
	revisit_due, version, updated_at)
values (upper(substr(md5(random()::text), 1, 16)), '/62/6206/620621/620621110/620621110212/', '620621', '620621110',
	'620621110212', '620621110212', 'VILLAGE', 'other', false, 'SUBMITTED', 'API', 'bench report pgbench', now(),
	now() + interval '1 day', now() + interval '3 days', now() + interval '10 days', now() + interval '30 days', 0, now())
returning id;
SQL
cat > "$OUT/pg-read.sql" <<SQL
\set id random(1, $MAX_ID)
select id, tracking_code, status, description from case_record where id = :id;
SQL

# ---------------------------------------------------------------- applications on PostgreSQL
log "starting Xiangzhi (:$APP_PORT) and the bare endpoint (:$BARE_PORT) on $DB"
bench_start_app "$APP_PORT" "$OUT/xiangzhi.log"
bench_start_bare "$BARE_PORT" "$OUT/bare.log"
trap bench_stop_all EXIT
bench_wait_started "$OUT/xiangzhi.log" "$APP_PID"
bench_wait_started "$OUT/bare.log" "$BARE_PID"
sleep 5
RSS_PG_IDLE=$(bench_rss_kb "$APP_PID")

# credentials with known secrets: intake as before (苏武镇 admin, 民勤县 Open311 client), a system
# admin for detail and registry reads, and a town cadre per sampled 甘肃 town for the queue
bench_intake_lua "$(bench_token TOWN_ADMIN 620621110)" "$(bench_open311_client 620621)"
ADMIN=$(bench_token SYSTEM_ADMIN 000000)
$PSQL -c "select code from place where level = 'TOWN' and org_path like '$ROOT%' order by random() limit $TOWNS" > "$OUT/towns.txt"
: > "$OUT/town-tokens.txt"
while read -r town; do echo "$(bench_token TOWN_CADRE "$town") $town" >> "$OUT/town-tokens.txt"; done < "$OUT/towns.txt"
# place counts per level: the province, the scope's counties (a city for the county dataset: its
# parent), 50 towns and 200 villages of the scope
$PSQL -c "select '62'" > "$OUT/codes-PROVINCE.txt"
$PSQL -c "select code from place where level = 'COUNTY' and org_path like '$ROOT%'" > "$OUT/codes-COUNTY.txt"
$PSQL -c "select code from place where level = 'TOWN' and org_path like '$ROOT%' order by random() limit 50" > "$OUT/codes-TOWN.txt"
$PSQL -c "select code from place where level = 'VILLAGE' and org_path like '$ROOT%' order by random() limit 200" > "$OUT/codes-VILLAGE.txt"
cat "$OUT"/codes-{PROVINCE,COUNTY,TOWN,VILLAGE}.txt > "$OUT/place-codes.txt"

bench_lua bare-read <<LUA
request = function()
	return wrk.format("GET", "/bare/cases/" .. math.random(1, $MAX_ID))
end
LUA
bench_lua detail <<LUA
wrk.headers["Authorization"] = "Bearer $ADMIN"
request = function()
	return wrk.format("GET", "/api/v1/cases/" .. math.random(1, $MAX_ID))
end
LUA
bench_lua queue <<LUA
-- "20 newest in my town": every request is a town cadre of a random town asking for its queue
local pairs_ = {}
for line in io.lines("$OUT/town-tokens.txt") do
	local token, town = line:match("(%S+) (%S+)")
	pairs_[#pairs_ + 1] = { token, town }
end
request = function()
	local p = pairs_[math.random(#pairs_)]
	return wrk.format("GET", "/api/v1/cases?limit=20", { ["Authorization"] = "Bearer " .. p[1] })
end
LUA
# registered residents with known ID numbers, so that half of the searches find someone: one
# household of one resident in each of BENCH_KNOWN villages of the scope, created through the API
# (the same numbers on every run: a number already registered answers 422 and is still a hit)
id_number() { # COUNTY YYYYMMDD SEQ → an 18-digit number with its ISO 7064 check digit
	awk -v b="$1$2$3" 'BEGIN { split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); c = "10X98765432"
		for (i = 1; i <= 17; i++) s += substr(b, i, 1) * w[i]; print b substr(c, s % 11 + 1, 1) }'
}
$PSQL -c "select v.code, v.parent_code, t.parent_code from place v join place t on t.code = v.parent_code
	where v.level = 'VILLAGE' and v.org_path like '$ROOT%' order by v.code limit ${BENCH_KNOWN:-200}" > "$OUT/known-villages.txt"
: > "$OUT/known-ids.txt"
i=0
while IFS='|' read -r village town county; do
	idn=$(id_number "$county" "$(printf '%04d%02d%02d' $((1950 + i % 50)) $((1 + i / 50 % 12)) $((1 + i % 28)))" 977)
	status=$(curl -s -o "$OUT/known-last.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $ADMIN" \
		-H 'Content-Type: application/json' "http://127.0.0.1:$APP_PORT/api/v1/households" \
		-d "{\"villageCode\":\"$village\",\"address\":\"测试路$i号\",\"members\":[{\"name\":\"柏测试\",\"idNumber\":\"$idn\",\"relation\":\"HEAD\"}]}")
	echo "$status" >> "$OUT/known-status.txt"
	[[ $status == 201 || $status == 422 ]] && echo "$idn" >> "$OUT/known-ids.txt"
	i=$((i + 1))
done < "$OUT/known-villages.txt"
log "known residents: $(grep -c 201 "$OUT/known-status.txt" || true) created, $(grep -c 422 "$OUT/known-status.txt" || true) already there (422), $(grep -vc '201\|422' "$OUT/known-status.txt" || true) failed (last answer: $(head -c 200 "$OUT/known-last.json"))"
$PSQL -c "select code from place where level = 'COUNTY' and org_path like '$ROOT%'" > "$OUT/counties.txt"
bench_lua residents <<LUA
-- registry search by exact ID number: half of the requests a registered resident's number, half a
-- random valid 18-digit number (ISO 7064 check digit) of a county in the scope, nearly always a miss
wrk.headers["Authorization"] = "Bearer $ADMIN"
local known, counties = {}, {}
for line in io.lines("$OUT/known-ids.txt") do known[#known + 1] = line end
for line in io.lines("$OUT/counties.txt") do counties[#counties + 1] = line end
local weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local checks = "10X98765432"
request = function()
	local idn
	if #known > 0 and math.random(2) == 1 then
		idn = known[math.random(#known)]
	else
		local body = string.format("%s%04d%02d%02d%03d", counties[math.random(#counties)], math.random(1940, 2010),
			math.random(1, 12), math.random(1, 28), math.random(0, 999))
		local sum = 0
		for i = 1, 17 do sum = sum + tonumber(body:sub(i, i)) * weights[i] end
		idn = body .. checks:sub(sum % 11 + 1, sum % 11 + 1)
	end
	return wrk.format("GET", "/api/v1/residents?idNumber=" .. idn)
end
LUA
places_lua() { # NAME CODES_FILE
	bench_lua "$1" <<LUA
-- household and resident counts of a place (GET /api/v1/places/{code}), a random code of the file
wrk.headers["Authorization"] = "Bearer $ADMIN"
local codes = {}
for line in io.lines("$2") do codes[#codes + 1] = line end
request = function()
	return wrk.format("GET", "/api/v1/places/" .. codes[math.random(#codes)])
end
LUA
}
places_lua places "$OUT/place-codes.txt"
for level in PROVINCE COUNTY TOWN VILLAGE; do places_lua "places-$level" "$OUT/codes-$level.txt"; done
LOGIN_USERS=$(bench_login_accounts "$CONNECTIONS")
# one request of each by curl first: a wrong status shows here rather than as wrk "errors"
for probe in "/api/v1/cases/1" "/api/v1/places/62" "/api/v1/places/$SCOPE" "/api/v1/residents?idNumber=$(head -1 "$OUT/known-ids.txt")"; do
	echo "GET $probe → $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$APP_PORT$probe")" >> "$OUT/probes.txt"
done
read -r t1 town1 < "$OUT/town-tokens.txt"
echo "GET /api/v1/cases?limit=20 as cadre of $town1 → $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $t1" "http://127.0.0.1:$APP_PORT/api/v1/cases?limit=20")" >> "$OUT/probes.txt"
cat "$OUT/probes.txt"

# the resident memory of the application, sampled every second while wrk runs against it
rss_watch() { # FILE
	while kill -0 "$APP_PID" 2>/dev/null; do bench_rss_kb "$APP_PID" >> "$1"; sleep 1; done
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "warm-up ($WARMUP per script; load average $LOAD_BEFORE)"
for s in bare bare-read; do bench_warm "$BARE_PORT" $s; done
for s in api open311 detail queue residents places; do bench_warm "$APP_PORT" $s; done

log "measuring ($DURATION per figure, $CONNECTIONS connections)"
{
	bench_pgbench pg-insert "$OUT/pg-insert.sql"
	bench_wrk bare-insert "$BARE_PORT" bare
	rss_watch "$OUT/rss-load.txt" & WATCH=$!
	bench_wrk api "$APP_PORT" api
	bench_wrk open311 "$APP_PORT" open311
	kill $WATCH 2>/dev/null || true; wait $WATCH 2>/dev/null || true
	bench_wrk bare-insert-2 "$BARE_PORT" bare
	bench_pgbench pg-read "$OUT/pg-read.sql"
	bench_wrk bare-read "$BARE_PORT" bare-read
	bench_wrk detail "$APP_PORT" detail
	bench_wrk queue "$APP_PORT" queue
	bench_wrk residents "$APP_PORT" residents
	for level in PROVINCE COUNTY TOWN VILLAGE; do bench_wrk "places-$level" "$APP_PORT" "places-$level"; done
	bench_wrk bare-read-2 "$BARE_PORT" bare-read
	# last: every login leaves a session row (30 minutes) and an audit row
	bench_login bare-login "$BARE_PORT" bare "$LOGIN_USERS"
	bench_login login "$APP_PORT" app "$LOGIN_USERS"
	bench_login bare-login-2 "$BARE_PORT" bare "$LOGIN_USERS"
} | tee "$OUT/summary.txt"
RSS_PG_LOAD=$(sort -n "$OUT/rss-load.txt" | tail -1)
bench_stop "$APP_PID"
bench_stop "$BARE_PID"

# ---------------------------------------------------------------- Excel import of 100,000 residents
# ImportBench on the same database: a roster of 25,000 households × 4 residents in a fresh village
# (read with the streaming reader, validated, imported in one transaction), the same file again
# (which must create nothing), and the database's own INSERT ... SELECT of the same rows, rolled back
log "Excel import of 100,000 residents (ImportBench on $DB)"
rm -f target/import-bench.txt
XIANGZHI_TEST_DB_URL=$PGURL XIANGZHI_TEST_DB_USER=$PGUSER_ ./mvnw -q -B test -Dtest=ImportBench \
	-Dsurefire.failIfNoSpecifiedTests=false > "$OUT/import.log" 2>&1 || log "ImportBench failed: $OUT/import.log"
IMPORT_LINE=$(tail -1 target/import-bench.txt 2>/dev/null || true)
echo "$IMPORT_LINE" > "$OUT/import.txt"
imp() { grep -o " $1=[0-9.]*" "$OUT/import.txt" | head -1 | cut -d= -f2; }
IMPORT_RESIDENTS=$(imp residents); IMPORT_READ=$(imp read); IMPORT_VALIDATE=$(imp validate); IMPORT_WRITE=$(imp import)
IMPORT_TOTAL=$(grep -o "read+validate+import=[0-9.]*" "$OUT/import.txt" | cut -d= -f2)
IMPORT_AGAIN=$(grep -o "reimport(read+validate+write)=[0-9.]*" "$OUT/import.txt" | cut -d= -f2)
IMPORT_BASE=$(grep -o "rolled back)=[0-9.]*" "$OUT/import.txt" | cut -d= -f2)
log "import: ${IMPORT_LINE:-failed}"

# ---------------------------------------------------------------- start-up on the embedded default
log "start-up on H2 with demo data (bench/startup.sh: the README's command, the jar, the jar with a CDS archive)"
BENCH_STARTUP_REPORT="$OUT/startup.md" bash bench/startup.sh > "$OUT/startup.txt" 2>&1 || log "startup.sh failed: $OUT/startup.txt"
grep -E "restart|^\\| " "$OUT/startup.txt" | tee -a "$OUT/progress.txt" || true

# ---------------------------------------------------------------- two nodes behind nginx
: > "$OUT/two-nodes.md"
if [[ "${BENCH_TWO_NODES:-1}" == 1 ]]; then
	log "two nodes behind nginx (bench/two-nodes.sh, its own small database)"
	BENCH_REPORT="$OUT/two-nodes.md" BENCH_DB=${BENCH_TWO_NODES_DB:-xz_scale} BENCH_DURATION=$DURATION \
		bash bench/two-nodes.sh > "$OUT/two-nodes.txt" 2>&1 || log "two-nodes.sh reported a failure: $OUT/two-nodes.txt"
	grep -E "^(PASS|FAIL)" "$OUT/two-nodes.txt" | tee -a "$OUT/progress.txt" || true
fi

# ---------------------------------------------------------------- report
f() { bench_field "$1" "$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b > 0) printf "%.0f %%", 100 * a / b; else print "—" }'; }
avg() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (a + b) / 2 }'; }
BARE_INS=$(avg "$(f bare-insert rps)" "$(f bare-insert-2 rps)")
BARE_READ=$(avg "$(f bare-read rps)" "$(f bare-read-2 rps)")
BARE_LOGIN=$(avg "$(f bare-login rps)" "$(f bare-login-2 rps)")
PG_INS=$(f pg-insert rps)
PG_READ=$(f pg-read rps)
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
ERRORS=$(grep -o "errors=[0-9]*" "$OUT/summary.txt" | cut -d= -f2 | paste -sd+ | bc || true)
PGVER=$($PSQL -c "show server_version")
PGCONF=$($PSQL -c "select string_agg(name || ' ' || current_setting(name), ', ' order by name) from pg_settings
	where name in ('shared_buffers', 'autovacuum', 'synchronous_commit', 'fsync', 'max_connections', 'work_mem')")
JAVAVER=$(java -version 2>&1 | head -1)
MEM=$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo " (with uncommitted changes)")

rows=( # name|label|kind (insert/read/baseline)
	"pg-insert|PostgreSQL: the insert (pgbench, \`-n -f\`)|baseline"
	"bare-insert|bare endpoint \`POST /bare/cases\` (before)|baseline"
	"bare-insert-2|bare endpoint \`POST /bare/cases\` (after)|baseline"
	"api|intake \`POST /api/v1/cases\`|insert"
	"open311|Open311 \`POST /open311/v2/requests.json\`|insert"
	"pg-read|PostgreSQL: the read by id (pgbench)|baseline"
	"bare-read|bare endpoint \`GET /bare/cases/{id}\` (before)|baseline"
	"bare-read-2|bare endpoint \`GET /bare/cases/{id}\` (after)|baseline"
	"detail|case detail \`GET /api/v1/cases/{id}\` (random id)|read"
	"queue|20 newest in my town \`GET /api/v1/cases?limit=20\` (town cadre, $TOWNS random towns)|read"
	"residents|registry search by exact ID number \`GET /api/v1/residents?idNumber=\`|read"
	"places-PROVINCE|place counts \`GET /api/v1/places/{code}\`: the province|read"
	"places-COUNTY|place counts: the counties of the scope|read"
	"places-TOWN|place counts: 50 towns|read"
	"places-VILLAGE|place counts: 200 villages|read"
	"bare-login|bare endpoint \`POST /bare/login\` (one account read, one password check; before)|baseline"
	"bare-login-2|bare endpoint \`POST /bare/login\` (after)|baseline"
	"login|login \`GET /login\` + \`POST /login\` + \`GET /\` (fresh cookie jar, $CONNECTIONS accounts)|login"
)
{
	echo
	echo "## Benchmark run $(date -u +%F), $SIZE dataset (\`BENCH_SIZE=$SIZE bench/run.sh\`, $RUN)"
	echo
	echo "Machine: $(nproc) cores, $MEM, Linux $(uname -r), $JAVAVER, PostgreSQL $PGVER, wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')."
	echo "PostgreSQL settings: $PGCONF. Load average (1, 5, 15 min) before the warm-up: $LOAD_BEFORE."
	echo "The machine is shared and noisy (other sessions build and test on it), and the application, the"
	echo "baseline, PostgreSQL and the load generator share its cores: read the ratios, not the absolute figures."
	echo "Commit $COMMIT; dataset \`$DB\` ($SIZE size, scope $SCOPE, $DB_SIZE): $(printf "%'.0f" "$existing") cases,"
	echo "$(printf "%'.0f" "$HOUSEHOLDS") households, $(printf "%'.0f" "$RESIDENTS") residents, $(printf "%'.0f" "$PLACES") places. $CONNECTIONS connections (pgbench: clients), ${DURATION} per figure after ${WARMUP} of"
	echo "warm-up per script. Ratios: requests/s of the scenario over the baseline's (bare endpoint: the mean of"
	echo "its run before and after). Raw output and an HTML summary: \`bench/results/$RUN/index.html\` (not in git)."
	echo
	echo "| run | requests/s | p50 | p90 | p99 | errors | vs bare endpoint | vs PostgreSQL |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for row in "${rows[@]}"; do
		IFS='|' read -r name label kind <<< "$row"
		rps=$(f "$name" rps)
		case $kind in
		insert) vb=$(ratio "$rps" "$BARE_INS"); vp=$(ratio "$rps" "$PG_INS") ;;
		read) vb=$(ratio "$rps" "$BARE_READ"); vp=$(ratio "$rps" "$PG_READ") ;;
		login) vb=$(ratio "$rps" "$BARE_LOGIN"); vp="" ;;
		*) vb=""; vp="" ;;
		esac
		[ "$kind" = baseline ] && [[ $name == bare-* && $name != bare-login* ]] && vp=$(ratio "$rps" "$([[ $name == *insert* ]] && echo "$PG_INS" || echo "$PG_READ")")
		b=""; [ "$kind" != baseline ] && b="**"
		printf "| %s | %s | %s ms | %s ms | %s ms | %s | %s | %s |\n" "$label" "$(printf "%'.0f" "${rps:-0}")" \
			"$(f "$name" p50)" "$(f "$name" p90)" "$(f "$name" p99)" "$(f "$name" errors)" \
			"${vb:+$b$vb$b}" "${vp:+$b$vp$b}"
	done
	persec() { awk -v n="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%'"'"'.0f", n / t; else print "—" }'; }
	if [[ -n "$IMPORT_TOTAL" ]]; then
		echo "| Excel import of $(printf "%'.0f" "$IMPORT_RESIDENTS") residents (\`ImportBench\`: read $IMPORT_READ s, validate $IMPORT_VALIDATE s, import $IMPORT_WRITE s; the same file again $IMPORT_AGAIN s, nothing created) | $(persec "$IMPORT_RESIDENTS" "$IMPORT_TOTAL") residents/s, **$IMPORT_TOTAL s** | | | | 0 | | **$(ratio "$IMPORT_BASE" "$IMPORT_TOTAL")** |"
		echo "| PostgreSQL: the same rows from one \`INSERT … SELECT\` each (rolled back) | $(persec "$IMPORT_RESIDENTS" "$IMPORT_BASE") residents/s, $IMPORT_BASE s | | | | | | |"
	else
		echo "| Excel import of 100,000 residents | failed: see \`bench/results/$RUN/import.log\` | | | | | | |"
	fi
	echo
	echo "The newest 20 over every prefix of the scope (\`CaseQueueBench\`, one query per prefix, warm):"
	echo
	echo '```'
	cat "$OUT/case-queue-bench.txt"
	echo '```'
	echo
	echo "Start-up and footprint (\`bench/startup.sh\`): from launch until \`/actuator/health/readiness\` answers UP (after"
	echo "the demo data is loaded), on the embedded H2 default with a fresh \`./data\` (the first start: migrations and"
	echo "all demo data; target ≤ 10 s), and a restart on the data it left; resident memory 10 s after the start:"
	echo
	cat "$OUT/startup.md" 2>/dev/null || echo "(failed: see \`bench/results/$RUN/startup.txt\`)"
	echo
	echo "The PostgreSQL instance (\`$APP_JAVA_OPTS\`): idle $(mb "$RSS_PG_IDLE"), at most **$(mb "${RSS_PG_LOAD:-0}")** under the intake"
	echo "load (sampled every second during the API and Open311 runs; target ≤ 400 MB)."
	echo
	echo "Requests that failed (non-2xx, socket errors) over all runs: ${ERRORS:-?}. Requests probed once before the"
	echo "load: $(sed 's/$/;/' "$OUT/probes.txt" | paste -sd' ')"
	cat "$OUT/two-nodes.md"
	echo
	echo "The whole run took $(( ($(date +%s) - T_START) / 60 )) minutes."
} > "$OUT/report.md"
cat "$OUT/report.md" >> "$REPORT"

# the HTML summary: the same table, and the raw output of every run
{
	echo "<!doctype html><meta charset=utf-8><title>Xiangzhi benchmark $RUN</title>"
	echo "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}table{border-collapse:collapse}"
	echo "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}td:first-child{text-align:left}</style>"
	echo "<h1>Xiangzhi benchmark $RUN</h1><pre>"
	sed -n '/^Machine/,/^$/p' "$OUT/report.md" | sed 's/&/\&amp;/g; s/</\&lt;/g'
	echo "</pre><table><tr><th>run</th><th>requests/s</th><th>p50</th><th>p90</th><th>p99</th><th>errors</th><th>vs bare</th><th>vs PostgreSQL</th><th>raw</th></tr>"
	grep '^| ' "$OUT/report.md" | grep -v '^| run |' | grep -v '^| ---' | while IFS= read -r line; do
		IFS='|' read -r _ label rps p50 p90 p99 err vb vp _ <<< "$line"
		echo "<tr><td>${label//\`/}</td><td>$rps</td><td>$p50</td><td>$p90</td><td>$p99</td><td>$err</td><td>${vb//\*/}</td><td>${vp//\*/}</td><td></td></tr>"
	done
	echo "</table><p>Raw output: $(for t in "$OUT"/*.txt; do n=$(basename "$t"); echo "<a href=\"$n\">$n</a>"; done)</p><pre>"
	sed -n '/^Start-up/,$p' "$OUT/report.md" | sed 's/&/\&amp;/g; s/</\&lt;/g'
	echo "</pre>"
} > "$OUT/index.html"
log "appended to $REPORT; HTML summary: bench/results/$RUN/index.html"
