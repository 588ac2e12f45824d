#!/usr/bin/env bash
# Search and recommendation latency on a large generated index (issue 4's speed targets):
#
#   ARTICLES=100000 bench/search-speed.sh [CORPUS_TARBALL]
#
# Builds /tmp/kawaraban-speed-$ARTICLES from the livedoor corpus on the first run (kept for
# later runs of the same size), then times 2,000 searches and 1,000 recommendations.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-${CORPUS:-../shared/corpora/livedoor-dev.tar.gz}}
ARTICLES=${ARTICLES:-100000}
source bench/corpus.sh   # sets TARGET, the extracted corpus
./mvnw -q -B test -Dtest=SearchSpeedBench -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Xmx4g -XX:TieredStopAtLevel=4 -Dkawaraban.bench=true -Dkawaraban.corpus=$TARGET/livedoor -Dkawaraban.bench.articles=$ARTICLES" \
    | grep -v "^\[" || true
