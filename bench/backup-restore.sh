#!/usr/bin/env bash
# Backup and restore: `backup` of a running site, then `restore` into a new data directory
# (which rebuilds the search index), against a baseline run in the same go: tar+gzip of the
# same site's database files with the site stopped (a cold copy, the cheapest backup there is).
#
#   bench/backup-restore.sh                 # the demo edition
#   ARTICLES=10000 bench/backup-restore.sh  # plus 10,000 articles from the livedoor corpus
#
# Environment: ARTICLES (default 0), CORPUS (default ../shared/corpora/livedoor-dev.tar.gz, only
# with ARTICLES > 0), JAVA (the JDK), JAR (default target/kawaraban.jar), PORT (default 18090).
# The corpus is extracted to a temp dir and never copied into the project.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-target/kawaraban.jar}
ARTICLES=${ARTICLES:-0}
CORPUS=${CORPUS:-$ROOT/../shared/corpora/livedoor-dev.tar.gz}
PORT=${PORT:-18090}
APP=http://127.0.0.1:$PORT

WORK=$(mktemp -d /tmp/kawaraban-backup-bench.XXXXXX)
APP_PID=
cleanup() {
    [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    rm -rf "$WORK/corpus" "$WORK/data" "$WORK/restored"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
echo "== work dir: $WORK"

if [[ $JAR == target/kawaraban.jar && ! -f $JAR ]]; then
    echo "== building target/kawaraban.jar"
    ./mvnw -q -DskipTests package
fi

CORPUS_ARGS=()
if ((ARTICLES > 0)); then
    [[ -f $CORPUS ]] || { echo "corpus not found: $CORPUS" >&2; exit 1; }
    mkdir -p "$WORK/corpus"
    tar -xzf "$CORPUS" -C "$WORK/corpus"
    CORPUS_DIR=$WORK/corpus/livedoor
    [[ -d $CORPUS_DIR ]] || CORPUS_DIR=$WORK/corpus
    CORPUS_ARGS=(--kawaraban.demo-corpus.dir="$CORPUS_DIR" --kawaraban.demo-corpus.articles="$ARTICLES")
fi

echo "== starting the site ($("$JAVA" -version 2>&1 | head -1)), demo edition + $ARTICLES corpus articles"
"$JAVA" -jar "$JAR" --kawaraban.data-dir="$WORK/data" --server.port="$PORT" "${CORPUS_ARGS[@]}" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for ((i = 0; i < 600; i++)); do
    if curl -sf "$APP/actuator/health" | grep -q '"UP"' \
        && { ((ARTICLES == 0)) || grep -qE 'Demo corpus: (loaded|.*already loaded)' "$WORK/app.log"; }; then
        break
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "the site died; see $WORK/app.log" >&2; tail -30 "$WORK/app.log" >&2; exit 1; }
    sleep 1
done
TOTAL=$(curl -sf "$APP/api/v1/articles?size=1" | jq -r .total)
echo "   $TOTAL published articles"

seconds() { # command... → wall-clock seconds on stdout, the command's output in $WORK/last.log
    local start end
    start=$(date +%s.%N)
    "$@" >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

echo "== backup of the running site"
BACKUP_S=$(seconds "$JAVA" -jar "$JAR" backup --to="$WORK/site.backup" --data-dir="$WORK/data")
grep '^Backup written' "$WORK/last.log"
BACKUP_BYTES=$(stat -c %s "$WORK/site.backup")

kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
echo "== baseline: tar+gzip of the stopped site's database files"
TAR_S=$(seconds tar -czf "$WORK/postgres.tar.gz" -C "$WORK/data" postgres)
TAR_BYTES=$(stat -c %s "$WORK/postgres.tar.gz")
DB_BYTES=$(du -sb "$WORK/data/postgres" | cut -f1)

echo "== restore into a new data directory (then the search index is rebuilt)"
RESTORE_S=$(seconds "$JAVA" -jar "$JAR" restore --from="$WORK/site.backup" --data-dir="$WORK/restored")
grep -E '^(Restored|Search index rebuilt)' "$WORK/last.log"
UNTAR_S=$(seconds tar -xzf "$WORK/postgres.tar.gz" -C "$WORK" --one-top-level=untarred)

echo
echo "== results ($(nproc) cores; $TOTAL articles; database files $DB_BYTES bytes)"
printf '| step | seconds | bytes | ratio to the baseline |\n| --- | ---: | ---: | ---: |\n'
printf '| tar+gzip of the stopped database (baseline) | %.1f | %d | 1 |\n' "$TAR_S" "$TAR_BYTES"
printf '| backup of the running site | %.1f | %d | %.1f× time, %.2f× size |\n' "$BACKUP_S" "$BACKUP_BYTES" \
    "$(echo "$BACKUP_S / $TAR_S" | bc -l)" "$(echo "$BACKUP_BYTES / $TAR_BYTES" | bc -l)"
printf '| untar (baseline) | %.1f | | 1 |\n' "$UNTAR_S"
printf '| restore, with the index rebuild | %.1f | | %.1f× |\n' "$RESTORE_S" "$(echo "$RESTORE_S / $UNTAR_S" | bc -l)"
