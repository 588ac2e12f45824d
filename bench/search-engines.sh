#!/usr/bin/env bash
# Search and recommendation latency of the embedded Lucene index and of OpenSearch, on the same
# articles in one run (decision 0036): Lucene is the baseline, OpenSearch its ratio.
#
#   ARTICLES=5000 bench/search-engines.sh [CORPUS_TARBALL]
#
# Starts one OpenSearch node (3.3, from Maven Central, in a JVM of its own with a 1 GiB heap) on
# a free port between 9210 and 9299, indexes the articles into both engines in batches of 200,
# then times the same searches and recommendations on each, one at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-${CORPUS:-../shared/corpora/livedoor-dev.tar.gz}}
ARTICLES=${ARTICLES:-5000}
source bench/corpus.sh   # sets TARGET, the extracted corpus
./mvnw -q -B test -Dtest=SearchEnginesBench -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Xmx2g -XX:TieredStopAtLevel=4 -Dkawaraban.bench=true -Dkawaraban.corpus=$TARGET/livedoor -Dkawaraban.bench.articles=$ARTICLES" \
    | grep -v "^\[" || true
