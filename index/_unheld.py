"""Units a question numbers that the documents do not have ("output 42", "第40段",
"Conclusions 14(m)", "pillar 6"): staff checking a mandate must hear that the unit does not
exist, not read the nearest passage as if it were the one they named. Questions arrive
`corpus.normalize`d and lower-cased, as in `_numbers`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from corpus import Corpus, References

from ._mentions import OutputsOf

# the same notations the references are read by
from ._numbers import (
    EN_CONCL,
    EN_POINT,
    GB,
    ILC,
    NAMES_GB,
    ROW,
    ZH_CONCL,
    ZH_PARA,
    ZH_POINT,
    anchors_of,
    bare_items,
    each_numbered,
    row_number,
)

UnheldKind = Literal["output", "paragraph", "item", "pillar", "component", "sdg", "pb", "outcome"]


@dataclass(frozen=True)
class Unheld:
    """A numbered unit neither shipped document has: what was written ("14(m)", "42"), its
    kind, and what the documents do have in its place, per document ("(a)–(k)", "1–39"; the
    document id, or "" for the Appendix, the pillars and the components)."""

    kind: UnheldKind
    written: str
    held: tuple[tuple[str, str], ...]


# A number is no unit's when digits, a year or a dotted decimal follow it ("结论2022年").
_NOT_UNIT_AFTER = re.compile(r"\d|\s*(?:年|届|号|%|个|\.\d)")
# Numbers of an instrument's own text ("Article 2(a) of C142", "第3条"): not these documents'.
_INSTRUMENT_TEXT = re.compile(r"\barticles?\b|\bart\.|第\s*\d{1,3}\s*条|公约|建议书|\bconvention\b|\brecommendation\b"
                              r"|(?<![a-z])[cr]\s?\d{2,3}\b")
_PILLAR_OR_COMPONENT = re.compile(r"(?P<word>支柱|要素|\bpillar|\bcomponent)\s*(?:no\.\s*)?(?P<n>\d{1,2})(?!\d)")


def unheld(question: str, corpus: Corpus) -> list[Unheld]:
    """The units a (normalized, lower-cased) question numbers that neither document has, in
    the order written; [] when every number it writes is a unit's (or it names an instrument,
    whose own numbering this cannot check)."""
    q = each_numbered(question.lower())
    if _INSTRUMENT_TEXT.search(q):
        return []
    found: list[tuple[int, Unheld]] = []
    written_rows = list(ROW.finditer(q))
    rows = _rows(corpus) if written_rows else set()  # the table is read only when one is named
    for m in written_rows:
        n = int(row_number(m))
        if n not in rows and rows:
            found.append((m.start(), Unheld("output", str(n), (("", f"{min(rows)}–{max(rows)}"),))))
    for m in _PILLAR_OR_COMPONENT.finditer(q):
        word: UnheldKind = "pillar" if m["word"] in ("支柱", "pillar") else "component"
        numbers = (u.pillar if word == "pillar" else u.component for u in corpus.leaves())
        held = sorted({n for n in numbers if n is not None})
        if held and int(m["n"]) not in held:
            found.append((m.start(), Unheld(word, m["n"], (("", _range(held)),))))
    numbered = [*ZH_CONCL.finditer(q), *ZH_PARA.finditer(q), *EN_POINT.finditer(q), *EN_CONCL.finditer(q),
                *ZH_POINT.finditer(q), *bare_items(q)]
    seen: set[int] = set()
    # the document the question names, when it names one: its numbering alone is told
    conclusions, strategy = bool(re.search(r"结论|\bconclusions?\b", q)), bool(NAMES_GB.search(q))
    docs = (ILC,) if conclusions and not strategy else (GB,) if strategy and not conclusions else (GB, ILC)
    for m in sorted(numbered, key=lambda m: m.start("n")):
        if m.start("n") in seen or _NOT_UNIT_AFTER.match(q, m.end("n")):
            continue
        seen.add(m.start("n"))
        # "结论第15段", "Conclusions 15": the Conclusions' numbering alone
        explicit = m.re is ZH_CONCL or m.re is EN_CONCL
        lack = _paragraph(m["n"], m["letters"] or "", corpus, (ILC,) if explicit else docs, explicit)
        if lack is not None:
            found.append((m.start(), lack))
    return [u for _, u in sorted(found, key=lambda f: f[0])]


def _rows(corpus: Corpus) -> set[int]:
    doc = next((d for d in corpus.documents if d.doc_id == GB), None)
    if doc is None:
        return set()
    return {int(u.locator[1:]) for u in doc.units if u.row is not None and u.locator[1:].isdigit()}


def _paragraph(n: str, letters: str, corpus: Corpus, docs: tuple[str, ...], only: bool = False
               ) -> Unheld | None:
    """None when either document (`only`: one of `docs`) has the paragraph and every item
    written; else what each of `docs` has in its place: its paragraphs' range, or the items
    of the deepest unit it has on the way (none when that unit has no items)."""
    written = n + "".join(f"({x})" for x in re.findall(r"[a-z]{1,4}", letters))
    held: list[tuple[str, str]] = []
    deepest_missing_item = False
    for doc, prefix in ((GB, "p"), (ILC, "c")):
        if only and doc not in docs:
            continue
        anchors = anchors_of(doc, prefix, n, letters)
        if any(corpus.get(a) is not None for a in anchors):
            return None
        parent = _deepest(anchors[0], corpus)
        if parent is None:
            if doc in docs:
                held.append((doc, _range(_top(doc, prefix, corpus))))
            continue
        deepest_missing_item = True
        unit = corpus.get(parent)
        children = [c.rsplit(".", 1)[-1] for c in (unit.children if unit else ())]
        if doc in docs and children:
            held.append((parent, f"({children[0]})–({children[-1]})"))
    if deepest_missing_item:  # what the documents that have the paragraph hold under it
        return Unheld("item", written, tuple((a, r) for a, r in held if "#" in a))
    return Unheld("paragraph", written, tuple(held))


def _deepest(anchor: str, corpus: Corpus) -> str | None:
    """The nearest existing unit above a missing one ("c14.m" → "c14"), or None."""
    head = anchor
    while "." in head.split("#", 1)[1]:
        head = head.rsplit(".", 1)[0]
        if corpus.get(head) is not None:
            return head
    return None


def _top(doc: str, prefix: str, corpus: Corpus) -> list[int]:
    d = next((x for x in corpus.documents if x.doc_id == doc), None)
    if d is None:
        return []
    return sorted(int(u.locator[len(prefix):]) for u in d.units
                  if u.parent is None and re.fullmatch(rf"{prefix}\d+", u.locator))


def _range(numbers: list[int]) -> str:
    return f"{numbers[0]}–{numbers[-1]}" if numbers else ""


def unheld_field(picked: OutputsOf, refs: References) -> Unheld | None:
    """An SDG target, P&B output or P&B outcome no output of the Appendix lists ("the output
    linked to SDG target 8.7", "P&B产出9.1下的产出"), with the values the column does hold;
    None when some output lists it, or the question picks outputs otherwise."""
    if picked.rows or not picked.number or picked.kind not in ("sdg", "pb"):
        return None
    rows = [u.row for u in refs.rows if u.row is not None]
    if picked.kind == "sdg":
        values = {t for r in rows for t in r.sdg_targets}
        kind: UnheldKind = "sdg"
    elif "." in picked.number:
        values, kind = {o for r in rows for o in r.pb_outputs}, "pb"
    else:
        values, kind = {o.split(".")[0] for r in rows for o in r.pb_outputs}, "outcome"

    def key(v: str) -> tuple[int, ...]:
        return tuple(int(x) if x.isdigit() else 100 + ord(x[0]) for x in v.split("."))
    return Unheld(kind, picked.number, (("", ", ".join(sorted(values, key=key))),))
