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
#   BASE_JAR=/tmp/main.jar bench/entities.sh      # two jars in one go, compared
#
# With BASE_JAR, the same folds go through that jar first, then through JAR, each scored as
# above, and then the paired bootstrap over the held-out sentences: 2,000 resamples (fixed
# seed) of the sentences, each scored with both jars' answers, the difference of F1 (JAR minus
# BASE_JAR) for people + organisations + places and per kind, its 95 % interval and how often
# JAR was not better.
#
# Environment: CORPUS (default ../shared/corpora/ner-wikipedia/train.json, else
# /work/shared/corpora/ner-wikipedia/train.json), FOLDS (default 5), JAVA (the JDK), JAR
# (default target/kawaraban.jar), BASE_JAR (none by default). Splits, models and outputs go to
# a temp dir, never into the project (the sentences are CC BY-SA 3.0; see NOTICE).
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
# copies, so that a build meanwhile (mvn verify packages the jar anew) does not pull them away
cp "$JAR" "$WORK/kawaraban.jar"
JAR=$WORK/kawaraban.jar
if [[ -n ${BASE_JAR:-} ]]; then
    cp "$BASE_JAR" "$WORK/base.jar"
    BASE_JAR=$WORK/base.jar
fi

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

# train and analyse every fold with RUN_JAR, answers in out-NAME-k.jsonl; then its scores
run_folds() {
RUN_JAR=$1
NAME=$2
echo "== $NAME: $RUN_JAR"
ANALYSE_SECONDS=0
SENTENCES=0
for ((k = 0; k < FOLDS; k++)); do
    "$JAVA" -Xmx2g -jar "$RUN_JAR" train-entities --from="$WORK/train-$k.json" --to="$WORK/model-$NAME-$k.bin.gz"
    START=$(date +%s.%N)
    "$JAVA" -jar "$RUN_JAR" analyse --model="$WORK/model-$NAME-$k.bin.gz" --date=2026-01-01 <"$WORK/held-$k.txt" >"$WORK/out-$NAME-$k.jsonl"
    END=$(date +%s.%N)
    LINES=$(wc -l <"$WORK/held-$k.txt")
    ANALYSE_SECONDS=$(echo "$ANALYSE_SECONDS + $END - $START" | bc)
    SENTENCES=$((SENTENCES + LINES))
    echo "== fold $k: $LINES held-out sentences analysed in $(echo "$END - $START" | bc | cut -c1-5) s (JVM start included)"
done

python3 - "$WORK" "$FOLDS" "$NAME" <<'PY'
import json, sys
from collections import Counter
work, folds, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
KIND = {"人名": "PERSON", "法人名": "ORGANIZATION", "政治的組織名": "ORGANIZATION", "その他の組織名": "ORGANIZATION",
        "地名": "PLACE", "施設名": "FACILITY", "製品名": "PRODUCT", "イベント名": "EVENT"}
tp, fp, fn = Counter(), Counter(), Counter()
loose_tp, loose_fp, loose_fn = 0, 0, 0
MAIN = ("PERSON", "ORGANIZATION", "PLACE")
errors = {kind: Counter() for kind in MAIN}
for k in range(folds):
    gold = json.load(open(f"{work}/gold-{k}.json", encoding="utf-8"))
    answers = [json.loads(line) for line in open(f"{work}/out-{name}-{k}.jsonl", encoding="utf-8")]
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
}

if [[ -n ${BASE_JAR:-} ]]; then
    run_folds "$BASE_JAR" base
fi
run_folds "$JAR" jar

if [[ -n ${BASE_JAR:-} ]]; then
    python3 - "$WORK" "$FOLDS" <<'PY'
import json, random, sys
work, folds = sys.argv[1], int(sys.argv[2])
KIND = {"人名": "PERSON", "法人名": "ORGANIZATION", "政治的組織名": "ORGANIZATION", "その他の組織名": "ORGANIZATION",
        "地名": "PLACE"}
MAIN = ("PERSON", "ORGANIZATION", "PLACE")
# per held-out sentence and per jar: (tp, fp, fn) of each main kind
rows = []
for k in range(folds):
    gold = json.load(open(f"{work}/gold-{k}.json", encoding="utf-8"))
    answers = {name: [json.loads(line) for line in open(f"{work}/out-{name}-{k}.jsonl", encoding="utf-8")]
               for name in ("base", "jar")}
    for i, sentence in enumerate(gold):
        g = {(e["span"][0], e["span"][1], KIND[e["type"]]) for e in sentence["entities"] if e["type"] in KIND}
        row = {}
        for name, a in answers.items():
            p = {(e["start"], e["end"], e["kind"]) for e in a[i]["entities"] if e["kind"] in MAIN}
            row[name] = {kind: (sum(1 for x in p if x[2] == kind and x in g), sum(1 for x in p if x[2] == kind and x not in g),
                                sum(1 for x in g if x[2] == kind and x not in p)) for kind in MAIN}
        rows.append(row)

# one row of numbers per sentence: for each jar and kind, tp, fp, fn (the same resamples for every kind)
table = [[c for name in ("base", "jar") for kind in MAIN for c in r[name][kind]] for r in rows]

def f1(totals, name, kinds):
    t = p = n = 0
    for kind in kinds:
        at = (0 if name == "base" else 9) + 3 * MAIN.index(kind)
        t, p, n = t + totals[at], p + totals[at + 1], n + totals[at + 2]
    return 2 * t / (2 * t + p + n) if t else 0.0

random.seed(19)
resamples = []
for _ in range(2000):
    sample = [table[random.randrange(len(table))] for _ in table]
    resamples.append([sum(column) for column in zip(*sample)])
whole = [sum(column) for column in zip(*table)]
print()
print(f"paired bootstrap over {len(rows)} sentences, {len(resamples)} resamples: F1 of JAR minus F1 of BASE_JAR")
print(f"{'kinds':<28}{'difference':>11}{'95 % interval':>22}{'not better':>12}")
for label, kinds in (("people+orgs+places", MAIN), ("people", ("PERSON",)), ("organisations", ("ORGANIZATION",)),
                     ("places", ("PLACE",))):
    observed = f1(whole, "jar", kinds) - f1(whole, "base", kinds)
    diffs = sorted(f1(totals, "jar", kinds) - f1(totals, "base", kinds) for totals in resamples)
    low, high = diffs[49], diffs[1949]
    worse = sum(1 for d in diffs if d <= 0) / len(diffs)
    print(f"{label:<28}{observed:>+11.4f}{'[' + format(low, '+.4f') + ', ' + format(high, '+.4f') + ']':>22}{worse:>11.1%}")
PY
fi
echo "== load after: $(uptime)"
