#!/usr/bin/env bash
# The words analyzer before and after a change to the fold, in one JVM, rounds in turn over the
# same livedoor articles (so the ratio is taken on one load), the heap the change adds and the
# time its table takes to load (UniDic, decisions 0047 and 0050). BEFORE is a commit (default:
# main); the working tree is "after". CORPUS: the livedoor tarball (bench/corpus.sh).
#
#   bench/fold-speed.sh [BEFORE] [ARTICLES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-main}; articles=${2:-1500}; rounds=${3:-5}
CORPUS=${CORPUS:-../shared/corpora/livedoor-dev.tar.gz}
source bench/corpus.sh # TARGET, the folder holding livedoor/
corpus=$TARGET/livedoor
source bench/two-builds.sh # work, java; the before build compiled in $work/before, the libraries in $work/cp.txt
echo "== load before: $(uptime)"
nice -n 5 "$java" -Xmx2g -cp "$(cat "$work/cp.txt")" bench/FoldSpeed.java \
    "$work/before/target/classes" target/classes "$corpus" "$articles" "$rounds"
echo "== load after: $(uptime)"
