#!/usr/bin/env bash
# Relevance of "recommended for you" through the product path (issue 19): the livedoor
# corpus's held-out half (livedoor-dev, 3,743 articles in 9 categories) imported into a fresh
# site with the packaged jar's `import --publish`, then every imported article's five
# recommendations read back over HTTP from /api/v1/articles/{id}/recommendations, as the apps
# and pages get them; precision@5 = share of the five from the article's own category.
#
#   1. lists as the bulk import left them (computed once the import's index was complete);
#   2. the same lists recomputed afterwards: `rebuild-search` marks every list stale, the site
#      recomputes a stale list when it is read, and the lists are read again once none is stale;
#   3. plain Lucene MoreLikeThis over the site's own index, in the same run: the same articles
#      as the import stored them (ProductIndexMoreLikeThisBench), for comparison. SKIP_MLT=1
#      leaves it out.
#
#   PORT=8196 bench/recommendations-product.sh      ports PORT and PORT+1 (8196-8197 by default);
#   JAR=/tmp/main.jar SKIP_RECOMPUTED=1 ...        another jar; step 2 left out
#   the corpus is never copied into the project
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpora/livedoor-dev.tar.gz}
JAR=${JAR:-target/kawaraban.jar}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
WORK=${WORK:-$(mktemp -d /tmp/kawaraban-relevance.XXXXXX)}
PORT=${PORT:-8196}
export KAWARABAN_ADMIN_PASSWORD=bench-admin-password-19
[[ -f $CORPUS ]] || { echo "corpus not found: $CORPUS" >&2; exit 1; }
[[ -f $JAR ]] || ./mvnw -q -B package -DskipTests
JAR=$(realpath "$JAR")
echo "work folder: $WORK; machine load: $(uptime | sed 's/.*load average: //')"
mkdir -p "$WORK/corpus"
tar -xzf "$CORPUS" -C "$WORK/corpus"
# The corpus's own article files, as they are (its LICENSE, README and CHANGES files are no articles).
find "$WORK/corpus/livedoor" -type f ! -name '*-[0-9]*.txt' -delete

"$JAVA" -jar "$JAR" setup --data-dir="$WORK/data" --name=ベンチ新聞 --base-url=https://bench.example \
    --admin-email=desk@bench.example --server.port=$((PORT + 1)) > "$WORK/setup.log" 2>&1
start=$(date +%s.%N)
"$JAVA" -jar "$JAR" import --publish --data-dir="$WORK/data" --server.port=$((PORT + 1)) "$WORK/corpus/livedoor" \
    > "$WORK/import.out" 2> "$WORK/import.err" || true
echo "import --publish: $(grep -c '"id"' "$WORK/import.out") articles stored in $(echo "$(date +%s.%N) - $start" | bc) s," \
    "$(grep -c '"error"' "$WORK/import.out") files refused"

# The site itself reads its data folder from kawaraban.data-dir (--data-dir is the commands' short form):
# given --data-dir, it started on its default folder with the demo edition, and every read was a 404.
site() { # starts the site on the data folder and waits until it answers
    "$JAVA" -jar "$JAR" --kawaraban.data-dir="$WORK/data" --server.port=$PORT > "$WORK/site-$1.log" 2>&1 &
    site_pid=$!
    until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
        kill -0 "$site_pid" 2>/dev/null || { echo "the site did not start: $WORK/site-$1.log" >&2; exit 1; }
        sleep 1
    done
}
stop() { kill "$site_pid"; wait "$site_pid" 2>/dev/null || true; }

site import
python3 bench/recommendations-product.py "$WORK/import.out" "http://127.0.0.1:$PORT" "lists from the bulk import"
stop

if [[ -z ${SKIP_RECOMPUTED:-} ]]; then
"$JAVA" -jar "$JAR" rebuild-search --data-dir="$WORK/data" --server.port=$((PORT + 1)) > "$WORK/rebuild.out" 2> "$WORK/rebuild.err"
site recomputed
# The first read of a stale list serves it and recomputes it in the background (two at a time):
# read again every 20 s until two reads in a row give the same figures.
previous=""
for round in 1 2 3 4 5 6 7 8 9 10; do
    now=$(python3 bench/recommendations-product.py "$WORK/import.out" "http://127.0.0.1:$PORT" "lists recomputed after the import")
    [[ $now == "$previous" ]] && break
    previous=$now
    sleep 20
done
echo "$now (read $round times)"
stop
fi

if [[ -z ${SKIP_MLT:-} ]]; then
    # The site is stopped: its index is read as it left it (after step 2, as rebuild-search rebuilt it).
    echo "MoreLikeThis in the same run, on the site's own index (the imported text):"
    ./mvnw -q -B test -Dtest=ProductIndexMoreLikeThisBench -Dsurefire.failIfNoSpecifiedTests=false \
        -DargLine="-Dkawaraban.bench.product-index=$WORK/data/search -Dkawaraban.bench.import-out=$WORK/import.out" \
        | grep -E 'precision' || true
fi
echo "machine load after: $(uptime | sed 's/.*load average: //')"
