#!/usr/bin/env bash
# Archive import and index rebuild at scale, through the packaged jar as an operator runs them
# (issue 16, decision 0029):
#
#   1. baseline: BASE_JAR (e.g. main's jar before this change) imports BASE_COUNT files into a
#      freshly set-up site, in the same run, for the ratio;
#   2. `import --publish FOLDER` of COUNT corpus-derived files into a freshly set-up site, timed
#      end to end: until the command exits, which is once every article is stored, indexed,
#      tagged and has its recommendation list computed against the whole archive;
#   3. the same import killed with SIGKILL halfway, then the same command again: total time,
#      and no file stored twice (every file has one id across both runs; rebuild-search counts
#      the published articles in the database);
#   4. rebuild-search on that site, timed; then killed halfway and run again.
#
# Each run's stderr (the application's log) is searched for exceptions.
#
#   bench/import.sh [COUNT]      COUNT defaults to 100000
#   BASE_JAR=/path/main.jar BASE_COUNT=500 bench/import.sh 3000
#   ONLY_IMPORT=1 ...            steps 1 and 2 only (no kill and resume, no rebuild)
#
# The JVM's peak resident memory is reported (GNU time's %M); the embedded PostgreSQL's
# processes are not in it.
#
# The corpus is extracted under a temporary folder and never copied into the project; the
# derived files (bench/import-corpus.py) are written there too. Ports 18120-18129.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-100000}
BASE_COUNT=${BASE_COUNT:-500}
BASE_JAR=${BASE_JAR:-}
CORPUS=${CORPUS:-../shared/corpora/livedoor-dev.tar.gz}
JAR=${JAR:-target/kawaraban.jar}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
WORK=${WORK:-$(mktemp -d /tmp/kawaraban-import.XXXXXX)}
export KAWARABAN_ADMIN_PASSWORD=bench-admin-password-16
[[ -f $CORPUS ]] || { echo "corpus not found: $CORPUS" >&2; exit 1; }
[[ -f $JAR ]] || ./mvnw -q -B package -DskipTests
JAR=$(realpath "$JAR")

echo "work folder: $WORK"
mkdir -p "$WORK/corpus"
tar -xzf "$CORPUS" -C "$WORK/corpus"
python3 bench/import-corpus.py "$WORK/corpus/livedoor" "$WORK/files" "$COUNT"
if [[ -n $BASE_JAR ]]; then
    python3 bench/import-corpus.py "$WORK/corpus/livedoor" "$WORK/base-files" "$BASE_COUNT"
fi

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
load() { uptime | sed 's/.*load average: //'; }
# Exceptions in a log: stack traces' first lines, not the JVM's warnings about native access.
exceptions() { grep -cE '(Exception|Error)(:| )' "$1" | tr -d '\n' || true; }

# A freshly set-up site (no demo edition), as `setup` leaves it. $1 jar, $2 data dir.
fresh_site() {
    "$JAVA" -jar "$1" setup --data-dir="$2" --name=ベンチ新聞 --base-url=https://bench.example \
        --admin-email=desk@bench.example --server.port=18120 > "$2.setup.log" 2>&1
}

# $1 label, $2 jar, $3 data dir, $4 files or folder...: runs the import, prints the line.
import_run() {
    local label=$1 jar=$2 data=$3; shift 3
    local start end
    start=$(now)
    /usr/bin/time -f '%M %U %S' -o "$WORK/$label.rss" \
        "$JAVA" ${KAWARABAN_HEAP:+-Xmx$KAWARABAN_HEAP} -jar "$jar" import --publish --data-dir="$data" --server.port=18121 "$@" \
        > "$WORK/$label.out" 2> "$WORK/$label.err" || true
    end=$(now)
    echo "$(elapsed "$start" "$end")"
}

report() { # $1 label, $2 seconds, $3 articles
    printf '%-28s %8s articles %9.1f s %8.1f articles/s  exceptions in log: %s  stored: %s  peak RSS: %s MiB  JVM CPU: %s s  load: %s\n' \
        "$1" "$3" "$2" "$(echo "$3 / $2" | bc -l)" "$(exceptions "$WORK/$1.err")" \
        "$(grep -c '"id"' "$WORK/$1.out" || true)" "$(( $(tail -1 "$WORK/$1.rss" 2>/dev/null | cut -d' ' -f1 || echo 0) / 1024 ))" \
        "$(tail -1 "$WORK/$1.rss" 2>/dev/null | awk '{print $2 + $3}')" "$(load)"
}

echo "machine load before: $(load)"

# 1. baseline
if [[ -n $BASE_JAR ]]; then
    fresh_site "$BASE_JAR" "$WORK/base-data"
    # The old command takes files only: the folder's files in name order, as the new one reads a folder.
    mapfile -t base_files < <(find "$WORK/base-files" -type f | sort)
    t=$(import_run baseline "$BASE_JAR" "$WORK/base-data" "${base_files[@]}")
    report baseline "$t" "$BASE_COUNT"
    echo "  'Connection is not available' in its log: $(grep -c 'Connection is not available' "$WORK/baseline.err" || true)"
fi

# 2. the whole import
fresh_site "$JAR" "$WORK/template"
cp -a "$WORK/template" "$WORK/data"
t=$(import_run import "$JAR" "$WORK/data" "$WORK/files")
report import "$t" "$COUNT"
echo "  'Connection is not available' in its log: $(grep -c 'Connection is not available' "$WORK/import.err" || true)"

if [[ -n ${ONLY_IMPORT:-} ]]; then
    echo "machine load after: $(load)"
    exit 0
fi

# 3. killed halfway, then run again
cp -a "$WORK/template" "$WORK/resumed"
start=$(now)
"$JAVA" -jar "$JAR" import --publish --data-dir="$WORK/resumed" --server.port=18122 "$WORK/files" \
    > "$WORK/killed.out" 2> "$WORK/killed.err" &
pid=$!
while kill -0 "$pid" 2>/dev/null && (( $(grep -c '"id"' "$WORK/killed.out" || true) < COUNT / 2 )); do sleep 0.5; done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
# The embedded PostgreSQL the killed command started is stopped by the next start (decision 0019).
stored_at_kill=$(grep -c '"id"' "$WORK/killed.out" || true)
t2=$(import_run resumed "$JAR" "$WORK/resumed" "$WORK/files")
end=$(now)
report resumed "$t2" "$COUNT"
echo "  killed after $stored_at_kill files stored; both runs together: $(elapsed "$start" "$end") s"
echo "  files given an id by both runs (stored twice): $(cat "$WORK/killed.out" "$WORK/resumed.out" \
    | grep -o '"file":"[^"]*","[^}]*"id":' | grep -o '"file":"[^"]*"' | sort | uniq -d | wc -l)"
echo "  files found already imported by the second run: $(grep -c '"duplicateOf"' "$WORK/resumed.out" || true)"

# 4. rebuild-search, whole; then killed halfway and run again
start=$(now)
"$JAVA" -jar "$JAR" rebuild-search --data-dir="$WORK/data" --server.port=18123 > "$WORK/rebuild.out" 2> "$WORK/rebuild.err" || true
end=$(now)
report rebuild "$(elapsed "$start" "$end")" "$COUNT"
echo "  $(cat "$WORK/rebuild.out")"
"$JAVA" -jar "$JAR" rebuild-search --data-dir="$WORK/resumed" --server.port=18124 > "$WORK/rebuild-killed.out" 2> "$WORK/rebuild-killed.err" &
pid=$!
until grep -qE '\b[5-9][0-9]%' "$WORK/rebuild-killed.err" 2>/dev/null || ! kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
start=$(now)
"$JAVA" -jar "$JAR" rebuild-search --data-dir="$WORK/resumed" --server.port=18124 > "$WORK/rebuild-again.out" 2> "$WORK/rebuild-again.err" || true
end=$(now)
report rebuild-again "$(elapsed "$start" "$end")" "$COUNT"
echo "  killed at: $(tr '\r' '\n' < "$WORK/rebuild-killed.err" | grep -E '%' | tail -1)"
echo "  then: $(cat "$WORK/rebuild-again.out") (published articles in the resumed site's database)"
echo "  index folders left in the resumed site: $(ls "$WORK/resumed/search")"
echo "machine load after: $(load)"
