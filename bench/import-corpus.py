#!/usr/bin/env python3
"""Derives N distinct livedoor-format files from the extracted livedoor corpus, for bench/import.sh.

Variant v of a corpus file keeps its category (the file name's prefix, which the importer reads
as a section hint) and its text, but gets its own address (?v=N: the importer's duplicate key),
a numbered headline, a date v days later and its paragraphs rotated by v, so no two files are
the same article. Written under OUT/<category>/, never into the repository.
usage: import-corpus.py CORPUS_DIR OUT_DIR COUNT
"""
import datetime
import os
import sys

corpus, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sources = []
for category in sorted(os.listdir(corpus)):
    folder = os.path.join(corpus, category)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        if name.startswith(category + "-") and name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                lines = f.read().splitlines()
            if len(lines) >= 4:
                sources.append((category, name[:-4], lines))
# Categories taken in turn, so a small count still has every section in it.
by_category = {}
for source in sources:
    by_category.setdefault(source[0], []).append(source)
rounds = max(len(group) for group in by_category.values())
sources = [group[i] for i in range(rounds) for group in by_category.values() if i < len(group)]
made = 0
for n in range(count):
    category, stem, lines = sources[n % len(sources)]
    v = n // len(sources)
    url, date, title = lines[0].strip(), lines[1].strip(), lines[2].strip()
    paragraphs = [line for line in lines[3:] if line.strip()]
    if v:
        url += ("&" if "?" in url else "?") + "v=%d" % v
        title = "%s（%d）" % (title, v)
        try:
            when = datetime.datetime.strptime(date, "%Y-%m-%dT%H:%M:%S%z") + datetime.timedelta(days=v)
            date = when.strftime("%Y-%m-%dT%H:%M:%S%z")
        except ValueError:
            pass
        if len(paragraphs) > 1:
            k = v % len(paragraphs)
            paragraphs = paragraphs[k:] + paragraphs[:k]
    folder = os.path.join(out, category)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "%s-v%03d.txt" % (stem, v)), "w", encoding="utf-8") as f:
        f.write("\n".join([url, date, title] + paragraphs) + "\n")
    made += 1
print(made, "files from", len(sources), "corpus articles", file=sys.stderr)
