"""The refusal for a unit the question numbers, or a value it asks, that the documents do not
have: it says what they have instead, so the asker can correct the question."""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus import Corpus, Unit, label
from index import Unheld

from ._question import Reading
from ._scope import Lack

_DOC = {"GB.346/INS/4": ("GB.346/INS/4", "GB.346/INS/4"),
        "ILC.109/Res": ("《2021年结论》", "the Conclusions (ILC.109 Resolution)")}
_WHOLE = {"output": ("附录列有第{r}项产出，没有第{n}项。", "The Appendix lists outputs {r}; it has no output {n}."),
          "pillar": ("战略的支柱为支柱{r}，没有支柱{n}。", "The strategy's pillars are {r}; it has no pillar {n}."),
          "component": ("行动计划的要素为要素{r}，没有要素{n}。",
                        "The action plan's components are {r}; it has no component {n}."),
          "sdg": ("附录中没有列有可持续发展目标{n}的产出；附录可持续发展目标一栏列出的是{r}。",
                  "No output of the Appendix lists SDG {n}; its SDG column lists {r}."),
          "pb": ("附录中没有对应计划和预算产出{n}的产出；附录列出的计划和预算产出为{r}。",
                 "No output of the Appendix contributes to P&B output {n}; the P&B outputs it lists are {r}."),
          "outcome": ("附录中没有对应计划和预算成果{n}的产出；附录所列产出对应的成果为{r}。",
                      "No output of the Appendix contributes to P&B outcome {n}; its outputs fall under "
                      "outcomes {r}.")}


def unheld_lack(unheld: Unheld) -> Lack:
    """What to say when a question numbers a unit neither document has."""
    u = unheld
    reason = f"names {u.kind} {u.written}, which the documents do not have"
    if u.kind in _WHOLE:
        zh, en = _WHOLE[u.kind]
        r = u.held[0][1] if u.held else ""
        n_zh, n_en = u.written, u.written
        if u.kind == "sdg":  # a goal, or one of its targets
            n_zh, n_en = (f"具体目标{n_zh}", f"target {n_en}") if "." in u.written else \
                (f"{n_zh}（含其各项具体目标）", f"{n_en} or any of its targets")
        return Lack(reason, zh.format(r=r.replace(", ", "、"), n=n_zh), en.format(r=r, n=n_en))
    if u.kind == "paragraph":
        zh = "；".join(f"{_DOC[d][0]}为第{r}段" for d, r in u.held if d in _DOC)
        en = "; ".join(f"{_DOC[d][1]} has paragraphs {r}" for d, r in u.held if d in _DOC)
        return Lack(reason, f"文件中没有第{u.written}段：{zh}。" if zh else f"文件中没有第{u.written}段。",
                    f"The documents have no paragraph {u.written}: {en}." if en
                    else f"The documents have no paragraph {u.written}.")
    n, _, letters = u.written.partition("(")
    written_zh = f"第{n}段" + (f"({letters}" if letters else "")
    zh = "；".join(f"{label(a, 'zh')}下为{r}项" for a, r in u.held)
    en = "; ".join(f"{label(a, 'en')} has items {r}" for a, r in u.held)
    return Lack(reason, f"文件中没有{written_zh}项：{zh}。" if zh else f"文件中没有{written_zh}项。",
                f"The documents have no {u.written}: {en}." if en else f"The documents have no {u.written}.")


# One output, numbered or described ("output 13", "那一项产出", "the output on …"), and the
# component, whose budget the Appendix does give.
_ONE_OUTPUT = re.compile(r"(?:那|这)一?(?:项|个)[^，,。？?]{0,30}?(?:产出|output)(?!s)"
                         r"|\b(?:the|this|that) (?:[\w/-]+ ){0,3}output\b(?!s)")
_COMPONENT = re.compile(r"\bcomponents?\b|要素")


def output_budget_lack(reading: Reading, named: Sequence[str], hits: Sequence[str], corpus: Corpus
                       ) -> Lack | None:
    """The budget of one output asked for ("output 13 单独分到了多少预算？"): the Appendix budgets
    each component, not its outputs, so the question is refused with the component's budget
    (None unless it asks an amount of money about one output it describes, or outputs it
    numbers without naming a component: "How much of component 1's money goes to the output
    on apprenticeships?" is refused, "What is the budget of component 1?" not)."""
    q = reading.norm
    if "money" not in reading.asks:
        return None
    rows = [a for a in named if "#A" in a]
    if not rows and _ONE_OUTPUT.search(q):  # described: the best-ranked output
        rows = [a for a in hits if "#A" in a][:1]
    elif not rows or _COMPONENT.search(q):  # a component's budget, which the Appendix gives
        return None
    units = [u for a in rows if (u := corpus.get(a)) is not None and u.row is not None]
    if not units:
        return None
    by: dict[int, list[Unit]] = {}  # the outputs asked, by component
    for u in units:
        by.setdefault(u.row.component if u.row else 0, []).append(u)
    zh = "；".join(f"{'、'.join(label(u.anchor, 'zh') for u in us)}属于要素{n}，该要素全部产出的预算为"
                  f"{component_budget(us[0], corpus)[0]}" for n, us in by.items())
    en = "; ".join(f"{', '.join(label(u.anchor, 'en') for u in us)} {'is' if len(us) == 1 else 'are'} in "
                   f"component {n}, budgeted at {component_budget(us[0], corpus)[1]} "
                   "for all its outputs" for n, us in by.items())
    return Lack("asks the budget of an output; the Appendix budgets components only",
                f"附录只列出各要素的预算，没有单项产出的预算：{zh}。",
                f"The Appendix gives budgets per component, not per output: {en}.")


def component_budget(row: Unit, corpus: Corpus) -> tuple[str, str]:
    """The budget of an Appendix row's component, in Chinese and in English (the English
    version's own figure, "US$183 million", when it has one)."""
    zh = row.row.component_budget if row.row else ""
    en_rows = next((v.rows for v in corpus.document(row.doc_id).versions if v.lang == "en"), {})
    return zh, en_rows.get(row.locator, {}).get("budget") or zh
