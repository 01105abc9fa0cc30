"""The bilingual glossary: a checked sample of its entries translates both ways, entries that
sent English questions to the wrong words are gone, and every Chinese term is in a document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import Corpus, fold
from index import GLOSSARY, expand

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
