"""Refusals from what the corpus contains: each signal of `assistant._scope` on hand-made
questions and passages (none from the gold sets), on a corpus with an English document
added (the same code must serve it), then through the real assistant."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant import Assistant, read
from assistant._scope import Passage, Scope
from corpus import Corpus, Document, Unit
from index import Vocabulary

NO_FIGURE = Passage("X#p1", ("第5段要求劳工局加强与社会伙伴的合作。",))


def _why(scope: Scope, question: str, *texts: str) -> str | None:
    r = read(question)
    lack = scope.unknown(r) or scope.lacks(r, [Passage("X#p1", texts)] if texts else [NO_FIGURE])
    return None if lack is None else lack.reason


@pytest.fixture(scope="module")
def scope(corpus: Corpus) -> Scope:
    return Scope.of(corpus)


def test_the_vocabulary_is_read_from_the_documents(corpus: Corpus) -> None:
    v = Vocabulary.of(corpus)
    assert v.latest_year == 2022
    assert {(2022, 2030), (2022, 2025), (2026, 2026), (2031, 2031), (1975, 1975)} <= v.periods
    assert {"C142", "R195", "C140", "C138", "C182", "R205", "CENTENARY-2019"} <= v.instruments
    for title in ("《2019 年百年宣言》", "《2030 年议程》", "《人力资源开发公约》", "《百年宣言》"):
        assert v.knows_title(title), title
    for title in ("《世界就业和社会展望》", "《全球工资报告》", "《海事劳工公约》"):
        assert not v.knows_title(title), title
    for name in ("Centenary Declaration", "Global Call to Action", "Governing Body", "UNESCO",
                 "Decent Work Country Programmes", "Paid Educational Leave Conventions"):
        assert v.knows_en(name), name
    for name in ("Nobel Peace Prize", "World Employment and Social Outlook", "SkillsFuture"):
        assert not v.knows_en(name), name
    assert v.knows_zh("南非") and not v.knows_zh("法国")  # BRICS are named; France is not
    assert v.knows_zh("技能差巨")  # one character off a word of three or more: a typo
    # an organisation's full name, where the documents write its short form
    assert v.knows_zh("国际电信联盟") and v.knows_zh("联合国儿童基金会") and v.knows_zh("联合国难民署")
    assert not v.knows_zh("国际货币基金组织") and not v.knows_zh("联合国开发计划署")


def test_names_the_documents_never_mention(scope: Scope) -> None:
    assert _why(scope, "《世界就业和社会展望》怎么说？") == (
        "names '《世界就业和社会展望》', which the documents never mention")
    assert _why(scope, "Who won the Nobel Peace Prize for skills?") == (
        "names 'Nobel Peace Prize', which the documents never mention")
    assert _why(scope, "法国的带薪培训假有多长？") == "names '法国', which the documents never mention"
    assert _why(scope, "2040年以后的技能战略是什么？") == "names 2040, a year the documents never mention"
    assert _why(scope, "What does Convention No. 87 say about unions?") == (
        "names 'Convention No. 87', which the documents never mention")
    # Written another way, the same names are known.
    assert _why(scope, "《2021 年结论》对学徒制怎么说？") is None
    assert _why(scope, "How is the Centenary Declaration used in the strategy?") is None
    # a sentence's first word before an acronym is no part of a name
    assert _why(scope, "Estimated M&E spending in the action plan?") is None


def test_a_figure_must_be_stated_about_the_subject(scope: Scope) -> None:
    money = "asks for an amount of money; the retrieved paragraphs state none"
    assert _why(scope, "学徒每月能拿多少工资？") == money
    assert _why(scope, "How much does a course cost?") == money
    assert _why(scope, "学徒每月能拿多少工资？", "学徒工资为每月 850 美元。") is None
    # An amount about something else does not answer it.
    assert _why(scope, "How much does a training course at the centre cost?",
                "The centre runs training courses.", "The action plan costs US$225 million.") == money
    rate = "asks for a rate; the retrieved paragraphs state none"
    assert _why(scope, "青年失业率是多少？", "2022-2025 年行动计划有 5 个要素。") == rate
    assert _why(scope, "What share of workers train each year?", "Workers train: 12% each year.") is None
    count = "asks for a number; the retrieved paragraphs state none"
    assert _why(scope, "How many countries took part?", "2021 年通过了一项决议。") == count
    assert _why(scope, "战略有几个支柱？", "战略围绕五大支柱展开。") is None
    assert _why(scope, "How many pillars are there?", "The strategy rests on five pillars.") is None
    # Counted: countries, and the passage counts pillars.
    assert _why(scope, "How many countries are there?", "The strategy rests on five pillars.") == count


def test_which_value_what_answers_it(scope: Scope) -> None:
    """An ordinal asked is answered by one ("第几次" → "第三次"); a Chinese noun the documents
    never use ("板块" for their 要素) by any count, a unit ("几天") only by days; a day asked
    ("几月几号") not by a year; in a message of several questions, the clause asking the
    value says what the passage must be about, unless it points back to another."""
    count = "asks for a number; the retrieved paragraphs state none"
    assert _why(scope, "这是第几次周期性讨论？", "关于就业问题的第三次周期性讨论的结论。") is None
    assert _why(scope, "这是第几次周期性讨论？", "关于就业问题的周期性讨论的结论。") == count
    assert _why(scope, "行动计划分成几个板块？", "行动计划包括五大要素。") is None
    assert _why(scope, "工人每年能休几天假？", "行动计划包括五大要素。") == count
    date = "asks for a date; the retrieved paragraphs state none"
    assert _why(scope, "会议是几月几号开的？", "会议于 2022 年召开。") == date
    assert _why(scope, "会议是几月几号开的？", "会议于 2022 年 11 月 3 日召开。") is None
    assert _why(scope, "On what day does the review start?", "The review starts in 2026.") == date
    assert _why(scope, "审查安排在几月份？", "将于 2026 年进行审查。") == date  # a month, not a year
    assert _why(scope, "审查安排在几月份？", "理事会第346届会议, 2022年10月至11月。") is None
    # "第几号" is answered by a number (第142号), not by a session (第110届)
    assert _why(scope, "那份建议书是第几号？", "大会在第 110 届会议上通过了建议书。") == count
    assert _why(scope, "那份公约是第几号？", "《人力资源开发公约》(第 142 号)。") is None
    # sessions the documents never mention
    assert _why(scope, "理事会第350届会议对战略作出了什么决定？") == (
        "names session 350, a session the documents never mention")
    assert _why(scope, "What did the 349th Session decide?") == (
        "names session 349, a session the documents never mention")
    assert _why(scope, "第110届大会讨论了什么？") is None
    assert read("How many pillars are there, and which one covers apprenticeships?").subject.split() == [
        "pillars", "are", "there"]
    assert read("Which donors fund it, and how much does each of them give?").subject.split() == [
        "which", "it,", "and", "does", "each", "of", "them", "give?"]  # the whole, less the asking words


def test_what_is_no_value_asked(scope: Scope) -> None:
    """几 in a yes-no question is "a few"; a value someone is to work out ("算算…多少钱") is not
    asked; a noun the documents never use ("building blocks") is counted by any count, its
    glossary term by that term; "多大比例" asks a rate."""
    assert read("我们行业里几家企业想一起出钱搞培训，结论鼓励这种做法吗？").asks == ()
    assert read("你知道战略有几个支柱吗？").asks == ("count",)
    assert read("我们想算算本地搞培训要花多少钱，劳工组织会帮忙测算吗？").asks == ()
    assert read("培训费用能按多大比例扣除？").asks == ("rate",)
    assert read("How many building blocks does the plan have?").counted == "building blocks"
    assert _why(scope, "How many building blocks does the plan have?", "行动计划包括五大要素。") is None
    assert _why(scope, "How many building blocks does the plan have?", "行动计划包括五大支柱。") == (
        "asks for a number; the retrieved paragraphs state none")


def test_the_documents_topic_words_do_not_pick_the_sentence(scope: Scope) -> None:
    """A period stated in a sentence sharing fewer of the question's words still answers
    "管几年": 劳工组织, 技能, 终身学习, 战略 are in too many units to tell which sentence is
    about the question; 行动计划 is not."""
    r = read("劳工组织这个技能和终身学习战略和行动计划一共管几年？")
    lead = Passage("X#p1", ("要求总干事拟订劳工组织关于技能和终身学习的战略和行动计划。",))
    span = Passage("X#p2", ("战略的时间跨度为 2022-2030 年，而行动计划的时间跨度为 2022-2025 年。",))
    other = Passage("X#p2", ("将在 2031 年对战略进行评估。",))
    assert scope.lacks(r, [lead, span]) is None
    assert scope.lacks(r, [lead, other]) is not None  # 战略 alone does not make it about the plan


def test_dates_people_places_and_contacts(scope: Scope) -> None:
    assert _why(scope, "中期审查什么时候进行？", "将于 2026 年进行中期审查。") is None
    # what a review found, or how targets fared, is after the documents however planned
    assert _why(scope, "2026年中期审查的结论出来了吗？") == (
        "asks about 2026, after the documents (2022) were written")
    assert _why(scope, "What did the 2023 results show against the targets?") == (
        "asks about 2023, after the documents (2022) were written")
    assert _why(scope, "中期审查什么时候进行？", "将进行中期审查。") == (
        "asks for a date; the retrieved paragraphs state none")
    assert _why(scope, "Who is the current chair of the Governing Body?") == (
        "asks for a person's name; the retrieved paragraphs state none")
    assert _why(scope, "Who is responsible for carrying out the strategy?") is None
    assert _why(scope, "Which countries have ratified the Convention?", "公约需要批准。") == (
        "asks for a place; the retrieved paragraphs state none")
    assert _why(scope, "Which countries have ratified the Convention?", "南非批准了公约。") is None
    assert _why(scope, "国际培训中心的地址是什么？") == (
        "asks for contact details; the retrieved paragraphs state none")
    assert _why(scope, "What is the email address of the skills branch?", "见 www.ilo.org") is None
    assert _why(scope, "What is the formal definition of a micro-credential?",
                "Micro-credentials are part of skills recognition systems.") == (
        "asks for a definition; the retrieved paragraphs state none")
    assert _why(scope, "In which city is the training centre?", "It works with centres in Asia.") == (
        "asks for a place; the retrieved paragraphs state none")  # a region is not a city
    assert _why(scope, "In which city is the training centre?", "The centre is in Geneva.") is None
    # where something is held: said in a sentence that it is held there
    assert _why(scope, "峰会是在哪个城市举办的？", "峰会与巴西、印度等国家的论坛合作。") == (
        "asks for a place; the retrieved paragraphs state none")
    assert _why(scope, "峰会是在哪个城市举办的？", "峰会在纽约举办。") is None
    # a common word the tagger's dictionary marks as a place ("普及": popularise) is none
    assert _why(scope, "为什么说普及免费教育很关键？", "免费教育很关键。") is None
    # a place in an example of the kind asked about is not what is asked about
    assert _why(scope, "How does the strategy treat informal apprenticeships, like the ones in "
                "small workshops in West Africa?", "非正规学徒制。") is None
    assert _why(scope, "How does the strategy treat informal apprenticeships in West Africa?",
                "非正规学徒制。") == "names 'West Africa', which the documents never mention"


def test_the_tables_rows_by_their_letter_are_no_unknown_name(scope: Scope) -> None:
    assert _why(scope, "Which of the A-outputs answer point 14(f)?") is None


def test_after_the_documents(scope: Scope) -> None:
    assert _why(scope, "2025年理事会对战略实施情况有什么评价？") == (
        "asks about 2025, after the documents (2022) were written")
    assert _why(scope, "What did the 2031 evaluation conclude?") == (
        "asks about 2031, after the documents (2022) were written")
    assert _why(scope, "What is the approved programme and budget for 2026–27?") == (
        "asks about 2026, after the documents (2022) were written")
    # What the documents plan for a later year is theirs to say.
    assert _why(scope, "2031年要对战略做什么？") is None
    assert _why(scope, "What will the Office have done by 2025?") is None
    # "by" a later year, yet asking what was in fact spent or done then
    assert _why(scope, "By the end of 2025, how much had actually been spent?") == (
        "asks about 2025, after the documents (2022) were written")
    assert _why(scope, "截至2025年底，行动计划实际花了多少钱？") == (
        "asks about 2025, after the documents (2022) were written")
    assert _why(scope, "How much has the Office spent on it so far?",
                "The component costs US$183 million.") == (
        "asks about progress up to now; the documents date from 2022")


def test_an_instruments_provisions_need_its_text(scope: Scope) -> None:
    assert _why(scope, "第182号公约第3条规定了什么？") == (
        "asks what C182 provides; its text is not in the corpus")
    assert _why(scope, "What does Article 2 of C142 require?") == (
        "asks what C142 provides; its text is not in the corpus")
    # Once a user has added C142, its Articles are answerable.
    assert _why(replace(scope, held=scope.held | {"C142"}),
                "What does Article 2 of C142 require?") is None
    # Naming an instrument is not asking for its provisions.
    assert _why(scope, "哪一段提到第142号公约的批约运动？", "针对第 142 号公约开展批约运动。") is None
    # What the documents themselves say an instrument stresses is theirs to answer.
    assert _why(scope, "What does the Centenary Declaration say about lifelong learning?",
                "The 2030 Agenda and the ILO Centenary Declaration highlight the importance of "
                "skills development and lifelong learning.") is None
    # A passage that does not name the instrument says nothing about it in this respect.
    assert _why(scope, "哪一段提到第182号公约？", "童工问题。") == (
        "names '第182号公约', which no passage about the question mentions")


def _english_document() -> Document:
    text = ("Article 1. Each Member shall grant paid educational leave of ten days every year.\n"
            "Article 2. The Skills Fund pays US$ 5 million to the Northern Training Board.")
    units = (Unit("XR1", "art1", "paragraph", text.splitlines()[0], ((0, 80),)),
             Unit("XR1", "art2", "paragraph", text.splitlines()[1], ((81, 160),)))
    return Document("XR1", "Example Recommendation, 2024", "xr1.txt", "0" * 64, text, units,
                    lang="en", date="2024-06-01")


def test_the_same_signals_serve_an_english_document_added_later(corpus: Corpus) -> None:
    added = Corpus((*corpus.documents, _english_document()))
    scope = Scope.of(added)
    assert scope.vocabulary.latest_year == 2024
    assert scope.vocabulary.knows_en("Northern Training Board")
    evidence = [Passage("XR1#art1", (added.unit("XR1#art1").text,)),
                Passage("XR1#art2", (added.unit("XR1#art2").text,))]
    r = read("How many days of paid educational leave does each Member grant?")
    assert r.asks == ("count",) and scope.lacks(r, evidence) is None
    r = read("How much does the Skills Fund pay the Northern Training Board?")
    assert scope.unknown(r) is None and scope.lacks(r, evidence) is None
    r = read("What does Article 1 of XR1 provide?")
    assert scope.lacks(r, evidence) is None  # its own text is in the corpus
    assert scope.unknown(read("What does the Southern Training Board receive?")) is not None


def test_the_assistant_refuses_what_the_documents_lack_and_says_why(assistant: Assistant) -> None:
    a = assistant.ask("Which countries have ratified Convention No. 142?")
    assert a.abstained and a.citations == ()
    assert a.reason == "asks for a place; the retrieved paragraphs state none"
    assert a.answer == ("The documents (GB.346/INS/4 and the ILC.109 Resolution) do not cover "
                        "this question. The paragraphs retrieved state no such place.")
    assert a.to_json()["abstain_reason"] == "The paragraphs retrieved state no such place."
    b = assistant.ask("2025年理事会对战略实施情况有什么评价？")
    assert b.abstained and b.to_json()["abstain_reason"] == "文件写于2022年，无法说明2025年的情况。"
    c = assistant.ask("How do I bake sourdough bread?")
    assert c.abstained and c.reason.startswith("weak evidence")
    assert c.to_json()["abstain_reason"] == (
        "No paragraph is close enough to the question. Ask about the strategy's pillars, the "
        "action plan's outputs or the 2021 Conclusions.")


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("What is pillar two about?", "GB.346/INS/4#p12"),
        ("What does Concl. 13 (g) say?", "ILC.109/Res#c13.g"),
        ("《2019 年百年宣言》在结论里被怎样引用？", "ILC.109/Res#c1"),
        ("战略有几个支柱？", "GB.346/INS/4#p6"),
        ("How many pillars does the strategy have, and which one deals with apprenticeships?",
         "GB.346/INS/4#p"),
        ("第110届大会讨论就业问题，是第几次周期性讨论？", "GB.346/INS/4#p2"),
        ("结论第14段(h)对应的产出预算是多少？", "GB.346/INS/4#A37"),
    ],
)
def test_the_assistant_answers_what_the_documents_say(
    assistant: Assistant, question: str, first: str
) -> None:
    a = assistant.ask(question)
    assert not a.abstained and a.to_json()["abstain_reason"] is None
    assert any(c.anchor.startswith(first) for c in a.citations), [c.anchor for c in a.citations]


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("How much money is earmarked for output 13?",
         "The Appendix gives budgets per component, not per output: Appendix output 13 is in component 1, "
         "budgeted at US$183 million for all its outputs."),
        ("那项关于学徒制的产出分到了多少预算？",
         "附录只列出各要素的预算，没有单项产出的预算：附录第5项产出属于要素1，该要素全部产出的预算为1.83 亿美元。"),
        ("附录里学徒制技术指导那个产出(A5)具体分到了多少预算？",
         "附录只列出各要素的预算，没有单项产出的预算：附录第5项产出属于要素1，该要素全部产出的预算为1.83 亿美元。"),
    ],
)
def test_the_budget_of_one_output_is_refused_with_its_components(assistant: Assistant, question: str,
                                                                 why: str) -> None:
    """The Appendix budgets components, not outputs: an output's own budget is not in the
    documents, and the refusal gives its component's."""
    a = assistant.ask(question)
    assert a.abstained and a.to_json()["abstain_reason"] == why


def test_a_components_budget_is_still_answered(assistant: Assistant) -> None:
    a = assistant.ask("What budget does the appendix give for component 4 (standards-related action)?")
    assert not a.abstained and "US$1 million" in a.answer


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("Which Conclusions points does output 42 cite?",
         "The Appendix lists outputs 1–39; it has no output 42."),
        ("附录第45项产出引用的是大会结论哪一段？", "附录列有第1–39项产出，没有第45项。"),
        ("结论第14段(m)项说了什么？", "文件中没有第14段(m)项：ILC.109 决议 结论第14段下为(a)–(k)项。"),
        ("What does para. 14(m) say?",
         "The documents have no 14(m): GB.346/INS/4 para. 14 has items (a)–(f); "
         "ILC.109 Resolution, Conclusions para. 14 has items (a)–(k)."),
        ("What does 14(a)(ix) of the Conclusions require?",
         "The documents have no 14(a)(ix): ILC.109 Resolution, Conclusions para. 14(a) has items (i)–(vii)."),
        ("第50段讲了什么？", "文件中没有第50段：GB.346/INS/4为第1–34段；《2021年结论》为第1–14段。"),
        ("What does paragraph 40 of the strategy say?",
         "The documents have no paragraph 40: GB.346/INS/4 has paragraphs 1–34."),
        ("支柱7是什么？", "战略的支柱为支柱1–5，没有支柱7。"),
        # para. 24 is the strategy's alone (the Conclusions end at 14)
        ("What does 24(h) say?", "The documents have no 24(h): GB.346/INS/4 para. 24 has items (a)–(d)."),
        # the strategy has a paragraph 15; "结论第15段" is the Conclusions'
        ("结论第15段提出的要求，劳工局怎么落实的？", "文件中没有第15段：《2021年结论》为第1–14段。"),
        ("Which outputs fall under component 6 of the action plan?",
         "The action plan's components are 1–5; it has no component 6."),
        # a value of an Appendix column that no row holds
        ("Which outputs list SDG target 8.7, and what mandates them?",
         "No output of the Appendix lists SDG target 8.7; its SDG column lists 4, 4.3, 4.4, 4.5, 4.6, "
         "4.7, 4.c, 5.1, 5.5, 5.c, 7, 8, 8.3, 8.5, 8.6, 9.3, 10.3."),
        ("哪些产出挂钩可持续发展目标13？",
         "附录中没有列有可持续发展目标13（含其各项具体目标）的产出；附录可持续发展目标一栏列出的是4、4.3、4.4、4.5、"
         "4.6、4.7、4.c、5.1、5.5、5.c、7、8、8.3、8.5、8.6、9.3、10.3。"),
        ("P&B产出9.1对应哪些产出？",
         "附录中没有对应计划和预算产出9.1的产出；附录列出的计划和预算产出为1.1、1.2、2.1、2.2、2.4、3.2、3.3、"
         "3.5、4.1、4.2、4.4、5.1、5.2、5.3、5.4、6.1、6.2、6.4、7.5、8.1、8.3。"),
        ("Which outputs contribute to P&B outcome 9?",
         "No output of the Appendix contributes to P&B outcome 9; its outputs fall under outcomes "
         "1, 2, 3, 4, 5, 6, 7, 8."),
    ],
)
def test_a_unit_the_documents_do_not_have_is_said_so(assistant: Assistant, question: str, why: str) -> None:
    """Staff checking a mandate hear that the unit they number does not exist (and what
    does), not the nearest passage as if it were that unit."""
    a = assistant.ask(question)
    assert a.abstained and a.citations == ()
    assert a.to_json()["abstain_reason"] == why


@pytest.mark.parametrize(
    "question",
    ["What does output 39 cite?", "结论第14段(k)说了什么？", "What does 14(a)(vii) of the Conclusions require?",
     "What does Article 2(a) of C142 provide?", "《2021 年结论》2022年以后怎么落实？", "What is pillar 5 about?"],
)
def test_a_unit_the_documents_have_is_no_unheld_one(assistant: Assistant, question: str) -> None:
    assert assistant.index.unheld(question) == []
