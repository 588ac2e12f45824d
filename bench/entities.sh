#!/usr/bin/env bash
# Entity recognition on held-out sentences, measured through the packaged jar the way an
# operator runs it: the annotated sentences are cut into FOLDS parts (sentence i goes to part
# i mod FOLDS); for each part, `java -jar kawaraban.jar train-entities` trains a model on the
# other parts and `java -jar kawaraban.jar analyse --model=…` reads the held-out part, one
# sentence a line. The JSON lines are scored against the annotations: exact spans and kinds,
# per kind and for people + organisations + places together (micro-averaged over all folds).
# The data set's three kinds of organisation (法人名, 政治的組織名, その他の組織名) are one kind.
# Then, per kind, what happened to each annotated name not found exactly: found with the right
# span and the wrong kind, overlapped with a wrong span, or missed; and names proposed where
# nothing is annotated.
#
#   bench/entities.sh [ANNOTATED_JSON]
#
# Environment: CORPUS (default ../shared/corpora/ner-wikipedia/train.json, else
# /work/shared/corpora/ner-wikipedia/train.json), FOLDS (default 5), JAVA (the JDK), JAR
# (default target/kawaraban.jar). Splits, models and outputs go to a temp dir, never into the
# project (the sentences are CC BY-SA 3.0; see NOTICE).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-target/kawaraban.jar}
FOLDS=${FOLDS:-5}
CORPUS=${1:-${CORPUS:-$ROOT/../shared/corpora/ner-wikipedia/train.json}}
[[ -f $CORPUS ]] || CORPUS=/work/shared/corpora/ner-wikipedia/train.json
[[ -f $CORPUS ]] || { echo "annotated sentences not found: $CORPUS" >&2; exit 1; }

WORK=$(mktemp -d /tmp/kawaraban-entities.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
echo "== work dir: $WORK; corpus: $CORPUS; $FOLDS folds"
echo "== load before: $(uptime)"

if [[ $JAR == target/kawaraban.jar && ! -f $JAR ]]; then
    echo "== building target/kawaraban.jar"
    ./mvnw -q -B -DskipTests package
fi
# a copy, so that a build meanwhile (mvn verify packages the jar anew) does not pull it away
cp "$JAR" "$WORK/kawaraban.jar"
JAR=$WORK/kawaraban.jar

python3 - "$CORPUS" "$WORK" "$FOLDS" <<'PY'
import json, sys
corpus, work, folds = sys.argv[1], sys.argv[2], int(sys.argv[3])
sentences = json.load(open(corpus, encoding="utf-8"))
for k in range(folds):
    train = [s for i, s in enumerate(sentences) if i % folds != k]
    held = [s for i, s in enumerate(sentences) if i % folds == k]
    json.dump(train, open(f"{work}/train-{k}.json", "w", encoding="utf-8"), ensure_ascii=False)
    json.dump(held, open(f"{work}/gold-{k}.json", "w", encoding="utf-8"), ensure_ascii=False)
    with open(f"{work}/held-{k}.txt", "w", encoding="utf-8") as out:
        for s in held:
            assert "\n" not in s["text"] and "\r" not in s["text"]
            out.write(s["text"] + "\n")
PY

ANALYSE_SECONDS=0
SENTENCES=0
for ((k = 0; k < FOLDS; k++)); do
    "$JAVA" -Xmx2g -jar "$JAR" train-entities --from="$WORK/train-$k.json" --to="$WORK/model-$k.bin.gz"
    START=$(date +%s.%N)
    "$JAVA" -jar "$JAR" analyse --model="$WORK/model-$k.bin.gz" --date=2026-01-01 <"$WORK/held-$k.txt" >"$WORK/out-$k.jsonl"
    END=$(date +%s.%N)
    LINES=$(wc -l <"$WORK/held-$k.txt")
    ANALYSE_SECONDS=$(echo "$ANALYSE_SECONDS + $END - $START" | bc)
    SENTENCES=$((SENTENCES + LINES))
    echo "== fold $k: $LINES held-out sentences analysed in $(echo "$END - $START" | bc | cut -c1-5) s (JVM start included)"
done

python3 - "$WORK" "$FOLDS" <<'PY'
import json, sys
from collections import Counter
work, folds = sys.argv[1], int(sys.argv[2])
KIND = {"人名": "PERSON", "法人名": "ORGANIZATION", "政治的組織名": "ORGANIZATION", "その他の組織名": "ORGANIZATION",
        "地名": "PLACE", "施設名": "FACILITY", "製品名": "PRODUCT", "イベント名": "EVENT"}
tp, fp, fn = Counter(), Counter(), Counter()
loose_tp, loose_fp, loose_fn = 0, 0, 0
MAIN = ("PERSON", "ORGANIZATION", "PLACE")
errors = {kind: Counter() for kind in MAIN}
for k in range(folds):
    gold = json.load(open(f"{work}/gold-{k}.json", encoding="utf-8"))
    answers = [json.loads(line) for line in open(f"{work}/out-{k}.jsonl", encoding="utf-8")]
    assert len(answers) == len(gold), f"fold {k}: {len(answers)} answers for {len(gold)} sentences"
    for sentence, answer in zip(gold, answers):
        assert "error" not in answer, answer
        g = {(e["span"][0], e["span"][1], KIND[e["type"]]) for e in sentence["entities"]}
        p = {(e["start"], e["end"], e["kind"]) for e in answer["entities"]}
        for item in p:
            (tp if item in g else fp)[item[2]] += 1
        for item in g - p:
            fn[item[2]] += 1
        # overlapping spans of the same kind, people + organisations + places only
        gm = [e for e in g if e[2] in MAIN]
        pm = [e for e in p if e[2] in MAIN]
        hit = lambda a, bs: any(a[2] == b[2] and a[0] < b[1] and b[0] < a[1] for b in bs)
        loose_tp += sum(1 for e in pm if hit(e, gm)); loose_fp += sum(1 for e in pm if not hit(e, gm))
        loose_fn += sum(1 for e in gm if not hit(e, pm))
        # what went wrong with each annotated name not found exactly (people, organisations, places)
        for e in gm:
            if e in p:
                continue
            same_span = [q for q in p if q[0] == e[0] and q[1] == e[1]]
            over = [q for q in p if q[0] < e[1] and e[0] < q[1]]
            if same_span:
                errors[e[2]]["wrong kind"] += 1
            elif any(q[2] == e[2] for q in over):
                errors[e[2]]["wrong boundary"] += 1
            elif over:
                errors[e[2]]["wrong boundary and kind"] += 1
            else:
                errors[e[2]]["missed"] += 1
        for q in pm:
            if q not in g and not any(e[0] < q[1] and q[0] < e[1] for e in g):
                errors[q[2]]["found where nothing is annotated"] += 1

def prf(t, p, n):
    precision = t / (t + p) if t + p else 0.0
    recall = t / (t + n) if t + n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1

print(f"{'kind':<28}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}")
for kind in ("PERSON", "ORGANIZATION", "PLACE", "FACILITY", "PRODUCT", "EVENT"):
    p, r, f = prf(tp[kind], fp[kind], fn[kind])
    print(f"{kind:<28}{tp[kind] + fn[kind]:>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
t = sum(tp[k] for k in MAIN); p_ = sum(fp[k] for k in MAIN); n = sum(fn[k] for k in MAIN)
p, r, f = prf(t, p_, n)
print(f"{'people+orgs+places (exact)':<28}{t + n:>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
p, r, f = prf(loose_tp, loose_fp, loose_fn)
print(f"{'  same, overlapping spans':<28}{'':>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
t = sum(tp.values()); p_ = sum(fp.values()); n = sum(fn.values())
p, r, f = prf(t, p_, n)
print(f"{'all six kinds (exact)':<28}{t + n:>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
print()
CLASSES = ("wrong kind", "wrong boundary", "wrong boundary and kind", "missed", "found where nothing is annotated")
print(f"{'errors':<34}" + "".join(f"{kind:>14}" for kind in MAIN))
for name in CLASSES:
    print(f"{name:<34}" + "".join(f"{errors[kind][name]:>14}" for kind in MAIN))
PY
echo "== $SENTENCES sentences through analyse in $(echo "$ANALYSE_SECONDS" | cut -c1-6) s in all ($FOLDS JVM starts)"
echo "== load after: $(uptime)"
