"""Answers: citations verbatim and best first, framing in the question's language,
abstention on the starter questions, and clear errors for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import ABSTAIN, Assistant, QuestionError
from corpus import Corpus
from evals import evaluate, read_questions

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


def test_english_question_gets_english_framing_around_chinese_quotes(
    assistant: Assistant,
) -> None:
    a = assistant.ask("Which output covers the capacity of employers' organizations?")
    assert a.lang == "en" and not a.abstained
    assert a.answer.startswith("The documents say (quoted from the Chinese text):\n- “")
    assert "GB.346/INS/4#A19" in [c.anchor for c in a.citations]
    a19 = next(c for c in a.citations if c.anchor == "GB.346/INS/4#A19")
    assert a19.label == "Appendix output 19"


def test_abstained_answer_says_so_in_the_question_language(assistant: Assistant) -> None:
    zh = assistant.ask("日内瓦今天的天气怎么样？")
    assert zh.abstained and zh.answer == ABSTAIN["zh"] and zh.citations == ()
    en = assistant.ask("How do I bake sourdough bread?")
    assert en.abstained and en.answer == ABSTAIN["en"]
    assert en.to_json() == {
        "question": "How do I bake sourdough bread?", "answer": ABSTAIN["en"],
        "abstained": True, "backend": "extractive", "citations": [],
    }


def test_naming_a_point_is_never_out_of_scope(assistant: Assistant) -> None:
    a = assistant.ask("结论第14段(h)对应哪些高级别产出？")
    assert not a.abstained
    assert [c.anchor for c in a.citations[:4]] == [
        "GB.346/INS/4#A37", "GB.346/INS/4#A38", "GB.346/INS/4#A39", "ILC.109/Res#c14.h"]


def test_json_shape(assistant: Assistant) -> None:
    out = assistant.ask("支柱1涉及哪些方面？", k=3).to_json()
    assert list(out) == ["question", "answer", "abstained", "backend", "citations"]
    assert len(out["citations"]) == 3
    assert list(out["citations"][0]) == ["anchor", "label", "text", "score"]
    assert all(c["anchor"].startswith("GB.346/INS/4#p10") for c in out["citations"])


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

    rule = Abstention(assistant.embedder, {"zh": 0.02, "en": 0.01, "zh_novelty": 0.5})
    assert rule.abstain(0.019, "zh") and not rule.abstain(0.021, "zh")
    assert rule.abstain(0.005, "en") and not rule.abstain(0.011, "en")
    assert rule.abstain(0.1, "zh", novelty=0.6) and not rule.abstain(0.1, "zh", novelty=0.5)
    assert not rule.abstain(0.1, "en", novelty=1.0)  # novelty is not scored for English
    assert not Abstention(assistant.embedder, {}).abstain(-1.0, "zh")  # uncalibrated


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
    assert calls == [24] and len(files) == 1
    again = Abstention(Counting(), {}, cache_dir=tmp_path).background()  # type: ignore[arg-type]
    assert calls == [24] and np.array_equal(first, again)
    files[0].write_bytes(b"damaged")
    Abstention(Counting(), {}, cache_dir=tmp_path).background()  # type: ignore[arg-type]
    assert calls == [24, 24]
