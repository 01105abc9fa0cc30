"""On-topic questions the documents cannot answer: each rule of `assistant._scope` on
hand-made questions (none of them from the gold sets), then through the real assistant."""

from __future__ import annotations

from dataclasses import replace

from assistant import Assistant
from assistant._scope import Scope, instruments, names, years
from corpus import Corpus

NO_FIGURE = "第5段要求劳工局加强与社会伙伴的合作。"


def _why(scope: Scope, question: str, evidence: list[str]) -> str | None:
    lack = scope.lacks(question, evidence)
    return None if lack is None else lack.reason


def test_years_instruments_and_names_are_read_from_the_question() -> None:
    assert years("2022–23 两年期和 2030 年") == {2022, 2023, 2030}
    assert years("第109届会议, 第142号") == set()
    assert instruments("第 142 号公约、R195 和 Convention No. 140") == {"C142", "R195", "C140"}
    assert instruments("第205号建议书") == {"R205"}
    assert names("Which output mentions the Centenary Declaration and the Nobel Peace Prize?") == [
        "Centenary Declaration", "Nobel Peace Prize"]
    assert names("What does the Strategy say?") == []  # "What does the" only opens the sentence
    assert names("Which paragraph mandates a campaign for Convention No. 142?") == []


def test_scope_of_the_shipped_corpus(corpus: Corpus) -> None:
    s = Scope.of(corpus)
    assert s.held == {"GB.346/INS/4", "ILC.109/Res"}
    assert {1975, 2004, 2019, 2021, 2022, 2023, 2030} <= s.years
    assert 2040 not in s.years and 2015 not in s.years


def test_a_figure_must_be_stated_in_the_evidence(corpus: Corpus) -> None:
    s = Scope.of(corpus)
    money = "asks for an amount of money; the retrieved paragraphs state none"
    assert _why(s, "学徒每月能拿多少工资？", [NO_FIGURE]) == money
    assert _why(s, "How much does a course cost?", [NO_FIGURE]) == money
    assert _why(s, "学徒每月能拿多少工资？", ["预算为 850 万美元。"]) is None
    rate = "asks for a rate; the retrieved paragraphs state none"
    assert _why(s, "青年失业率是多少？", ["2022-2025 年行动计划有 5 个要素。"]) == rate
    assert _why(s, "What share of workers train each year?", ["增长 12%。"]) is None
    number = "asks for a number; the retrieved paragraphs state none"
    # Years and "一项" (= "a") are not counts.
    assert _why(s, "How many countries took part?", ["2021 年通过了一项决议。"]) == number
    assert _why(s, "战略有几个支柱？", ["战略围绕五大支柱展开。"]) is None
    # A question that asks where something is said asks for no figure.
    assert _why(s, "哪些产出涉及测算需要多少资金？", [NO_FIGURE]) is None


def test_contact_details_must_be_given_in_the_evidence(corpus: Corpus) -> None:
    s = Scope.of(corpus)
    none = "asks for contact details; the retrieved paragraphs give none"
    assert _why(s, "国际培训中心的地址是什么？", [NO_FIGURE]) == none
    assert _why(s, "What is the email address of the skills branch?", [NO_FIGURE]) == none
    assert _why(s, "What is the email address of the skills branch?", ["见 www.ilo.org"]) is None
    # "address" the verb asks for no address.
    assert _why(s, "How does the strategy address skills mismatches?", [NO_FIGURE]) is None


def test_office_holders_are_never_named(corpus: Corpus) -> None:
    s = Scope.of(corpus)
    holder = "asks who holds an office; the documents name no office-holders"
    assert _why(s, "Who is the current chair of the Governing Body?", [NO_FIGURE]) == holder
    assert _why(s, "劳工组织现任技能处处长叫什么？", [NO_FIGURE]) == holder
    # Who must act is what the documents are about.
    assert _why(s, "Who is responsible for carrying out the strategy?", [NO_FIGURE]) is None
    assert _why(s, "负责执行战略的是谁？", [NO_FIGURE]) is None


def test_an_instruments_provisions_need_its_text(corpus: Corpus) -> None:
    s = Scope.of(corpus)
    assert _why(s, "第182号公约第3条规定了什么？", [NO_FIGURE]) == (
        "asks what C182 provides; its text is not in the corpus")
    assert _why(s, "What does Article 2 of C142 require?", [NO_FIGURE]) == (
        "asks what C142 provides; its text is not in the corpus")
    # Once a user has added C142, its Articles are answerable.
    assert _why(replace(s, held=s.held | {"C142"}),
        "What does Article 2 of C142 require?", [NO_FIGURE]) is None
    # Naming an instrument is not asking for its provisions.
    assert _why(s, "哪一段提到第142号公约的批准运动？", [NO_FIGURE]) is None


def test_titles_years_and_names_the_documents_never_mention(corpus: Corpus) -> None:
    s = Scope.of(corpus)
    assert _why(s, "《世界就业和社会展望》怎么说？", [NO_FIGURE]) == (
        "names 《世界就业和社会展望》, which the documents never mention")
    assert _why(s, "《2021年结论》对学徒制怎么说？", [NO_FIGURE]) is None
    assert _why(s, "2040年以后的技能战略是什么？", [NO_FIGURE]) == (
        "names 2040, a year the documents never mention")
    assert _why(s, "What did the strategy plan for 2022–23?", [NO_FIGURE]) is None
    assert _why(s, "Who won the Nobel Peace Prize for skills?", [NO_FIGURE]) == (
        "names 'Nobel Peace Prize', which the documents never mention")
    assert _why(s, "What does the Centenary Declaration ask of the ILO?", [NO_FIGURE]) is None


def test_the_assistant_refuses_on_topic_questions_it_cannot_answer(
    assistant: Assistant,
) -> None:
    a = assistant.ask("劳工组织每年给学徒发多少补贴？")
    assert a.abstained and a.citations == ()
    assert a.reason == "asks for an amount of money; the retrieved paragraphs state none"
    assert a.answer == (
        "所提供的文件（GB.346/INS/4 和 ILC.109 决议）没有涉及这个问题。检索到的段落没有给出相关金额。")
    assert "reason" not in a.to_json()
    b = assistant.ask("What does Article 3 of Convention No. 182 say?")
    assert b.abstained and b.reason == "asks what C182 provides; its text is not in the corpus"
    assert b.answer == (
        "The documents (GB.346/INS/4 and the ILC.109 Resolution) do not cover this question. "
        "The text of C182 is not in the corpus.")
    # Figures the documents do state are answered.
    c = assistant.ask("战略有几个支柱？")
    assert not c.abstained and c.citations[0].anchor == "GB.346/INS/4#p6"
    # Naming a unit of the documents is never refused.
    d = assistant.ask("结论第14段(h)对应的产出预算是多少？")
    assert not d.abstained and d.reason == ""
