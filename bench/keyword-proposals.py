#!/usr/bin/env python3
"""Asks the desk's keyword proposals for livedoor articles with their headlines left out, and
counts how many of the first five are in the headline. Part of bench/keyword-proposals.sh.

usage: keyword-proposals.py BASE_URL MANUSCRIPT_LIST SITE_LOG LABEL
"""
import html
import re
import sys
import time
import unicodedata

import requests

base, listing, site_log, label = sys.argv[1:5]
EMAIL, PASSWORD = "desk@bench.example", "bench-admin-password-53"
SOURCES = ("共同通信", "時事通信", "読売新聞", "朝日新聞", "毎日新聞", "産経新聞", "日本経済新聞", "ロイター", "AFP",
           "livedoor", "ライブドア", "ITmedia", "Peachy", "MOVIE ENTER", "独女通信", "Sports Watch", "エスマックス")

session = requests.Session()


def csrf(path):
    page = session.get(base + path).text
    match = re.search(r'name="_csrf" value="([^"]+)"', page)
    return match.group(1) if match else ""


answer = session.post(base + "/login", data={"email": EMAIL, "password": PASSWORD, "_csrf": csrf("/login")},
                      allow_redirects=False)
assert answer.status_code == 302 and "/login" not in answer.headers.get("Location", ""), "log-in failed"
token = csrf("/editor/articles/new")


def proposals(lead, body):
    form = {"headline": "", "subheadline": "", "lead": lead, "body": body, "bylines": "ベンチ", "section": "",
            "series": "", "keywords": "", "access": "FREE", "related": "", "sourceOutlet": "", "sourceUrl": "",
            "_csrf": token}
    answer = session.post(base + "/editor/articles/proposals", data=form)
    answer.raise_for_status()
    return [html.unescape(k) for k in re.findall(r'data-add-keyword="([^"]*)"', answer.text)]


def norm(text):
    return unicodedata.normalize("NFKC", text)


files = [line.strip() for line in open(listing, encoding="utf-8") if line.strip()]
manuscripts = []
for path in files:
    lines = open(path, encoding="utf-8").read().splitlines()
    headline = lines[2]
    paragraphs = [p.strip() for p in lines[3:] if p.strip()]
    if len(paragraphs) < 2:
        continue
    manuscripts.append((headline, paragraphs[0], "\n\n".join(paragraphs[1:])))

# The first request starts the count of the archive's terms; the answers wait until it is done.
proposals(manuscripts[0][1], manuscripts[0][2])
for _ in range(600):
    with open(site_log, encoding="utf-8", errors="replace") as log:
        counted = [line for line in log if "Keyword proposals " in line]
    if counted:
        break
    time.sleep(1)
print("  " + (counted[-1].split(" : ", 1)[-1].strip() if counted else "no count logged"))

in_headline = sources = proposed = 0
started = time.time()
for headline, lead, body in manuscripts:
    top = proposals(lead, body)[:5]
    proposed += len(top)
    in_headline += sum(1 for term in top if norm(term) in norm(headline))
    sources += sum(1 for term in top if any(s.lower() in term.lower() for s in SOURCES))
elapsed = time.time() - started
print(f"{label}: {len(manuscripts)} manuscripts, {proposed} proposals in the first five;"
      f" in the headline {in_headline}/{proposed} = {in_headline / max(proposed, 1):.3f};"
      f" source names {sources}/{proposed}; {1000 * elapsed / max(len(manuscripts), 1):.0f} ms a request")
