"""Answers that are whole sets, read from the documents' structure rather than the top k:
a lead-in with every item it introduces, the outputs of a pillar, component, Conclusions
point, SDG target or P&B output, the units naming an instrument, the Conclusions points no
output answers, a mandate chain (`_chains`). The set is complete and says how many; the answer cites
every member (it may cite more than k).

What decides that a question asks for a set is its grammar (a plural "which", "list",
"all", 哪些, 列出, "what mandates", 依据) together with what it names; the members come from
`corpus.References` and the parsed tree, never from a list of questions."""

from __future__ import annotations

import re
from dataclasses import replace

from corpus import Corpus, Duty, Unit, contains, label
from index import BUDGET_ASKED, SDG_COLUMN, Hit, Index, OutputsOf

from ._chain_answer import outputs_chain
from ._chains import (
    ASKS_STRATEGY,
    OUTPUT_WORDS,
    asks_chain,
    asks_mandate,
    asks_outputs,
    described_chain,
    named_chain,
    plan_first,
)
from ._duties import Ranker, asked_actor, duty_scope, note, obligations
from ._listing import Listing, capitalised, plural
from ._named import ASKS_INSTRUMENTS, ASKS_MENTIONS, instruments_named, mentioning, topical
from ._parts import section_paragraphs, what_group
from ._question import Reading
from ._unheld import component_budget

# A plural question: "which outputs", "what are", "list", "all", 哪些 (not "which output").
_LIST = re.compile(
    r"\b(?:list|all|every|each|enumerate|what are|what were|name the|how many)\b"
    r"|\bwhich (?:[\w-]+ )?\w+s\b|哪些|哪几|所有|全部|列出|列举|分别|包括哪些|包含哪些|有几|几个|几大|几项")


def _as_point(anchor: str, corpus: Corpus) -> str:
    """The strategy's paragraph N read as the Conclusions' paragraph N, when they have one."""
    doc, _, loc = anchor.partition("#")
    point = f"ILC.109/Res#c{loc[1:]}"
    return point if doc == "GB.346/INS/4" and loc.startswith("p") and corpus.get(point) is not None else anchor


def _top(anchor: str) -> str:
    """The numbered paragraph an anchor lies in: `ILC.109/Res#c12.a` → `ILC.109/Res#c12`."""
    doc, _, locator = anchor.partition("#")
    return f"{doc}#{locator.split('.')[0]}"


_SECTION_REF = (r"(?:支柱|要素|结论|第)\s*\d+\s*(?:段|点)?(?:\([a-z]+\))*"
                r"|\b(?:pillar|component|paragraph|point|conclusions)\s+\d+(?:\([a-z]+\))*")
# A question about a section as a whole: "支柱1涉及哪些方面", "what areas does pillar 2 cover",
# "结论第14段(a)包括哪些内容".
_WHOLE = re.compile(
    rf"(?:{_SECTION_REF})[^。？?；]{{0,8}}(?:涉及|包括|包含|覆盖|涵盖|列出|规定了|有)[^，,。？?；]{{0,4}}"
    r"(?:哪些|什么|几)"
    rf"|\b(?:what|which) (?:areas|aspects|items|topics|points|elements|does|do|are)\b[^?]{{0,60}}(?:{_SECTION_REF})"
    r"[^?]{0,20}\b(?:cover|covers|include|includes|contain|contains|list|lists|consist)\b"
    rf"|\bwhat (?:areas|aspects|items|topics|elements) (?:fall )?(?:under|in) (?:{_SECTION_REF})"
    # "According to 14(a), what elements must the strategy include?"
    rf"|(?:{_SECTION_REF})[^?]{{0,40}}\b(?:what|which) (?:specific |particular |main |key )?"
    r"(?:areas|aspects|items|topics|elements|measures)\b[^?]{0,40}\b(?:include|includes|contain|contains|"
    r"cover|covers|list|lists|sets? out)\b")
# An aside in brackets of a few words ("支柱5（学徒制和基于工作的学习）"), not an item's letter.
_LONG_ASIDE = re.compile(r"\([^()]{4,}\)")
# Asking for every item: "list each item", "逐项列出", "请列出各分项".
_EVERY = re.compile(r"逐项|各分项|各项|每一项|全部分项|子项|分项|小项|引导句|导语|列出的所有|"
                    r"全部列出|(?:一共|总共|共)有?几(?:条|项|点|个)|完整的?(?:名单|清单|列表)|"
                    r"\b(?:complete|full|whole) list\b|\bevery one of\b|"
                    r"所有(?:行动|措施|分项|要点)|"
                    r"\blead-?in\b|\ball (?:the )?(?:measures|actions|items|points|elements|areas)\b|"
                    r"\b(?:sub-?items?|items|sub-?paragraphs|sub-?points|lettered points) (?:of|in|under)\b|"
                    r"\beach (?:lettered |roman )?item\b|\blist (?:each|every|all)\b"
                    r"|\bgive each\b|\bevery item\b|\ball (?:the )?(?:items|sub-?items)\b")
_NO_OUTPUT = re.compile(
    r"(?<!有)(?<!如果)(?<!若)没有(?:对应|相应)?(?:的)?(?:高级别)?产出|无(?:对应)?产出"
    # "未被任何产出引用" (not "如果没有，引用的是…": "if not, which does it cite")
    # (not the points column's own "未具体提及", which says an output cites no point)
    r"|(?:未(?!具体提及)|(?<!有)(?<!如果)(?<!若)(?<!要是)没有)(?:被)?[^，,。？?；;]{0,12}(?:引用|援引|对应|覆盖|提及)"
    r"|\b(?:no|without an?y?) (?:corresponding |matching |high-level |appendix |single )*outputs?\b"
    r"|\b(?:not|never) (?:been )?(?:covered|answered|addressed|cited|referenced|taken up) by any "
    r"(?:high-level |appendix )?outputs?"
    r"|\b(?:not|never) (?:been )?(?:cited|referenced|listed) (?:in|by) the appendix"
    r"|\b(?:not|never) (?:been )?(?:cited|referenced|listed)\b[^?]{0,40}\bby any (?:high-level |appendix )?outputs?")
# Outputs that cite no Conclusions point ("未具体提及"): "outputs that don't point to any
# paragraph of the Conclusions", "没有对应任何结论要点的产出".
_NO_POINT = re.compile(
    r"\boutputs?\b[^?]{0,40}(?:\bnot|n't|\bno|\bnever|\bwithout)\b[^?]{0,30}\b(?:points?|paragraphs?|conclusions)\b"
    # "哪些产出没有挂钩到结论的任何具体条款"
    r"|产出[^？?。]{0,4}(?:(?<!有)没有?|未|不|找不到|找不着|缺少|缺乏)(?:对应|引用|援引|挂钩|关联)(?:到)?[^？?。]{0,16}(?:要点|结论|条款)"
    r"|未具体提及|(?:(?<!有)没有?|未|不|找不到|缺少|缺乏)(?:对应|引用|援引|标注|列出|注明|写明|标明|挂钩|关联)(?:到)?(?:任何)?[^？?]{0,12}(?:要点|结论)[^？?]{0,8}"
    r"的(?:高级别)?产出"
    r"|产出[^？?]{0,6}(?:(?<!有)没有?|未|不)(?:对应|引用|援引|标注|列出|注明|写明|标明)[^？?]{0,16}(?:结论|要点)"
    # "哪些产出在“所涉《结论》段落”一栏没有注明任何段落"
    r"|产出[^？?]{0,20}(?:结论|要点)[^？?]{0,12}(?:(?<!有)没有?|未|不)(?:标注|列出|注明|写明|标明)")
_BULLET_GROUP = re.compile(r"^(?P<kind>支柱|要素)\s*(?P<n>\d)\s*[:：]")
# The pillars or components themselves are what is asked, not one of them: "the five
# pillars", "战略有哪些支柱", "要素分别是什么" (not "这一支柱点名了哪些行业", "资源调动要素下有哪些层级").
_GROUPS = re.compile(
    r"(?:哪些|哪几个?|几个|几大|[二两三四五六七八九十][大个项]|所有|各个|全部|列出|列举)(?:的)?(?P<zh>支柱|要素)"
    r"|(?<![这该本此一每])(?P<zh2>支柱|要素)(?:领域)?(?:分别)?(?:有哪些|是什么|是哪些|包括哪些|包括什么|指什么|有几个)"
    r"|\b(?:which|list|name|enumerate|all(?: the)?|the (?:two|three|four|five|six|\d))\s+"
    r"(?:[\w-]+\s+)?(?P<en>pillars|components)\b(?!\s*\d)"
    r"|\bwhat (?:are|were) (?:the |its |their )?(?:[\w-]+ )?(?P<en2>pillars|components)\b(?!\s*\d)"
    r"|\bhow many (?P<en3>pillars|components)\b")

# Words that set the groups aside rather than ask for them.
_SET_ASIDE = re.compile(r"\b(?:besides|apart from|other than|except(?: for)?|beyond|in addition to|"
                        r"aside from|on top of|leaving aside|not counting)\b[^?]*$|除了[^？?]*$|除去[^？?]*$")


def find(reading: Reading, index: Index, hits: list[Hit], outputs: OutputsOf | None,
         duties: dict[str, Duty], rank: Ranker, topic_share: float = 0.4) -> Listing | None:
    """The set a question asks for, if it asks for one; `rank` ranks every unit for a text
    (for the topic of a duties question, whose members are the actor's units at least
    `topic_share` as much about it as the best)."""
    q = reading.norm
    corpus, refs = index.corpus, index.references
    named = index.named(reading.question)
    actor = asked_actor(reading)
    if OUTPUT_WORDS.search(q) and _NO_POINT.search(q) and not named and not SDG_COLUMN.search(q):
        rows = tuple(refs.outputs_without_points())
        return Listing("outputs", None, rows,
                       f"附录中没有对应任何结论要点（“未具体提及”）的产出共有{len(rows)}项。",
                       f"{len(rows)} output{plural(len(rows))} of the Appendix cite{'' if len(rows) != 1 else 's'} "
                       "no Conclusions point.")
    if _NO_OUTPUT.search(q) and ("结论" in q or "conclusion" in q or "point" in q or "要点" in q
                                 or (named and OUTPUT_WORDS.search(q)
                                     and all(a.startswith("GB.346/INS/4#p") for a in named))):
        # Among the points named, or the whole paragraphs they belong to ("第12段(a)至(v)各项中");
        # a paragraph no output picks up is the Conclusions' (the Appendix cites only theirs).
        tops = list(dict.fromkeys(_as_point(_top(a), corpus) for a in named))
        loose = tuple(p for p in refs.points_without_outputs()
                      if not tops or any(contains(a, p) for a in tops))
        where = "、".join(label(a, "zh") for a in tops) or "《2021年结论》第12–14段"
        where_en = ", ".join(label(a, "en") for a in tops) or "Conclusions paras 12–14"
        return Listing("points", None, loose,
                       f"{where}中没有任何高级别产出对应的要点共有{len(loose)}项。",
                       f"{len(loose)} points of {where_en} are cited by no high-level output.")
    if outputs is not None and outputs.rows and asks_mandate(q) \
            and all(not u.is_leaf for a in named if (u := corpus.get(a)) is not None):
        # outputs picked out by a field, asked what mandates them; a paragraph named beside
        # narrows the points ("which point of para. 12 does it cite?")
        picked = _outputs_of(outputs)
        return outputs_chain(outputs.rows, index, (picked.note_zh, picked.note_en), named, plan_first(q),
                             asks_outputs(q))
    described = described_chain(reading, index, rank, outputs.rows if outputs else (), named)
    if described is not None:
        return described
    if actor is not None and not asks_chain(q, named):
        scope, narrow = duty_scope(reading, named, corpus, outputs, refs)
        members = obligations(reading, actor, corpus, duties, rank, scope, narrow, topic_share)
        if members:
            return Listing("obligations", None, members, note(actor, len(members), "zh"),
                           note(actor, len(members), "en"))
    linked = named_chain(q, named, index, rank)
    if linked is not None:
        return linked
    if outputs is not None:
        of = _outputs_of(outputs)
        return _with_budget(of, outputs, corpus) if "money" in reading.asks or BUDGET_ASKED.search(q) else of
    if OUTPUT_WORDS.search(q) and named and all(a.startswith("ILC.109/Res#") for a in named):
        rows = tuple(refs.outputs_for_points(named))
        rows = tuple(sorted(rows, key=_row_number))
        points = "、".join(label(a, "zh") for a in named)
        points_en = ", ".join(label(a, "en") for a in named)
        if not rows:
            return Listing("outputs", named[0], (),
                           f"附录中没有任何高级别产出对应{points}。",
                           f"No high-level output in the Appendix answers {points_en}.")
        return Listing("outputs", None, (*rows, *named),
                       f"附录中对应{points}的高级别产出共有{len(rows)}项。",
                       f"{len(rows)} high-level output{'s' if len(rows) != 1 else ''} of the "
                       f"Appendix answer{'' if len(rows) != 1 else 's'} {points_en}.")
    groups = _GROUPS.search(q)
    if groups and _SET_ASIDE.search(q[max(0, groups.start() - 24):groups.start()]):
        groups = None  # "what is counted besides the five components": not what is asked
    if groups and not named and outputs is None and not reading.asks and not OUTPUT_WORDS.search(q):
        asked = next(g for g in groups.groups() if g)
        kind = "支柱" if asked in ("支柱", "pillars") else "要素"
        listing = _groups(kind, corpus)
        if listing is not None:
            return listing
    if not reading.instruments and not OUTPUT_WORDS.search(q):
        m = ASKS_INSTRUMENTS.search(q)
        if m:
            units, on_topic = named, not named and topical(q, m, reading.lang)
            if on_topic:
                # "Which standards should skills policy frameworks take into account?": the
                # instruments of the passage about that topic, not of the whole corpus.
                units = [h.anchor for h in hits[:3]
                         if index.references.trace(h.anchor).mentions][:1]
            if units or not on_topic:
                listing = instruments_named(q, units, index, m["en"] or m["zh"] or "")
                if listing is not None:
                    return listing
    if ASKS_MENTIONS.search(q) and not named:
        listing = mentioning(reading, index)
        if listing is not None:
            return listing
    if ASKS_MENTIONS.search(q) and named and not ASKS_STRATEGY.search(q):
        # (not "Conclusions 12(m) wants …; which strategy item covers this?": search's)
        # "第12段中，哪些项提到了教师？": the items of the named paragraphs holding the thing
        # (not "which outputs cite 14(c), the point on C142": no output is inside 14(c)).
        parents = all(not u.is_leaf for a in named if (u := corpus.get(a)) is not None)
        held = mentioning(reading, index, within=named) if parents and not OUTPUT_WORDS.search(q) else None
        if held is not None and not set(held.members) & set(named):
            return held
        # "哪些条款援引了第5段": the units referring to a paragraph by its number.
        by = refs.in_order(a for n in named for a in refs.referred_by(n))
        if by:
            what, what_en = "、".join(label(a, "zh") for a in named), ", ".join(label(a, "en") for a in named)
            return Listing("mentions", None, by, f"文中提到{what}的共有{len(by)}处。",
                           f"{len(by)} passage{plural(len(by))} refer{'' if len(by) != 1 else 's'} "
                           f"to {what_en}.")
    if not named:
        listing = section_paragraphs(q, index) or what_group(q, index)
        if listing is not None:
            return listing
    whole = bool(_WHOLE.search(_LONG_ASIDE.sub("", q)))
    if named and (whole or _EVERY.search(q)):
        unit = corpus.get(named[0])
        if unit is not None and not unit.is_leaf:
            return _enumeration(unit, corpus)
    if (whole or _EVERY.search(q)) and hits:
        return _from_hits(hits, corpus)
    return None


def _row_number(anchor: str) -> int:
    return int(anchor.rsplit("#A", 1)[1]) if "#A" in anchor else 0


def _with_budget(listing: Listing, o: OutputsOf, corpus: Corpus) -> Listing:
    """A component's outputs with the component's budget, the one amount the Appendix gives
    for them ("What budget does component 4 have?" is answered in the answer's words)."""
    if o.kind != "component" or not o.rows:
        return listing
    unit = corpus.get(o.rows[0])
    if unit is None or unit.row is None or not unit.row.component_budget:
        return listing
    zh, en = component_budget(unit, corpus)
    return replace(listing, note_zh=f"{listing.note_zh}附录所列该要素预算为{zh}。",
                   note_en=f"{listing.note_en} The Appendix budgets the component at {en}.")


def _outputs_of(o: OutputsOf) -> Listing:
    rows = tuple(sorted(o.rows, key=_row_number))
    n, m = len(rows), len(o.marked_all)
    s = "" if n == 1 else "s"
    if o.kind == "sdg" and not o.number:
        if o.only:
            return Listing("outputs", None, rows,
                           f"附录中可持续发展目标一栏未列任何目标（括号中也没有目标编号）的产出共有{n}项。",
                           f"{n} output{s} of the Appendix list{'' if n != 1 else 's'} no SDG at all "
                           "(“not specified”, with no goal in brackets either).")
        return Listing("outputs", None, rows,
                       f"附录中可持续发展目标一栏为“未具体提及”的产出共有{n}项（其中部分在括号中注明了目标编号）。",
                       f"{n} output{s} of the Appendix {'have' if n != 1 else 'has'} the SDG column "
                       "“not specified” (some give a goal number in brackets).")
    if o.kind == "pillars":
        if "/" in o.number:
            zh, en = "或".join(f"支柱{p}" for p in o.number.split("/")), " or ".join(
                f"pillar {p}" for p in o.number.split("/"))
            return Listing("outputs", None, rows, f"附录中标注{zh}的产出共有{n}项（不计标为“全部”的产出）。",
                           f"{n} output{s} of the Appendix name{'' if n != 1 else 's'} {en} "
                           "(the rows marked “all pillars” not counted).")
        if o.number:
            zh, en = "和".join(f"支柱{p}" for p in o.number.split("+")), " and ".join(
                f"pillar {p}" for p in o.number.split("+"))
            return Listing("outputs", None, rows, f"附录中同时标注{zh}的产出共有{n}项。",
                           f"{n} output{s} of the Appendix name{'' if n != 1 else 's'} both {en}.")
        return Listing("outputs", None, rows, f"附录中标注两个或以上具体支柱（不计“全部”）的产出共有{n}项。",
                       f"{n} output{s} of the Appendix name{'' if n != 1 else 's'} two or more particular "
                       "pillars (not “all pillars”).")
    if o.kind == "budget":
        op = o.number.rstrip("0123456789.")
        millions = float(o.number[len(op):])
        zh_op, en_op = {"": ("为", "at"), "<": ("低于", "below"), "<=": ("不超过", "at most"),
                        ">": ("高于", "above"), ">=": ("不低于", "at least")}[op]
        return Listing("outputs", None, rows, f"附录中预算{zh_op}{millions * 100:g} 万美元的要素共有{n}项产出。",
                       f"{n} output{s} of the Appendix {'are' if n != 1 else 'is'} in components budgeted "
                       f"{en_op} US${millions:g} million.")
    if o.kind == "pb" and "." not in o.number:
        return Listing("outputs", None, rows, f"附录中对应计划和预算成果{o.number}下任一产出的产出共有{n}项。",
                       f"{n} output{s} of the Appendix contribute{'' if n != 1 else 's'} to an output of P&B "
                       f"outcome {o.number}.")
    if o.kind == "sdg":
        goal = "." not in o.number
        zh = f"可持续发展目标{o.number}（含其各项具体目标）" if goal else f"可持续发展目标具体目标{o.number}"
        en = f"SDG {o.number} (the goal or any of its targets)" if goal else f"SDG target {o.number}"
        return Listing("outputs", None, rows, f"附录中列有{zh}的产出共有{n}项。",
                       f"{n} output{s} of the Appendix list{'' if n != 1 else 's'} {en}.")
    if o.kind == "pb":
        return Listing("outputs", None, rows, f"附录中对应计划和预算产出{o.number}的产出共有{n}项。",
                       f"{n} output{s} of the Appendix contribute{'' if n != 1 else 's'} to P&B "
                       f"output {o.number}.")
    if o.kind == "all":
        return Listing("outputs", None, rows, f"附录中标为“全部”（所有支柱）的产出共有{n}项。",
                       f"{n} output{s} of the Appendix {'are' if n != 1 else 'is'} marked “all pillars”.")
    if o.kind == "component" and o.only:
        return Listing("outputs", None, rows, f"要素{o.number}下不计标为“全部”支柱的产出，共有{n}项产出。",
                       f"Component {o.number} has {n} output{s} besides those marked “all pillars”.")
    if o.kind == "component":
        return Listing("outputs", None, rows, f"要素{o.number}下共有{n}项产出。",
                       f"Component {o.number} has {n} output{s}.")
    zh_in, en_in = (f"要素{o.within}中，", f"Within component {o.within}, ") if o.within else ("", "")
    if o.only:
        return Listing("outputs", None, rows, f"{zh_in}附录中只对应支柱{o.number}的产出共有{n}项。",
                       capitalised(f"{en_in}the Appendix maps {n} output{s} to pillar {o.number} alone."))
    if o.with_all:
        rows = tuple(o.rows)  # the pillar's own rows first, then those marked 全部
        m = len(set(rows) & set(o.marked_all))
        if o.asked_all:
            return Listing(
                "outputs", None, rows,
                f"{zh_in}附录中明确标注支柱{o.number}的产出有{n - m}项，另有{m}项标为“全部”（所有支柱），共{n}项。",
                capitalised(f"{en_in}the Appendix names pillar {o.number} for {n - m} output{plural(n - m)}, and "
                     f"{m} more are marked “all pillars”; all {n} are listed."))
        return Listing(
            "outputs", None, rows,
            f"{zh_in}附录中明确标注支柱{o.number}的产出有{n - m}项（先列出）；另有{m}项标为“全部”"
            f"（所有支柱），列在其后。只看前者，请问“支柱{o.number}的产出，不含标为全部的”。",
            capitalised(f"{en_in}the Appendix names pillar {o.number} for {n - m} output{plural(n - m)} (listed "
                 f"first); {m} more are marked “all pillars” and follow them. For the first "
                 f"{n - m} alone, ask for “pillar {o.number} outputs, not counting all-pillar ones”."))
    return Listing(
        "outputs", None, rows,
        f"{zh_in}附录中明确标注支柱{o.number}的产出共有{n}项。另有{m}项产出标为“全部”（所有支柱），"
        f"未计入；如需包括，请问“支柱{o.number}的产出，包括标为全部的”。",
        capitalised(f"{en_in}the Appendix names pillar {o.number} for {n} output{s}. The {m} outputs marked "
             f"“all pillars” are not counted; ask for “pillar {o.number} outputs including "
             "all-pillar ones” to see them too."))


def _enumeration(lead: Unit, corpus: Corpus) -> Listing:
    """A lead-in and every unit under it (items, and their sub-items)."""
    doc = corpus.document(lead.doc_id)
    members = tuple(u.anchor for u in doc.units if u.anchor != lead.anchor
                    and contains(lead.anchor, u.anchor))
    items = [m for m in members if corpus.get(m) and corpus.unit(m).parent == lead.locator]
    return Listing("enumeration", lead.anchor, members,
                   f"{label(lead.anchor, 'zh')}共列出{len(items)}项。",
                   f"{label(lead.anchor, 'en')} lists {len(items)} item{'s' if len(items) != 1 else ''}.")


def sections(unit: Unit, corpus: Corpus) -> list[tuple[str, str]]:
    """A unit that lists the pillars or the components line by line: each line with the
    first paragraph of the section it heads (pillar 1 → para. 9), so the answer can link it."""
    doc = corpus.document(unit.doc_id)
    out = []
    for line in unit.text.splitlines()[1:]:
        m = _BULLET_GROUP.match(line)
        if not m:
            return []
        first = next((u for u in doc.units if u.parent is None and u.group.startswith(m["kind"])
                      and (u.pillar if m["kind"] == "支柱" else u.component) == int(m["n"])), None)
        if first is None:
            return []
        out.append((line, first.anchor))
    return out


def _from_hits(hits: list[Hit], corpus: Corpus) -> Listing | None:
    """A list question whose best passages are items of one lead-in (two or more of the top
    three), or a unit that lists the pillars or components: the whole list."""
    best = [corpus.get(h.anchor) for h in hits[:3]]
    units = [u for u in best if u is not None]
    if not units:
        return None
    parents = [f"{u.doc_id}#{u.parent}" for u in units if u.parent]
    if parents:
        parent = max(dict.fromkeys(parents), key=parents.count)  # ties: the best-ranked
        if parents.count(parent) >= 2:
            lead = corpus.get(parent)
            if lead is not None:
                return _enumeration(lead, corpus)
    return None


def _groups(kind: str, corpus: Corpus) -> Listing | None:
    """The unit that lists the pillars (or the components) line by line, each line linked to
    the section it heads."""
    for unit in corpus.units():
        lines = sections(unit, corpus)
        if lines and kind in lines[0][0]:
            return _sections_listing(unit, lines)
    return None


def _sections_listing(unit: Unit, lines: list[tuple[str, str]]) -> Listing:
    kind = "支柱" if "支柱" in lines[0][0] else "要素"
    n = len(lines)
    return Listing("enumeration", unit.anchor, tuple(a for _l, a in lines),
                   f"共{n}大{kind}；每一项后的标注是其所在章节。",
                   f"{n} {'pillars' if kind == '支柱' else 'components'}; each is labelled with "
                   "the section that sets it out.")
