"""Mandate chains: for an Appendix output, the Conclusions points it answers and the strategy
paragraphs planning the same work; for a Conclusions point, the outputs implementing it (or
"none"); for a strategy item, the outputs of its work. Asked of a unit the question numbers
("which paragraph mandates output 33?") or describes ("which points is the output on X
based on?")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from corpus import label
from index import Index

from ._chain_answer import chain, outputs_chain
from ._duties import Ranker
from ._listing import Listing
from ._question import Reading

_CHAIN = re.compile(
    r"\bmandates?\b|\bmandated\b|\b(?:legal )?basis\b|\bbased on\b|\bcomes? from\b|\bderives? from\b"
    r"|\bwhere\b[^?]{0,80}\b(?:planned|laid out|set out|scheduled)\b"
    r"|依据|授权|出自|出处|来源于|源自|根据哪"
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
# "战略正文中规划这项工作的是哪一项"
_STRATEGY_ZH = r"(?:战略|正文|行动计划)[^？?，,]{0,12}哪(?:一|些|几)?(?:段|项|条|部分)"
# Whether the Conference asked for some work: "something the Conference actually asked for?",
# "这项工作有没有结论依据？"
_CONFERENCE_ASKED = (
    r"\b(?:something|anything|what) the (?:conference|conclusions) (?:actually |really |ever |explicitly )?"
    r"(?:asked|called|requested)"
    r" for\b|\b(?:did|does|has) the (?:conference|conclusions) (?:actually |really |ever |explicitly )?"
    r"(?:ask|call|request)\b|有没有(?:大会)?结论(?:的)?(?:依据|根据|出处)"
    r"|结论(?:里|中)?(?:有没有|能不能找到|能找到|找得到)(?:依据|根据|出处)")
_ASKS_POINTS = re.compile(
    r"\b(?:which|what) (?:(?!outputs?\b)[\w-]+ ){0,2}(?:of (?:the )?(?:2021 )?)?(?:conclusions?|points?|paragraphs?"
    r"|recommendations?"
    r"|provisions?)\b|\blist (?:the |all |its |every )?(?:[\w-]+ ){0,2}(?:points|paragraphs|provisions)\b"
    r"|结论[^？?，,]{0,6}哪(?:些|几|一)?(?:个|段|点|项|条|要点)|哪(?:些|几|一)?(?:段|点|条)(?:大会)?结论"
    r"|结论[^？?，,]{0,8}哪(?:些|几)(?=[？?]|$)"
    r"|(?:引用|援引|对应)的?是?哪(?:些|几|一)?(?:个|段|点|项|条)(?!\s*(?:战略)?(?:支柱|要素|可持续|目标|产出|计划))|还是(?:别的|其他|其它)的?(?:要点|点|段|项)"
    r"|\bor (?:some |an)?other (?:points?|paragraphs?)\b|\bor a different (?:point|paragraph)\b"
    rf"|{_CONFERENCE_ASKED}"
    # the basis asked for: "授权依据是哪段", "依据是？"
    r"|(?:依据|根据|出处|授权)[^？?，,。]{0,3}哪(?:些|几|一)?(?:个|段|点|项|条)|(?:依据|根据|出处|来源)(?:是|为)(?:什么|啥|哪里)?(?=[？?]|$)"
    # the strategy's own paragraph for an output: "which strategy item plans this?"
    r"|\b(?:which|what) (?:strategy |[\w-]+ ){0,2}(?:items?|sub-items?|sections?)\b"
    rf"|{_STRATEGY_ZH}")
# The strategy's own paragraph or item asked for (what plans a Conclusions point's work).
ASKS_STRATEGY = re.compile(
    r"\b(?:which|what) (?:part of the )?strategy(?:'s)? (?:[\w-]+ ){0,2}(?:items?|sub-items?|paragraphs?|"
    rf"sections?|parts?)\b|{_STRATEGY_ZH}")
# Where the strategy or its action plan plans an output's work, asked without its points.
_ASKS_PLAN = re.compile(
    rf"{ASKS_STRATEGY.pattern}|\bwhere in the (?:(?:body|text) of the )?(?:strategy|action plan)\b"
    r"|\b(?:which|what) (?:part of the )?action plan(?:'s)? (?:[\w-]+ ){0,2}(?:items?|paragraphs?|sections?|parts?)\b"
    r"|\b(?:which|what) (?:[\w-]+ ){0,2}(?:items?|paragraphs?) (?:of|in) the (?:strategy|action plan)\b"
    r"|行动计划[^？?，,]{0,12}哪(?:一|些|几)?(?:段|项|条|部分)"
    r"|\b(?:which|what) (?:action[- ]plan|strategy) (?:items?|paragraphs?|sections?)\b"
    # what the strategy does for a point: "what does the strategy do to implement 14(c)?"
    r"|\bwhat (?:does|will) the (?:strategy|action plan) do\b|(?:战略|行动计划)(?:如何|怎样|怎么)(?:落实|回应|响应)")
_ASKS_CONCLUSIONS = re.compile(r"\b(?:which|what) (?:[\w-]+ ){0,2}(?:conclusions?|points?)\b"
                               r"|结论[^？?，,]{0,6}哪|哪一?(?:段|点|条|项)(?:大会)?结论")
_ASKS_OUTPUTS = re.compile(r"\b(?:which|what) (?:[\w-]+ ){0,2}outputs?\b(?!\s*(?:no\.\s*)?a?\d)"  # not "output 2's"
                           r"|哪(?:些|几|一)?(?:项|个)?(?:高级别)?产出")
_LINKS = re.compile(
    r"\bcit(?:e|es|ed|ing)\b|\bbasis\b|\bbased on\b|\bcorrespond|\bimplement|\banswer|\brespond"
    r"|\bfollows? (?:up|from)\b|\bstems?\b|\bderive|\bgrounded\b|\bset up (?:in response|because)\b"
    r"|\bcarr(?:y|ies|ied) (?:\w+ )?forward\b|\b(?:give|gives|giving) effect\b"
    r"|\bput (?:\w+ )?into (?:practice|effect)\b"
    r"|\bdeliver(?:s|ing)? on\b|\b(?:take|takes|taking|took) (?:this |that |it |these |those )?up\b"
    r"|\bact(?:s|ing)? on\b|\bfollow(?:s|ing)? through\b|\bbuil(?:ds?|t|ding) on\b|\bpoints? (?:back )?to\b"
    r"|\btrace[sd]? back\b|\brefer(?:s|red|ring)? (?:back )?to\b|\bbehind\b|\brests? (?:only |solely )?on\b"
    r"|\bpinned to\b|\bbacks\b|\bbacked by\b|\bback(?:s|ed)? (?:it |this |that |them )?up\b"
    r"|\bcarr(?:y|ies|ied|ying) (?:it |this |that |them )?out\b"
    r"|\bdeliver(?:s|ed|ing)?\b"
    r"|\boperationali[sz]|\b(?:translat|turn)(?:e|es|ed|ing|s)? (?:it |this |that |them )?into\b"
    r"|\bend(?:s|ed)? up (?:in|as)\b|\bbec(?:ame|omes?) (?:an? |the )?(?:[\w-]+ )?outputs?\b"
    r"|\breferenc|\b(?:tied|linked|mapped|matched|connected) to\b|\bmaps? to\b|\brelates? to\b"
    r"|\b(?:plans?|planned|lays out|sets out|provides for|envisages|foresees) (?:this|that|it|these|those"
    r"|the same|for)\b"
    r"|依据|据此|对应|落实|贯彻|执行|根据|响应|回应|出自|出处|源自|引用|援引|挂钩|关联|承接|变成|体现在|体现为|转化为|(?:规划|安排|部署)了?(?:这|该|此|同一)")
# The Appendix's column of Conclusions points, named: "Conclusions points", "所涉结论段落".
_POINTS_COLUMN = re.compile(r"\bconclusions? (?:points?|paragraphs?|paras?)\b|(?:所涉)?《?结论》?(?:的)?(?:要点|段落)")
# What the action plan says, reported: an item described ("the action plan says the Office
# will …", "行动计划里提到…").
_PLAN_SAYS = re.compile(
    r"\b(?:the )?action plan (?:says|states|commits|promises|plans|foresees|envisages|provides|undertakes"
    r"|pledges)\b|行动计划(?:里|中)?(?:说|提到|提出|承诺|写道|写着)")
# An item of the action plan (paras 22–27): its outputs and points are linked to it.
_ITEM = re.compile(r"^p2[2-7]\.[a-z]$")
# The question speaks of outputs (of the Appendix): shared with `_lists`.
OUTPUT_WORDS = re.compile(r"产出|附录|(?<![a-z])outputs?(?![a-z])|\bappendix\b")  # also "那项output"
_POINT_WORD = re.compile(r"结论|大会|\bconclusions?\b|\bconference\b|\bpoints?\b|\brecommendation")


# The question picks a point out by what it says ("which point says the Director-General
# must …", "结论中哪一点规定…"): the point is the described side, whatever else it asks.
_POINT_SAYS = re.compile(
    r"\b(?:which|what) (?:[\w-]+ ){0,2}(?:points?|paragraphs?|provisions?) (?:of the conclusions )?"
    r"(?:specifically |explicitly |actually )?"
    r"(?:says?|tells?|requires?|asks?|calls?|urges?|states?|provides?|sets? out|mentions?|invites?|wants?)\b"
    r"|哪一?(?:点|项|段|条)(?:里|中)?(?:规定|要求|提出|呼吁|指出|说|提到|请)(?!的)"
    r"|这是结论(?:的)?哪一?(?:点|项|段|条)")
# Whether some output answers it: asked about the point ("does any output cite it?").
_ANY_OUTPUT = re.compile(r"\bany (?:[\w-]+ ){0,2}outputs?\b|\bis there an? (?:[\w-]+ ){0,2}output\b"
                         r"|有没有[^？?。]{0,6}产出|是否有[^？?。]{0,6}产出|有(?:任何)?(?:高级别)?产出")
# A particular output, described: "the output on X", "关于X的那项产出".
_ABOUT = r"(?:on|about|for|concerning|dealing with|that|which|giving|providing|offering|helping|supporting)\b"
_THAT_OUTPUT_ZH = r"的?(?:那|这)一?(?:项|个)(?:高级别)?(?:产出|output)"
_THE_OUTPUT = re.compile(rf"\bthe (?:[\w/-]+ ){{0,2}}outputs? {_ABOUT}"
                         rf"|(?:关于|有关)[^？?。]{{1,40}}的(?:那|这)?一?项(?:高级别)?(?:产出|output)|{_THAT_OUTPUT_ZH}"
                         r"|(?:那|这)一?(?:个|项)[^？?。，,]{1,40}的(?:高级别)?(?:产出|output)")
# One output, described ("Is the output giving X based on 13(h)?"), not a set of them.
_ONE_OUTPUT = re.compile(rf"\bthe (?:[\w-]+ ){{0,2}}output {_ABOUT}|{_THAT_OUTPUT_ZH}")


def _described(q: str) -> str | None:
    """The side a chain question describes rather than numbers: "row" (it asks which points
    an output answers), "row if first" (which points some work described rests on: an
    output's, when the best-ranked unit is one), "point" (which outputs implement a point,
    or which point says something and whether an output answers it) or "item" (which
    outputs or points an action-plan item it reports corresponds to); None if it asks no
    chain."""
    asks_points, asks_outputs = _ASKS_POINTS.search(q), _ASKS_OUTPUTS.search(q)
    if asks_points and OUTPUT_WORDS.search(q) and (_POINT_SAYS.search(q) or _ANY_OUTPUT.search(q)):
        return "point"
    links = _LINKS.search(q)
    if asks_points and OUTPUT_WORDS.search(q) and not asks_outputs and (links or _THE_OUTPUT.search(q)):
        return "row"
    if links and asks_outputs and _POINT_WORD.search(q) and not asks_points:
        return "point"
    # what the Conclusions call for, described, then "which action-plan items take that up?"
    if links and plan_first(q) and _POINT_WORD.search(q) and not OUTPUT_WORDS.search(q):
        return "point"
    # what the Conclusions call for, described, then "is there any output that takes this up?"
    if links and _ANY_OUTPUT.search(q) and _POINT_WORD.search(q) and not asks_points:
        return "point"
    # an action-plan item described ("The action plan says the Office will …. Which output
    # matches that?"), then its outputs or their points
    if _PLAN_SAYS.search(q) and (asks_outputs or asks_points):
        return "item"
    # some work described, then the Conclusions points it rests on ("Is the Office's guidance
    # on X grounded in the Conclusions, and which points?"): an output's, if it is one
    if asks_points and not asks_outputs and (links or re.search(_CONFERENCE_ASKED, q)):
        return "row if first"
    return None


def plan_first(q: str) -> bool:
    """Whether a chain leads with the strategy's items: the question asks where the strategy
    plans the work of an output or a point, and not for Conclusions points or outputs."""
    return bool(_ASKS_PLAN.search(q)) and not _ASKS_CONCLUSIONS.search(q) and not _ASKS_OUTPUTS.search(q)


def asks_chain(q: str, named: list[str]) -> bool:
    """Whether the question asks what mandates (or implements) the unit it names: in those
    words, or asking for the points an output it names is linked to ("which Conclusions
    points does A12 respond to?")."""
    if not named:
        return False
    if _CHAIN.search(q) or (_LOCATE.search(q) and not named[0].startswith("ILC.109/Res#")):
        return True
    if plan_first(q) and (any("#A" in a for a in named) or named[0].startswith("ILC.109/Res#c")):
        # "which item in the action plan text is behind A20?", "战略哪一段落实了结论第14段(g)？"
        return True
    rows = any("#A" in a for a in named)
    points = any(a.startswith("ILC.109/Res#") for a in named)
    links = bool(_LINKS.search(q))
    # "does A39 cite 14(c), or another point?", "A29 — Conclusions reference(s)?": the
    # output's own points answer it
    if rows and links and (points or _ASKS_POINTS.search(q) or _POINT_WORD.search(q)) \
            and not _ASKS_OUTPUTS.search(q):
        return True
    # the Appendix's points column asked of an output: "output 2的 Conclusions points 是哪些？"
    if rows and not points and _POINTS_COLUMN.search(q) and not _ASKS_OUTPUTS.search(q):
        return True
    # a strategy paragraph named, asked which Conclusions point it follows from
    if named[0].startswith("GB.346/INS/4#p") and links and _ASKS_CONCLUSIONS.search(q) \
            and not _ASKS_OUTPUTS.search(q):
        return True
    # an action-plan item named: "which outputs deliver 25(a)?", "what point is behind 25(c)?",
    # "is there an output that operationalises 24(c)?"
    item = _ITEM.match(named[0].partition("#")[2]) and named[0].startswith("GB.346/INS/4#")
    return bool(item) and links and bool(_ASKS_OUTPUTS.search(q) or _ANY_OUTPUT.search(q)
                                         or _ASKS_CONCLUSIONS.search(q))


def asks_mandate(q: str) -> bool:
    """Whether a question asks what mandates outputs it picks out otherwise than by number
    ("the output linked to SDG target 10.3 — which point does it cite?", "P&B产出6.4的那项产出
    依据结论哪几点？"): in those words, or asking for points or strategy items they are linked to;
    not when it describes a point and asks which of them answer it."""
    if _described(q) == "point":  # a point described, then its outputs among them
        return False
    return bool(_CHAIN.search(q) or ((_ASKS_POINTS.search(q) or _ASKS_PLAN.search(q)) and _LINKS.search(q)))


def chain_subject(q: str, named: list[str]) -> str:
    """Whose chain: the output a question names beside a point ("does A39 cite 14(c) or
    another point?"), unless it asks for outputs; else the first unit named."""
    rows = [a for a in named if "#A" in a]
    if rows and not _ASKS_OUTPUTS.search(q):
        return rows[0]
    return named[0]


def named_chain(q: str, named: list[str], index: Index, rank: Ranker) -> Listing | None:
    """The chain a question asks of a unit it names, if it asks one, a member the question
    singles out first (one of the three units `rank` puts first for it: "14(g) (skills in
    the DWCPs) — which action-plan item?"), the others in the documents' order; not for a
    point that no action-plan item plans, asked which strategy item covers it (the pillars'
    areas may, and search finds them)."""
    if not asks_chain(q, named):
        return None
    rows = [a for a in named if "#A" in a]
    if len(rows) >= 2 and len(rows) == len(named) and not _ASKS_OUTPUTS.search(q):
        # "Do outputs 9 and 12 rest on the same points?"
        return outputs_chain(rows, index, plan_first=plan_first(q))
    subject = chain_subject(q, named)
    if plan_first(q) and "#c" in subject and not index.references.chain(subject).planned_in:
        return None
    t = index.references.chain(subject)
    if subject.startswith("GB.346/INS/4#p") and not (t.cites or t.cited_by or t.plans or t.planned_in) \
            and _POINT_WORD.search(q):
        return closest_points(subject, index)  # "战略第18段(b)项源自结论哪一项？"
    # the question's best three units: a member among them is singled out; the rest keep
    # the documents' order
    order = [a for a, _score, _about in rank(q)][:3]
    return chain(subject, index.corpus, index, bool(OUTPUT_WORDS.search(q)), order=order,
                 plan_first=plan_first(q), numbered=True)


def described_chain(reading: Reading, index: Index, rank: Ranker,
                    within: tuple[str, ...] = (), named: Sequence[str] = ()) -> Listing | None:
    """The chain of the unit a question describes, if it asks one: the best-ranked unit of
    the described side (ranked for the whole question; a point is a lettered item of the
    Conclusions, all the Appendix cites, not one of their general paragraphs). A point
    picked out by what it says comes first, then its outputs; `within`: the outputs the
    question narrows to (those of a component it names). With units `named`, only an
    output described beside the points it may cite ("Is the output on X based on 13(h)?")."""
    if named:
        q = reading.norm
        # beside points it may cite, or the action plan's paragraphs to look in ("…的那项产出，
        # 依据结论哪几点？行动计划第22段里对应哪一项？")
        beside = all(a.startswith("ILC.109/Res#c") for a in named) or all(
            a.startswith("GB.346/INS/4#p") and (u := index.corpus.get(a)) is not None and not u.is_leaf
            for a in named)
        side: str | None = "row" if (beside and _ONE_OUTPUT.search(q) and _LINKS.search(q)
                                    and not _ASKS_OUTPUTS.search(q)) else None
    else:
        side = _described(reading.norm)
    if side is None:
        return None
    # beside a point it may cite, the output is what comes before the linking words
    described = _LINKS.split(reading.norm, maxsplit=1)[0] if named else reading.question
    if side == "row if first":  # the work described, without the words asking for points
        described = _ASKS_POINTS.sub(" ", reading.norm)
    elif side == "row" and not named:
        # "那个跟…一起搞…的产出，行动计划里是哪一段安排的？": the output is described before the
        # words asking for its chain
        m = _THE_OUTPUT.search(reading.norm)
        if m and not m.group().startswith("the "):
            described = reading.norm[:m.end()]
    ranked = [a for a, _score, _about in rank(described)]
    if side == "row if first":
        first = index.corpus.get(ranked[0]) if ranked else None
        if first is None or first.row is None:
            return None
        side = "row"
    for anchor in ranked:
        unit = index.corpus.get(anchor)
        if side == "item":
            if unit is None or not (anchor.startswith("GB.346/INS/4#") and _ITEM.match(unit.locator)):
                continue
            # what is asked for first (its outputs, or their points), the item it reports last;
            # the item first when the strategy's item is what is asked ("战略正文里是哪一项规定了…")
            return chain(anchor, index.corpus, index, bool(_ASKS_OUTPUTS.search(reading.norm)), within, ranked,
                         numbered=not _ASKS_PLAN.search(reading.norm))
        if unit is not None and (unit.row is not None if side == "row"
                                 else anchor.startswith("ILC.109/Res#c") and unit.kind != "paragraph"):
            # sub-items ranked alike: the item they belong to says it (14(a), whose own text
            # is the strategy the Director-General is to submit; not a paragraph's lead-in)
            if unit.kind == "subitem" and sum(index.corpus.unit(a).parent == unit.parent
                                               for a in ranked[:5]) >= 3:
                anchor = f"{unit.doc_id}#{unit.parent}"
            found = chain(anchor, index.corpus, index,
                          side == "point" and not _POINT_SAYS.search(reading.norm), within, ranked,
                          plan_first(reading.norm))
            cites = index.references.chain(anchor).cites
            uncited = [a for a in named if a.startswith("ILC.109/Res#") and a not in cites]
            if uncited:  # "Is the output on X based on 13(h)?": say it is not
                zh = "、".join(label(a, "zh") for a in uncited)
                en = ", ".join(label(a, "en") for a in uncited)
                found = replace(found, note_zh=f"{found.note_zh}它未引用{zh}。",
                                note_en=f"{found.note_en} It does not cite {en}.")
            return found
    return None


def asks_outputs(q: str) -> bool:
    """Whether the question asks which outputs ("which output …", "哪项产出"), not of one it numbers."""
    return bool(_ASKS_OUTPUTS.search(q))


def closest_points(anchor: str, index: Index, n: int = 3) -> Listing:
    """A strategy paragraph outside the Appendix's links, asked which Conclusions point it
    follows from ("战略第18段(b)项源自《2021年结论》哪一项？"): the documents do not say, so the
    answer says so and gives the `n` lettered points closest to its text, then the paragraph
    (not "no output answers it", which answers another question)."""
    corpus = index.corpus
    found = [h.anchor for h in index.search(corpus.unit(anchor).text, 80)]
    points = [a for a in found if a.startswith("ILC.109/Res#c") and corpus.unit(a).kind != "paragraph"][:n]
    zh, en = label(anchor, "zh"), label(anchor, "en")
    return Listing("chain", None, (*points, anchor),
                   f"{zh}没有引用《2021年结论》的具体要点，文件中也没有把它与某一点对应起来；内容最接近的是"
                   + "、".join(label(a, "zh") for a in points) + "。",
                   f"{en} cites no point of the 2021 Conclusions, and the documents link it to none; the "
                   "closest in content are " + ", ".join(label(a, "en") for a in points) + ".")
