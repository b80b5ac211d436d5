#!/usr/bin/env python3
"""Checks that every expected string of corpus/*.expected.json occurs verbatim
in its article, that each article has 250-700 words, and that the fields have
the documented types. Run from anywhere: python3 corpus/validate.py"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
FIELDS = {"lang", "all_quotes", "quotes", "partial", "whole_sentences",
          "not_in_summary", "summary_contains_any"}
problems = []
texts = sorted(HERE.glob("*.txt"))
for txt in texts:
    exp_path = txt.with_name(txt.stem + ".expected.json")
    if not exp_path.exists():
        problems.append(f"{txt.name}: no expected file")
        continue
    text = txt.read_text(encoding="utf-8")
    exp = json.loads(exp_path.read_text(encoding="utf-8"))
    words = len(text.split())
    if not 250 <= words <= 700:
        problems.append(f"{txt.name}: {words} words")
    for key in exp:
        if key not in FIELDS:
            problems.append(f"{exp_path.name}: unknown field {key}")
    if not isinstance(exp.get("lang"), str):
        problems.append(f"{exp_path.name}: lang missing")

    def need(s, what):
        if s not in text:
            problems.append(f"{txt.name}: {what} not verbatim: {s!r}")

    for q in exp.get("quotes", []):
        need(q["contains"], "quote")
        need(q["speaker"], "speaker")
        if q.get("kind", "direct") not in ("direct", "partial"):
            problems.append(f"{exp_path.name}: bad kind {q!r}")
    for p in exp.get("partial", []):
        need(p, "partial")
        for q in exp.get("quotes", []):
            if p in q["contains"]:
                problems.append(f"{txt.name}: partial {p!r} inside quote {q['contains']!r}")
    for s in exp.get("whole_sentences", []):
        need(s, "sentence")
    for s in exp.get("not_in_summary", []):
        need(s, "boilerplate")
    for s in exp.get("summary_contains_any", []):
        need(s, "key fact")
    if not exp.get("summary_contains_any"):
        problems.append(f"{exp_path.name}: summary_contains_any is empty")
for exp_path in sorted(HERE.glob("*.expected.json")):
    if not exp_path.with_name(exp_path.name.replace(".expected.json", ".txt")).exists():
        problems.append(f"{exp_path.name}: no article")

print(f"{len(texts)} articles checked")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
