"""The bilingual glossary: a checked sample of its entries translates both ways, entries that
sent English questions to the wrong words are gone, and every Chinese term is in a document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import Corpus, fold
from index import GLOSSARY, Index, expand

SAMPLE = json.loads((Path(__file__).parent / "data" / "glossary_sample.json").read_text("utf-8"))


def test_the_sample_is_spread_over_every_part_of_the_glossary() -> None:
    assert len(SAMPLE) == 60
    sources = {src for src, en, zh in GLOSSARY for pair in SAMPLE
               if pair["en"] in en and pair["zh"] in zh}
    assert sources == {"hand", "documents", "lexicon", "generic", "paraphrase"}


@pytest.mark.parametrize("pair", SAMPLE, ids=lambda p: f"{p['en']}={p['zh']}")
def test_a_sample_entry_translates_both_ways(pair: dict[str, str]) -> None:
    # English → Chinese: the phrase in a question brings in the term.
    assert pair["zh"] in expand(f"What does the strategy say about {pair['en']}?")
    # Chinese → English: the term's entries list the phrase.
    assert any(pair["en"] in en for _src, en, zh in GLOSSARY if pair["zh"] in zh)


@pytest.mark.parametrize(
    ("phrase", "not_term"),
    [
        ("governing body", "国际劳工局"),  # the Governing Body is 理事会
        ("by 2030", "年底"),
        ("non-formal", "非正式"),
        ("inequality", "平等"),
        ("secretariat", "劳工局"),
        ("ratification", "公约"),
    ],
)
def test_wrong_entries_are_gone(phrase: str, not_term: str) -> None:
    assert not_term not in expand(f"What does the strategy say about {phrase}?")


def test_governing_body_means_the_governing_body() -> None:
    assert "理事会" in expand("What did the Governing Body decide?")


def test_every_chinese_term_occurs_in_a_document(corpus: Corpus) -> None:
    text = fold("".join(d.text for d in corpus.documents))
    missing = sorted({t for _src, _en, zh in GLOSSARY for t in zh if fold(t) not in text})
    assert missing == []


# Everyday Chinese words for the documents' terms (index/everyday_zh.json).

def test_every_everyday_entry_names_terms_the_documents_use(corpus: Corpus) -> None:
    from index._everyday import EVERYDAY_FILE

    entries = json.loads(EVERYDAY_FILE.read_text("utf-8"))
    assert len(entries) == 248
    text = fold("\n".join(corpus.texts("zh")))
    missing = [t for e in entries for t in e["zh"] if fold(t) not in text]
    assert missing == []
    phrases = [p for e in entries for p in e["say"]]
    assert len(phrases) == len(set(phrases)) and min(map(len, phrases)) >= 2


def test_everyday_words_reach_the_documents_terms_at_half_weight(index: Index) -> None:
    from dataclasses import replace

    from index._everyday import document_terms

    assert document_terms("劳工局打算怎么帮工会提升能力？") == ["工人组织"]
    assert document_terms("工人组织和工会") == []  # the question already says it
    c5 = next(i for i, c in enumerate(index.chunks) if c.anchor == "ILC.109/Res#c5")
    before = index.tuning
    try:
        index.tuning = replace(before, everyday_zh_weight=0.0)
        assert not index.lexical_scores("银发族").any()  # no unit says 银发族
        index.tuning = replace(before, everyday_zh_weight=0.5)
        scores = index.lexical_scores("银发族")  # 老年人: only c5 names older persons
        assert [index.chunks[i].anchor for i in scores.nonzero()[0]] == ["ILC.109/Res#c5"]
        assert scores[c5] == pytest.approx(0.5 * index.lexical_scores("老年人")[c5])
    finally:
        index.tuning = before
