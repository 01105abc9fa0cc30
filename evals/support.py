"""`make calibrate-support`: the thresholds a model's sentence must meet against the units
it cites (`assistant/support.json`), fitted on examples built from the documents and the dev
questions (never the test part):

- supported: a span (the middle 70 % of the words) of a unit's first sentence, in English
  (the working translation) and in Chinese, cited to that unit; and, as what a model writes
  in its own words, each dev fact question with one gold unit and its rewordings, cited to
  that unit;
- unsupported: the same sentences cited to another unit of the same paragraph or section
  (the hardest wrong citation: same topic, other content), and to a unit of another section.

A sentence whose figures the cited units do not state fails before these thresholds apply:
the same spans with one figure changed are built too, and the share the figure rule rejects
is written beside the thresholds."""

from __future__ import annotations

import json
import random
import re
import sys

from assistant import SUPPORT_FILE, Assistant, Settings, Support, check, fit_support, measure

from ._gold import DEV, REWORDINGS, read_questions

_SPLIT = {"en": re.compile(r"(?<=[.;])\s+"), "zh": re.compile(r"(?<=[。；])")}


def span(text: str, lang: str) -> str:
    """The middle 70 % of the first sentence: a claim that says part of what the unit says."""
    first = next((s for s in _SPLIT[lang].split(text) if s.strip()), text).strip()
    parts = first.split() if lang == "en" else list(first)
    cut = max(1, int(len(parts) * 0.15))
    kept = parts[cut:len(parts) - cut] or parts
    return (" " if lang == "en" else "").join(kept)


def examples(assistant: Assistant, seed: int = 7) -> list[tuple[float, float, bool]]:
    corpus = assistant.corpus
    leaves = [u for u in corpus.leaves()]
    rng = random.Random(seed)
    embed = assistant.embedder.passages
    out: list[tuple[float, float, bool]] = []
    for unit in leaves:
        doc = corpus.document(unit.doc_id)
        english = doc.version("en")
        texts = {"zh": unit.text, "en": english.text(unit.locator) if english else None}
        near = [u for u in leaves if u.anchor != unit.anchor and u.doc_id == unit.doc_id
                and (u.parent == unit.parent or u.section == unit.section)]
        far = [u for u in leaves if u.section != unit.section]
        for lang, text in texts.items():
            if not text or len(text) < 20:
                continue
            claim = span(text, lang)
            own = [t for t in (texts[lang], unit.text) if t]
            out.append((*measure(claim, own, embed), True))
            for other in (rng.choice(near) if near else None, rng.choice(far)):
                if other is None:
                    continue
                other_en = english.text(other.locator) if english else None
                theirs = [t for t in (other_en if lang == "en" else other.text, other.text) if t]
                out.append((*measure(claim, theirs, embed), False))
    return out


def in_own_words(assistant: Assistant, seed: int = 11) -> list[tuple[float, float, bool]]:
    """Dev questions (and rewordings) that one unit answers, cited to it and to others."""
    corpus = assistant.corpus
    leaves = list(corpus.leaves())
    rng = random.Random(seed)
    embed = assistant.embedder.passages
    out: list[tuple[float, float, bool]] = []
    for q in [*read_questions(DEV), *read_questions(REWORDINGS)]:
        if q.type != "fact" or len(q.gold) != 1 or corpus.get(q.gold[0]) is None:
            continue
        unit = corpus.unit(q.gold[0])
        near = [u for u in leaves if u.anchor != unit.anchor and u.section == unit.section]
        for other, ok in ((unit, True), (rng.choice(near) if near else None, False)):
            if other is None:
                continue
            doc = corpus.document(other.doc_id)
            english = doc.version("en")
            texts = [t for t in ((english.text(other.locator) if english else None), other.text) if t]
            out.append((*measure(q.question, texts, embed), ok))
    return out


def changed_figures(assistant: Assistant) -> tuple[int, int]:
    """Spans with a figure, the figure changed (+1), cited to their own unit: how many the
    checks reject, of how many."""
    corpus = assistant.corpus
    rejected = total = 0
    for unit in corpus.leaves():
        english = corpus.document(unit.doc_id).version("en")
        text = english.text(unit.locator) if english else None
        if not text:
            continue
        claim = span(text, "en")
        found = re.search(r"\d+", claim)
        if not found:
            continue
        wrong = claim[:found.start()] + str(int(found.group()) + 1) + claim[found.end():]
        cite = f"{wrong} [{unit.anchor}]"
        claims, _ = check(cite, {unit.anchor: [text, unit.text]}, assistant.embedder.passages,
                          Support(), {})
        total += 1
        rejected += not claims[0].supported
    return rejected, total


def main() -> int:
    assistant = Assistant(Settings())
    found = examples(assistant) + in_own_words(assistant)
    support, accuracy = fit_support(found)
    rejected, changed = changed_figures(assistant)
    data = json.loads(SUPPORT_FILE.read_text(encoding="utf-8")) if SUPPORT_FILE.exists() else {}
    data.setdefault("embedders", {})[assistant.embedder.id] = {
        "similarity": support.similarity, "overlap": support.overlap,
        "balanced_accuracy": round(accuracy, 4), "examples": len(found),
        "supported": sum(ok for *_x, ok in found),
        "changed_figures_rejected": f"{rejected}/{changed}"}
    data["_comment"] = ("Thresholds for checking a model's sentences against the units they "
                        "cite; written by `make calibrate-support` (evals/support.py).")
    SUPPORT_FILE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{assistant.embedder.id}: similarity >= {support.similarity} or shared words >= "
          f"{support.overlap:.0%}; balanced accuracy {accuracy:.3f} on {len(found)} examples; "
          f"a changed figure rejected in {rejected} of {changed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
