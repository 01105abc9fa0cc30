"""Answers that are whole sets: every member, how many, in the order the answer uses them;
mandate chains; obligations by actor; the reference graph. Hand-made questions."""

from __future__ import annotations

import pytest

from assistant import Assistant, read
from corpus import Corpus, References

GB, ILC = "GB.346/INS/4", "ILC.109/Res"


def _cited(answer: object) -> list[str]:
    return [c.anchor.split("#")[1] for c in answer.citations]  # type: ignore[attr-defined]


def test_the_five_pillars_are_listed_whole_with_their_sections(assistant: Assistant) -> None:
    a = assistant.ask("战略的五大支柱是什么？")
    assert _cited(a) == ["p6", "p9", "p11", "p13", "p15", "p17"]
    lines = a.answer.splitlines()
    assert lines[0] == "根据文件："
    assert lines[2:7] == [
        "- 支柱 1：完善政策、治理和融资，促进有效的技能开发和终身学习。（GB.346/INS/4 第9段）",
        "- 支柱 2：加强技能-需求情报。（GB.346/INS/4 第11段）",
        "- 支柱 3：提供创新灵活的学习方案和途径。（GB.346/INS/4 第13段）",
        "- 支柱 4：确保实行能够满足劳动力市场多样需求的包容性技能方案。（GB.346/INS/4 第15段）",
        "- 支柱 5：促进高质量学徒制培训和基于工作的学习，提高就业能力和生产力，促进可持续企业发展。"
        "（GB.346/INS/4 第17段）",
    ]
    assert lines[-1] == "共5大支柱；每一项后的标注是其所在章节。"


def test_the_five_components_are_listed_whole(assistant: Assistant) -> None:
    a = assistant.ask("What are the five components of the action plan?")
    assert _cited(a) == ["p21", "p22", "p23", "p24", "p25", "p26"]
    assert a.answer.splitlines()[2] == (
        "- “Component 1: Policy advice, capacity development and technical support” "
        "(GB.346/INS/4 para. 22)")
    assert a.answer.splitlines()[-1] == (
        "5 components; each is labelled with the section that sets it out.")


def test_a_lead_in_comes_with_every_item(assistant: Assistant) -> None:
    a = assistant.ask("结论第14段(a)包括哪些内容？")
    assert _cited(a) == ["c14.a", "c14.a.i", "c14.a.ii", "c14.a.iii", "c14.a.iv", "c14.a.v",
                         "c14.a.vi", "c14.a.vii"]
    assert len(a.answer.splitlines()) == 10  # framing, lead-in, 7 items, count
    assert a.answer.splitlines()[-1] == "ILC.109 决议 结论第14段(a)共列出7项。"
    b = assistant.ask("支柱1涉及哪些方面？")
    assert _cited(b) == ["p10", "p10.a", "p10.b", "p10.c", "p10.d", "p10.e", "p10.f"]
    # A question about one item is not answered with the whole list.
    c = assistant.ask("在支柱1下，国家机构需要加强哪方面的能力？")
    assert _cited(c)[0] == "p10.c"


def test_a_list_answer_cites_every_member_in_the_order_it_uses_them(
    assistant: Assistant,
) -> None:
    a = assistant.ask("Which outputs correspond to Conclusions 14(h)?")
    assert _cited(a) == ["A37", "A38", "A39", "c14.h"]
    assert a.answer.splitlines()[0] == (
        "3 high-level outputs of the Appendix answer ILC.109 Resolution, Conclusions para. 14(h).")
    assert [c.score for c in a.citations] == [1.0, 0.5, 1 / 3, 0.25]  # 1/rank: one meaning
    b = assistant.ask("Which Appendix outputs belong to component 3?", k=2)
    assert _cited(b) == ["A29", "A30", "A31", "A32"]  # more than k


def test_points_no_output_answers(assistant: Assistant, corpus: Corpus) -> None:
    expected = list(References(corpus).points_without_outputs())
    assert len(expected) == 19  # 14(a) itself with its seven sub-items
    assert [a.split("#")[1] for a in expected if a.startswith("ILC.109/Res#c14")] == [
        "c14.a", "c14.a.i", "c14.a.ii", "c14.a.iii", "c14.a.iv", "c14.a.v", "c14.a.vi",
        "c14.a.vii"]
    a = assistant.ask("Which Conclusions points have no corresponding output?")
    assert [c.anchor for c in a.citations] == expected
    b = assistant.ask("《2021年结论》第13段的哪些分项没有被附录中的任何产出引用？")
    assert _cited(b) == ["c13.a", "c13.b", "c13.c", "c13.d", "c13.e", "c13.f", "c13.j", "c13.k"]


def test_the_mandate_chain_of_an_output(assistant: Assistant) -> None:
    a = assistant.ask("Which paragraph mandates output 33?")
    # what is asked for first, the output the question numbers last
    assert _cited(a) == ["c14.c", "p25.a", "A33"]
    assert a.answer.splitlines()[0] == (
        "Appendix output 33 answers ILC.109 Resolution, Conclusions para. 14(c); the strategy "
        "plans the same work in GB.346/INS/4 para. 25(a).")
    b = assistant.ask("附录第14项产出的依据是什么？")
    assert _cited(b) == ["c12.h", "c14.d", "c14.e", "c14.g", "A14"]
    assert b.answer.splitlines()[0] == (
        "附录第14项产出对应ILC.109 决议 结论第12段(h)、ILC.109 决议 结论第14段(d)、"
        "ILC.109 决议 结论第14段(e)、ILC.109 决议 结论第14段(g)；战略正文中没有规划同一工作的段落。")


def test_the_mandate_chain_of_a_unit_described_not_numbered(assistant: Assistant) -> None:
    """The points an output answers, asked of "the output on …"; the outputs implementing a
    point, asked of "the point on …" (outputs first)."""
    a = assistant.ask("Which Conclusions points is the output on monitoring how existing "
                      "skills standards are applied based on?")
    assert _cited(a) == ["A35", "c14.c", "p25.c"]
    b = assistant.ask("Which outputs implement the Conclusions point on working with "
                      "international financial institutions?")
    assert _cited(b) == ["A31", "c14.k", "p24.b"]
    c = assistant.ask("附录中关于监测现有技能标准实施情况的那项产出，依据的是结论哪一段？")
    assert _cited(c) == ["A35", "c14.c", "p25.c"]
    # a point picked out by what it says comes first; "does any output cite it" is answered
    d = assistant.ask("Which Conclusions point says the Director-General must submit the strategy "
                      "with an estimate of resources to the Governing Body? Does any output cite it?")
    assert _cited(d) == ["c14.a"]
    assert d.answer.splitlines()[0] == "No high-level output answers ILC.109 Resolution, Conclusions para. 14(a)."


def test_the_chain_of_an_output_named_beside_a_point(assistant: Assistant) -> None:
    """"Does output 39 cite 14(c), or another point?": the output's own points answer it;
    "which points does A12 respond to?" asks its chain without the word "mandate"."""
    a = assistant.ask("第39项产出引用的是结论第14(c)点，还是别的点？")
    assert _cited(a) == ["c14.h", "p27.b", "A39"]
    b = assistant.ask("Which Conclusions points does A12 respond to?")
    assert _cited(b) == ["c12.n", "c12.r", "c13.g", "c14.i", "A12"]
    # "如果没有" (if not) is no "points without outputs" question
    c = assistant.ask("第1项产出引用结论13(d)了吗？如果没有，引用的是哪些点？")
    assert _cited(c)[:6] == ["c12.a", "c12.b", "c12.d", "c14.d", "c14.e", "c14.g"] and _cited(c)[-1] == "A1"


def test_a_named_standard_puts_units_naming_only_other_standards_last(assistant: Assistant) -> None:
    """Numbers are where the embedding is weakest: C140's output looked like C142's."""
    assert _cited(assistant.ask("Which output supports ratification of Convention No. 142?"))[0] == "A33"
    got = _cited(assistant.ask("哪项产出推动批准第142号公约？"))
    assert got[0] == "A33" and "A34" not in got


def test_obligations_by_actor(assistant: Assistant) -> None:
    a = assistant.ask("What do the Conclusions ask governments to do about recognition of prior learning?")
    assert "c12.k" in _cited(a)
    assert all(c.anchor.startswith(ILC) and "member_states" in c.actors for c in a.citations)
    assert "; governments · should)" in a.answer
    b = assistant.ask("What will the Office do on apprenticeships?")
    # the Office's units about apprenticeships (a share 0.2 of the best fused score kept 8,
    # with outputs A1 and A4 that never mention them); A27 (pathways for informal-economy
    # apprentices) falls below the share since the units' everyday words are searched; the
    # topic is ranked on the question's own vector, so c14.c ("the Office should") comes
    # before A6
    assert _cited(b) == ["A5", "c14.c", "A6"]
    assert b.answer.splitlines()[0] == "3 passages ask the Office to act on this."
    assert all("office" in c.actors for c in b.citations)
    assert not any(c.anchor.startswith(f"{GB}#p18") for c in b.citations)  # the pillar's areas
    c = assistant.ask("理事会被要求或被提请采取什么行动？")
    assert _cited(c) == ["p34", "r2", "c14.a"]
    # what is asked "of" an actor, and what it "undertakes", are duties too; "战略在…"
    # keeps to the strategy
    d = assistant.ask("战略在技能认证方面对成员国提出了什么要求？")
    assert _cited(d) == ["p10.f", "p14.c", "p14.a"]
    e = assistant.ask("劳工局在南南合作方面承担什么工作？")
    assert _cited(e)[:3] == ["p23.d", "A26", "c14.b"]
    assert e.answer.splitlines()[0] == f"文件中要求劳工局就此采取行动的共有{len(e.citations)}处。"


def test_every_unit_naming_an_organisation_or_instrument(assistant: Assistant) -> None:
    assert _cited(assistant.ask("Which passages mention UNESCO?")) == ["p27.b", "A37", "c11", "c14.h"]
    assert _cited(assistant.ask("哪些段落提到第142号公约？")) == ["p25.a", "A33", "c11", "c14.c"]


def test_the_reference_graph(corpus: Corpus) -> None:
    refs = References(corpus)
    assert refs.planned_in(f"{GB}#A33") == (f"{GB}#p25.a",)
    assert refs.planned_in(f"{GB}#A14") == ()
    assert refs.outputs_planned_in(f"{GB}#p22.d") == (f"{GB}#A19", f"{GB}#A20")
    assert refs.mentions_of("C140") == (f"{GB}#p25.b", f"{GB}#A34", f"{ILC}#c11", f"{ILC}#c14.c")
    t = refs.trace(f"{ILC}#c14.c")
    assert t.cited_by == (f"{GB}#A5", f"{GB}#A33", f"{GB}#A34", f"{GB}#A35")
    assert t.mentions == ("C142", "C140")
    chain = refs.chain(f"{ILC}#c14.c")
    assert chain.planned_in == (f"{GB}#p25.a", f"{GB}#p25.b", f"{GB}#p25.c")


def test_paragraphs_referred_to_by_number(corpus: Corpus) -> None:
    """"上文第 5 段" in a Conclusions point refers to Conclusions para. 5; there are three
    such references in the two documents."""
    refs = References(corpus)
    assert {a: refs.refers_to(a) for a in (u.anchor for u in corpus.units()) if refs.refers_to(a)} == {
        f"{ILC}#c13.g": (f"{ILC}#c5",), f"{ILC}#c14.a": (f"{ILC}#c12",),
        f"{ILC}#c14.d": (f"{ILC}#c5",)}
    assert refs.trace(f"{ILC}#c5").mentioned_in == (f"{ILC}#c13.g", f"{ILC}#c14.d")
    assert refs.trace(f"{ILC}#c14").cites[-2:] == (f"{ILC}#c5", f"{ILC}#c12")
    assert refs.trace(f"{ILC}#c14.d").mentioned_in == ()


@pytest.mark.parametrize(("ref", "first"), [("C142", "GB.346/INS/4#p25.a"),
                                             ("Convention No. 142", "GB.346/INS/4#p25.a"),
                                             ("第195号建议书", "GB.346/INS/4#p6")])
def test_trace_an_instrument(assistant: Assistant, ref: str, first: str) -> None:
    t = assistant.trace(ref)
    assert t["mentioned_in"][0]["anchor"] == first and t["in_corpus"] is False
    assert t["kind"] == "instrument" and t["cites"] == t["cited_by"] == t["mentions"] == []


def test_trace_json_has_one_shape(assistant: Assistant) -> None:
    t = assistant.trace("GB.346/INS/4#A33", "zh")
    assert t == {
        "ref": "GB.346/INS/4#A33", "kind": "unit", "label": "附录第33项产出", "in_corpus": True,
        "cites": [{"anchor": "ILC.109/Res#c14.c", "label": "ILC.109 决议 结论第14段(c)"}],
        "cited_by": [], "mentioned_in": [],
        "planned_in": [{"anchor": "GB.346/INS/4#p25.a", "label": "GB.346/INS/4 第25段(a)"}],
        "plans": [],
        "mentions": [{"anchor": "C142", "label": "《1975年人力资源开发公约》(第142号)"}], "text": []}
    assert set(assistant.trace("C142")) == set(t)


def test_outputs_with_an_sdg_target_or_a_pb_output(assistant: Assistant) -> None:
    a = assistant.ask("Which outputs contribute to SDG target 8.6?")
    assert _cited(a) == ["A12", "A27"]
    assert a.answer.splitlines()[0] == "2 outputs of the Appendix list SDG target 8.6."
    b = assistant.ask("哪些产出与计划和预算产出6.1挂钩？")
    assert _cited(b) == ["A3", "A7", "A12", "A13", "A15"]
    assert b.answer.splitlines()[0] == "附录中对应计划和预算产出6.1的产出共有5项。"
    c = assistant.ask("哪些产出对应可持续发展目标4？")  # the goal: its targets count too
    assert len(c.citations) == 34 and "A36" not in _cited(c) and "A4" in _cited(c)
    assert c.answer.splitlines()[0] == "附录中列有可持续发展目标4（含其各项具体目标）的产出共有34项。"
    # the Conclusions' own mention of a target, asked of them: not the rows listing it
    d = assistant.ask("结论里提到可持续发展目标4.7，是想说明什么？")
    assert _cited(d)[0] == "c2" and "目标" not in d.answer.splitlines()[0]


def test_the_instruments_a_paragraph_names(assistant: Assistant) -> None:
    a = assistant.ask("Which instruments does Conclusions paragraph 11 refer to?")
    assert _cited(a) == ["c11"]
    lines = a.answer.splitlines()
    assert lines[0] == "ILC.109 Resolution, Conclusions para. 11 names 8 instruments:"
    assert [line.rsplit("[", 1)[1] for line in lines[1:9]] == [
        "CENTENARY-2019]", "GLOBAL-CALL-2021]", "R195]", "C142]", "C140]", "C138]", "C182]",
        "ILO-UNESCO-1966]"]
    b = assistant.ask("文件提到了哪些公约？")
    assert b.answer.splitlines()[:5] == [
        "两份文件共提到4项公约：",
        "- 《1975年人力资源开发公约》(第142号) [C142]：第25段(a)、附录第33项产出、结论第11段、结论第14段(c)",
        "- 《1974年带薪脱产学习公约》(第140号) [C140]：第25段(b)、附录第34项产出、结论第11段、结论第14段(c)",
        "- 《1973年最低年龄公约》(第138号) [C138]：结论第11段",
        "- 《1999年最恶劣形式的童工劳动公约》(第182号) [C182]：结论第11段"]
    assert _cited(b) == ["p25.a", "p25.b", "A33", "A34", "c11", "c14.c"]
    c = assistant.ask("Which recommendations are cited in the Conclusions?")
    assert _cited(c) == ["c8", "c11", "c13"]
    # A topic beyond "which standards": the passage on that topic, not the whole corpus.
    d = assistant.ask("Which international labour standards should national skills policy "
                      "frameworks take into account?")
    assert _cited(d) == ["c11"] and d.answer.startswith(
        "ILC.109 Resolution, Conclusions para. 11 names 6 instruments:")


def test_every_passage_holding_a_term(assistant: Assistant) -> None:
    a = assistant.ask("List the passages mentioning micro-credentials")
    assert _cited(a) == ["p14.c", "A13", "c12.k"]
    assert a.answer.splitlines()[0] == "3 passages mention micro-credentials."
    b = assistant.ask("哪些段落提到国际培训中心？")
    assert _cited(b) == ["p22.c", "A17", "A25", "c14.f"]
    # Held word for word through the glossary: not refused for a weak similarity.
    c = assistant.ask("Which passages mention the Turin Centre?")
    assert not c.abstained and _cited(c) == ["p22.c", "A17", "A25", "c14.f"]
    assert assistant.ask("Which paragraphs mention Germany?").abstained


def test_passages_referring_to_a_paragraph_and_the_items_of_one(assistant: Assistant) -> None:
    a = assistant.ask("Which points of the Conclusions refer to paragraph 5 of the Conclusions?")
    assert _cited(a) == ["c13.g", "c14.d"]
    assert a.answer.splitlines()[0] == "2 passages refer to ILC.109 Resolution, Conclusions para. 5."
    b = assistant.ask("What are the sub-items of Conclusions 14(a)?")
    assert _cited(b) == ["c14.a", *(f"c14.a.{r}" for r in ("i", "ii", "iii", "iv", "v", "vi", "vii"))]
    assert b.answer.splitlines()[-1] == "ILC.109 Resolution, Conclusions para. 14(a) lists 7 items."


def test_trace_says_when_an_instruments_text_is_in_the_corpus(corpus: Corpus) -> None:
    from assistant._trace import resolve_ref, trace_json
    from corpus import Document, Unit

    text = "Article 1. Each Member shall adopt policies and programmes of vocational guidance."
    c142 = Document("C142", "Human Resources Development Convention, 1975", "c142.txt", "0" * 64,
                    text, (Unit("C142", "art1", "paragraph", text, ((0, len(text)),)),), lang="en")
    added = Corpus((*corpus.documents, c142))
    assert resolve_ref("Convention No. 142", corpus) == "C142"
    assert trace_json(References(corpus).trace("C142"), corpus)["in_corpus"] is False
    data = trace_json(References(added).trace("C142"), added)
    assert data["in_corpus"] is True and len(data["mentioned_in"]) == 4
    with pytest.raises(ValueError, match="cannot trace 'C999'"):
        resolve_ref("C999", corpus)


def test_only_that_sets_aside_the_all_pillar_rows_keeps_multi_pillar_rows(assistant: Assistant) -> None:
    named = ["A1", "A2", "A8", "A12", "A23", "A34", "A36"]  # rows whose pillar column names 1
    a = assistant.ask("List only the outputs tagged with pillar 1, leaving aside the ones marked all pillars.")
    assert _cited(a) == named
    alone = assistant.ask("Which outputs belong to pillar 1 alone?")
    assert _cited(alone) == ["A1", "A2", "A23", "A36"]
    # the pillar column read out, with a full-width digit: "whose pillar is only １"
    read_out = assistant.ask("请列出附录里对应支柱只有１这一个的全部产出。")
    assert _cited(read_out) == ["A1", "A2", "A23", "A36"]
    assert read_out.answer.startswith("附录中只对应支柱1的产出共有4项。")
    # a count of pillars is no pillar number
    assert assistant.index.outputs_of("战略的支柱是5个吗？附录里有哪些产出？") is None
    assert assistant.index.outputs_of("附录里支柱是5的产出有哪些？").number == "5"  # type: ignore[union-attr]


def test_pb_and_sdg_columns_named_with_words_between(assistant: Assistant) -> None:
    refs = assistant.index.references
    pb = assistant.ask("计划和预算产出（2022–2023年）一栏里含有6.1的高级别产出有哪些？")
    assert _cited(pb) == [a.split("#")[1] for a in refs.outputs_with_pb("6.1")]
    sdg = assistant.ask("Which outputs have the SDG column listing target 4.5?")
    assert _cited(sdg) == [a.split("#")[1] for a in refs.outputs_with_sdg("4.5")] == ["A9", "A11", "A12", "A15"]


def test_mentions_asked_with_a_request_after_the_question(assistant: Assistant) -> None:
    a = assistant.ask("哪些段落或产出提到了中小微企业？请全部列出。")
    b = assistant.ask("请列出所有提到中小微企业的段落。")
    assert len(a.citations) == len(b.citations) >= 6
    assert _cited(a) == _cited(b)


def test_which_provisions_ask_an_actor_is_an_obligation_question(assistant: Assistant) -> None:
    for q in ("结论里哪些条款要求劳工局开展研究？",
              "Which provisions of the Conclusions ask the Office to carry out research?"):
        a = assistant.ask(q)
        assert "ILC.109/Res#c14.h" in [c.anchor for c in a.citations], q  # 开展研究 / carry out research
        assert all(c.anchor.startswith("ILC.109/Res#") and "office" in c.actors for c in a.citations), q
    zh = assistant.ask("结论里哪些条款要求劳工局开展研究？")
    assert zh.answer.startswith(f"文件中要求劳工局就此采取行动的共有{len(zh.citations)}处。")


def test_outputs_by_the_budget_of_their_component(assistant: Assistant) -> None:
    """Components 4 and 5 are each budgeted at 100 万美元 (US$1 million), component 3 at
    140 万美元: the amount is compared, in either currency wording."""
    a = assistant.ask("Which outputs belong to components funded at US$1 million?")
    assert _cited(a) == ["A33", "A34", "A35", "A36", "A37", "A38", "A39"]
    assert a.answer.splitlines()[0] == "7 outputs of the Appendix are in components budgeted at US$1 million."
    b = assistant.ask("哪些产出属于预算为140万美元的要素？")
    assert _cited(b) == ["A29", "A30", "A31", "A32"]
    assert b.answer.splitlines()[0] == "附录中预算为140 万美元的要素共有4项产出。"


def test_outputs_of_a_pb_outcome_and_the_pb_column_named_in_chinese(assistant: Assistant) -> None:
    a = assistant.ask("Which skills outputs list any P&B output under outcome 2 of the Programme and Budget?")
    assert _cited(a) == ["A33", "A34", "A35"]
    assert a.answer.splitlines()[0] == "3 outputs of the Appendix contribute to an output of P&B outcome 2."
    b = assistant.ask("哪些高级别产出对应计划和预算中的产出4.2？")
    assert _cited(b) == ["A3", "A8", "A10", "A11"]


def test_outputs_whose_sdg_column_names_no_target(assistant: Assistant) -> None:
    """"未具体提及" in the SDG column: 15 rows, 12 of which still give a goal in brackets;
    "no SDG at all" is the 3 that give none. It is not the Conclusions-point column."""
    a = assistant.ask("可持续发展目标一栏为未具体提及的产出有哪些？")
    assert _cited(a) == ["A17", "A22", "A24", "A25", "A26", "A30", "A31", "A32", "A33", "A34",
                         "A35", "A36", "A37", "A38", "A39"]
    b = assistant.ask("Which outputs give no SDG at all, not even a goal?")
    assert _cited(b) == ["A36", "A37", "A38"]
    assert b.answer.splitlines()[0] == (
        "3 outputs of the Appendix list no SDG at all (“not specified”, with no goal in brackets either).")


def test_pillars_and_components_named_by_their_titles(assistant: Assistant) -> None:
    """"the financing pillar" is pillar 1, "the standards component" component 4,
    "学徒制支柱" pillar 5; "explicitly" leaves the rows marked 全部 out."""
    a = assistant.ask("Which outputs are explicitly mapped to the financing pillar?")
    assert _cited(a) == ["A1", "A2", "A8", "A12", "A23", "A34", "A36"]
    b = assistant.ask("What outputs fall under the standards component?")
    assert _cited(b) == ["A33", "A34", "A35"]
    c = assistant.ask("学徒制支柱涉及哪些方面？")
    assert _cited(c) == ["p18", "p18.a", "p18.b", "p18.c", "p18.d", "p18.e"]
    d = assistant.ask("Which items does the skills intelligence pillar cover?")
    assert _cited(d) == ["p12", "p12.a", "p12.b", "p12.c"]


def test_a_name_with_an_owner_or_an_extra_word(assistant: Assistant) -> None:
    """"the ILO's Global Programme …" is the programme (not every unit naming the ILO);
    "the Turin training centre" is the glossary's "Turin centre" (国际培训中心)."""
    a = assistant.ask("Which parts mention the ILO's Global Programme on Skills and Lifelong Learning?")
    assert _cited(a) == ["p27.b", "p32", "A30"]
    b = assistant.ask("Where do the documents mention the Turin training centre?")
    assert _cited(b) == ["p22.c", "A17", "A25", "c14.f"]


def test_duties_about_a_named_instrument_are_the_units_mentioning_it(assistant: Assistant) -> None:
    """The Office's units mentioning C142 (not every Office unit about standards); "除了C142"
    names the instruments left out, so there the scope does not apply."""
    a = assistant.ask("What will the Office do to promote Convention No. 142?")
    assert _cited(a) == ["p25.a", "A33", "c14.c"]
    assert a.answer.splitlines()[0] == "3 passages ask the Office to act on this."
    b = assistant.ask("除了C142和C140，劳工局对其他现有的技能相关标准会做什么？")
    assert "p25.c" in _cited(b)[:2]


def test_a_filler_word_is_not_a_topic(assistant: Assistant) -> None:
    """"具体" is also in the rows' "未具体提及": as a topic word it drew in every such row."""
    assert _cited(assistant.ask("劳工局具体要在学徒制方面做什么？")) == ["c14.c", "A5", "A6"]


def test_outputs_asked_of_a_point_come_before_the_point(assistant: Assistant) -> None:
    a = assistant.ask("Which outputs take Conclusions 12(n) as their basis?")
    assert _cited(a) == ["A9", "A12", "c12.n"]
    assert a.answer.splitlines()[0] == (
        "ILC.109 Resolution, Conclusions para. 12(n) is implemented by Appendix output 9, "
        "Appendix output 12.")


def test_a_described_point_has_its_outputs_in_the_order_of_the_question(
        assistant: Assistant) -> None:
    """Twelve outputs cite 14(g); the one on Decent Work Country Programmes, which the
    question describes, comes first (Appendix order otherwise)."""
    a = assistant.ask("Which output responds to the Conference's request to prioritise skills "
                      "in Decent Work Country Programmes?")
    cited = _cited(a)
    assert cited[0] == "A16" and "c14.g" in cited
    assert sorted(c for c in cited if c.startswith("A")) == sorted(
        a.split("#")[1] for a in assistant.index.references.chain("ILC.109/Res#c14.g").cited_by)


def test_is_there_an_output_puts_the_rows_first(assistant: Assistant) -> None:
    """A yes/no question for an output is answered by the rows; "有没有对应的产出" is not
    "没有对应" (outputs without a point); asked beside other questions, it leaves them be."""
    assert _cited(assistant.ask("Is there any output about skills in conflict-affected countries?"))[0] == "A15"
    zh = _cited(assistant.ask("在受冲突影响的地区促进社会凝聚与和平，附录里有没有对应的产出？"))
    assert zh[0] == "A15" and not {"A30", "A36"} & set(zh[:2])
    both = assistant.ask("结论要求对战略进行中期审查，这是结论哪一项？附录中有没有产出专门对应？"
                         "战略在哪一段安排了中期审查，定在哪一年？")
    assert not both.abstained and _cited(both)[0] == "c14.a.vii"


def test_a_point_named_then_the_strategy_item_asked(assistant: Assistant) -> None:
    """"Which strategy item covers this?" after naming 12(m): the strategy's items, not the
    passages that refer to 12(m) by number."""
    a = assistant.ask("Conclusions 12(m) wants sector-level skills needs analysis. "
                      "Which strategy item covers this?")
    assert a.answer.splitlines()[0].startswith("The documents say")
    assert "p12.b" in _cited(a)[:3]
    # an output described, then whether it is marked with a point ("有没有标注"): its row first
    b = assistant.ask("推广终身学习三方办法、参加联合国全球活动的那项产出，有没有标注所依据的大会结论？")
    assert _cited(b)[0] == "A36"


def test_a_point_described_is_a_lettered_point(assistant: Assistant) -> None:
    """The Appendix cites only the lettered points of paras 12–14: a point described beside
    "is there an output …" is one of those (14(a)(v) on climate change), not the general
    paragraph 8 that ranks above it."""
    a = assistant.ask("Which part of the Conclusions asks for skills systems that can respond to "
                      "climate change, and is there any output that takes it up?")
    assert _cited(a)[0] == "c14.a.v"
    assert a.answer.startswith("No high-level output answers ILC.109 Resolution, Conclusions para. 14(a)(v).")


def test_outputs_without_a_point_asked_with_other_negations(assistant: Assistant) -> None:
    for q in ("附录里有没有哪些产出找不到对应的大会结论条款？是哪几条？", "附录中缺少对应结论要点的产出有哪些？"):
        a = assistant.ask(q)
        assert _cited(a) == ["A30", "A32", "A36"], q
        assert a.answer.startswith("附录中没有对应任何结论要点（“未具体提及”）的产出共有3项。")


def test_groups_set_aside_are_not_what_is_asked(assistant: Assistant) -> None:
    a = assistant.ask("What is the price tag of the action plan, and what is counted besides "
                      "the five components?")
    assert _cited(a)[0] == "p32"
    assert _cited(assistant.ask("What are the five components?"))[:2] == ["p21", "p22"]


def test_outputs_named_by_the_tables_own_numbering(assistant: Assistant) -> None:
    """"output A38", "附录A29", "A35…这项产出": the rows as the table numbers them; not
    refused as a name the documents never use."""
    a = assistant.ask("What mandates output A38? Give me the Conclusions point and the action-plan item.")
    assert not a.abstained and _cited(a) == ["c14.h", "p27.c", "A38"]
    # asked where the action plan arranges it: the strategy's item first
    b = assistant.ask("A35这项产出在行动计划正文里是哪一条安排的？")
    assert _cited(b) == ["p25.c", "c14.c", "A35"]
    assert b.answer.splitlines()[0] == (
        "战略中规划同一工作的是GB.346/INS/4 第25段(c)；附录第35项产出对应ILC.109 决议 结论第14段(c)。")
    c = assistant.ask("附录A29这项产出依据的是2021年结论的哪一项？")
    assert _cited(c)[0] == "c13.i" and _cited(c)[-1] == "A29"
    d = assistant.ask("Where in the body of the action plan is the work behind output 34 laid out?")
    assert _cited(d) == ["p25.b", "c14.c", "A34"]
    assert d.answer.splitlines()[0] == ("The strategy plans the work of Appendix output 34 in GB.346/INS/4 "
                                        "para. 25(b); it answers ILC.109 Resolution, Conclusions para. 14(c).")
    # its place in the table, and a chain asked as where it comes from
    e = assistant.ask("附录中排第二十三的那项产出，在大会结论里的出处是哪些条款？")
    assert _cited(e) == ["c14.i", "A23"]
    assert assistant.index.named("Is there an A4 paper version?") == []


def test_how_many_the_structure_counts_is_answered_by_the_set(assistant: Assistant) -> None:
    """A count the passages never state, of what the structure holds (outputs citing a
    point, rows with an SDG target), is the size of the set, not a refusal."""
    a = assistant.ask("How many outputs in the appendix reference Conclusions 12(k)?")
    assert not a.abstained and _cited(a) == ["A7", "A13", "c12.k"]
    b = assistant.ask("有多少产出在可持续发展目标一栏写了4.6？都是哪些？")
    assert _cited(b) == ["A11", "A18", "A19", "A20", "A21"]
    assert b.answer.splitlines()[0] == "附录中列有可持续发展目标具体目标4.6的产出共有5项。"
    assert assistant.ask("How many member States does the ILO have?").abstained


def test_a_point_the_strategy_lacks_is_the_conclusions(assistant: Assistant) -> None:
    """"附录…“结论”一栏引用了第14段(i)项": the strategy's para. 14 ends at (f), so 14(i) is the
    Conclusions' point."""
    a = assistant.ask("附录里有哪些产出在“结论”一栏引用了第14段(i)项？一个都别漏。")
    assert _cited(a) == ["A12", "A18", "A19", "A20", "A21", "A22", "A23", "A24", "A25", "c14.i"]


def test_outputs_of_several_pillars(assistant: Assistant) -> None:
    both = assistant.ask("附录表格“支柱”一栏里，同时标了支柱3和支柱4的产出有哪些？")
    assert _cited(both) == ["A11", "A15", "A28"]
    assert both.answer.splitlines()[0] == "附录中同时标注支柱3和支柱4的产出共有3项。"
    either = assistant.ask("Which outputs are tagged to pillar 3 and pillar 4?")
    assert _cited(either) == ["A4", "A7", "A8", "A9", "A10", "A11", "A12", "A13", "A14", "A15",
                              "A27", "A28", "A34"]
    several = assistant.ask("Which outputs are linked to two or more particular pillars?")
    assert _cited(several) == ["A8", "A11", "A12", "A15", "A27", "A28", "A34"]
    # "哪几个支柱" asks which pillars, not for rows naming several
    assert _cited(assistant.ask("附录里关于移民技能伙伴关系的那项产出，挂在战略的哪几个支柱下？"))[0] == "A28"


def test_every_mention_and_the_full_list_of_a_paragraph(assistant: Assistant) -> None:
    a = assistant.ask("Every mention of UNESCO across the strategy and the Conclusions, please.")
    assert _cited(a) == ["p27.b", "A37", "c11", "c14.h"]
    b = assistant.ask("战略文件正文第22段里，劳工局承诺要做的事一共有几条？请全部列出来。")
    assert _cited(b) == ["p22", "p22.a", "p22.b", "p22.c", "p22.d", "p22.e", "p22.f", "p22.g"]
    assert "GB.346/INS/4 第22段共列出7项。" in b.answer


def test_outputs_whose_conclusions_column_is_not_filled_in_asked_in_other_words(assistant: Assistant) -> None:
    a = assistant.ask("附录行动计划表里，有没有哪些产出没有注明对应2021年结论的哪一段？")
    assert _cited(a) == ["A30", "A32", "A36"]


def test_what_must_an_actor_do_according_to_a_document(assistant: Assistant) -> None:
    """"What must member States do according to the Conclusions …": a duties question
    (the issue's own wording), answered with the governments' units on the topic."""
    a = assistant.ask("What must member States do according to the Conclusions about recognition of prior learning?")
    assert _cited(a) == ["c12.k", "c12.l", "c12.o"]
    assert a.answer.splitlines()[0].endswith("passages ask governments to act on this.")
    assert all(c.anchor.startswith(ILC) and "member_states" in c.actors for c in a.citations)


def test_outputs_compared_with_an_amount_of_the_budget(assistant: Assistant) -> None:
    """The budget column compared ("below", "不超过") as well as matched."""
    a = assistant.ask("Which outputs sit in components with a budget under US$2 million?")
    assert _cited(a) == [f"A{n}" for n in range(29, 40)]
    assert a.answer.splitlines()[0] == (
        "11 outputs of the Appendix are in components budgeted below US$2 million.")
    b = assistant.ask("预算不超过100万美元的产出有哪些？")
    assert _cited(b) == [f"A{n}" for n in range(33, 40)]
    assert b.answer.splitlines()[0] == "附录中预算不超过100 万美元的要素共有7项产出。"
    assert _cited(assistant.ask("Which outputs have a budget above US$5 million?")) == [
        f"A{n}" for n in range(1, 29)]


def test_sets_read_from_columns_and_points_in_other_words(assistant: Assistant) -> None:
    assert _cited(assistant.ask("Which outputs are tied to more than one particular pillar?")) == [
        "A8", "A11", "A12", "A15", "A27", "A28", "A34"]
    assert _cited(assistant.ask("Which outputs have an SDG column that contains target 4.5?")) == [
        "A9", "A11", "A12", "A15"]
    assert _cited(assistant.ask("Which points of Conclusions paragraph 12 does no Appendix output "
                                "answer?")) == ["c12.e", "c12.m", "c12.t"]


def test_mentions_inside_a_paragraph_or_one_document(assistant: Assistant) -> None:
    a = assistant.ask("结论第12段里哪些分项提到了教师？")
    assert _cited(a) == ["c12.k", "c12.l", "c12.q", "c12.s"]
    assert a.answer.splitlines()[0] == "ILC.109 决议 结论第12段中提到“教师”的共有4处。"
    b = assistant.ask("Which passages in the Conclusions use the term 'informal economy'?")
    assert _cited(b) == ["c12.n", "c12.o", "c14.a.i", "c14.i"]
    # both documents named: no document is left out
    c = assistant.ask("Where is the term 'informal economy' used across the strategy and the Conclusions?")
    assert _cited(c) == ["p18.d", "A27", "c12.n", "c12.o", "c14.a.i", "c14.i"]


def test_the_paragraphs_of_a_section(assistant: Assistant) -> None:
    a = assistant.ask("Which paragraphs make up the section on risks and assumptions?")
    assert _cited(a) == ["p31"]
    b = assistant.ask("战略文件第4部分由哪些段落组成？")
    assert _cited(b) == ["p28", "p29", "p30"]
    assert b.answer.splitlines()[0] == "GB.346/INS/4“4. 协调、监测和评估实施情况”一节共有3段。"
    c = assistant.ask("Which paragraphs are in Part I of the Conclusions?")
    assert _cited(c) == [f"c{n}" for n in range(1, 9)]


def test_a_pillar_named_by_its_title_is_enumerated_whole(assistant: Assistant) -> None:
    a = assistant.ask("讲技能需求情报的那个支柱，一共涵盖哪些方面？")
    assert _cited(a) == ["p12", "p12.a", "p12.b", "p12.c"]


def test_a_component_without_its_all_pillar_rows(assistant: Assistant) -> None:
    a = assistant.ask("要素2下，不算标为“全部”支柱的，还有哪些产出？")
    assert _cited(a) == ["A23", "A27", "A28"]
    assert a.answer.splitlines()[0] == "要素2下不计标为“全部”支柱的产出，共有3项产出。"


def test_a_pillar_named_by_two_words_of_its_title(assistant: Assistant) -> None:
    """"skills needs" is common word by word, together it names pillar 2 only."""
    a = assistant.ask("Which outputs belong to the skills-needs pillar?")
    assert _cited(a)[0] == "A3" and len(_cited(a)) == 20
    assert a.answer.startswith("The Appendix names pillar 2 for 1 output (listed first); 19 more")


def test_names_in_their_own_form_and_longer_forms(assistant: Assistant) -> None:
    assert _cited(assistant.ask("哪些段落提到了数字鸿沟？")) == ["p14.e", "c12.f", "c12.n", "c12.s"]
    assert _cited(assistant.ask("Where is the ILO Global Programme on Skills and Lifelong Learning "
                                "mentioned?")) == ["p27.b", "p32", "A30"]


def test_other_wordings_of_columns_and_enumerations(assistant: Assistant) -> None:
    # the points column left empty, said of the column
    assert _cited(assistant.ask("附录中哪些产出的结论段落一栏没有标明任何段落？")) == [
        "A30", "A32", "A36"]
    # rows whose SDG column says 未具体提及, a goal in brackets or not
    with_brackets = _cited(assistant.ask(
        "可持续发展目标一栏写“未具体提及”的产出有哪些？括号里有目标编号的也算。"))
    bare = _cited(assistant.ask("可持续发展目标一栏完全没有标注任何目标的产出有哪些？"))
    assert set(bare) < set(with_brackets) and len(with_brackets) == 15
    # an aside between the pillar and the verb; the paragraph before "what elements"
    assert _cited(assistant.ask("支柱2（技能需求情报）具体涵盖哪些方面？")) == ["p12", "p12.a", "p12.b", "p12.c"]
    assert _cited(assistant.ask("Under Conclusions 14(a), which elements must the strategy "
                                "contain?"))[1:] == [f"c14.a.{r}" for r in
                                                     ("i", "ii", "iii", "iv", "v", "vi", "vii")]


def test_duties_asked_as_plans_and_commitments(assistant: Assistant) -> None:
    a = assistant.ask("劳工局打算如何帮助雇主组织和工人组织加强自身能力？")
    assert {"A19", "A20", "p22.d"} <= set(_cited(a))
    assert a.answer.splitlines()[0].startswith("文件中要求劳工局就此采取行动的共有")
    b = assistant.ask("Which of the Office's commitments concern research?")
    assert b.answer.splitlines()[0].endswith("passages ask the Office to act on this.")


def test_what_a_pillar_or_component_is_answered_from_the_structure(assistant: Assistant) -> None:
    """"What is pillar 2?": its title, the line naming it in the paragraph listing all five,
    then its own paragraphs and items (and a component's rows), in document order."""
    a = assistant.ask("What is pillar 2?")
    assert _cited(a) == ["p6", "p11", "p12", "p12.a", "p12.b", "p12.c"]
    assert a.answer.splitlines()[0] == "Pillar 2: Strengthening skills needs intelligence."
    b = assistant.ask("行动计划的要素4是什么？")
    assert _cited(b) == ["p21", "p25", "p25.a", "p25.b", "p25.c", "A33", "A34", "A35"]
    assert b.answer.splitlines()[0] == "要素 4：与标准相关的行动。"
    assert _cited(assistant.ask("Component 4 of the action plan?")) == _cited(b)
    # asking something about the pillar is not asking what it is
    assert _cited(assistant.ask("What does pillar 2 say about social dialogue?"))[0] != "p6"


def test_an_output_or_a_point_described_then_its_chain(assistant: Assistant) -> None:
    """An output described in one sentence, then "which strategy item plans this?"; what the
    Conclusions call for, described, then "is there any output that takes this up?"."""
    for q in ("One Appendix output is about monitoring the existing standards on skills. "
              "Which strategy item plans this?",
              "附录中有一项产出是监测现有技能相关标准的实施。战略正文中规划这项工作的是哪一项？"):
        assert _cited(assistant.ask(q)) == ["A35", "p25.c", "c14.c"], q
    a = assistant.ask("The Conclusions ask for linking skills development with social protection "
                      "for unemployed people. Is there any output that takes this up?")
    assert _cited(a) == ["c12.t"]
    assert a.answer.splitlines()[0] == "No high-level output answers ILC.109 Resolution, Conclusions para. 12(t)."
    b = assistant.ask("附录第30项产出以结论哪一点为依据？")
    assert b.answer.splitlines()[0].startswith("附录第30项产出未对应结论中的任何一点（附录中该栏为“未具体提及”）；")


def test_chains_and_sets_asked_in_other_words(assistant: Assistant) -> None:
    """"没标注…依据" is a negation like "没有标注"; outputs that "point to" a point described
    implement it; a possessive "workers'" is no quotation mark, and "…? If so, where?" no
    question of where a name is mentioned."""
    a = assistant.ask("附录里哪些产出根本没标注大会结论依据？")
    assert _cited(a) == ["A30", "A32", "A36"]
    b = assistant.ask("The Conclusions ask for stronger career guidance systems. "
                      "Which outputs point to that provision?")
    assert _cited(b) == ["A12", "c12.r"]
    assert b.answer.splitlines()[0] == (
        "ILC.109 Resolution, Conclusions para. 12(r) is implemented by Appendix output 12.")
    c = assistant.ask("Did the Conference insist that the strategy spell out the roles of governments, "
                      "employers' and workers' organizations and the Office? If so, where?")
    assert "passages mention" not in c.answer.splitlines()[0] and "and workers" not in c.answer.splitlines()[0]
    assert _cited(c)[0].startswith(("c", "r"))  # a passage of the Conclusions or the Resolution, asked for


def test_the_strategy_items_planning_a_points_work(assistant: Assistant) -> None:
    """A point named, then "which paragraph of the strategy / action plan item …": the items
    planning its work first, then its outputs, the point last; asked for outputs, the outputs."""
    a = assistant.ask("Which paragraph of the strategy responds to Conclusions 14(c)?")
    assert _cited(a) == ["p25.a", "p25.b", "p25.c", "A5", "A33", "A34", "A35", "c14.c"]
    assert a.answer.splitlines()[0] == (
        "The strategy plans the work ILC.109 Resolution, Conclusions para. 14(c) asks for in "
        "GB.346/INS/4 para. 25(a), GB.346/INS/4 para. 25(b), GB.346/INS/4 para. 25(c); it is "
        "implemented by Appendix output 5, Appendix output 33, Appendix output 34, Appendix output 35.")
    b = assistant.ask("行动计划里哪一项落实了结论第13段(i)？")
    assert _cited(b) == ["p24.c", "A29", "c13.i"]
    assert b.answer.splitlines()[0] == ("战略中规划ILC.109 决议 结论第13段(i)所要求工作的是GB.346/INS/4 "
                                        "第24段(c)；落实它的高级别产出：附录第29项产出。")
    c = assistant.ask("结论第13段(i)讲行业内汇集资源，行动计划附录中哪项产出对应这一点？")
    assert _cited(c)[0] == "A29"


def test_chains_from_every_side(assistant: Assistant) -> None:
    """An action-plan item named: its outputs, or the point behind it (a paragraph the
    Conclusions do not have is the strategy's); a point described, then the action-plan
    items taking it up; an output described beside a point it may cite, answered with the
    points it does cite; a bare item beside an output numbered is a Conclusions point."""
    def cited(q: str) -> list[str]:
        return _cited(assistant.ask(q))

    a = assistant.ask("Which outputs carry out paragraph 25(b) of the action plan?")
    assert _cited(a) == ["A34", "c14.c", "p25.b"]
    assert a.answer.splitlines()[0] == ("GB.346/INS/4 para. 25(b) plans the work of Appendix output 34, which "
                                        "answers ILC.109 Resolution, Conclusions para. 14(c).")
    assert cited("Which Conclusions point lies behind 25(a)?") == ["c14.c", "A33", "p25.a"]
    assert cited("Which point of the Conclusions does para 27(c) answer to?") == ["c14.h", "A38", "p27.c"]
    assert cited("The Conclusions ask the ILO to work with international financial institutions. "
                 "Which action-plan items take that up?") == ["p24.b", "A31", "c14.k"]
    b = assistant.ask("Is the output on estimating funding needs based on Conclusions 14(k)?")
    assert _cited(b) == ["A23", "c14.i"]
    assert b.answer.splitlines()[0].endswith("It does not cite ILC.109 Resolution, Conclusions para. 14(k).")
    assert cited("Does the 18th output rest on 14(f) only?") == ["c14.f", "c14.i", "p22.c", "A18"]
    assert cited("Which parts of para. 13 does no high-level output pick up?") == [
        "c13.a", "c13.b", "c13.c", "c13.d", "c13.e", "c13.f", "c13.j", "c13.k"]
    # asked for outputs, several: not one output described
    assert cited("List the appendix outputs that are tied to Concl. 12h.") == ["A7", "A11", "A14", "c12.h"]


def test_chains_of_items_written_tightly_or_asked_otherwise(assistant: Assistant) -> None:
    """"行动计划22(c)" (an item right after Chinese) is the item; "is there an output that
    operationalises 24(c)?" asks its chain (several outputs "answer"); "…哪一点？是不是14(i)？"
    gives a guess, not a reference; an action-plan item the question's own words single out
    comes first (the others keep the documents' order)."""
    a = assistant.ask("行动计划22(c)背后对应的是大会结论的哪几段？")
    assert _cited(a) == ["c14.f", "c14.i", "A17", "A18", "p22.c"]
    b = assistant.ask("Item 24(c) is about financing options. Is there an appendix output that "
                      "operationalises it?")
    assert _cited(b)[:2] == ["A2", "A29"]
    assert b.answer.splitlines()[0] == (
        "GB.346/INS/4 para. 24(c) plans the work of Appendix output 2, Appendix output 29, which answer "
        "ILC.109 Resolution, Conclusions para. 12(i), ILC.109 Resolution, Conclusions para. 13(i), "
        "ILC.109 Resolution, Conclusions para. 14(j).")
    c = assistant.ask("有一项产出讲非正规经济中的学徒和自雇者怎样获得培训机会，它依据的是结论哪一点？是不是14(i)？")
    assert _cited(c) == ["A27", "c14.b"]
    d = assistant.ask("结论第14段(g)（把技能放进体面劳动国别计划）在行动计划里对应哪一条？")
    assert _cited(d)[0] == "p22.g"
    # a point as the Appendix's points column writes it ("大会，14h")
    assert _cited(assistant.ask("Which outputs cite 14h?")) == ["A37", "A38", "A39", "c14.h"]
    assert _cited(assistant.ask("哪些产出对应13.g？")) == ["A12", "c13.g"]


def test_paragraphs_in_the_plural_and_ranges(assistant: Assistant) -> None:
    """"paragraphs 25 and 26" and "points 14(c) and 14(h)" name both; "paragraphs 22–27" is a
    range to look in, no reference to para. 22."""
    assert [a.split("#")[1] for a in assistant.index.mentioned("What do paragraphs 25 and 26 say?")] == [
        "p25.a", "p25.b", "p25.c", "p26"]
    assert assistant.index.mentioned("Where in paragraphs 22–27 does the plan foresee cooperation "
                                     "agreements?") == []
    assert [a.split("#")[1] for a in assistant.index.mentioned(
        "Which outputs implement points 14(c) and 14(h)?")] == ["c14.c", "c14.h"]
    # a Latin word right after a Chinese character ("挂钩SDG 7", "那项output")
    a = assistant.ask("唯一挂钩SDG 7的产出依据结论哪几点？")
    assert _cited(a) == ["c12.h", "c14.d", "c14.e", "c14.g", "A14"]


def test_outputs_picked_by_a_field_then_their_mandate(assistant: Assistant) -> None:
    """Outputs picked out by a column of the Appendix (an SDG target, a P&B output, a
    pillar) or numbered together, asked what mandates them: every point any of them
    answers (those of a paragraph the question names first), the strategy items planning
    their work, then the outputs; the answer says which points they share."""
    a = assistant.ask("Which point of Conclusions para. 12 does the output listing SDG target 10.3 answer?")
    assert _cited(a) == ["c12.f", "c14.d", "c14.e", "c14.g", "A15"]
    assert a.answer.splitlines()[0].startswith(
        "1 output of the Appendix lists SDG target 10.3. Appendix output 15 answers ILC.109 Resolution, "
        "Conclusions para. 12(f),")
    b = assistant.ask("计划和预算产出2.1对应的产出，依据结论哪一点？")
    assert _cited(b) == ["c14.c", "p25.a", "p25.b", "A33", "A34"]
    assert b.answer.splitlines()[0] == (
        "附录中对应计划和预算产出2.1的产出共有2项。附录第33项产出对应ILC.109 决议 结论第14段(c)；附录第34项产出"
        "对应ILC.109 决议 结论第14段(c)。两项产出都对应ILC.109 决议 结论第14段(c)；战略中规划这些工作的是"
        "GB.346/INS/4 第25段(a)、GB.346/INS/4 第25段(b)。")
    c = assistant.ask("Do outputs 9 and 12 answer the same Conclusions points?")
    assert _cited(c) == ["c12.n", "c12.r", "c13.g", "c14.d", "c14.e", "c14.g", "c14.i", "A9", "A12"]
    assert "Both answer ILC.109 Resolution, Conclusions para. 12(n); no paragraph of the strategy plans " \
        "their work." in c.answer.splitlines()[0]
    # where the strategy plans their work, asked: its items first
    d = assistant.ask("The outputs under P&B output 2.1: which action-plan items carry them out?")
    assert _cited(d) == ["p25.a", "p25.b", "c14.c", "A33", "A34"]
    # a point described, then which of a component's outputs cite it: the point's side
    e = assistant.ask("Which Conclusions point says the Office should research access to skills for "
                      "informal-economy and agency workers, and which component 2 outputs cite it?")
    assert _cited(e)[0] == "c14.i"


def test_a_described_output_asked_for_its_basis_in_few_words(assistant: Assistant) -> None:
    """"…的那项output，依据是哪段？", "那项…产出，依据是？": the described output's chain."""
    a = assistant.ask("那项关于教师培训的产出，依据是？")
    assert _cited(a) == ["A4", "c12.l", "c14.d", "c14.e", "c14.g"]
    b = assistant.ask("关于核心技能技术指导的那项output，授权依据是哪段？")
    assert _cited(b) == ["A11", "c12.h", "c14.d", "c14.e", "c14.g"]


def test_the_actor_asked_is_not_the_askers_own_nor_a_topic(assistant: Assistant) -> None:
    """"我是…工会代表。" introduces the asker: the question asks about no union's duties; in
    "劳工局在加强雇主组织和工人组织能力方面承担了哪些任务" the Office is the subject (before
    承担) and the organisations are the topic."""
    from assistant._duties import asked_actor

    assert asked_actor(read("我是职业院校的工会代表。对于培训师，大会结论提出了哪些要求？")) is None
    assert asked_actor(read("工会在培训方面应当承担什么责任？")) == "social_partners"
    assert asked_actor(read("国际劳工局在加强雇主组织和工人组织能力方面承担了哪些任务？")) == "office"
    assert asked_actor(read("I'm a union educator. What are governments asked to do on apprenticeships?")) \
        == "member_states"


def test_an_action_plan_item_reported_then_its_outputs(assistant: Assistant) -> None:
    """"The action plan commits the Office to …. Which output carries that out?": the item
    the question reports, its outputs first (the one its words describe before the other),
    their points, the item last."""
    a = assistant.ask("The action plan commits the Office to helping member States diversify their "
                      "financing options. Which output carries that out?")
    assert _cited(a) == ["A2", "A29", "c12.i", "c13.i", "c14.j", "p24.c"]
    b = assistant.ask("行动计划里提到要为社会伙伴推出行动方案，附录里对应哪项产出？")
    assert _cited(b) == ["A20", "A19", "c14.f", "c14.i", "p22.d"]


def test_outputs_numbered_in_other_notations(assistant: Assistant) -> None:
    """"output A34", "附录A24", "output 2的" (a digit before a Chinese character), "output 2's
    Conclusions points" (the Appendix's column named, not outputs asked for); "14(c)对应哪个
    产出" asks for the outputs answering the Conclusions' 14(c)."""
    assert _cited(assistant.ask("Where in the action plan is the work under output A34 planned?")) == [
        "p25.b", "c14.c", "A34"]
    assert _cited(assistant.ask("附录A24的工作在行动计划哪一项里有安排？")) == ["p23.e", "c14.b", "c14.i", "A24"]
    for q in ("output no. 2 的 Conclusions points 是哪些？", "What are output 2's Conclusions points?"):
        assert _cited(assistant.ask(q)) == ["c12.i", "c14.j", "p22.a", "p24.c", "A2"], q
    assert _cited(assistant.ask("14(c)对应哪个产出")) == ["A5", "A33", "A34", "A35", "c14.c"]
    # "Conference Conclusions" names the Conclusions, not an unknown document
    assert _cited(assistant.ask("Which points of the Conference Conclusions is output 35 based on?")) == [
        "c14.c", "p25.c", "A35"]


def test_a_strategy_paragraph_outside_the_links_gets_the_closest_points(assistant: Assistant) -> None:
    """The documents link no Conclusions point to the pillars' areas: asked which point
    "strategy para. 14(e)" follows from, the answer says so and gives the closest points in
    content (not "no output answers it"); "strategy para." is the strategy's even beside the
    Conclusions."""
    a = assistant.ask("Strategy para. 14(e), under pillar 3: which point of the 2021 Conclusions does it "
                      "follow from?")
    assert _cited(a) == ["c12.s", "c12.f", "c13.k", "p14.e"]
    assert a.answer.splitlines()[0].startswith(
        "GB.346/INS/4 para. 14(e) cites no point of the 2021 Conclusions, and the documents link it to none; "
        "the closest in content are ILC.109 Resolution, Conclusions para. 12(s),")
    b = assistant.ask("战略第18段(b)项源自《2021年结论》哪一项？")
    assert _cited(b)[0] == "c12.g" and _cited(b)[-1] == "p18.b"
    # an action-plan item keeps its chain
    assert _cited(assistant.ask("Which Conclusions point does strategy paragraph 25(a) answer?")) == [
        "c14.c", "A33", "p25.a"]


def test_what_a_component_does_about_resources_is_not_its_budget(assistant: Assistant) -> None:
    """"How will component 3 mobilize funding?" asks what it does (its items), not its
    budget; "What is the budget of component 1?" is answered with the budget."""
    a = assistant.ask("Under component 3, how will the Office mobilize funding?")
    assert _cited(a)[:3] == ["p24.a", "p24.c", "p24.d"]
    b = assistant.ask("What is the budget of component 1?")
    assert not b.abstained
    assert b.answer.splitlines()[0] == (
        "Component 1 has 20 outputs. The Appendix budgets the component at US$183 million.")


def test_a_described_output_beside_the_paragraph_to_look_in(assistant: Assistant) -> None:
    """"…的那项产出，依据结论哪几点？行动计划第22段里对应哪一项？": para. 22 is where to look, not
    the unit asked about; "Which Conclusions points back that up?" asks for points."""
    a = assistant.ask("作为工人代表，我想知道：附录中通过一项行动方案建设工人组织能力的那项产出，依据的是结论哪几点？"
                      "行动计划第22段里对应哪一项？")
    assert _cited(a) == ["A20", "c14.f", "c14.i", "p22.d"]
    assert "未引用" not in a.answer.splitlines()[0]
    b = assistant.ask("The Office is writing operational guides with the Turin Centre so that constituents can "
                      "self-assess their skills and employment systems. Which Conclusions points back that up?")
    assert _cited(b)[:3] == ["A25", "c14.b", "c14.i"]
