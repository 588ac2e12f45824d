#!/usr/bin/env python3
"""Precision@5 of "recommended for you" as readers get it, for bench/recommendations-product.sh.

usage: recommendations-product.py IMPORT_OUT BASE_URL [LABEL]

IMPORT_OUT is the import command's stdout (one JSON line per file: "file" and "id"); the
livedoor category of each article is the folder its file was in. Every imported article's
list is read from BASE_URL/api/v1/articles/{id}/recommendations over HTTP (the apps' and the
pages' path: the stored list), and a recommendation counts when it is an imported article of
the same category. Prints one line: label, precision@5, hits / slots, articles, empty lists.
"""
import json
import os
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

out, base = sys.argv[1], sys.argv[2].rstrip("/")
label = sys.argv[3] if len(sys.argv) > 3 else "lists"
category = {}
with open(out, encoding="utf-8") as f:
    for line in f:
        row = json.loads(line)
        article = row.get("id") or row.get("duplicateOf")
        if article:
            category[article] = os.path.basename(os.path.dirname(row["file"]))


def recommendations(article):
    with urllib.request.urlopen(f"{base}/api/v1/articles/{article}/recommendations", timeout=60) as response:
        return [item["id"] for item in json.load(response)]


# Four at a time: a reader's load, not a stress test.
with ThreadPoolExecutor(4) as pool:
    lists = dict(zip(category, pool.map(recommendations, category)))
hits = slots = empty = 0
for article, recommended in lists.items():
    top = recommended[:5]
    empty += not top
    slots += 5
    hits += sum(1 for other in top if category.get(other) == category[article])
print(f"{label}: precision@5 {hits / slots:.3f} ({hits} / {slots}), {len(lists)} articles, {empty} empty lists")
