#!/usr/bin/env bash
# What one analysis pass costs per article on the livedoor corpus: the words, bigrams and
# numbers chains the search index runs, and keyword extraction, each over every article's
# body on one thread (CPU time of that thread, so other work on the machine does not count).
#
#   bench/analysis-speed.sh [CORPUS_TARBALL]
#
# The corpus is extracted under /tmp and never copied into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-${CORPUS:-../shared/corpora/livedoor-dev.tar.gz}}
source bench/corpus.sh   # sets TARGET, the extracted corpus
echo "== load before: $(uptime)"
./mvnw -q -B test -Dtest=AnalysisSpeedBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkawaraban.bench=true -Dkawaraban.corpus="$TARGET/livedoor" | grep -v "^\[" || true
echo "== load after: $(uptime)"
