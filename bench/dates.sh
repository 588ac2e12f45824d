#!/usr/bin/env bash
# Date mentions on sentences written for issue 19 and never used to tune the reader
# (bench/lists/date-sentences.tsv), read through the packaged jar the way an editor runs it:
# `java -jar kawaraban.jar analyse --date=2025-03-12`, one sentence a line. A mention counts as
# right when its surface, first day and (for a period) last day are those of the list.
# Precision = right / read, recall = right / expected; the mentions read wrongly or missed are
# listed.
#
#   bench/dates.sh [LIST]
#
# Environment: JAVA (the JDK), JAR (default target/kawaraban.jar).
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-target/kawaraban.jar}
LIST=${1:-bench/lists/date-sentences.tsv}
[[ -f $JAR ]] || { echo "no $JAR: build it with ./mvnw -q -B -DskipTests package" >&2; exit 1; }

WORK=$(mktemp -d /tmp/kawaraban-dates.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cp "$JAR" "$WORK/kawaraban.jar"
JAR=$WORK/kawaraban.jar
grep -v '^#' "$LIST" | grep -v '^$' | cut -f1 >"$WORK/sentences.txt"
"$JAVA" -jar "$JAR" analyse --date=2025-03-12 <"$WORK/sentences.txt" >"$WORK/out.jsonl"

python3 - "$LIST" "$WORK/out.jsonl" <<'PY'
import json, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip() and not l.startswith("#")]
answers = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert len(rows) == len(answers), (len(rows), len(answers))
right = read = expected = 0
wrong, missed = [], []
for (sentence, want), answer in zip(rows, answers):
    want = set() if want.strip() == "-" else {w.strip() for w in want.split("|")}
    got = {d["text"] + "=" + d["date"] + (".." + d["until"] if "until" in d else "") for d in answer["dates"]}
    read += len(got); expected += len(want); right += len(got & want)
    wrong += [f"{g} in {sentence}" for g in got - want]
    missed += [f"{w} in {sentence}" for w in want - got]
print(f"sentences {len(rows)}: precision {right}/{read} = {right / max(read, 1):.3f}, recall {right}/{expected} = {right / max(expected, 1):.3f}")
for w in wrong: print("  read wrongly:", w)
for m in missed: print("  missed:", m)
PY
