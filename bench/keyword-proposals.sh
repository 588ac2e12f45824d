#!/usr/bin/env bash
# The desk's keyword proposals through the product path, weighed against the site's own
# articles (decision 0053) and not weighed, in the same go: the livedoor articles at even
# places in path order (the half the keyword weights were chosen on, decision 0043) are
# imported with the packaged jar's `import --publish` as the site's archive; then an editor,
# logged in, asks `/editor/articles/proposals` for each of LIMIT articles at odd places, its
# headline left out of the manuscript (first paragraph as lead, the rest as body). Counted: the
# share of the first five proposals found in the left-out headline (NFKC), and how many of them
# are source names. The same site is then started with every term weighing the same
# (`--kawaraban.editorial.keyword-weights.min-articles` above the archive) and asked the same.
#
#   LIMIT=400 bench/keyword-proposals.sh
#
# Environment: CORPUS, JAR (default target/kawaraban.jar), JAVA, PORT (PORT and PORT+1,
# default 8186-8187), LIMIT (default 400). The corpus is unpacked under /tmp, never into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpora/livedoor-dev.tar.gz}
[[ -f $CORPUS ]] || CORPUS=/work/shared/corpora/livedoor-dev.tar.gz
JAR=${JAR:-target/kawaraban.jar}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PORT=${PORT:-8186}
LIMIT=${LIMIT:-400}
source bench/corpus.sh   # sets TARGET, the extracted corpus
[[ -f $JAR ]] || ./mvnw -q -B package -DskipTests
JAR=$(realpath "$JAR")
WORK=$(mktemp -d /tmp/kawaraban-proposals.XXXXXX)
trap 'kill ${site_pid:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT
export KAWARABAN_ADMIN_PASSWORD=bench-admin-password-53
echo "== work dir $WORK; load before: $(uptime | sed 's/.*load average: //')"

# The archive: articles at even places in path order, hard-linked (not copied) into a folder of their own.
find "$TARGET/livedoor" -type f -name '*-[0-9]*.txt' | sort > "$WORK/all.txt"
mkdir -p "$WORK/archive"
awk 'NR % 2 == 1' "$WORK/all.txt" | while read -r file; do
    mkdir -p "$WORK/archive/$(basename "$(dirname "$file")")"
    ln "$file" "$WORK/archive/$(basename "$(dirname "$file")")/"
done
awk -v limit="$LIMIT" 'NR % 2 == 0 && ++n <= limit' "$WORK/all.txt" > "$WORK/manuscripts.txt"

"$JAVA" -jar "$JAR" setup --data-dir="$WORK/data" --name=ベンチ新聞 --base-url=https://bench.example \
    --admin-email=desk@bench.example --server.port=$((PORT + 1)) > "$WORK/setup.log" 2>&1
"$JAVA" -jar "$JAR" import --publish --data-dir="$WORK/data" --server.port=$((PORT + 1)) "$WORK/archive" \
    > "$WORK/import.out" 2> "$WORK/import.err" || true
echo "== archive: $(grep -c '"id"' "$WORK/import.out") articles published, $(grep -c '"error"' "$WORK/import.out") refused"

site() { # name, extra arguments…
    local name=$1; shift
    "$JAVA" -jar "$JAR" --kawaraban.data-dir="$WORK/data" --server.port=$PORT "$@" > "$WORK/site-$name.log" 2>&1 &
    site_pid=$!
    until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
        kill -0 "$site_pid" 2>/dev/null || { echo "the site did not start: $WORK/site-$name.log" >&2; exit 1; }
        sleep 1
    done
}
stop() { kill "$site_pid"; wait "$site_pid" 2>/dev/null || true; site_pid=; }

site weighed
python3 bench/keyword-proposals.py "http://127.0.0.1:$PORT" "$WORK/manuscripts.txt" "$WORK/site-weighed.log" \
    "weighed against the site's articles"
stop
site unweighed --kawaraban.editorial.keyword-weights.min-articles=100000000
python3 bench/keyword-proposals.py "http://127.0.0.1:$PORT" "$WORK/manuscripts.txt" "$WORK/site-unweighed.log" \
    "every term weighing the same"
stop
echo "== load after: $(uptime | sed 's/.*load average: //')"
