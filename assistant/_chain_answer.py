"""What a mandate chain's answer says: the units of the chain in the order the question asks
for them (what is asked first, a unit it numbers last), and the note that states the links
(`_chains` decides which chain a question asks)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from corpus import Corpus, contains, label
from index import Index

from ._answer import Lang
from ._listing import Listing, capitalised


def chain(anchor: str, corpus: Corpus, index: Index, outputs_asked: bool = False,
          within: tuple[str, ...] = (), order: Sequence[str] = (), plan_first: bool = False,
          numbered: bool = False) -> Listing:
    """The mandate chain of an output, a Conclusions point or a strategy item; a question
    asking for outputs gets a point's outputs first, then the point; `within`, a point's
    outputs among these only (a component's, when the question names one); `order`, a
    ranking of units for the question: a chain's outputs and items follow it (the one the
    question describes first among the twelve that cite 14(g)), else the documents' order; `plan_first`,
    the strategy's items first (the question asks where the strategy plans the work of an
    output or a point); `numbered`, the question names the unit by its number (it is quoted
    last)."""
    t = index.references.chain(anchor)
    if within and t.cited_by and set(t.cited_by) & set(within):
        t = replace(t, cited_by=tuple(a for a in t.cited_by if a in within))
    if order:
        at = {a: i for i, a in enumerate(order)}

        def ranked(members: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(sorted(members, key=lambda a: at.get(a, len(at))))
        t = replace(t, cited_by=ranked(t.cited_by), planned_in=ranked(t.planned_in), plans=ranked(t.plans))
    zh, en = label(anchor, "zh"), label(anchor, "en")
    unit = corpus.unit(anchor)
    if unit.row is not None:
        # An output the question describes is quoted first (which one was understood); one it
        # numbers, last: what is asked for comes first (its points, or the strategy's items
        # when the question asks where the strategy plans the work).
        pts = "、".join(label(a, "zh") for a in t.cites)
        pts_en = ", ".join(label(a, "en") for a in t.cites) or "no Conclusions point"
        plan = "、".join(label(a, "zh") for a in t.planned_in)
        plan_en = ", ".join(label(a, "en") for a in t.planned_in)
        cites_zh = f"{zh}对应{pts}" if pts else f"{zh}未对应结论中的任何一点（附录中该栏为“未具体提及”）"
        plan_zh = f"战略中规划同一工作的是{plan}" if plan else "战略正文中没有规划同一工作的段落"
        plans_en = (f"the strategy plans the work of {en} in {plan_en}" if plan
                    else f"no paragraph of the strategy plans the work of {en}")
        lead, last = (None, (anchor,)) if numbered else (anchor, ())
        if plan_first and plan:
            return Listing("chain", lead, (*t.planned_in, *t.cites, *last), f"{plan_zh}；{cites_zh}。",
                           f"{capitalised(plans_en)}; it answers {pts_en}.")
        return Listing("chain", lead, (*t.cites, *t.planned_in, *last), f"{cites_zh}；{plan_zh}。",
                       f"{en} answers {pts_en}; " + (f"the strategy plans the same work in {plan_en}."
                                                     if plan else "no paragraph of the strategy plans "
                                                     "the same work."))
    if plan_first and anchor.startswith("ILC.109/Res#c") and (t.planned_in or t.cited_by):
        # the strategy's items planning a point's work, asked for: they first, then its
        # outputs, the point (named) last
        plan = "、".join(label(a, "zh") for a in t.planned_in)
        plan_en = ", ".join(label(a, "en") for a in t.planned_in)
        outs = "、".join(label(a, "zh") for a in t.cited_by) or "无"
        outs_en = ", ".join(label(a, "en") for a in t.cited_by) or "no output"
        return Listing(
            "chain", None, (*t.planned_in, *t.cited_by, anchor),
            (f"战略中规划{zh}所要求工作的是{plan}" if plan else f"战略正文中没有规划{zh}所要求工作的段落")
            + f"；落实它的高级别产出：{outs}。",
            (f"The strategy plans the work {en} asks for in {plan_en}" if plan
             else f"No paragraph of the strategy plans the work {en} asks for")
            + f"; it is implemented by {outs_en}.")
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
        pts = "、".join(label(a, "zh") for a in t.cites)
        pts_en = ", ".join(label(a, "en") for a in t.cites)
        if numbered and not outputs_asked and t.cites:  # "what point is behind 25(c)?"
            return Listing("chain", None, (*t.cites, *t.plans, anchor),
                           f"{zh}规划的工作对应{pts}；其高级别产出：{outs}。",
                           f"{en} plans work answering {pts_en}; its outputs: {outs_en}.")
        return Listing("chain", None if numbered else anchor, (*t.plans, *t.cites, *([anchor] if numbered else [])),
                       f"{zh}规划的工作对应{outs}" + (f"；这些产出对应{pts}。" if pts else "。"),
                       f"{en} plans the work of {outs_en}" + (
                           f", which answer{'s' if len(t.plans) == 1 else ''} {pts_en}." if pts else "."))
    return Listing("chain", anchor, (), f"没有任何高级别产出对应{zh}。",
                   f"No high-level output answers {en}.")


def outputs_chain(rows: Sequence[str], index: Index, head: tuple[str, str] = ("", ""),
                  first: Sequence[str] = (), plan_first: bool = False, outputs_asked: bool = False) -> Listing:
    """The chains of outputs taken together: several a question numbers ("Do outputs 9 and
    12 rest on the same points?") or picks out by a field of the Appendix ("the output
    linked to SDG target 10.3", "P&B产出6.4的那项产出"). Every point any of them answers
    (those inside a paragraph in `first` before the rest: "which point of para. 12"), the
    strategy items planning their work, then the outputs, which lead when the question asks
    for them too (`outputs_asked`); the strategy's items first with `plan_first`; `head`,
    what picked them (zh, en), said first."""
    refs = index.references
    head_zh, head_en = head
    if len(rows) == 1:
        one = chain(rows[0], index.corpus, index, plan_first=plan_first, numbered=True)
        ahead = [a for a in one.members if any(a != f and contains(f, a) for f in first)]
        if outputs_asked:  # "哪个产出挂了P&B 4.1？它引用了哪些要点？": the output first
            ahead = [rows[0], *ahead]
        members = (*ahead, *(a for a in one.members if a not in ahead))
        return replace(one, members=members, note_zh=head_zh + one.note_zh,
                       note_en=f"{head_en} {one.note_en}".strip())
    traces = [refs.chain(r) for r in rows]
    cites = refs.in_order(p for t in traces for p in t.cites)
    inside = tuple(p for p in cites if any(p != f and contains(f, p) for f in first))
    cites = (*inside, *(p for p in cites if p not in inside))
    planned = refs.in_order(p for t in traces for p in t.planned_in)
    shared = [p for p in cites if all(p in t.cites for t in traces)]

    def each(lang: Lang) -> str:
        sep, none = ("；", "未对应结论中的任何一点") if lang == "zh" else ("; ", "answers no Conclusions point")
        return sep.join(f"{label(t.ref, lang)}{'对应' if lang == 'zh' else ' answers '}"
                        + ("、" if lang == "zh" else ", ").join(label(p, lang) for p in t.cites)
                        if t.cites else f"{label(t.ref, lang)}{'' if lang == 'zh' else ' '}{none}"
                        for t in traces)
    n = len(rows)
    both_zh = ((f"这{n}项产出都对应" if n > 2 else "两项产出都对应") + "、".join(label(p, "zh") for p in shared)) \
        if shared else f"这{'两' if n == 2 else n}项产出没有共同对应的要点"
    both_en = ((f"all {n} answer " if n > 2 else "both answer ") + ", ".join(label(p, "en") for p in shared)) \
        if shared else f"the {n} outputs share no point"
    plan_zh = ("战略中规划这些工作的是" + "、".join(label(p, "zh") for p in planned)) if planned \
        else "战略正文中没有规划这些工作的段落"
    plan_en = ("the strategy plans their work in " + ", ".join(label(p, "en") for p in planned)) if planned \
        else "no paragraph of the strategy plans their work"
    if plan_first:  # where the strategy plans their work, asked first
        return Listing("chain", None, (*planned, *cites, *rows), f"{head_zh}{plan_zh}。{each('zh')}。{both_zh}。",
                       f"{head_en} {capitalised(plan_en)}. {capitalised(each('en'))}. {capitalised(both_en)}."
                       .strip())
    ordered = (*rows, *cites, *planned) if outputs_asked else (*cites, *planned, *rows)
    return Listing("chain", None, ordered, f"{head_zh}{each('zh')}。{both_zh}；{plan_zh}。",
                   f"{head_en} {capitalised(each('en'))}. {capitalised(both_en)}; {plan_en}.".strip())
