#!/usr/bin/env bash
# The entity model's cost where entity candidates are proposed (the editors' desk): the rules
# alone against the rules and the model, on the same livedoor articles in one JVM, with the
# keyword and date work indexing does per article for scale.
#
#   bench/entity-candidates.sh [CORPUS_TARBALL]      (SAMPLE=500 articles by default)
#
# The corpus is extracted under /tmp and never copied into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-${CORPUS:-../shared/corpora/livedoor-dev.tar.gz}}
[[ -f $CORPUS ]] || CORPUS=/work/shared/corpora/livedoor-dev.tar.gz
source bench/corpus.sh   # sets TARGET, the extracted corpus
echo "== load before: $(uptime)"
# the properties go to the test JVM as Maven user properties (the pom fixes its argLine)
./mvnw -q -B test -Dtest=EntityCandidatesBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkawaraban.bench=true -Dkawaraban.corpus="$TARGET/livedoor" ${SAMPLE:+-Dkawaraban.bench.sample=$SAMPLE} \
    | grep -v "^\[" || true
echo "== load after: $(uptime)"
