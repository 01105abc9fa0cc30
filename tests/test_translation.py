"""The English working translation, unit by unit: it exists, it keeps every number, it leaves
no Chinese behind, and it renders each term of its terminology one way."""

from __future__ import annotations

import re

import pytest

from corpus import Corpus, Document, Unit, Version, load_corpus

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uff5e]")
_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
_TITLE = re.compile(r"《[^》]*》")  # instrument titles follow their official English names


def _numbers_zh(text: str) -> list[float]:
    """Every figure in a Chinese text, with 万/亿 multiplied out (1.83 亿 → 183000000)."""
    scale = {"亿": 1e8, "万": 1e4, "": 1.0}
    return [round(float(n.replace(",", "")) * scale[s], 4)
            for n, s in re.findall(r"(\d[\d,]*(?:\.\d+)?)\s*(亿|万)?", text)]


def _numbers_en(text: str) -> set[float]:
    """Every figure in an English text, with million/billion multiplied out, and 1–12 in words."""
    scale = {"million": 1e6, "billion": 1e9, "": 1.0}
    found = {round(float(n.replace(",", "")) * scale[s], 4)
             for n, s in re.findall(r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion)?", text)}
    return found | {float(_WORDS.index(w)) for w in re.findall(r"[a-z]+", text.lower())
                    if w in _WORDS}


def _stem(word: str) -> str:
    """A word without its inflection, so the rendering also meets its plural and adjectival
    forms: apprenticeships → apprenticeship (training), strategy → strateg(ies|ic)."""
    for end, cut in (("ies", 3), ("ches", 2), ("shes", 2), ("xes", 2), ("ss", 0), ("s", 1),
                     ("y", 1), ("e", 1)):
        if word.endswith(end) and len(word) > len(end) + 2:
            return word[:-cut] if cut else word
    return word


def _term(rendering: str) -> re.Pattern[str]:
    """A rendering with its inflections: strategy/strategies/strategic, the ILO's, US$225."""
    head, _, last = rendering.rpartition(" ")
    words = (re.escape(head) + r"\s+" if head else "") + re.escape(_stem(last))
    return re.compile(rf"(?<!\w){words}", re.IGNORECASE)


def _terms_in(text: str, terms: dict[str, str]) -> list[str]:
    """Terms of the terminology in a Chinese text, longest first, each span counted once, so
    教科文组织 inside 联合国教科文组织 is not also 联合国."""
    rest = _TITLE.sub("", text)
    found = []
    for zh in sorted(terms, key=len, reverse=True):
        if zh in rest:
            found.append(zh)
            rest = rest.replace(zh, "\0")
    return found


CORPUS = load_corpus()
UNITS = [(doc, u) for doc in CORPUS.documents for u in doc.units]


def _en(doc: Document) -> Version:
    version = doc.version("en")
    assert version is not None, doc.doc_id
    return version


def _fields(doc: Document, unit: Unit) -> list[tuple[str, str, str]]:
    """(name, Chinese, English) for a unit's text and, for an Appendix row, every field."""
    version = _en(doc)
    out = [("text", unit.text, version.text(unit.locator) or "")]
    if unit.row is not None:
        en = version.rows[unit.locator]
        row = unit.row
        out += [("points", row.points_raw, en.get("points", "")),
                ("pillars", row.pillars_raw, en.get("pillars", "")),
                ("sdg", row.sdg_raw, en.get("sdg", "")),
                ("timeframe", row.timeframe, en.get("timeframe", "")),
                ("budget", row.component_budget, en.get("budget", ""))]
    return out


def test_the_translation_covers_every_unit_and_nothing_else(corpus: Corpus) -> None:
    for doc in corpus.documents:
        version = _en(doc)
        assert version.kind == "unofficial"
        keys = set(version.units) | set(version.rows)
        assert keys == {u.locator for u in doc.units}, doc.doc_id
    assert len(UNITS) == 188


@pytest.mark.parametrize(("doc", "unit"), UNITS, ids=[u.anchor for _, u in UNITS])
def test_every_unit_is_translated_whole(doc: Document, unit: Unit) -> None:
    for name, zh, en in _fields(doc, unit):
        assert en.strip(), f"{unit.anchor} {name}: no English"
        assert not CJK.search(en), f"{unit.anchor} {name}: Chinese left: {CJK.findall(en)}"
        missing = [n for n in _numbers_zh(zh) if n not in _numbers_en(en)]
        assert not missing, f"{unit.anchor} {name}: figures {missing} missing from {en!r}"


@pytest.mark.parametrize(("doc", "unit"), UNITS, ids=[u.anchor for _, u in UNITS])
def test_every_term_has_its_one_rendering(doc: Document, unit: Unit) -> None:
    terms = dict(_en(doc).terms)
    for name, zh, en in _fields(doc, unit)[:1]:
        wrong = [(t, terms[t]) for t in _terms_in(zh, terms) if not _term(terms[t]).search(en)]
        assert not wrong, f"{unit.anchor} {name}: {wrong}"


def test_headings_and_titles_are_translated(corpus: Corpus) -> None:
    for doc in corpus.documents:
        version = _en(doc)
        headings = {h for u in doc.units for h in (u.section, u.group) if h}
        assert headings <= set(version.headings), headings - set(version.headings)
        for text in (version.title, *version.headings.values()):
            assert text and not CJK.search(text), text
    assert _en(corpus.document("GB.346/INS/4")).title == (
        "International Labour Organization strategy on skills and lifelong learning 2022–2030")


def test_the_checks_catch_what_they_are_for() -> None:
    """The helpers above, on texts where the answer is known."""
    assert _numbers_zh("1.83 亿美元，2022-2025 年") == [183000000.0, 2022.0, 2025.0]
    assert _numbers_zh("2,900 万美元") == [29000000.0]
    assert _numbers_en("US$183 million for 2022–2025") == {183000000.0, 2022.0, 2025.0}
    assert 5.0 in _numbers_en("the five pillars")
    assert _term("strategy").search("national strategies")
    assert _term("quality apprenticeships").search("quality apprenticeship training")
    assert _term("skills mismatches").search("skills mismatch")
    assert not _term("Office").search("the Bureau")
    assert not _term("ILO").search("the PILO")
    assert _terms_in("与包括联合国教科文组织在内", {"联合国": "United Nations",
                                                "联合国教科文组织": "UNESCO"}) == ["联合国教科文组织"]
    assert _terms_in("《2019 年国际劳工组织关于…宣言》", {"国际劳工组织": "x"}) == []
