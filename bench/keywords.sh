#!/usr/bin/env bash
# Keywords on livedoor news articles (the half not used to choose the weights), measured
# through the packaged jar: each article's body
# (its headline left out) is one line to `java -jar kawaraban.jar analyse`, and the share of
# its top-5 keywords that occur in its headline is counted (width-normalised, NFKC). Our
# keywords and the baseline — plain TF-IDF over Kuromoji's nouns, `--keywords=noun-tfidf` — are
# measured in the same run on the same articles, both with document frequencies counted on the
# same bodies (`--documents`; no headline is read for them). Also reported: how many of the
# top-5 terms are source names (news agencies, papers, the corpus's own outlets), which
# document-frequency weighting is meant to push down.
#
#   bench/keywords.sh [ARCHIVE]
#
# Environment: CORPUS (default ../shared/corpora/livedoor-dev.tar.gz, else
# /work/shared/corpora/livedoor-dev.tar.gz), LIMIT (articles, default all), JAVA, JAR
# (default target/kawaraban.jar). The corpus is CC BY-ND 2.1 JP: it is read from there and
# unpacked into a temp dir, never into the project.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-target/kawaraban.jar}
CORPUS=${1:-${CORPUS:-$ROOT/../shared/corpora/livedoor-dev.tar.gz}}
[[ -f $CORPUS ]] || CORPUS=/work/shared/corpora/livedoor-dev.tar.gz
[[ -f $CORPUS ]] || { echo "livedoor archive not found: $CORPUS" >&2; exit 1; }
[[ -f $JAR ]] || { echo "no $JAR: build it with ./mvnw -q -B -DskipTests package" >&2; exit 1; }

WORK=$(mktemp -d /tmp/kawaraban-keywords.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
echo "== load before: $(uptime)"
# a copy, so that a build meanwhile (mvn verify packages the jar anew) does not pull it away
cp "$JAR" "$WORK/kawaraban.jar"
JAR=$WORK/kawaraban.jar
tar -xzf "$CORPUS" -C "$WORK"
python3 - "$WORK" "${LIMIT:-0}" <<'PY'
import glob, os, sys
work, limit = sys.argv[1], int(sys.argv[2])
files = sorted(f for f in glob.glob(f"{work}/**/*-*.txt", recursive=True) if "LICENSE" not in f)
# the half never looked at while choosing the weights: the articles at odd places in path order
# (the weights were chosen on those at even places)
files = files[1::2]
if limit:
    files = files[::max(1, len(files) // limit)][:limit]
with open(f"{work}/bodies.txt", "w", encoding="utf-8") as bodies, open(f"{work}/headlines.txt", "w", encoding="utf-8") as heads:
    for f in files:
        lines = open(f, encoding="utf-8").read().split("\n")
        head, body = lines[2].strip(), " ".join(l.strip() for l in lines[3:] if l.strip())
        if head and body:
            heads.write(head + "\n")
            bodies.write(body[:20000] + "\n")
PY
echo "== $(wc -l <"$WORK/bodies.txt") articles"
"$JAVA" -jar "$JAR" analyse --date=2012-01-01 --documents="$WORK/bodies.txt" <"$WORK/bodies.txt" >"$WORK/ours.jsonl"
"$JAVA" -jar "$JAR" analyse --date=2012-01-01 --documents="$WORK/bodies.txt" --keywords=noun-tfidf <"$WORK/bodies.txt" >"$WORK/tfidf.jsonl"

python3 - "$WORK" <<'PY'
import json, sys, unicodedata
work = sys.argv[1]
heads = [unicodedata.normalize("NFKC", l.rstrip("\n")).lower() for l in open(f"{work}/headlines.txt", encoding="utf-8")]
SOURCES = ("共同通信", "時事通信", "読売新聞", "朝日新聞", "毎日新聞", "産経新聞", "日本経済新聞", "ロイター", "AFP",
           "livedoor", "ライブドア", "Sports Watch", "ITライフハック", "S-MAX", "エスマックス", "独女通信", "Peachy", "MOVIE ENTER",
           "家電チャンネル", "livedoor HOMME")
for name in ("ours", "tfidf"):
    answers = [json.loads(l) for l in open(f"{work}/{name}.jsonl", encoding="utf-8")]
    assert len(answers) == len(heads)
    found = total = sources = 0
    for head, answer in zip(heads, answers):
        for k in answer.get("keywords", []):
            total += 1
            key = unicodedata.normalize("NFKC", k).lower()
            found += key in head
            sources += any(unicodedata.normalize("NFKC", s).lower() in key for s in SOURCES)
    label = "ours (compounds, df-weighted)" if name == "ours" else "baseline: TF-IDF over nouns"
    print(f"{label:<32} top-5 in headline {found}/{total} = {found / max(total, 1):.3f}; source names {sources}/{total} = {sources / max(total, 1):.3f}")
PY
echo "== load after: $(uptime)"
