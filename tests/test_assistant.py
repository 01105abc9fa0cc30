"""Answers: citations verbatim and best first, framing in the question's language,
abstention on the starter questions, and clear errors for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import ABSTAIN, Assistant, QuestionError, Settings
from assistant._assistant import WEAK
from corpus import Corpus
from evals import evaluate, read_questions
from index import VectorEmbedder

from .conftest import STARTER


def test_starter_questions_meet_the_quality_bar(assistant: Assistant) -> None:
    """Every in-scope starter question has a gold anchor in its top 5; both
    out-of-scope ones abstain."""
    result = evaluate(assistant, read_questions(STARTER), k=5)
    assert result["n"] == 13
    assert result["recall_at_k"] == 1.0
    assert result["abstention_accuracy"] == 1.0
    assert result["false_abstention_rate"] == 0.0
    by_id = {q["id"]: q for q in result["questions"]}
    assert by_id["s12"]["abstained"] and by_id["s13"]["abstained"]
    assert by_id["s07"]["cited"][:3] == [
        "GB.346/INS/4#A37", "GB.346/INS/4#A38", "GB.346/INS/4#A39"]


def test_chinese_answer_quotes_and_labels(assistant: Assistant, corpus: Corpus) -> None:
    a = assistant.ask("哪项产出涉及终身职业发展支持系统？")
    assert not a.abstained and a.backend == "extractive" and a.lang == "zh"
    assert a.citations[0].anchor == "GB.346/INS/4#A12"
    assert a.citations[0].label == "附录第12项产出"
    assert a.answer.splitlines()[0] == "根据文件："
    assert a.answer.splitlines()[1] == (
        "- 为建立和扩大终身职业发展支持系统，包括职业发展指导和咨询以及职业发展教育提供技术指导"
        "（附录第12项产出）"
    )
    for c in a.citations:
        assert c.text == corpus.unit(c.anchor).text
    scores = [c.score for c in a.citations]
    assert len(scores) == 5


def test_english_question_gets_english_quotations_from_the_working_translation(
    assistant: Assistant, corpus: Corpus,
) -> None:
    a = assistant.ask("Which output covers the capacity of employers' organizations?")
    assert a.lang == "en" and not a.abstained
    assert a.answer.startswith(
        "The documents say (quoted from an unofficial English working translation; the Chinese "
        "original is in each source):\n- “")
    assert a.answer.count("unofficial") == 1  # said once
    a19 = next(c for c in a.citations if c.anchor == "GB.346/INS/4#A19")
    assert a19.label == "Appendix output 19"
    english = corpus.document("GB.346/INS/4").version("en")
    assert english is not None
    assert a19.text == english.text("A19")
    assert a19.source_text == corpus.unit("GB.346/INS/4#A19").text
    assert a19.translation == "unofficial"
    assert f"“{a19.text}” (Appendix output 19)" in a.answer or a19.text[:40] in a.answer
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in a.answer)
    assert cjk == 0


def test_chinese_question_quotes_the_source(assistant: Assistant, corpus: Corpus) -> None:
    a = assistant.ask("哪项产出涉及雇主组织的能力？")
    assert a.lang == "zh" and a.answer.startswith("根据文件：\n")
    for c in a.citations:
        assert c.translation is None and c.text == c.source_text == corpus.unit(c.anchor).text


def test_abstained_answer_says_so_in_the_question_language(assistant: Assistant) -> None:
    zh = assistant.ask("日内瓦今天的天气怎么样？")
    assert zh.abstained and zh.citations == ()
    assert zh.answer == ABSTAIN["zh"] + WEAK.zh
    en = assistant.ask("How do I bake sourdough bread?")
    assert en.abstained and en.answer == f"{ABSTAIN['en']} {WEAK.en}"
    assert en.to_json() == {
        "question": "How do I bake sourdough bread?", "answer": f"{ABSTAIN['en']} {WEAK.en}",
        "abstained": True, "abstain_reason": WEAK.en, "backend": "extractive", "citations": [],
        "claims": [],
    }


def test_a_place_in_the_askers_context_is_not_what_is_asked(assistant: Assistant) -> None:
    a = assistant.ask("I work with apprentices in Ghana. Does the strategy say anything about "
                      "upgrading informal apprenticeships?")
    assert not a.abstained and a.citations[0].anchor == "GB.346/INS/4#p18.d"
    b = assistant.ask("What does the strategy say about apprenticeships in Ghana?")
    assert b.abstained and b.answer.endswith("The documents never mention Ghana.")


def test_naming_a_point_is_never_out_of_scope(assistant: Assistant) -> None:
    a = assistant.ask("结论第14段(h)对应哪些高级别产出？")
    assert not a.abstained
    assert [c.anchor for c in a.citations[:4]] == [
        "GB.346/INS/4#A37", "GB.346/INS/4#A38", "GB.346/INS/4#A39", "ILC.109/Res#c14.h"]


def test_json_shape(assistant: Assistant) -> None:
    out = assistant.ask("支柱1中关于融资机制的内容是什么？", k=3).to_json()
    assert list(out) == ["question", "answer", "abstained", "abstain_reason", "backend", "citations",
                         "claims"]
    assert out["claims"] == []  # quotations make no claims of their own
    assert len(out["citations"]) == 3
    assert list(out["citations"][0]) == ["anchor", "label", "text", "score", "source_text",
                                         "translation", "actors", "force", "supported"]
    assert out["citations"][0]["supported"] is None
    assert out["citations"][0]["translation"] is None
    assert out["citations"][0]["source_text"] == out["citations"][0]["text"]
    assert out["citations"][0]["anchor"] == "GB.346/INS/4#p10.e"
    assert out["citations"][0]["actors"] == ["member_states"]
    assert out["citations"][0]["force"] == "encourage"
    # A list answer cites every member, however small k is.
    assert len(assistant.ask("支柱1涉及哪些方面？", k=3).citations) == 7


@pytest.mark.parametrize(
    ("question", "k", "message"),
    [
        ("", 5, "the question is empty"),
        ("   \n ", 5, "the question is empty"),
        ("支柱1涉及哪些方面？", 0, "k must be between 1 and 50, got 0"),
        ("支柱1涉及哪些方面？", 51, "k must be between 1 and 50, got 51"),
        ("问" * 1001, 5, "the question has 1001 characters, more than the limit of 1000"),
    ],
)
def test_bad_input_is_refused_clearly(
    assistant: Assistant, question: str, k: int, message: str
) -> None:
    with pytest.raises(QuestionError, match=message):
        assistant.ask(question, k=k)


def test_naive_baseline_credits_every_overlapped_anchor(assistant: Assistant) -> None:
    a = assistant.ask("技能开发和终身学习为什么被称为对未来的一项投资？", retriever="naive")
    assert assistant.naive().size == 28
    first = a.citations[0]
    assert len(first.covers) > 1 and first.anchor == first.covers[0]
    assert all("#" in anchor for c in a.citations for anchor in c.covers)


def test_abstention_rule(assistant: Assistant) -> None:
    from assistant import Abstention

    rule = Abstention(assistant.embedder, {"zh": 0.02, "en": 0.01, "zh_novelty": 0.5,
                                           "en_novelty": 0.7})
    assert rule.weak(0.019, "zh") and not rule.weak(0.021, "zh")
    assert rule.weak(0.005, "en") and not rule.weak(0.011, "en")
    assert rule.novel(0.6, "zh") and not rule.novel(0.5, "zh")
    assert rule.novel(0.8, "en") and not rule.novel(0.7, "en")
    assert not Abstention(assistant.embedder, {}).weak(-1.0, "zh")


def test_an_uncalibrated_embedder_is_refused_at_start(assistant: Assistant, tmp_path: Path) -> None:
    from assistant import Abstention, CalibrationError

    table = tmp_path / "calibration.json"
    table.write_text('{"other-embedder": {"zh": 0.1, "en": 0.1}}', encoding="utf-8")
    with pytest.raises(CalibrationError, match=r"has no abstention thresholds in calibration\.json; "
                       r"fit them on the dev questions with: make calibrate"):
        Abstention.for_embedder(assistant.embedder, path=table)
    assert Abstention.for_embedder(assistant.embedder, path=table, required=False).thresholds == {}


def test_novelty_counts_the_nouns_the_documents_never_use(assistant: Assistant) -> None:
    from assistant import read

    assert assistant.novelty(read("红烧肉怎么做才好吃？")) == 1.0
    assert assistant.novelty(read("技能开发和终身学习为什么是对未来的投资？")) == 0.0
    # 工资 is no document word, but everyday_zh.json says 工资谈判 for collective bargaining
    assert assistant.unknown_words(read("德国双元制职业教育中，学徒每月能拿多少工资？")) == ["德国"]
    assert assistant.unknown_words(read("How do I bake sourdough bread?")) == ["bake", "sourdough", "bread"]
    assert assistant.novelty(read("How do apprenticeships work?")) == 0.0
    # 工会 and 理工科 are everyday words for the documents' 工人组织 and STEM; 女孩子 is not listed
    assert assistant.unknown_words(read("工会能不能参与制定职业资格标准和教学内容？")) == []
    assert assistant.unknown_words(read("有没有提到鼓励女孩子去学理工科？")) == ["女孩子"]


def test_an_english_question_is_measured_against_the_english_rendering_too(
        assistant: Assistant) -> None:
    """Against the Chinese text alone this plain question was too weak and was refused."""
    q = "What is the timeframe of the action plan?"
    qvec = assistant.index.embed(q)
    chinese_only = assistant.abstention.margin(float(assistant.index.dense_scores(qvec).max()), qvec)
    assert chinese_only < assistant.abstention.thresholds["en"] <= assistant.evidence(q)
    a = assistant.ask(q)
    assert not a.abstained
    assert [c.anchor for c in a.citations][:2] == ["GB.346/INS/4#p28", "GB.346/INS/4#p4"]


def test_everyday_words_are_known_and_novelty_refuses_only_unknown_ones(
        assistant: Assistant, home: Path, corpus: Corpus, embedder: VectorEmbedder) -> None:
    """The documents never say 学员 or 结业, yet the question is about them: everyday_zh.json
    lists both, so even the novelty signal (off by default) lets it through; words nobody
    listed (芭蕾舞) still count as new when it is on."""
    q = "学员结业之后，还能得到哪些后续的帮助？"
    assert assistant.settings.abstention.novelty is False
    assert not assistant.ask(q).abstained
    strict = Assistant(Settings(home=home, abstention={"novelty": True}), corpus=corpus,
                       embedder=embedder, build=False)
    assert not strict.ask(q).abstained
    refused = strict.ask("女孩子学芭蕾舞算不算终身学习？")
    assert refused.abstained and refused.reason == "novel: the documents never use 女孩子, 芭蕾舞"


def test_null_model_vectors_are_cached_as_plain_npy(assistant: Assistant, tmp_path: Path) -> None:
    import numpy as np

    from assistant import Abstention

    calls: list[int] = []
    real = assistant.embedder.passages

    class Counting:
        id, dim = assistant.embedder.id, assistant.embedder.dim

        def passages(self, texts: list[str]) -> np.ndarray:
            calls.append(len(texts))
            return real(texts)

    first = Abstention(Counting(), {}, cache_dir=tmp_path).background()  # type: ignore[arg-type]
    files = list(tmp_path.glob("null-model-*.npy"))
    assert calls == [24] and len(files) == 1 and files[0].with_suffix(".sha256").is_file()
    again = Abstention(Counting(), {}, cache_dir=tmp_path).background()  # type: ignore[arg-type]
    assert calls == [24] and np.array_equal(first, again)
    # One flipped byte, or a NaN written with a matching size, is never used.
    data = bytearray(files[0].read_bytes())
    data[-1] ^= 0xFF
    files[0].write_bytes(bytes(data))
    fixed = Abstention(Counting(), {}, cache_dir=tmp_path).background()  # type: ignore[arg-type]
    assert calls == [24, 24] and np.array_equal(first, fixed)
    nan = first.copy()
    nan[0, 0] = np.nan
    np.save(files[0], nan, allow_pickle=False)
    Abstention(Counting(), {}, cache_dir=tmp_path).background()  # type: ignore[arg-type]
    assert calls == [24, 24, 24]


def test_outputs_of_a_pillar_have_one_meaning_and_the_answer_says_which(
    assistant: Assistant,
) -> None:
    # Unsaid: the pillar's own row first, then the 19 marked all pillars, and it says so.
    a = assistant.ask("Which outputs fall under pillar 2?")
    assert not a.abstained and a.citations[0].anchor == "GB.346/INS/4#A3"
    assert len(a.citations) == 20
    assert a.answer.splitlines()[0] == (
        "The Appendix names pillar 2 for 1 output (listed first); 19 more are marked “all "
        "pillars” and follow them. For the first 1 alone, ask for “pillar 2 outputs, not "
        "counting all-pillar ones”.")
    c = assistant.ask("Which outputs fall under pillar 2, not counting all-pillar ones?")
    assert c.answer.splitlines()[0] == (
        "The Appendix names pillar 2 for 1 output. The 19 outputs marked “all pillars” are "
        "not counted; ask for “pillar 2 outputs including all-pillar ones” to see them too.")
    assert [c.anchor for c in c.citations] == ["GB.346/INS/4#A3"]
    d = assistant.ask("附录中明确标注支柱5的产出有哪些？标为“全部”的不算。")
    assert [x.anchor for x in d.citations] == [
        "GB.346/INS/4#A5", "GB.346/INS/4#A6", "GB.346/INS/4#A8", "GB.346/INS/4#A27",
        "GB.346/INS/4#A28"]
    b = assistant.ask("支柱2有哪些产出，包括标为全部的？")
    assert len(b.citations) == 20  # a list answer cites every member, more than k
    assert b.answer.splitlines()[0] == "附录中明确标注支柱2的产出有1项，另有19项标为“全部”（所有支柱），共20项。"
    assert b.answer.splitlines()[2].endswith("（附录第3项产出）")
    assert b.answer.splitlines()[-1].endswith("（附录第39项产出）")
