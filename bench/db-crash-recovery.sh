#!/usr/bin/env bash
# Recovery from a crash of the embedded PostgreSQL (issue 14, item 4; decision 0019):
#
#   ROUNDS=5 bench/db-crash-recovery.sh
#
# Environment: JAVA (a JDK 21 or newer; default Temurin 25), ROUNDS, PORT.
#
# Starts a copy of target/kawaraban.jar (built first if missing) on a fresh data directory with the demo
# edition, then ROUNDS times: kill -9 of the PostgreSQL postmaster, and a reader asking for the
# front page every 100 ms until it answers 200 again. Prints, per round, the time from the kill
# to the first 200, what the reader got meanwhile, and the slowest answer. Before decision 0019
# the site did not come back at all and each answer took 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
PORT=${PORT:-18093}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -f target/kawaraban.jar ] || ./mvnw -q -B package -DskipTests
DATA=$(mktemp -d)
LOG="$DATA/app.log"
cp target/kawaraban.jar "$DATA/kawaraban.jar" # a build running meanwhile may rewrite target/
"$JAVA" -jar "$DATA/kawaraban.jar" --kawaraban.data-dir="$DATA" --server.port="$PORT" \
    --management.endpoint.health.probes.enabled=true >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"; true' EXIT
URL="http://localhost:$PORT/"
# Ready once the start-up steps (the demo edition's loading among them) are done: a crash
# during those fails the start, as it always has.
READY="http://localhost:$PORT/actuator/health/readiness"
for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$READY" || true)" = 200 ] && break
    grep -q "Application run failed" "$LOG" && break
    sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$READY")" = 200 ] || { echo "the site did not start:"; tail -20 "$LOG"; exit 1; }
sleep 10 # let the demo edition's indexing settle
now_ms() { date +%s%3N; }
for round in $(seq 1 "$ROUNDS"); do
    PID=$(head -1 "$DATA/postgres/postmaster.pid")
    kill -9 "$PID"
    KILLED=$(now_ms)
    declare -A seen=()
    slowest=0
    while true; do
        start=$(now_ms)
        code=$(curl -s -o /dev/null -m 60 -w '%{http_code}' "$URL" || echo 000)
        took=$(( $(now_ms) - start ))
        (( took > slowest )) && slowest=$took
        if [ "$code" = 200 ]; then break; fi
        seen[$code]=$(( ${seen[$code]:-0} + 1 ))
        sleep 0.1
    done
    meanwhile=""
    for code in "${!seen[@]}"; do meanwhile+="${seen[$code]}×$code "; done
    echo "round $round: first 200 after $(( $(now_ms) - KILLED )) ms; meanwhile ${meanwhile:-nothing else}; slowest answer $slowest ms"
    unset seen
    sleep 5
done
