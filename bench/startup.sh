#!/usr/bin/env bash
# Start-up time and idle resident memory on the embedded H2 default with demo data, in the three ways
# the application is launched (issue 6, item 7; targets ≤ 10 s and ≤ 400 MB):
#
#   mvn   the README's `./mvnw spring-boot:run`: the JVM the Maven plugin forks (the pom's jvmArguments
#         and the plugin's -XX:TieredStopAtLevel=1, classes from target/classes); timed from that JVM's
#         own start, and also from the mvnw command (Maven's own start and up-to-date check included)
#   jar   `java $APP_JAVA_OPTS -jar target/xiangzhi-*.jar`
#   cds   the jar extracted (`java -Djarmode=tools -jar … extract`) and run with a class-data-sharing
#         archive made by one training run (docs/configuration.md, "Start-up")
#
# "Start-up" is from launch until /actuator/health/readiness answers UP, which is after the demo data
# is loaded (the log's "Started … in" comes before it). Each way is started BENCH_STARTS times (3) on a
# fresh ./data (the first start: migrations and all demo data) and once more on the data it left (a
# restart); the median first start is reported. Idle memory: VmRSS 10 s after the last first start.
#
#   bench/startup.sh                      prints the table
#   BENCH_STARTUP_REPORT=FILE bench/startup.sh   also writes it as a Markdown fragment (bench/run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
STARTS=${BENCH_STARTS:-3}
PORT=${BENCH_STARTUP_PORT:-18190}
WAYS=${BENCH_STARTUP_WAYS:-mvn jar cds}
REPORT=${BENCH_STARTUP_REPORT:-}
WORK=$(mktemp -d)
trap 'bench_stop_all; rm -rf "$WORK"' EXIT
bench_app_jar
if (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "port $PORT is in use: set BENCH_STARTUP_PORT"; exit 2; fi

# milliseconds from a process's start (its start time in clock ticks, from /proc) until the moment
# the system's uptime was UPTIME (seconds): age_ms PID UPTIME
age_ms() {
	awk -v tck="$(getconf CLK_TCK)" -v up="$2" \
		'{ sub(/.*\) /, ""); printf "%d", (up - $20 / tck) * 1000 }' "/proc/$1/stat"
}

# the JVM started with our port (for mvn: the forked one, not Maven's own), read from /proc so that
# a bare machine without procps will do
jvm_pid() {
	local f cmd
	for f in /proc/[0-9]*/cmdline; do
		cmd=$(tr '\0' ' ' < "$f" 2>/dev/null) || continue
		[[ $cmd == java* || $cmd == */java* ]] || continue
		[[ $cmd == *"--server.port=$PORT"* && $cmd != *plexus-classworlds* ]] || continue
		f=${f%/cmdline}; echo "${f#/proc/}"; return 0
	done
	return 1
}

# starts one way in DIR and waits for readiness: launch WAY DIR → sets LAUNCHER (the command),
# LAUNCHED_PID (its JVM), JVM_MS (since the JVM started) and WALL_MS (since the command started)
launch() {
	local way=$1 dir=$2 t0 pid up
	mkdir -p "$dir"
	t0=$(date +%s%N)
	case $way in
	mvn) ./mvnw -q -B spring-boot:run -Dspring-boot.run.workingDirectory="$dir" \
		-Dspring-boot.run.arguments="--server.port=$PORT" > "$dir/app.log" 2>&1 & ;;
	# shellcheck disable=SC2086 # the options are a list
	jar) (cd "$dir" && exec java $APP_JAVA_OPTS -jar "$APP_JAR" --server.port="$PORT") > "$dir/app.log" 2>&1 & ;;
	# shellcheck disable=SC2086
	cds) (cd "$dir" && exec java $APP_JAVA_OPTS -XX:SharedArchiveFile="$WORK/app.jsa" -jar "$WORK/app/$(basename "$APP_JAR")" \
		--server.port="$PORT") > "$dir/app.log" 2>&1 & ;;
	esac
	LAUNCHER=$!
	BENCH_PIDS+=("$LAUNCHER")
	local i
	for i in $(seq 1 2400); do
		if curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; then
			WALL_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
			up=$(cut -d' ' -f1 /proc/uptime)
			# jar and cds exec the JVM in the launcher's process; Maven forks it
			pid=$LAUNCHER
			[ "$way" != mvn ] || pid=$(jvm_pid)
			LAUNCHED_PID=$pid
			JVM_MS=$(age_ms "$pid" "$up")
			return 0
		fi
		kill -0 "$LAUNCHER" 2>/dev/null || { echo "the $way start ended, see $dir/app.log" >&2; return 1; }
		sleep 0.05
	done
	echo "the $way start was not ready after 120 s, see $dir/app.log" >&2
	return 1
}

stop() { # the launcher and, for mvn, its forked JVM
	kill "$LAUNCHED_PID" 2>/dev/null || true
	bench_stop "$LAUNCHER"
	while kill -0 "$LAUNCHED_PID" 2>/dev/null; do sleep 0.1; done
}

median() { sort -n | awk '{a[NR] = $1} END { print a[int((NR + 1) / 2)] }'; }

# compiled before the first timed start (spring-boot:run checks, and compiles what changed)
if [[ " $WAYS " == *" mvn "* ]]; then ./mvnw -q -B compile > /dev/null; fi
if [[ " $WAYS " == *" cds "* ]]; then
	# Spring Boot's recipe: extract, then one training run that stops after the context refresh and
	# writes the archive of every class it loaded
	java -Djarmode=tools -jar "$APP_JAR" extract --destination "$WORK/app" > /dev/null
	mkdir -p "$WORK/train"
	# shellcheck disable=SC2086
	(cd "$WORK/train" && java $APP_JAVA_OPTS -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh \
		-jar "$WORK/app/$(basename "$APP_JAR")" --server.port="$PORT") > "$WORK/train.log" 2>&1
	echo "cds: archive $(du -m "$WORK/app.jsa" | cut -f1) MB from one training run"
fi

rows=()
for way in $WAYS; do
	: > "$WORK/$way.jvm"; : > "$WORK/$way.wall"
	for n in $(seq 1 "$STARTS"); do
		launch "$way" "$WORK/$way-$n"
		echo "$JVM_MS" >> "$WORK/$way.jvm"; echo "$WALL_MS" >> "$WORK/$way.wall"
		echo "$way first start $n: ready after $JVM_MS ms (JVM), $WALL_MS ms (command)"
		if [ "$n" = "$STARTS" ]; then sleep 10; rss=$(bench_rss_kb "$LAUNCHED_PID"); fi
		stop
	done
	launch "$way" "$WORK/$way-$STARTS"
	stop
	echo "$way restart: ready after $JVM_MS ms (JVM), $WALL_MS ms (command); idle RSS $rss kB"
	rows+=("$way $(median < "$WORK/$way.jvm") $(sort -n "$WORK/$way.jvm" | paste -sd/) $(median < "$WORK/$way.wall") $JVM_MS $rss")
done

{
	echo "| launch | first start, median (all) | restart | resident memory idle |"
	echo "| --- | ---: | ---: | ---: |"
	for r in "${rows[@]}"; do
		read -r way med all wall restart rss <<< "$r"
		case $way in
		mvn) label="\`./mvnw spring-boot:run\` (the README; the forked JVM, -XX:TieredStopAtLevel=1; the whole command: $(awk -v m="$wall" 'BEGIN { printf "%.1f s", m / 1000 }'))" ;;
		jar) label="\`java $APP_JAVA_OPTS -jar\`" ;;
		cds) label="\`java $APP_JAVA_OPTS -XX:SharedArchiveFile=app.jsa -jar\` on the extracted jar (docs/configuration.md, \"Start-up\")" ;;
		esac
		awk -v l="$label" -v m="$med" -v a="$all" -v r="$restart" -v k="$rss" \
			'BEGIN { printf "| %s | **%.1f s** (%s ms) | %.1f s | %.0f MB |\n", l, m / 1000, a, r / 1000, k / 1024 }'
	done
} | tee "$WORK/table.md"
[ -z "$REPORT" ] || cp "$WORK/table.md" "$REPORT"
