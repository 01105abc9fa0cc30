"""Mandate chains: for an Appendix output, the Conclusions points it answers and the strategy
paragraphs planning the same work; for a Conclusions point, the outputs implementing it (or
"none"); for a strategy item, the outputs of its work. Asked of a unit the question numbers
("which paragraph mandates output 33?") or describes ("which points is the output on X
based on?")."""

from __future__ import annotations

import re

from corpus import Corpus, label
from index import Index

from ._duties import Ranker
from ._listing import Listing
from ._question import Reading

_CHAIN = re.compile(
    r"\bmandates?\b|\bmandated\b|\b(?:legal )?basis\b|\bbased on\b|\bcomes? from\b|\bderives? from\b"
    r"|\bwhere\b[^?]{0,80}\b(?:planned|laid out|set out|scheduled)\b"
    r"|依据|授权|出自|来源于|源自|根据哪"
    # "在行动计划正文里是哪一条安排的", "对应的是行动计划里…哪一项"
    r"|哪一?(?:条|段|项)[^？?]{0,8}(?:安排|规划|部署)|对应的?是?[^？?]{0,24}哪一?(?:项|条|段)")
# "Which paragraph requires …": a chain when what it names is an output or a strategy item;
# a Conclusions point named there only describes the requirement ("…第5段所列群体…").
_LOCATE = re.compile(
    r"\bwhich (?:paragraph|point|part|conclusion)s? (?:of [\w ]+ )?(?:requires?|asks? for|calls? for)"
    r"|哪一?段要求|哪一?点要求")


# A chain asked of a unit described, not numbered: "which Conclusions points does the output
# on X cite as its basis?", "which output implements the point on Y?", "附录中关于X的那项产出
# 以结论哪些段落为依据？". What is asked for is one side (points or outputs); the question
# describes the other, and links the two.
_ASKS_POINTS = re.compile(
    r"\b(?:which|what) (?:[\w-]+ ){0,2}(?:conclusions?|points?|paragraphs?|recommendations?|provisions?)\b"
    r"|结论[^？?，,]{0,6}哪(?:些|几|一)?(?:个|段|点|项|条)|哪(?:些|几|一)?(?:段|点|条)(?:大会)?结论")
_ASKS_OUTPUTS = re.compile(r"\b(?:which|what) (?:[\w-]+ ){0,2}outputs?\b|哪(?:些|几|一)?(?:项|个)?(?:高级别)?产出")
_LINKS = re.compile(
    r"\bcit(?:e|es|ed|ing)\b|\bbasis\b|\bbased on\b|\bcorrespond|\bimplement|\banswer|\brespond"
    r"|\bfollows? (?:up|from)\b|\bstems?\b|\bderive|\bgrounded\b|\bset up (?:in response|because)\b"
    r"|\bcarr(?:y|ies|ied) (?:\w+ )?forward\b|\b(?:give|gives|giving) effect\b"
    r"|\bput (?:\w+ )?into (?:practice|effect)\b"
    r"|\bdeliver(?:s|ing)? on\b|\btakes? up\b|\bact(?:s|ing)? on\b|\bfollow(?:s|ing)? through\b"
    r"|依据|据此|对应|落实|根据|响应|回应|出自|源自")
# The question speaks of outputs (of the Appendix): shared with `_lists`.
OUTPUT_WORDS = re.compile(r"产出|附录|\boutputs?\b|\bappendix\b")
_POINT_WORD = re.compile(r"结论|大会|\bconclusions?\b|\bconference\b|\bpoints?\b|\brecommendation")


def _described(q: str) -> str | None:
    """The side a chain question describes rather than numbers: "row" (it asks which points
    an output answers) or "point" (which outputs implement a point); None if it asks no
    chain."""
    if not _LINKS.search(q):
        return None
    if _ASKS_POINTS.search(q) and OUTPUT_WORDS.search(q) and not _ASKS_OUTPUTS.search(q):
        return "row"
    if _ASKS_OUTPUTS.search(q) and _POINT_WORD.search(q) and not _ASKS_POINTS.search(q):
        return "point"
    return None


def asks_chain(q: str, named: list[str]) -> bool:
    """Whether the question asks what mandates (or implements) the unit it names."""
    if not named:
        return False
    return bool(_CHAIN.search(q)) or (bool(_LOCATE.search(q))
                                      and not named[0].startswith("ILC.109/Res#"))


def described_chain(reading: Reading, index: Index, rank: Ranker) -> Listing | None:
    """The chain of the unit a question describes, if it asks one: the best-ranked unit of
    the described side (ranked for the whole question)."""
    side = _described(reading.norm)
    if side is None:
        return None
    for anchor, _score, _about in rank(reading.question):
        unit = index.corpus.get(anchor)
        if unit is not None and (unit.row is not None if side == "row"
                                 else anchor.startswith("ILC.109/Res#c")):
            return chain(anchor, index.corpus, index, side == "point")
    return None


def chain(anchor: str, corpus: Corpus, index: Index, outputs_asked: bool = False) -> Listing:
    """The mandate chain of an output, a Conclusions point or a strategy item; a question
    asking for outputs gets a point's outputs first, then the point."""
    t = index.references.chain(anchor)
    zh, en = label(anchor, "zh"), label(anchor, "en")
    unit = corpus.unit(anchor)
    if unit.row is not None:
        members = (*t.cites, *t.planned_in)
        pts = "、".join(label(a, "zh") for a in t.cites) or "（未具体提及）"
        pts_en = ", ".join(label(a, "en") for a in t.cites) or "no Conclusions point"
        plan = "、".join(label(a, "zh") for a in t.planned_in)
        plan_en = ", ".join(label(a, "en") for a in t.planned_in)
        return Listing(
            "chain", anchor, members,
            f"{zh}对应{pts}；" + (f"战略中规划同一工作的是{plan}。" if plan
                                 else "战略正文中没有规划同一工作的段落。"),
            f"{en} answers {pts_en}; " + (f"the strategy plans the same work in {plan_en}." if plan
                                          else "no paragraph of the strategy plans the same work."))
    if t.cited_by:
        outs = "、".join(label(a, "zh") for a in t.cited_by)
        outs_en = ", ".join(label(a, "en") for a in t.cited_by)
        if outputs_asked:  # "which outputs cite 12(n) as their basis": the rows first
            return Listing("chain", None, (*t.cited_by, anchor, *t.planned_in),
                           f"落实{zh}的高级别产出：{outs}。", f"{en} is implemented by {outs_en}.")
        return Listing("chain", anchor, (*t.cited_by, *t.planned_in),
                       f"落实{zh}的高级别产出：{outs}。", f"{en} is implemented by {outs_en}.")
    if t.plans:
        outs = "、".join(label(a, "zh") for a in t.plans)
        outs_en = ", ".join(label(a, "en") for a in t.plans)
        return Listing("chain", anchor, (*t.plans, *t.cites),
                       f"{zh}规划的工作对应{outs}。", f"{en} plans the work of {outs_en}.")
    return Listing("chain", anchor, (), f"没有任何高级别产出对应{zh}。",
                   f"No high-level output answers {en}.")
