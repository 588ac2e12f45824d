#!/usr/bin/env bash
# The words analyzer before and after a change to the fold, in one JVM, rounds in turn over the
# same livedoor articles (so the ratio is taken on one load), and the heap the change adds
# (UniDic, decision 0047). BEFORE is a commit (default: main); the working tree is "after".
#
#   bench/fold-speed.sh [BEFORE] [ARTICLES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-main}; articles=${2:-1500}; rounds=${3:-5}
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
corpus=${KAWARABAN_CORPUS:-/tmp/kawaraban-corpus/livedoor}
if [ ! -d "$corpus" ]; then
    mkdir -p "$(dirname "$corpus")"
    tar -xzf ../shared/corpora/livedoor-dev.tar.gz -C "$(dirname "$corpus")"
fi
work=$(mktemp -d)
trap 'git worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/before" "$before" -q
(cd "$work/before" && ./mvnw -q -o -B compile -Dkawaraban.entity-model.skip=true)
./mvnw -q -o -B compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime \
    -Dkawaraban.entity-model.skip=true
echo "== load before: $(uptime)"
nice -n 5 "$java" -Xmx2g -cp "$(cat "$work/cp.txt")" bench/FoldSpeed.java \
    "$work/before/target/classes" target/classes "$corpus" "$articles" "$rounds"
echo "== load after: $(uptime)"
