"""Explicit references in a question ("结论第14段(h)对应哪些产出", "Appendix output 12",
"SDG 9.3", "para. 25(a)") resolved through the document structure, so that questions ILO
staff ask about the mandate's wiring get the exact rows and points, not look-alikes.

Questions arrive `corpus.normalize`d: "Concl. 13 (g)", "pillar two", "第二支柱" and "结论13g"
reach these patterns as "conclusions 13(g)", "pillar 2", "支柱2" and "结论13(g)"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from corpus import ALL_PILLARS, Corpus, References, normalize

from ._numbers import (
    EN_CONCL,
    EN_GB_POINT,
    EN_POINT,
    GB,
    ILC,
    NAMES_GB,
    ZH_CONCL,
    ZH_PARA,
    ZH_POINT,
    about,
    anchors_of,
    bare_items,
    conclusions_first,
    each_numbered,
    rows,
    unnamed_document,
    zh_paragraphs,
)

_SDG = re.compile(r"(?:可持续发展目标|(?<![a-z])sdg)\s*(?:具体目标|目标|target\s*)?"
                  r"(?P<t>\d{1,2}(?:\.(?:\d{1,2}|[a-z]))?)"
                  # "可持续发展目标”一栏列出了具体目标4.5", "SDG column lists target 8.6"
                  # "SDG column lists target 8.6", "可持续发展目标一栏写了4.6": a dotted target
                  r"|(?:可持续发展目标|(?<![a-z])sdgs?(?![a-z]))[^。？?\d]{0,30}?(?:(?:具体目标|\btargets?)\s*)?"
                  r"(?P<t2>\d{1,2}\.(?:\d{1,2}|[a-z]))")
# "P&B output 3.2", "计划和预算产出栏里有3.2": a few words may stand between name and number.
_PB = re.compile(r"(?:计划和预算(?:中|里)?(?:的)?产出|p&b(?:\s*outputs?)?|programme and budget outputs?)"
                 r"(?:[^\d。？?]{0,12}?|[^。？?]{0,24}?(?<![\d.]))(?P<o>\d\.\d)(?![\d.])")
# "P&B outcome 2", "计划和预算成果2": every P&B output under the outcome (2.1, 2.2, …).
_PB_NAME = r"(?:计划和预算|p&b|programme and budget)"
_PB_OUTCOME = re.compile(rf"{_PB_NAME}[^。？?]{{0,30}}?(?:\boutcome|成果)\s*(?P<n>\d)(?!\d|\.\d)"
                         rf"|(?:\boutcome|成果)\s*(?P<n2>\d)(?!\d|\.\d)[^。？?]{{0,20}}{_PB_NAME}")
# An amount of the budget column: "100 万美元", "US$1 million", "$29 million".
_AMOUNT = re.compile(r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿|万|million|billion|m\b)?\s*(?:美元|(?:us )?dollars?)"
                     r"|(?:us\s?\$|\$)\s*(?P<n2>\d[\d,]*(?:\.\d+)?)\s*(?P<unit2>million|billion|m\b)?")
# Its budget asked ("what is the budget of component 1", "要素1的预算是多少"), not what it does
# about resources ("how will component 3 mobilize funding?").
BUDGET_ASKED = re.compile(r"预算|经费|多少钱|\bbudget|\bhow much\b|\bcosts?\b")
_BUDGET = re.compile(r"预算|经费|资金|\bbudget|\bfund(?:ed|s|ing)?\b|\bresources?\b|\bcost")
_SCALE = {"亿": 1e8, "万": 1e4, "million": 1e6, "billion": 1e9, "m": 1e6}
# Compared with an amount: (operator, pattern); the inclusive forms first.
_COMPARED = (
    ("<=", re.compile(r"\b(?:at most|no more than|not more than|up to|not exceeding)\b|不超过|以内|及以下|或以下")),
    (">=", re.compile(r"\b(?:at least|no less than|not less than)\b|不少于|不低于|至少|及以上|或以上")),
    ("<", re.compile(r"\b(?:below|under|less than|lower than|smaller than)\b|不到|低于|少于|不足|以下|未满")),
    (">", re.compile(r"\b(?:above|over|more than|greater than|higher than|exceeding)\b|超过|高于|多于|以上")),
)
# The SDG column says no target: "SDG not specified", "可持续发展目标一栏没有标注任何目标".
_SDG_NONE = re.compile(
    r"(?:可持续发展目标|\bsdgs?\b)[^?？。]{0,30}?(?:未具体提及|not specified"
    r"|(?:没有|未|不)(?:具体)?(?:标注|列出|对应|提及|写)"
    r"|\bno (?:specific )?(?:sdg|goal|target)|\bnone\b|\bblank\b|\bempty\b|空白)"
    r"|(?:没有|未)(?:标注|列出|对应)(?:任何)?(?:具体的?)?可持续发展目标"
    r"|\bno (?:specific )?sdgs?\b|\bwithout (?:an? |any )?sdgs?\b")
# The SDG column named ("未具体提及" there is not the Conclusions-point column's).
SDG_COLUMN = re.compile(r"可持续发展目标|(?<![a-z])sdgs?(?![a-z])|\bsustainable development goals?\b")
# Not even a goal in brackets ("未具体提及(4)" gives goal 4): no SDG number at all.
_SDG_NOTHING = re.compile(r"完全|任何|\bat all\b|\beven\b|\bwhatsoever\b|\bany (?:goal|number|target)|括号")
# "括号里注了目标编号的也算", "those with a goal in brackets count too": brackets are no bar.
_BRACKETS_TOO = re.compile(r"括号[^。？?]{0,16}(?:也算|也包括|也计|算在内|包括在内)(?!标注|注明|标明|写了|有)"
                           r"|\bbrackets?\b[^?.]{0,40}\b(?:count|counts|included|too|as well)\b")
# "specifically linked to pillar 5": the rows that name the pillar, not those marked 全部.
_EXPLICIT = re.compile(r"\bspecifically\b|\bexplicitly\b|\bexpressly\b|\bby (?:its )?number\b|明确|专门|直接标注")
_OUTPUT_INTENT = re.compile(r"产出|附录|output|appendix")


def _usd(number: str, unit: str | None) -> float:
    return float(number.replace(",", "")) * _SCALE.get(unit or "", 1.0)


def _holds(value: float, op: str, asked: float) -> bool:
    """`value op asked`, amounts equal within 0.5%."""
    same = abs(value - asked) <= 0.005 * asked
    return {"=": same, "<=": value < asked or same, ">=": value > asked or same,
            "<": value < asked and not same, ">": value > asked and not same}[op]


def amount(text: str) -> float | None:
    """The first amount of money a text states, in US dollars ("1.83 亿美元" → 183e6)."""
    m = _AMOUNT.search(text.lower())
    if m is None:
        return None
    return _usd(m["n"] or m["n2"], m["unit"] or m["unit2"])
_NO_POINT = re.compile(
    # (not "有没有对应的产出", which asks whether there is one)
    r"未具体提及|(?<!有)没有(?:对应|具体)|不对应|无对应|no (?:corresponding|particular|specific) point"
    r"|not (?:tied|linked|mapped|matched) to any|without (?:a|any) (?:corresponding )?point"
)
# "支柱3", "pillar 3"; also a pillar column read out ("对应支柱只有1", "pillar is only 1")
_PILLAR = re.compile(r"(?:支柱(?:栏|一栏|列)?(?:只有|仅有|只是|仅为|就是|是)?"
                     r"|\bpillar(?: column)?(?: (?:is|reads|says))?(?: only| just)?)\s*(?P<n>[1-5])"
                     r"(?!\d|\s*(?:个|项|大|条|种|\b(?:pillars|in all|in total)\b))")
# Rows naming every pillar asked ("同时标了支柱3和支柱4", "both pillar 3 and pillar 4"), or
# more than one specific pillar.
_BOTH = re.compile(r"同时|都标|均标|\bboth\b|\bas well as\b|\bjointly\b|\btogether with\b|\band also\b")
_SEVERAL = re.compile(
    r"(?<!哪)(?:两个|多个|两项|多项)(?:或以上|以上)?(?:具体的?)?支柱"
    r"|\b(?:two|2) or more (?:specific |particular )?pillars"
    r"|\b(?:several|multiple|more than one|a few) (?:specific |particular |named )?pillars?\b")
_ONLY = re.compile(r"只|仅|\bonly\b|\bsolely\b|\bexclusively\b|\balone\b")
# "only" that can only mean the pillar alone, even where all-pillar rows are set aside too.
_ALONE = re.compile(r"\bsolely\b|\bexclusively\b|\balone\b|\bno other pillars?\b|单独|只属于|仅属于|只对应|仅对应")
_COMPONENT = re.compile(r"(?:要素|\bcomponent)\s*(?P<n>[1-5])(?!\d)")
# The other reading of "outputs of pillar N": with the rows marked 全部 (all pillars).
_WITH_ALL = re.compile(r"全部支柱|所有支柱|标(?:为|注为|记为)?[“\"]?全部|\ball[- ]pillars?\b|\bevery pillar\b")
_MARKED_ALL = re.compile(r"支柱(?:栏|一栏|列)?[^？?。]{0,6}[“\"]?全部|\bmarked [\"“']?all\b")
_WITHOUT_ALL = re.compile(
    r"(?:not counting|excluding|except|without|other than|leaving out|(?:don't|do not|not) count|"
    r"leaving aside|setting aside|ignoring|apart from|\bnot (?:the ones|those|rows|outputs)|"
    r"不含|不包括|不算|不计|除(?:了|去)?)[^?？]{0,40}(?:全部|all[- ]pillars?|every pillar)"
    r"|(?:全部|all[- ]pillars?|every pillar)[^?？。]{0,20}(?:不算|不计|除外|不包括|不计入|不含|"
    r"excluded|not counted|(?:don't|do not|doesn't|does not|aren't|are not) count)")


_ASKS_OUTPUT = re.compile(
    r"哪(?:一|些|个)?项?(?:高级别)?产出|\bwhich (?:[\w-]+ )?outputs?\b|\bwhat outputs?\b"
)
# "Is there an output on …?", "附录里有没有对应的产出？": the same, when it is all that is asked.
_ANY_OUTPUT = re.compile(
    r"\b(?:is|are) there (?:an?|any) (?:[\w-]+ ){0,2}outputs?\b|有没有(?:对应|相应|相关)?的?(?:高级别)?产出")


def asks_for_output(question: str) -> bool:
    """"Which output …?": the answer is an Appendix row, whatever else also matches; "is
    there an output …?" too, unless the question asks other things as well."""
    q = question.lower()
    if _ASKS_OUTPUT.search(q):
        return True
    return bool(_ANY_OUTPUT.search(q)) and len(re.findall(r"[?？]", q)) <= 1


def with_all_pillars(question: str) -> bool:
    """Whether a question about a pillar's outputs asks for the rows marked 全部 (all
    pillars) too; by default "outputs of pillar N" are the rows that name pillar N."""
    return bool(_WITH_ALL.search(question)) and not _WITHOUT_ALL.search(question)


@dataclass(frozen=True)
class OutputsOf:
    """A question about the outputs of a pillar, a component, an SDG goal or target or a
    P&B output: the rows that answer it, in document order, and the rows marked 全部 it
    leaves out (or includes)."""

    kind: Literal["pillar", "pillars", "component", "sdg", "pb", "all", "budget"]
    # "2" (pillar, component, P&B outcome), "3+4" / "3/4" (pillars: both / either; "" for
    # any two or more), "4.4"
    # or "4" (SDG; "" for none), "5.1" (P&B output), "1" (budget, in US$ million; "<2",
    # "<=2", ">2", ">=2" compared with it)
    number: str
    only: bool  # the rows mapped to this pillar alone (SDG "": not even a goal in brackets;
    # component: its rows without those marked 全部)
    with_all: bool  # the rows marked 全部 are included
    rows: tuple[str, ...]
    marked_all: tuple[str, ...]  # every row marked 全部 (all pillars)
    within: str = ""  # the component a pillar's rows are taken from ("pillar 5 in component 2")
    asked_all: bool = False  # the question itself asked for the rows marked 全部


def component_named(question: str, refs: References) -> int | None:
    """The component a (normalized) question names by number or by its title in either
    language ("研究、知识管理和传播这个要素", "the resource mobilization component")."""
    m = _COMPONENT.search(question)
    if m:
        return int(m["n"])
    for title, n in _component_titles(refs):
        if title in question:
            return n
    return None


_TITLES: dict[int, list[tuple[str, int]]] = {}


def _component_titles(refs: References) -> list[tuple[str, int]]:
    """Each component's title without its number, in every language the corpus holds,
    longest first (worked out once per graph)."""
    if id(refs) in _TITLES:
        return _TITLES[id(refs)]
    out: dict[str, int] = {}
    for u in refs.rows:
        if u.row is None:
            continue
        doc = refs.corpus.document(u.doc_id)
        full = [u.row.component_title, *(v.headings.get(u.row.component_title, "")
                                         for v in doc.versions)]
        for text in full:
            title = re.split(r"[:：]", normalize(text), maxsplit=1)[-1].strip()
            if len(title) >= 4:
                out[title] = u.row.component
    _TITLES[id(refs)] = sorted(out.items(), key=lambda kv: -len(kv[0]))
    return _TITLES[id(refs)]


def outputs_of(question: str, refs: References) -> OutputsOf | None:
    """The pillar or component whose outputs a (normalized) question asks for, if any; or
    the component, numbered, whose budget it asks ("What is the budget of component 1?": the
    Appendix gives it beside the component's outputs)."""
    if not _OUTPUT_INTENT.search(question):
        m = _COMPONENT.search(question) if BUDGET_ASKED.search(question) else None
        if m is None:
            return None
        return OutputsOf("component", m["n"], False, False, tuple(refs.outputs_for_component(int(m["n"]))),
                         tuple(refs.outputs_for_all_pillars()))
    marked = tuple(refs.outputs_for_all_pillars())
    order = {a: i for i, a in enumerate(u.anchor for u in refs.rows)}
    m = _SDG.search(question)
    if m:
        target = m["t"] or m["t2"]
        return OutputsOf("sdg", target, False, False, tuple(refs.outputs_with_sdg(target)), marked)
    m = _PB.search(question)
    if m:
        return OutputsOf("pb", m["o"], False, False, tuple(refs.outputs_with_pb(m["o"])), marked)
    m = _PB_OUTCOME.search(question)
    if m:
        n = m["n"] or m["n2"]
        rows = [u.anchor for u in refs.rows if u.row and any(o.split(".")[0] == n for o in u.row.pb_outputs)]
        return OutputsOf("pb", n, False, False, tuple(rows), marked)
    if _SDG_NONE.search(question):
        nothing = bool(_SDG_NOTHING.search(question)) and not _BRACKETS_TOO.search(question)
        rows = [u.anchor for u in refs.rows if u.row and u.row.sdg_raw.startswith("未具体提及")
                and not (nothing and u.row.sdg_targets)]
        return OutputsOf("sdg", "", nothing, False, tuple(rows), marked)
    asked = amount(question) if _BUDGET.search(question) else None
    if asked is not None:
        op = next((o for o, pattern in _COMPARED if pattern.search(question)), "=")
        rows = [u.anchor for u in refs.rows if u.row and (a := amount(u.row.component_budget)) is not None
                and _holds(a, op, asked)]
        return OutputsOf("budget", f"{'' if op == '=' else op}{asked / 1e6:g}", False, False, tuple(rows), marked)
    component = component_named(question, refs)
    pillars = sorted({int(p["n"]) for p in _PILLAR.finditer(question)})
    if (len(pillars) > 1 and _BOTH.search(question)) or _SEVERAL.search(question):
        # "同时标了支柱3和支柱4", "linked to two or more particular pillars"
        rows = [u.anchor for u in refs.rows if u.row and u.row.pillars_raw != ALL_PILLARS
                and len(u.row.pillars) > 1 and set(pillars) <= set(u.row.pillars)]
        return OutputsOf("pillars", "+".join(map(str, pillars)), False, False, tuple(rows), marked)
    if len(pillars) > 1:
        # "outputs of pillars 3 and 4": the rows naming any of them
        rows = [u.anchor for u in refs.rows if u.row and u.row.pillars_raw != ALL_PILLARS
                and set(pillars) & set(u.row.pillars)]
        return OutputsOf("pillars", "/".join(map(str, pillars)), False, False, tuple(rows), marked)
    m = _PILLAR.search(question)
    if m:
        # Unless the question leaves them out, the rows marked 全部 follow the rows that
        # name the pillar; the answer says which are which.
        n, only = int(m["n"]), _pillar_alone(question)
        with_all = not only and not _WITHOUT_ALL.search(question) and not _EXPLICIT.search(question)
        rows = refs.outputs_for_pillar(n, only=only)
        if component is not None:  # "pillar 5 outputs under component 2": both hold
            inside = set(refs.outputs_for_component(component))
            rows = [r for r in rows if r in inside]
            marked = tuple(r for r in marked if r in inside)
        rows = sorted(rows, key=order.__getitem__)
        if with_all:
            rows += [r for r in marked if r not in rows]
        return OutputsOf("pillar", str(n), only, with_all, tuple(rows), marked,
                         str(component) if component is not None else "",
                         with_all_pillars(question))
    if component is not None and _WITHOUT_ALL.search(question):
        # "除了标为“全部”的以外，要素2下还有哪些产出": the component's rows naming pillars.
        rows = [r for r in refs.outputs_for_component(component) if r not in set(marked)]
        return OutputsOf("component", str(component), True, False, tuple(rows), marked)
    if _WITH_ALL.search(question) or _MARKED_ALL.search(question):
        # "哪些产出的支柱栏是“全部”": the rows marked all pillars themselves (of a component).
        rows = [r for r in marked if component is None
                or r in set(refs.outputs_for_component(component))]
        return OutputsOf("all", "", False, True, tuple(rows), marked,
                         str(component) if component is not None else "")
    if component is not None:
        return OutputsOf("component", str(component), False, False,
                         tuple(refs.outputs_for_component(component)), marked)
    return None


def _pillar_alone(q: str) -> bool:
    """Whether the rows asked for are those mapped to the pillar alone: "only"/"仅" means
    that unless the question also sets the all-pillar rows aside, when "only" is about
    those ("count only rows that give pillar 1 by number, not the 'all pillars' ones")."""
    if _ALONE.search(q):
        return True
    return bool(_ONLY.search(q)) and not _WITHOUT_ALL.search(q)


def preferred(question: str, corpus: Corpus, refs: References) -> list[str]:
    """Units a question narrows down to without naming one: the rows of a pillar or
    component, or without a Conclusions point, for a question about outputs; the pillar's or
    component's own section otherwise ("what does pillar 2 say about …"). A filter, not an
    answer, so the caller ranks them."""
    q = question
    outputs = bool(_OUTPUT_INTENT.search(q))
    out: list[str] = []
    if outputs and _NO_POINT.search(q) and not SDG_COLUMN.search(q):
        out += refs.outputs_without_points()
    only = _pillar_alone(q)  # "only under pillar 1": rows mapped to that pillar alone
    for m in _PILLAR.finditer(q):
        n = int(m["n"])
        if outputs:
            out += refs.outputs_for_pillar(n, only=only, with_all=with_all_pillars(q))
        else:
            out += [u.anchor for u in corpus.leaves() if u.pillar == n]
    for m in _COMPONENT.finditer(q):
        n = int(m["n"])
        out += refs.outputs_for_component(n) if outputs else [
            u.anchor for u in corpus.leaves() if u.component == n]
    return list(dict.fromkeys(out))


def resolve(question: str, corpus: Corpus, refs: References) -> list[str]:
    """Anchors the question points at explicitly, most specific first; [] when none."""
    q = each_numbered(question.lower())
    wants_outputs = bool(_OUTPUT_INTENT.search(q))
    conclusions = "结论" in q or "conclusion" in q
    points: list[str] = []
    for m in about(q, [*ZH_CONCL.finditer(q)]):
        points += anchors_of(ILC, "c", m["n"], m["letters"])
    own = [a for m in EN_GB_POINT.finditer(q) for a in anchors_of(GB, "p", m["n"], m["letters"])]
    points += own  # "strategy para. 14(e)": the strategy's, even beside the Conclusions
    if not points and conclusions:
        for m in about(q, [*EN_POINT.finditer(q), *EN_CONCL.finditer(q), *zh_paragraphs(q, corpus)]):
            points += conclusions_first(m, corpus)
    if not points and conclusions:  # "… for the informal economy in 12(o)"
        for m in about(q, bare_items(q)):
            points += conclusions_first(m, corpus)
    out: list[str] = []
    points = [p for p in points if corpus.get(p) is not None]
    if points:
        out += refs.outputs_for_points(points) if wants_outputs else []
        for p in points:
            out += refs.leaves_under(p)
    if not conclusions or (not (set(points) - set(own)) and NAMES_GB.search(q)):
        paras = about(q, [*ZH_PARA.finditer(q), *EN_POINT.finditer(q), *ZH_POINT.finditer(q)])
        if not paras:  # "Which output implements 12(v)?": the document that has it
            paras = about(q, bare_items(q))
        for m in paras:
            for a in unnamed_document(m, corpus):
                out += refs.leaves_under(a)
    for row in rows(q):
        out += refs.leaves_under(row)
    # an SDG target or P&B output names the Appendix rows listing it, unless the question
    # speaks of the Conclusions and not of outputs ("结论里提到可持续发展目标4.7，是想说明什么")
    sdg_pb = wants_outputs or not conclusions
    for m in _SDG.finditer(q) if sdg_pb else ():
        out += refs.outputs_with_sdg(m["t"] or m["t2"])
    for m in _PB.finditer(q) if sdg_pb else ():
        out += refs.outputs_with_pb(m["o"])
    return list(dict.fromkeys(out))
