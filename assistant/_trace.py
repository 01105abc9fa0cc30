"""`ilo-qa trace`: the reference graph around an anchor or an instrument, with labels people
read, as JSON or as lines of text."""

from __future__ import annotations

import re
from typing import Any

from corpus import REGISTRY, Corpus, Trace, instrument, label, mentioned_instruments

from ._answer import Lang, QuestionError

_ANCHOR = re.compile(r"^[^#\s]+#[A-Za-z0-9.]+$")


def resolve_ref(ref: str, corpus: Corpus) -> str:
    """An anchor of the corpus, or an instrument id from any written form of it ('C142',
    'Convention No. 142', '第142号公约'); a QuestionError saying what is accepted otherwise."""
    ref = ref.strip()
    if _ANCHOR.match(ref):
        if corpus.get(ref) is None:
            raise QuestionError(
                f"no unit has the anchor {ref!r}; anchors look like 'GB.346/INS/4#A33' or "
                "'ILC.109/Res#c14.c'")
        return ref
    if corpus.holds(ref):
        return ref
    found = mentioned_instruments(ref)
    if len(found) == 1 and (instrument(found[0]) or corpus.holds(found[0])):
        return found[0]
    known = ", ".join(i.id for i in REGISTRY)
    raise QuestionError(
        f"cannot trace {ref!r}: give an anchor ('GB.346/INS/4#A33') or one instrument the "
        f"documents name ({known}, in any written form such as 'Convention No. 142')")


def _links(anchors: tuple[str, ...], lang: Lang) -> list[dict[str, str]]:
    return [{"anchor": a, "label": label(a, lang)} for a in anchors]


def trace_json(t: Trace, corpus: Corpus, lang: Lang = "en") -> dict[str, Any]:
    """The trace as one JSON object with the same keys for an anchor and an instrument:
    each neighbour with anchor and label (an instrument's anchor is its id, which `trace`
    and `ingest --doc-id` accept)."""
    unit = "#" in t.ref
    return {
        "ref": t.ref,
        "kind": "unit" if unit else "instrument",
        "label": label(t.ref, lang) if unit else _instrument_label(t.ref, lang),
        "in_corpus": True if unit else corpus.holds(t.ref),
        "cites": _links(t.cites, lang),
        "cited_by": _links(t.cited_by, lang),
        "mentioned_in": _links(t.mentioned_in, lang),
        "planned_in": _links(t.planned_in, lang),
        "plans": _links(t.plans, lang),
        "mentions": [{"anchor": i, "label": _instrument_label(i, lang)} for i in t.mentions],
        # An instrument whose text a user added: its units, so the trace shows what it says.
        "text": [] if unit or not corpus.holds(t.ref) else [
            {"anchor": u.anchor, "label": label(u.anchor, lang), "text": u.text}
            for u in corpus.document(t.ref).units],
    }


def _instrument_label(ref: str, lang: Lang) -> str:
    known = instrument(ref)
    return known.label(lang) if known else ref


_TITLES = {
    "cites": ("引用", "Cites"), "cited_by": ("被引用于", "Cited by"),
    "planned_in": ("战略中规划同一工作的段落", "Planned in the strategy"),
    "plans": ("规划的产出", "Outputs it plans"), "mentions": ("提到的文书", "Instruments named"),
    "mentioned_in": ("提到它的段落", "Mentioned in"),
}


def trace_text(data: dict[str, Any], lang: Lang = "en") -> str:
    """The trace as lines of text, one neighbour a line, empty groups left out."""
    head = f"{data['label']} [{data['ref']}]"
    if data["kind"] == "instrument":
        head += ("（全文在语料中）" if data["in_corpus"] else "（全文不在语料中）") if lang == "zh" \
            else (" (its text is in the corpus)" if data["in_corpus"] else
                  " (its text is not in the corpus)")
    lines = [head]
    for key, (zh, en) in _TITLES.items():
        items = data.get(key) or []
        if not items:
            continue
        lines.append(f"{zh if lang == 'zh' else en}:")
        for it in items:
            lines.append(f"  {it['label']} [{it['anchor']}]")
    if data.get("text"):
        lines.append("条文：" if lang == "zh" else "Text:")
        lines += [f"  {it['label']} [{it['anchor']}] {it['text']}".rstrip() for it in data["text"]]
    return "\n".join(lines)
