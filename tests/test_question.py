"""How a question is read: one written form for references (width, spacing, number words,
abbreviations), what it asks for, and what it names. Hand-made questions, none from the
gold sets, several written two ways to show the wording does not decide."""

from __future__ import annotations

import pytest

from assistant import read
from corpus import fold, mentioned_instruments, normalize, zh_number
from index import proper_nouns


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("What is pillar two about?", "what is pillar 2 about?"),
        ("Tell me about the second pillar", "tell me about the pillar 2"),
        ("What does Concl. 13 (g) say?", "what does conclusions 13(g) say?"),
        ("Concl.14 c", "conclusions 14(c)"),
        ("para 25 a and para. 25(a)", "paragraph 25(a) and paragraph 25(a)"),
        ("Output thirty-three", "output 33"),
        ("the Pillar II outputs", "the pillar 2 outputs"),
        ("the componet 3", "the component 3"),
        ("结论１４(ｂ)", "结论14(b)"),
        ("第二十五段", "第25段"),
        ("第二支柱和支柱二", "支柱2和支柱2"),
        ("第三项要素", "要素3"),
        ("第 25 段 a 项", "第25段(a)"),
        ("结论13g", "结论13(g)"),
        ("结论第 12 段 a、b、d 三项", "结论第12段(a)(b)(d)"),
        ("《2019 年百年宣言》", "《2019年百年宣言》"),
        # a letter named as a point, item or subparagraph of a paragraph
        ("Conclusions paragraph 14, point c", "conclusions paragraph 14(c)"),
        ("point (c) of paragraph 14", "paragraph 14(c)"),
        ("paragraph 14 point of view", "paragraph 14 point of view"),
        ("结论第12段第q点", "结论第12段(q)"),
        # a real word one letter from a structural noun is no typo
        ("joint research, the pilar", "joint research, the pillar"),
        # an output by its place in the table
        ("排第二十三的那项产出", "排第23的那项产出"),
    ],
)
def test_references_have_one_written_form(written: str, normalized: str) -> None:
    assert normalize(written) == normalized


def test_fold_keeps_latin_word_boundaries_and_numbers() -> None:
    assert fold("(第 142 号)公约 and 2030 年议程") == "(第142号)公约 and 2030年议程"
    assert fold("Ｃ１４２　—　UNESCO") == "c142 - unesco"
    assert zh_number("二十五") == 25 and zh_number("十四") == 14 and zh_number("五") == 5
    assert zh_number("百") is None


def test_instruments_are_found_in_any_written_form() -> None:
    assert mentioned_instruments(
        "《1975 年人力资源开发公约》(第 142 号)、第140号公约、Convention No. 138, c.182 and R 205"
    ) == ["C142", "C140", "C138", "C182", "R205"]
    assert mentioned_instruments("the Centenary Declaration and SDG 4") == [
        "CENTENARY-2019", "AGENDA-2030"]
    assert mentioned_instruments("请给出C142第三条的具体条文") == ["C142"]
    # without "No." or 第: "Convention 140", "Recommendation 195", "142 号公约"
    assert mentioned_instruments("Convention 140 and Recommendation 195; 142 号公约") == [
        "C140", "R195", "C142"]
    assert mentioned_instruments("the conventions 2022 and convention 14.5") == []
    # Anchors are not instruments.
    assert mentioned_instruments("ILC.109/Res#c14.c and GB.346/INS/4#p25.a") == []


@pytest.mark.parametrize(
    ("question", "asks", "counted"),
    [
        ("How much do apprentices earn per month?", ("money",), ""),
        ("What is the budget of component 2?", ("money",), ""),
        ("Tell me the fee for a course", ("money",), ""),
        ("What are the structured funding dialogues?", (), ""),
        ("Which outputs concern how much funding is needed?", (), ""),
        # "how much" as what someone is to find out, not what is asked
        ("Will the ILO help countries work out how much money they need?", (), ""),
        ("劳工组织会帮助各国估算需要多少资金吗？", (), ""),
        ("How much money will the ILO spend on estimating needs?", ("money",), ""),
        ("学徒每月能拿多少工资？", ("money",), ""),
        ("计划和预算产出编号是多少？", ("count",), ""),
        ("What share of adults take part in training?", ("rate",), ""),
        ("青年失业率是多少？", ("rate",), ""),
        ("What's the current global NEET rate for young people?", ("rate",), ""),
        ("Which pillar has the highest share of outputs?", (), ""),
        ("How many member States does the ILO have?", ("count",), "member states"),
        ("How many countries have ratified it so far?", ("count",), "countries"),
        ("理事会由多少名成员组成？", ("count",), "成员"),
        ("理事会的成员人数是多少？", ("count",), "成员"),
        ("哪几项产出对应结论第14段？", (), ""),
        # 几 after 那/这 or a negation: "those", "not even a few", not "how many"
        ("劳工组织有没有说要跟金砖那几个国家打交道？", (), ""),
        ("我舅舅不识几个字，文件有没有讲成年人补基础文化的事？", (), ""),
        ("战略有几个支柱？", ("count",), "支柱"),
        ("When will the mid-term review take place?", ("date",), ""),
        ("What should happen when workers lose their jobs?", (), ""),
        ("When did the Conference adopt the resolution?", ("date",), ""),
        ("When the review is done, who receives its findings?", (), ""),
        # A "when" clause ended by a dash, then the question.
        ("When the plan speaks of young people — school leavers — does it mention women?", (), ""),
        ("When the strategy ends, what comes after it?", (), ""),
        # ", when -ing …" and ", when it comes to …" are clauses too.
        ("Do the Conclusions name migrants, when discussing who gets training?", (), ""),
        ("Is anything said about women, when it comes to STEM?", (), ""),
        ("The review is planned, when will it take place?", ("date",), ""),
        ("中期审查什么时候进行？", ("date",), ""),
        ("Who is the current Director-General?", ("person",), ""),
        ("Who is responsible for carrying out the strategy?", (), ""),
        ("现任总干事是谁？", ("person",), ""),
        ("Which countries have ratified the Convention?", ("place",), ""),
        ("In which nations was the strategy piloted?", ("place",), ""),
        # the United Nations' bodies are no place on a map
        ("With which United Nations mechanism should the ILO cooperate?", (), ""),
        ("Which nations body coordinates this?", (), ""),
        # "who" after a noun is relative ("the official who runs …"), not a question word
        ("As the adviser in our ministry who runs the apprenticeship board: what does the plan say?", (), ""),
        ("Could you tell me who heads the branch?", ("person",), ""),
        # "-based" is no "based" of a location
        ("Where does the strategy support community-based training?", (), ""),
        ("Where is the training centre based?", ("place",), ""),
        ("Where does the strategy discuss financing?", (), ""),
        ("知识会优先用在哪里？", (), ""),
        ("下一届大会在哪里举行？", ("place",), ""),
        ("What is the email address of the skills branch?", ("contact",), ""),
        ("How does the strategy address skills mismatches?", (), ""),
        ("What is the formal definition of a micro-credential?", ("definition",), ""),
        ("微证书的定义是什么？", ("definition",), ""),
        ("What does the strategy say about defining roles?", (), ""),
    ],
)
def test_what_a_question_asks_for(question: str, asks: tuple[str, ...], counted: str) -> None:
    r = read(question)
    assert r.asks == asks
    assert r.counted == counted


def test_common_words_the_dictionary_tags_as_places_are_not_places() -> None:
    assert proper_nouns("开展外联和社区培训，关注偏远地区和南南合作") == []
    assert proper_nouns("在日内瓦和巴西举行") == ["日内瓦", "巴西"]
    # after 不/很/太 a word is a quality: "局势不太平" is "not peaceful", 太平镇 a place
    assert proper_nouns("在局势不太平的地方") == []
    assert proper_nouns("我在太平镇工作") == ["太平镇"]


def test_what_a_question_names() -> None:
    r = read("How does the Centenary Declaration relate to Singapore's SkillsFuture scheme?")
    assert r.names == ("Centenary Declaration", "Singapore", "SkillsFuture")
    assert read("Strategy: what does it say?").names == ()  # a sentence's first word
    # no name starts with "of the"; the table's "A-outputs" are its rows
    assert read("Which of the A-outputs answer it?").names == ("A-outputs",)
    assert read("What Does The Strategy Say About Apprenticeships?").names == ()  # Title Case
    assert read("What does Concl. 13 (g) say about G B.346?").names == ()
    assert read("As an HR manager, I'd like to know more").names == ("HR",)
    assert read("德国和日内瓦的国际培训中心有什么东西？").proper_zh == ("德国", "日内瓦")
    # an example of a kind ("X等Y") and a scene-setting sentence's names are not what is asked
    assert read("下周要和世界银行等国际金融机构会谈。它对应结论哪一点？").proper_zh == ()
    assert read("我们和世界银行谈过。战略怎么说国际金融机构？").proper_zh == ()
    assert read("战略提到世界银行了吗？").proper_zh == ("世界银行",)
    assert read("《2019 年百年宣言》在结论里被怎样引用？").titles == ("2019 年百年宣言",)
    assert read("Which countries have ratified Convention No. 142?").instruments == ("C142",)
    # a closing quote ends a name; "X-type" is a kind, not X; a sentence that sets the scene
    # before the question is the asker's context, not what is asked about
    assert read("What are the 'Skills Labs' I read about?").names == ("Skills Labs",)
    assert read("Will the ILO work with World Bank-type lenders?").names == ("ILO",)
    assert read("I teach in Lagos. Does the strategy cover informal apprenticeships?").names == ()
    assert read("I teach in Lagos. What does the strategy say about Lagos?").names == ("Lagos",)
    assert read("What does the strategy say about Brazil?").names == ("Brazil",)


def test_years_periods_and_tense() -> None:
    r = read("What is the approved programme and budget for 2026–27?")
    assert r.periods == ((2026, 2027),) and r.years == {2026, 2027}
    assert not r.plan and not r.past
    assert read("What will be done by 2025?").plan
    assert read("2031年要对战略做什么？").plan
    assert read("What did the 2031 evaluation conclude?").past
    assert read("2025年理事会对战略实施情况有什么评价？").past
    assert read("How much has been spent so far?").since


def test_provisions_are_asked_of_an_instrument() -> None:
    assert read("What does C142 require of governments?").provisions
    assert read("第142号公约第3条的原文是怎么写的？").provisions
    assert read("Under the Minimum Age Convention (No. 138), what is the minimum age?").provisions
    assert not read("Which paragraph mentions a ratification campaign for C142?").provisions
