#!/usr/bin/env python3
"""Check the blind held-out gold files against their documents (independent of gold_spec.py).

Asserts for every gold/<name>.json with docs/<name>.txt:
- the title, every body paragraph and every noise line is a line of the document, verbatim;
- body paragraphs keep document order, and every non-empty document line is the title, a body
  paragraph, a noise line or a repeat of an earlier body paragraph (nothing is silently lost);
- every quote occurs verbatim in the body between quote marks (a quote that runs on into the next
  paragraph may span the paragraph break and the re-opening quote mark), has at least 4 words,
  does not occur in noise, and its speaker is "" or an annotated entity;
- every date text occurs in the body, values are valid dates, weekday texts resolve to that
  weekday, and publishedAt is a valid date;
- every required entity is mentioned (name or alias) in title or body; no alias is shared
  by two entities.

Usage: python3 check_gold.py   (exit status 1 on any problem)
"""
import datetime
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OPEN = "\"'\u201c\u2018"
CLOSE = "\"'\u201d\u2019"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def check(doc_path, gold_path):
    problems = []
    text = doc_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title, body, noise = gold["title"], gold["body"], gold["noise"]
    paras = body.split("\n\n")

    if title and title not in lines:
        problems.append("title is not a line of the document")
    for n in noise:
        if n not in lines:
            problems.append(f"noise line not verbatim in document: {n!r}")
    pos = -1
    for p in paras:
        if p not in lines:
            problems.append(f"body paragraph not verbatim in document: {p[:60]!r}")
            continue
        i = lines.index(p, pos + 1) if p in lines[pos + 1:] else -1
        if i < 0:
            problems.append(f"body paragraph out of order: {p[:60]!r}")
        else:
            pos = i
    for ln in lines:
        if ln != title and ln not in paras and ln not in noise:
            problems.append(f"document line neither title, body nor noise: {ln[:60]!r}")
    repeats = sum(1 for ln in lines if ln in paras) - len(paras)
    if len(set(paras)) != len(paras):
        problems.append("body contains a paragraph twice")

    # a run-on quote may cross a paragraph break: "... end of paragraph<break>"Next paragraph ..."
    gap = r"(?: |\n\n[" + OPEN + r"])"
    names = {e["name"] for e in gold["entities"]}
    for q in gold["quotes"]:
        t, s = q["text"], q["speaker"]
        if len(t.split()) < 4:
            problems.append(f"quote shorter than 4 words: {t!r}")
        pattern = gap.join(re.escape(w) for w in t.split(" "))
        hits = [(m.start(), m.end()) for m in re.finditer(pattern, body)]
        if not hits:
            problems.append(f"quote not verbatim in body: {t[:60]!r}")
        elif not any(a > 0 and body[a - 1] in OPEN and b < len(body) and body[b] in CLOSE for a, b in hits):
            problems.append(f"quote not delimited by quote marks: {t[:60]!r}")
        if any(t in n for n in noise):
            problems.append(f"quote occurs in noise: {t[:60]!r}")
        if s and s not in names:
            problems.append(f"speaker is not an annotated entity: {s!r}")

    try:
        pub = datetime.date.fromisoformat(gold["publishedAt"]) if gold["publishedAt"] else None
    except ValueError:
        problems.append(f"bad publishedAt {gold['publishedAt']!r}")
        pub = None
    for d in gold["dates"]:
        if d["text"] not in body:
            problems.append(f"date text not in body: {d['text']!r}")
        try:
            v = datetime.date.fromisoformat(d["value"])
        except ValueError:
            problems.append(f"bad date value {d['value']!r}")
            continue
        for k, w in enumerate(WEEKDAYS):
            if w in d["text"].lower():
                if v.weekday() != k:
                    problems.append(f"{d['text']!r} -> {v} is a {WEEKDAYS[v.weekday()]}")
                if pub is None:
                    problems.append(f"weekday {d['text']!r} without publishedAt")
                elif not re.search(r"\d", d["text"]) and abs((v - pub).days) > 7:
                    problems.append(f"weekday {d['text']!r} more than a week from publishedAt")

    visible = title + "\n" + body
    owner = {}
    for e in gold["entities"]:
        forms = [e["name"]] + e.get("aliases", [])
        for f in forms:
            key = f.casefold()
            if key in owner and owner[key] != e["name"]:
                problems.append(f"alias {f!r} shared by {owner[key]!r} and {e['name']!r}")
            owner[key] = e["name"]
        if e["type"] not in ("PERSON", "ORGANIZATION", "LOCATION"):
            problems.append(f"bad type for {e['name']!r}")
        if not e.get("optional"):
            if not any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", visible, re.IGNORECASE) for f in forms):
                problems.append(f"required entity not mentioned in title/body: {e['name']!r}")
    return problems, repeats


def main():
    bad = 0
    golds = sorted((HERE / "gold").glob("*.json"))
    for g in golds:
        doc = HERE / "docs" / (g.stem + ".txt")
        if not doc.exists():
            print(f"{g.stem}: no document", file=sys.stderr)
            bad += 1
            continue
        problems, repeats = check(doc, g)
        for p in problems:
            print(f"{g.stem}: {p}", file=sys.stderr)
        bad += len(problems)
        print(f"{g.stem}: {'ok' if not problems else 'FAILED'} (repeated paragraphs dropped: {repeats})")
    print(f"{len(golds)} gold files checked, {bad} problems")
    return 1 if bad or not golds else 0


if __name__ == "__main__":
    sys.exit(main())
