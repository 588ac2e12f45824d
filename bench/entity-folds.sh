#!/usr/bin/env bash
# bench/entities.sh's cross-validation in one JVM (EntityFoldsBench): the same folds, the same
# classes called directly instead of through the jar, two folds at a time. For trying a change
# to the entity model quickly; its figure equals the jar's for the same classes (decision 0054),
# and the jar's (bench/entities.sh) is the one to report.
#
#   bench/entity-folds.sh [-Dkawaraban.bench.only=0,2] [-Dkawaraban.bench.errors=FILE]
#                         [-Dkawaraban.bench.predictions=FILE] [-Dkawaraban.bench.epochs=12]
#
# Environment: CORPUS (default ../shared/corpora/ner-wikipedia/train.json, else
# /work/shared/corpora/ner-wikipedia/train.json), JAVA (the JDK). Compiles the tests first.
# Files written with -D… hold the sentences' text: keep them out of the project (CC BY-SA 3.0).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CORPUS=${CORPUS:-../shared/corpora/ner-wikipedia/train.json}
[[ -f $CORPUS ]] || CORPUS=/work/shared/corpora/ner-wikipedia/train.json
./mvnw -q -B test-compile -Dkawaraban.entity-model.skip=true
CLASSPATH_FILE=$(mktemp /tmp/kawaraban-classpath.XXXXXX)
trap 'rm -f "$CLASSPATH_FILE"' EXIT
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
echo "== load before: $(uptime)"
"$JAVA" -Xmx3g -cp "target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")" -Dkawaraban.corpus.ner="$CORPUS" "$@" \
    jp.kawaraban.bench.EntityFoldsBench
echo "== load after: $(uptime)"
