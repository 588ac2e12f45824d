#!/usr/bin/env bash
# Password reset: time of the answer for a registered address against an unknown one
# (decision 0021). Starts target/kawaraban.jar on a fresh data directory (demo edition, mail
# to the directory), then sends N resets for each, alternating, each from its own client
# address (X-Forwarded-For from loopback, which the app trusts), with the limits raised so
# that no answer is a throttled one. Prints the median and the 90th percentile of each, in ms.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-50}
PORT=${PORT:-18431}
DATA=$(mktemp -d)
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*-2[1-9]-* /usr/lib/jvm/*-jdk-amd64 2>/dev/null | head -1)/bin/java}
"$JAVA" -jar target/kawaraban.jar --server.port="$PORT" --kawaraban.data-dir="$DATA" \
  --kawaraban.member.resets-per-account=100000 --kawaraban.member.attempts-per-address=100000 \
  > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do sleep 1; done
JAR="$DATA/cookies"
csrf=$(curl -s -c "$JAR" "http://127.0.0.1:$PORT/password/forgot" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
reset() { # email, client number -> seconds
  curl -s -o /dev/null -b "$JAR" -H "X-Forwarded-For: 198.18.$(( $2 / 250 )).$(( $2 % 250 + 1 ))" \
    --data-urlencode "email=$1" --data-urlencode "_csrf=$csrf" -w '%{time_total}\n' \
    "http://127.0.0.1:$PORT/password/forgot"
}
for i in 1 2 3 4 5; do reset paid@example.com $i >/dev/null; reset nobody-$i@example.com $i >/dev/null; done # warm-up
: > "$DATA/known"; : > "$DATA/unknown"
for i in $(seq 1 "$N"); do
  reset paid@example.com $(( 2 * i + 10 )) >> "$DATA/known"
  reset "nobody-$i-$RANDOM@example.com" $(( 2 * i + 11 )) >> "$DATA/unknown"
done
stats() { sort -n "$1" | awk '{ v[NR] = $1 * 1000 } END { printf "median %.1f ms, p90 %.1f ms (%d requests)\n", v[int((NR + 1) / 2)], v[int(NR * 0.9)], NR }'; }
echo "registered address: $(stats "$DATA/known")"
echo "unknown address:    $(stats "$DATA/unknown")"
