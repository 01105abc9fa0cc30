"""Who is asked or committed to act in a unit, and how strongly, read from its own text and
the lead-in that introduces it.

Actors: the Office/ILO, the Director-General, the Governing Body, member States and
governments, the social partners, all stakeholders, the Conference. Force: `should`
(应/应当), `will` (将; the Office's outputs), `encourage` (鼓励/邀请), `request` (要求/提请; a
decision), `none` (a unit that asks no one to act). An item that names no actor of its own
takes its lead-in's; the pillars' areas take the actor and force of the paragraph that
introduces the pillars ("鼓励成员国就以下五个…支柱领域采取行动")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ._units import Corpus, Unit

Actor = Literal["office", "director_general", "governing_body", "member_states",
                "social_partners", "stakeholders", "conference"]
Force = Literal["should", "will", "encourage", "request", "none"]
ACTORS: tuple[Actor, ...] = ("office", "director_general", "governing_body", "member_states",
                             "social_partners", "stakeholders", "conference")

# Who, as the doer: the words that name each actor (longest first where they overlap:
# 国际劳工局理事会 is the Governing Body).
_WHO: tuple[tuple[str, str], ...] = (
    ("director_general", r"总干事"),
    ("governing_body", r"(?:国际劳工局)?理事会"),
    ("conference", r"国际劳工大会|大会(?!文件)"),
    ("office", r"(?:国际)?劳工局|(?:国际)?劳工组织"),
    ("member_states", r"各国政府|成员国|各国|政府"),
    ("social_partners", r"社会伙伴|雇主组织|工人组织|雇主和工人"),
    ("stakeholders", r"所有利益攸关方"),
    ("constituents", r"三方成员"),  # governments, employers and workers: both actors
)
_MODAL: tuple[tuple[Force, str], ...] = (
    ("encourage", r"鼓励|邀请"),
    ("request", r"提请|要求|核可"),
    ("should", r"应当|应该|应(?![对用])"),
    ("will", r"将(?!其|之|它|技能|教育|相关)"),
)
_WHO_ALT = "|".join(f"(?P<{a}>{w})" for a, w in _WHO)
_MODAL_ALT = "|".join(f"(?P<m_{f}>{w})" for f, w in _MODAL)
# "X将：", "X应当…": an actor followed closely by its modal verb, in one clause.
_CLAUSE = re.compile(rf"(?P<who>{_WHO_ALT})[^。；;：:，,]{{0,12}}?(?P<modal>{_MODAL_ALT})")
# "要求总干事…", "鼓励成员国…", "应由总干事提交…": the one asked, after the verb.
_ASKED = re.compile(rf"(?:提请|要求|鼓励|邀请|由)\s*(?P<who>{_WHO_ALT})")
# "国际劳工大会认识到…，要求…": whoever asks, earlier in the same sentence.
_ASKER = re.compile(rf"(?P<who>{_WHO_ALT})[^。；;：:]{{0,80}}?(?:提请|要求|核可)")
# Responsibility shared out by name: "作为政府和社会伙伴的共同责任", "由政府、雇主和工人…分担".
_SHARED = re.compile(r"作为(?P<a>[^。；，]{1,20}?)的(?:共同)?责任|由(?P<b>[^。；，]{1,20}?)(?:酌情)?分担")
# A body asked to approve: "提交理事会…批准".
_APPROVES = re.compile(rf"(?P<who>{_WHO_ALT})[^。；]{{0,16}}批准")
_LEAD_IN = re.compile(r"[:：]\s*$")
_STARTS_WITH_VERB = re.compile(r"^(?:通过了|提请|要求|请|邀请|鼓励|决定)")
# A request told as past narrative ("《2021年结论》…要求总干事", "已邀请劳工组织") asks no one now.
_PAST = re.compile(r"了|已")
_OPERATIVE_SECTION = re.compile(r"决定")  # a (draft) decision speaks in the past: "核可了"


@dataclass(frozen=True)
class Duty:
    """Who is to act in a unit, and how strongly."""

    actors: tuple[Actor, ...]
    force: Force

    def __bool__(self) -> bool:
        return bool(self.actors) or self.force != "none"


_NONE = Duty((), "none")


_NAMED: dict[str, tuple[Actor, ...]] = {a: (a,) for a in ACTORS}
_NAMED["constituents"] = ("member_states", "social_partners")


def _actors(m: re.Match[str]) -> tuple[Actor, ...]:
    return _NAMED[next(a for a, _w in _WHO if m.group(a))]


def _narrated(text: str, at: int) -> bool:
    """Whether the sentence up to `at` tells of the past (a request already made)."""
    start = max(text.rfind(c, 0, at) for c in "。；;") + 1
    return bool(_PAST.search(text[start:at]))


def _own(text: str, operative: bool = False) -> Duty:
    """The actors a text itself names as doers or as asked, in document order, and its
    first modal; a modal with no doer named gives a duty with no actor. A request told as
    past narrative counts only in an operative text (a decision)."""
    found: list[tuple[int, Actor]] = []
    force: Force = "none"
    for m in _CLAUSE.finditer(text):
        modal = next(f for f, _w in _MODAL if m.group(f"m_{f}"))
        if modal in ("request", "encourage") and not operative and _narrated(text, m.start("modal")):
            continue
        found += [(m.start(), a) for a in _actors(m)]
        if force == "none":
            force = modal
    for pattern in (_ASKED, _ASKER):
        for m in pattern.finditer(text):
            if operative or not _narrated(text, m.end()):
                found += [(m.start("who"), a) for a in _actors(m)]
    for m in _SHARED.finditer(text):
        names = m["a"] or m["b"] or ""
        found += [(m.start(), a) for w in re.finditer(_WHO_ALT, names) for a in _actors(w)]
    for m in _APPROVES.finditer(text):
        found += [(m.start(), a) for a in _actors(m) if a in ("governing_body", "conference")]
    if force == "none":
        for m in re.finditer(_MODAL_ALT, text):
            modal = next(f for f, _w in _MODAL if m.group(f"m_{f}"))
            if modal not in ("request", "encourage") or operative or not _narrated(text, m.start()):
                force = modal
                break
    actors = tuple(dict.fromkeys(a for _p, a in sorted(found)))
    if force == "none" and actors and not any(True for _ in _CLAUSE.finditer(text)):
        force = "request"  # asked by name ("要求总干事…") with no modal of its own
    return Duty(actors, force if (actors or force != "none") else "none")


def own_duty(text: str) -> Duty:
    """The actors a text itself names as doers or as asked (no lead-in, no section)."""
    return _own(text)


def duties(corpus: Corpus) -> dict[str, Duty]:
    """Every unit's duty, by anchor."""
    out: dict[str, Duty] = {}
    base: dict[str, Duty] = {}  # what a unit passes to its items: its lead-in's duty
    pillars = _pillar_duty(corpus)
    for doc in corpus.documents:
        author: Actor = "office" if doc.doc_id.startswith("GB.") else "conference"
        last: dict[str, tuple[Actor, ...]] = {}  # the last doer named in each section
        for unit in doc.units:
            parent = doc.get(unit.parent) if unit.parent else None
            if parent is not None:
                handed = base.get(parent.anchor, _NONE)
                own = _own(unit.text)
                extra = tuple(a for a in own.actors if a not in handed.actors)
                duty = Duty((*handed.actors, *extra),
                            handed.force if handed.force != "none" else own.force)
                base[unit.anchor] = handed if handed else duty
            else:
                duty = _duty(unit, pillars, last.get(unit.section, ()), author)
                base[unit.anchor] = duty
            out[unit.anchor] = duty
            if duty.actors:
                last[unit.section] = duty.actors
    return out


def _duty(unit: Unit, pillars: Duty, last: tuple[Actor, ...], author: Actor) -> Duty:
    """The duty of a numbered paragraph or an Appendix row."""
    if unit.row is not None:
        return Duty(("office",), "will")  # an output the Office delivers
    own = _own(unit.text, operative=bool(_OPERATIVE_SECTION.search(unit.section)))
    if unit.text.startswith("通过了"):
        return Duty((author,), "request")  # the Conference adopts
    if own.actors:
        if _STARTS_WITH_VERB.search(unit.text) and author not in own.actors:
            return Duty((author, *own.actors), own.force)  # the subject is the document's
        return own
    if own.force == "none":
        if unit.pillar is not None and _LEAD_IN.search(unit.text):
            return pillars  # "本项支柱涉及以下方面：" — the areas member States act in
        return _NONE
    if _STARTS_WITH_VERB.search(unit.text):
        return Duty((author,), own.force)  # "通过了以下若干结论" — the Conference adopts
    if last:
        return Duty(last, own.force)  # an unstated doer is the last one the section named
    if own.force == "will":
        # "将制定一套指标": the Office's paper plans its own work; elsewhere a "将" with no
        # doer foretells (将有助于) and commits no one.
        return Duty((author,), "will") if author == "office" else _NONE
    return own


def _pillar_duty(corpus: Corpus) -> Duty:
    """The duty of the paragraph that introduces the five pillars: member States
    encouraged to act in them."""
    for unit in corpus.units():
        if unit.pillar is None and re.search(r"支柱\s*1\s*[:：]", unit.text):
            m = re.search(r"(?P<modal>鼓励|邀请|要求|应)(?P<who>成员国|各国政府|政府)", unit.text)
            if m:
                force: Force = "encourage" if m["modal"] in ("鼓励", "邀请") else (
                    "request" if m["modal"] == "要求" else "should")
                return Duty(("member_states",), force)
    return _NONE
