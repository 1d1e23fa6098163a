#!/usr/bin/env bash
# Security checklist 30: crash PostgreSQL right after each receipt and prove that every report a
# resident got a tracking code for is still there after the restart.
#
# It runs against a PostgreSQL cluster of its own (default: 15/xzdurability on port 5499, created
# on first use with pg_createcluster) so that crashing it disturbs nobody else; set PG_VERSION,
# PG_CLUSTER and PG_PORT to use another one. "pg_ctlcluster ... stop -m immediate" is PostgreSQL's
# crash: the server quits without a checkpoint, as after kill -9 (the script can also kill -9 the
# postmaster: CRASH=kill9). Needs root (or the postgres user) for pg_ctlcluster, curl and psql.
#
#   bench/durability.sh            # 5 reports, crash after each
#   REPORTS=20 CRASH=kill9 bench/durability.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PG_VERSION=${PG_VERSION:-15}
PG_CLUSTER=${PG_CLUSTER:-xzdurability}
PG_PORT=${PG_PORT:-5499}
REPORTS=${REPORTS:-5}
CRASH=${CRASH:-immediate}
APP_PORT=${APP_PORT:-18089}
DB=xz_durability
BASE="http://127.0.0.1:${APP_PORT}"
PLACE=620621110212
WORK=$(mktemp -d)
APP_PID=
trap 'test -n "$APP_PID" && kill "$APP_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

psql_db() { su postgres -c "psql -X -q -t -A -p ${PG_PORT} -d ${DB} -c \"$1\""; }

if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "${PG_VERSION}/${PG_CLUSTER}"; then
  echo "creating cluster ${PG_VERSION}/${PG_CLUSTER} on port ${PG_PORT}"
  pg_createcluster "${PG_VERSION}" "${PG_CLUSTER}" --port "${PG_PORT}" >/dev/null
fi
pg_ctlcluster "${PG_VERSION}" "${PG_CLUSTER}" start 2>/dev/null || true
su postgres -c "psql -X -q -p ${PG_PORT} -c \"alter user postgres password 'postgres'\""
su postgres -c "dropdb -p ${PG_PORT} --if-exists ${DB}; createdb -p ${PG_PORT} ${DB}"

JAR=$(ls target/xiangzhi-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -B -o -DskipTests package
  JAR=$(ls target/xiangzhi-*.jar | grep -v original | head -1)
fi

echo "starting Xiangzhi on ${BASE} against ${PG_VERSION}/${PG_CLUSTER}"
XIANGZHI_DB_URL="jdbc:postgresql://127.0.0.1:${PG_PORT}/${DB}" XIANGZHI_DB_USER=postgres XIANGZHI_DB_PASSWORD=postgres \
  PORT=${APP_PORT} XIANGZHI_CASES_INTAKE_MINFILLTIME=0s XIANGZHI_CASES_INTAKE_REPORTSPERDEVICE=1000 \
  XIANGZHI_CASES_INTAKE_REPORTSPERADDRESS=1000 XIANGZHI_CASES_PHOTODIR="$WORK/photos" \
  java -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!

wait_ready() {
  for _ in $(seq 1 240); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "${BASE}/actuator/health/readiness")" = 200 ]; then return 0; fi
    sleep 0.5
  done
  echo "application not ready; log:"; tail -50 "$WORK/app.log"; exit 1
}
wait_ready

echo "synchronous_commit = $(psql_db 'show synchronous_commit')"
: >"$WORK/receipts"
for i in $(seq 1 "$REPORTS"); do
  jar="$WORK/cookies-$i"
  html=$(curl -s -c "$jar" -b "$jar" "${BASE}/r/${PLACE}")
  token=$(sed -n 's/.*name="submissionToken" value="\([^"]*\)".*/\1/p' <<<"$html" | head -1)
  csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$html" | head -1)
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
    -F "_csrf=${csrf}" -F "submissionToken=${token}" -F "category=other" \
    -F "description=durability report ${i} $(date +%s%N)" "${BASE}/r/${PLACE}")
  code=${location##*/track/}
  if [ -z "$location" ] || [ "$code" = "$location" ]; then
    echo "report $i got no receipt (location '${location}')"; exit 1
  fi
  echo "$code" >>"$WORK/receipts"
  # the receipt is in hand: crash the database at once
  if [ "$CRASH" = kill9 ]; then
    datadir=$(pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $6}')
    kill -9 "$(head -1 "${datadir}/postmaster.pid")"
    # the backends notice their postmaster is gone and exit; then the cluster starts with crash recovery
    for _ in $(seq 1 40); do
      pg_ctlcluster "${PG_VERSION}" "${PG_CLUSTER}" start 2>/dev/null && break
      sleep 0.5
    done
  else
    pg_ctlcluster "${PG_VERSION}" "${PG_CLUSTER}" stop -m immediate
    pg_ctlcluster "${PG_VERSION}" "${PG_CLUSTER}" start
  fi
  echo "report $i: receipt $code, database crashed and restarted"
  wait_ready
done

missing=0
while read -r code; do
  found=$(psql_db "select count(*) from case_record where tracking_code = '${code}'")
  if [ "$found" != 1 ]; then echo "MISSING after crash: $code"; missing=$((missing + 1)); fi
done <"$WORK/receipts"
total=$(wc -l <"$WORK/receipts")
if [ "$missing" -ne 0 ]; then echo "FAIL: ${missing} of ${total} receipted reports lost"; exit 1; fi
echo "OK: all ${total} receipted reports survived ${total} crashes (${CRASH})"
