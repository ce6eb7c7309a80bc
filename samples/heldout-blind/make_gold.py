#!/usr/bin/env python3
"""Assemble the blind held-out gold files from the hand annotation in gold_spec.py.

The annotation (title, date, source, noise lines, entities, quotes, dates) is
written by hand in gold_spec.py following /work/shared/eval/GUIDELINES.md. This
script only copies the body verbatim from the document (every non-empty line
that is not the headline, a noise line or a repeated paragraph) and checks that
the annotation is consistent with the text (noise lines exist, quotes occur in
the body, speakers are annotated entities, every required entity is mentioned).

Usage: python3 make_gold.py   (writes gold/<name>.json next to docs/<name>.txt)
"""
import json
import re
import sys
from pathlib import Path

from gold_spec import SPECS

HERE = Path(__file__).resolve().parent


def build(name, spec):
    text = (HERE / "docs" / f"{name}.txt").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines()]
    problems = []
    for n in spec["noise"]:
        if n not in lines:
            problems.append(f"noise line not in document: {n!r}")
    if spec["title"] and spec["title"] not in lines:
        problems.append("title not a line of the document")
    body, seen, dropped = [], set(), []
    for ln in lines:
        if not ln or ln == spec["title"] or ln in spec["noise"]:
            continue
        if ln in seen:
            dropped.append(ln)
            continue
        seen.add(ln)
        body.append(ln)
    if len(dropped) != spec.get("duplicates", 0):
        problems.append(f"dropped {len(dropped)} repeated paragraphs, expected {spec.get('duplicates', 0)}")
    body_text = "\n\n".join(body)
    flat = " ".join(body)
    names = {e[0] for e in spec["entities"]}
    for q, speaker in spec["quotes"]:
        parts = q.split(" \u2029 ")
        for p in parts:
            if p not in flat:
                problems.append(f"quote not in body: {p[:60]!r}")
        if speaker and speaker not in names:
            problems.append(f"speaker not an entity: {speaker!r}")
    visible = spec["title"] + "\n" + body_text
    entities = []
    for ent in spec["entities"]:
        ename, etype, aliases = ent[0], ent[1], ent[2]
        optional = len(ent) > 3 and ent[3]
        forms = [ename] + list(aliases)
        count = 0
        for f in sorted(forms, key=len, reverse=True):
            # a dateline writes the place in capitals ("MINNEAPOLIS -"): also a mention
            for form in {f, f.upper()}:
                count += len(re.findall(r"(?<!\w)" + re.escape(form) + r"(?!\w)", visible))
        if count == 0 and not optional:
            problems.append(f"required entity not mentioned: {ename!r}")
        e = {"name": ename, "type": etype, "aliases": list(aliases), "mentionCount": count}
        if optional:
            e["optional"] = True
        entities.append(e)
    gold = {
        "title": spec["title"],
        "publishedAt": spec["publishedAt"],
        "source": spec["source"],
        "language": "en",
        "body": body_text,
        "entities": entities,
        "quotes": [{"text": q.replace(" \u2029 ", " "), "speaker": s} for q, s in spec["quotes"]],
        "dates": [{"text": t, "value": v} for t, v in spec["dates"]],
        "keyphrases": spec.get("keyphrases", []),
        "summary": spec.get("summary", []),
        "noise": spec["noise"],
    }
    (HERE / "gold" / f"{name}.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return problems


def main():
    bad = 0
    for name, spec in SPECS.items():
        for p in build(name, spec):
            bad += 1
            print(f"{name}: {p}", file=sys.stderr)
    print(f"{len(SPECS)} gold files written, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
