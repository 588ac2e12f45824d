#!/usr/bin/env bash
# Search as the apps and pages ask for it, two builds on the same site in the same go: each build
# in turn serves one data directory, and wrk sends GET /api/v1/search?q=… with a different query
# on each request (words taken at run time from the corpus's headlines: runs of two or more
# kanji or three or more katakana; never written into the project). Rounds alternate
# A, B, A, B, … so that a change of the machine's load falls on both builds alike. Each round
# reports the requests per second and latencies wrk saw, and the CPU time the app's process spent
# per request answered (user + system, from /proc): on a machine other work shares, throughput
# follows that work, while CPU per request stays close to what the build itself costs. The
# summary gives each build's median over its rounds, and B's as a ratio of A's.
#
#   BASE=/tmp/before.jar CHANGE=/tmp/after.jar DATA_DIR=/path/to/data bench/search-api.sh
#
# DATA_DIR: a site's data directory (e.g. the one bench/recommendations-product.sh leaves, 3,737
# livedoor articles); it is copied, never changed. Environment: ROUNDS (default 3 per build),
# DURATION (default 20s per round), CONNECTIONS (default 8), QUERIES (default 500), PORT
# (default 8496), CORPUS (default ../shared/corpora/livedoor-dev.tar.gz), JAVA.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
: "${BASE:?BASE=the baseline jar}" "${CHANGE:?CHANGE=the changed jar}" "${DATA_DIR:?DATA_DIR=the data directory of a site}"
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CORPUS=${CORPUS:-$ROOT/../shared/corpora/livedoor-dev.tar.gz}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
QUERIES=${QUERIES:-500}
PORT=${PORT:-8496}
WORK=$(mktemp -d /tmp/kawaraban-search-api.XXXXXX)
APP_PID=
stop_app() {
    [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}
trap 'stop_app; rm -rf "$WORK"' EXIT
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "port $PORT is already in use; stop whatever listens there first" >&2
    exit 1
fi
[[ -f $CORPUS ]] || { echo "corpus not found: $CORPUS" >&2; exit 1; }
echo "== work dir: $WORK; load before: $(uptime | sed 's/.*load average: //')"

# The queries: headline words of the corpus, a fixed sample, URL-encoded into a wrk script.
tar -xzf "$CORPUS" -C "$WORK"
python3 - "$WORK" "$QUERIES" > "$WORK/queries.lua" <<'PY'
import pathlib, random, re, sys, urllib.parse
work, wanted = pathlib.Path(sys.argv[1]), int(sys.argv[2])
words = set()
for path in sorted(work.rglob("*-[0-9]*.txt")):
    lines = path.read_text(encoding="utf-8").splitlines()
    if len(lines) > 2:
        words.update(re.findall(r"[\u4e00-\u9fff]{2,}|[\u30a0-\u30ff]{3,}", lines[2]))
sample = random.Random(19).sample(sorted(words), min(wanted, len(words)))
print("local paths = {")
for word in sample:
    print('  "/api/v1/search?size=20&q=%s",' % urllib.parse.quote(word))
print("}")
print("local n = 0")
print("request = function() n = n + 1; return wrk.format('GET', paths[(n % #paths) + 1]) end")
PY
rm -rf "$WORK/livedoor"
echo "== $(grep -c '/api/v1/search' "$WORK/queries.lua") queries"

cp -a "$DATA_DIR" "$WORK/data"
start_app() { # jar
    "$JAVA" -Xmx1g -jar "$1" --kawaraban.data-dir="$WORK/data" --server.port="$PORT" > "$WORK/app.log" 2>&1 &
    APP_PID=$!
    for ((i = 0; i < 180; i++)); do
        curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q '"UP"' && return 0
        kill -0 "$APP_PID" 2>/dev/null || { echo "the app died; its log:" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
        sleep 1
    done
    echo "the app did not start" >&2; exit 1
}
declare -A RPS P50 P99 CPU
for ((round = 1; round <= ROUNDS; round++)); do
    for build in A B; do
        jar=$BASE; [[ $build == B ]] && jar=$CHANGE
        start_app "$jar"
        wrk -t2 -c"$CONNECTIONS" -d10s --timeout 10s -s "$WORK/queries.lua" "http://127.0.0.1:$PORT" > /dev/null # warm-up
        ticks=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
        wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$WORK/queries.lua" "http://127.0.0.1:$PORT" > "$WORK/wrk.out"
        ticks=$(($(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat") - ticks))
        answered=$(awk '/requests in/ { print $1 }' "$WORK/wrk.out")
        cpu=$(echo "scale=2; $ticks * 1000 / $(getconf CLK_TCK) / $answered" | bc)
        grep -qE 'Non-2xx' "$WORK/wrk.out" && { echo "errors in round $round, $build:" >&2; cat "$WORK/wrk.out" >&2; exit 1; }
        RPS[$build]+="$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk.out") "
        CPU[$build]+="$cpu "
        P50[$build]+="$(awk '$1 == "50%" { print $2 }' "$WORK/wrk.out") "
        P99[$build]+="$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.out") "
        echo "   round $round, $build: $cpu ms of CPU a request, $(awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk.out") requests/s, p50 $(awk '$1 == "50%" { print $2 }' "$WORK/wrk.out"), p99 $(awk '$1 == "99%" { print $2 }' "$WORK/wrk.out"); $(grep -o 'timeout [0-9]*' "$WORK/wrk.out" || echo 'timeout 0') at 10 s; load $(uptime | sed 's/.*load average: //')"
        stop_app
    done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
a=$(echo "${RPS[A]}" | median); b=$(echo "${RPS[B]}" | median)
ca=$(echo "${CPU[A]}" | median); cb=$(echo "${CPU[B]}" | median)
echo "== A ($BASE): median $ca ms of CPU a request, $a requests/s; p50 ${P50[A]}; p99 ${P99[A]}"
echo "== B ($CHANGE): median $cb ms of CPU a request, $b requests/s; p50 ${P50[B]}; p99 ${P99[B]}"
echo "== B/A CPU a request: $(echo "scale=3; $cb / $ca" | bc); requests per second: $(echo "scale=3; $b / $a" | bc)"
echo "== load after: $(uptime | sed 's/.*load average: //')"
