#!/usr/bin/env bash
# Relevance of "recommended for you" on the livedoor corpus: precision@5 (share of the five
# recommendations from the article's own category), ours against plain Lucene MoreLikeThis
# on the same index, in one run.
#
#   bench/recommendations.sh [CORPUS_TARBALL]      (SAMPLE=500 to ask for fewer articles)
#   AS_IMPORTED=1 bench/recommendations.sh          texts cut as the import keeps them (lead apart,
#                                                   no related-articles list at the end), roughly
#   AS_IMPORTED=reader bench/recommendations.sh     texts as the importer itself reads the files
#                                                   (its PageReader): what the product stores
#
# The corpus is extracted under /tmp and never copied into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-${CORPUS:-../shared/corpora/livedoor-dev.tar.gz}}
source bench/corpus.sh   # sets TARGET, the extracted corpus
case ${AS_IMPORTED:-} in
    "") cut="" ;;
    reader) cut="-Dkawaraban.bench.as-imported=reader" ;;
    *) cut="-Dkawaraban.bench.as-imported=true" ;;
esac
./mvnw -q -B test -Dtest=RecommendationRelevanceBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkawaraban.bench=true -Dkawaraban.corpus="$TARGET/livedoor" ${SAMPLE:+-Dkawaraban.bench.sample=$SAMPLE} \
    -DargLine="-Dkawaraban.bench=true -Dkawaraban.corpus=$TARGET/livedoor ${SAMPLE:+-Dkawaraban.bench.sample=$SAMPLE} $cut" \
    | grep -v "^\[" || true
