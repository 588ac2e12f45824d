#!/usr/bin/env bash
# The snippets of search results before and after a change, in one JVM, rounds in turn over the
# same livedoor articles (each searched by a word of its own headline), CPU time per snippet and
# its ratio; the run fails if the two builds cut different snippets. BEFORE is a commit (default:
# main); the working tree is "after". CORPUS: the livedoor tarball (bench/corpus.sh).
#
#   bench/snippet-speed.sh [BEFORE] [ARTICLES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-main}; articles=${2:-1500}; rounds=${3:-7}
CORPUS=${CORPUS:-../shared/corpora/livedoor-dev.tar.gz}
source bench/corpus.sh # TARGET, the folder holding livedoor/
source bench/two-builds.sh # work, java; the before build compiled in $work/before, the libraries in $work/cp.txt
echo "== load before: $(uptime)"
nice -n 5 "$java" -Xmx2g -cp "$(cat "$work/cp.txt")" bench/SnippetSpeed.java \
    "$work/before/target/classes" target/classes "$TARGET/livedoor" "$articles" "$rounds"
echo "== load after: $(uptime)"
