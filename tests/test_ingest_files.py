"""Reading the files users add: structure found in PDF, HTML and text (English and Chinese),
anchors exactly as the instruments number them, and every bad or hostile file refused in one
line within the parser's limits. All files are generated here (tests/files.py)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from corpus import IngestError, Limits, extract_isolated, label, parse_layout
from tests import files

STANDARDS = Path(__file__).parent.parent / "evals" / "standards"

C142_ANCHORS = """art1 art1.1 art1.2 art1.2.a art1.2.b art1.2.c art1.3 art1.4 art1.5 art2 art3 art3.1 art3.2
art3.3 art4 art5 art6 art7 art7.1 art7.2 art7.3 art8 art8.1 art8.2 art9 art9.1 art9.2 art10 art11 art12 art12.1
art12.1.a art12.1.b art12.2 art13""".split()
R195_ANCHORS = """p1 p2 p2.a p2.b p2.c p2.d p3 p3.a p3.b p3.c p3.d p3.e p3.f p4 p4.a p4.b p4.b.i p4.b.ii p4.b.iii
p5 p5.a p5.b p5.c p5.d p5.e p5.f p5.g p5.h p5.i p5.j p6 p7 p7.a p7.b p7.c p7.d p8 p9 p9.a p9.b p9.c p9.d p9.e p9.f
p9.f.i p9.f.ii p9.f.iii p9.g p9.h p9.i p9.j p9.k p9.l p10 p10.a p10.b p10.c p11 p12 p13 p14 p14.a p14.b p14.c
p14.d p15 p15.a p15.b p15.c p15.d p16 p16.a p16.b p16.c p16.d p17 p17.a p17.b p17.c p17.d p17.e p17.f p17.g p17.h
p18 p18.a p18.b p18.c p18.d p18.e p18.f p18.g p18.h p18.i p19 p20 p21 p22""".split()
LIMITS = Limits(seconds=20, memory_mb=768)


def _pages(text: str, per_page: int = 3) -> list[list[str]]:
    """A text's lines as PDF pages: a few articles (or paragraphs) a page, lines kept."""
    blocks = [b for b in re.split(r"\n(?=Article \d|第\d+条)", text.strip())]
    return [["\n".join(blocks[i : i + per_page])] for i in range(0, len(blocks), per_page)]


def _read(path: Path) -> tuple[str, ...]:
    return extract_isolated(path, LIMITS).pages


def test_english_convention_from_a_pdf_keeps_every_article_paragraph_and_item(tmp_path: Path) -> None:
    text = (STANDARDS / "c142_en.txt").read_text(encoding="utf-8")
    pdf = files.text_pdf(tmp_path / "c142.pdf", _pages(text))
    extracted = extract_isolated(pdf, LIMITS)
    assert extracted.kind == "pdf" and len(extracted.pages) == 5
    layout = parse_layout(extracted.pages, extracted.title)
    assert layout.scheme == "articles" and layout.lang == "en"
    assert [n.locator for n in layout.nodes] == C142_ANCHORS
    assert layout.title == "Human Resources Development Convention, 1975 (No. 142)"
    assert layout.preamble.startswith("Convention concerning Vocational Guidance")
    units = {u.locator: u for u in layout.units("C142")}
    assert units["art1.2.b"].text == "the stage and level of economic, social and cultural development; and"
    assert units["art1.2.b"].parent == "art1.2" and units["art1.2"].children == ("art1.2.a", "art1.2.b", "art1.2.c")
    assert units["art1.2"].kind == "item" and units["art1.2.a"].kind == "subitem" and units["art2"].kind == "paragraph"
    # "Article 8 above" inside a sentence is not a heading.
    assert "Article 8" in units["art12.1.a"].text
    # Every unit's text comes from its spans in the stored text.
    for u in units.values():
        assert all(layout.text[a:b] for a, b in u.spans)


def test_chinese_convention_from_a_pdf_with_noto_cjk(tmp_path: Path) -> None:
    if files.cjk_font_path() is None:
        pytest.fail("fonts-noto-cjk is not installed (apt-get install fonts-noto-cjk)")
    text = (STANDARDS / "c142_zh.txt").read_text(encoding="utf-8")
    pdf = files.text_pdf(tmp_path / "c142_zh.pdf", _pages(text, 4), title="第142号公约")
    layout = parse_layout(_read(pdf))
    assert layout.scheme == "articles" and layout.lang == "zh"
    assert [n.locator for n in layout.nodes] == C142_ANCHORS
    assert layout.title == "《1975年人力资源开发公约》(第142号)"
    assert label("C142#art3.3", "zh") == "第142号公约 第3条第3款"


def test_recommendation_parts_paragraphs_items_and_roman_sub_items() -> None:
    layout = parse_layout([(STANDARDS / "r195_en.txt").read_text(encoding="utf-8")])
    assert layout.scheme == "paragraphs"
    assert [n.locator for n in layout.nodes] == R195_ANCHORS
    units = {u.locator: u for u in layout.units("R195")}
    # (i) after (h) is a letter; (i) after (b) opens roman sub-items.
    assert units["p5.i"].parent == "p5" and units["p4.b.i"].parent == "p4.b"
    assert units["p9.f"].children == ("p9.f.i", "p9.f.ii", "p9.f.iii")
    assert units["p14.c"].section == "VII. TRAINING PROVIDERS"
    assert label("R195#p5.c", "en") == "R195, para. 5(c)" and label("C142#art1.2", "en") == "C142, Art. 1(2)"


def test_html_drops_scripts_and_styles_and_keeps_entities(tmp_path: Path) -> None:
    page = files.html_file(tmp_path / "s.html", "Skills Standard", [
        "Article 1", "Each Member shall report every year on the measures taken.",
        "Article 2", "Employers & workers shall be consulted."])
    extracted = extract_isolated(page, LIMITS)
    assert extracted.kind == "html" and extracted.title == "Skills Standard"
    body = "\n".join(extracted.pages)
    assert files.SCRIPT_MARKER not in body and files.STYLE_MARKER not in body
    layout = parse_layout(extracted.pages, extracted.title)
    assert [(n.locator, " ".join(n.lines)) for n in layout.nodes] == [
        ("art1", "Each Member shall report every year on the measures taken."),
        ("art2", "Employers & workers shall be consulted.")]


def test_a_text_without_structure_gets_page_and_paragraph_anchors(tmp_path: Path) -> None:
    pdf = files.text_pdf(tmp_path / "memo.pdf", [
        ["Skills matter for every worker.", "Training should be open to all."],
        ["Lifelong learning needs funding."]])
    layout = parse_layout(_read(pdf))
    assert layout.scheme == "pages"
    assert [(n.locator, " ".join(n.lines)) for n in layout.nodes] == [
        ("pg1.1", "Skills matter for every worker."), ("pg1.2", "Training should be open to all."),
        ("pg2.1", "Lifelong learning needs funding.")]
    assert label("MEMO#pg2.1", "en") == "MEMO, p. 2, para. 1"


BAD = [
    ("empty", lambda p: files.empty_file(p / "e.txt"), "the file is empty"),
    ("not a pdf", lambda p: files.not_a_pdf(p / "x.pdf"), "not a PDF (it is a PNG image)"),
    ("zip as pdf", lambda p: files.not_a_pdf(p / "x.pdf", kind="zip"), "not a PDF (it is a ZIP archive"),
    ("pdf as text", lambda p: files.text_file(p / "x.txt", "%PDF-1.4\n..."), "not a text file (it is a PDF)"),
    ("encrypted", lambda p: files.encrypted_pdf(p / "enc.pdf"), "the PDF is encrypted (password-protected)"),
    ("scanned", lambda p: files.image_only_pdf(p / "scan.pdf", pages=2), "scanned? no text layer — run OCR first"),
    ("gbk", lambda p: files.gbk_text(p / "g.txt", "第1条 各成员国应当制定职业培训政策。"),
     "not UTF-8 text (it looks like GBK/GB18030 Chinese)"),
    ("mojibake", lambda p: files.mojibake_text(p / "m.txt", "Article 1 – Members’ “policies” shall …"),
     "looks mis-decoded"),
    ("replacement", lambda p: files.replacement_text(p / "r.txt", "第1条 各成员国应当制定职业培训政策。"),
     "replacement character(s) (U+FFFD)"),
    ("unknown type", lambda p: files.not_a_pdf(p / "x.docx", kind="zip"), "cannot be added"),
]


@pytest.mark.parametrize(("name", "make", "said"), BAD, ids=[b[0] for b in BAD])
def test_bad_files_are_refused_in_one_line(tmp_path: Path, name: str, make: object, said: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(IngestError) as err:
        extract_isolated(path, LIMITS)
    message = str(err.value)
    assert said in message and "\n" not in message and message.startswith(path.name), message


def test_encrypted_pdf_with_an_empty_password_is_read(tmp_path: Path) -> None:
    pdf = files.encrypted_pdf(tmp_path / "open.pdf", password="", pages=[["Article 1", "Each Member shall act."]])
    assert "Each Member shall act." in "".join(_read(pdf))


HOSTILE = [
    ("bomb", lambda p: files.bomb_pdf(p / "bomb.pdf")),
    ("circular xref", lambda p: files.circular_xref_pdf(p / "xref.pdf")),
    ("cyclic page tree", lambda p: files.cyclic_pages_pdf(p / "pages.pdf")),
    ("huge lengths", lambda p: files.huge_length_pdf(p / "huge.pdf")),
    ("huge page tree", lambda p: files.huge_length_pdf(p / "many.pdf", variant="pages")),
    ("deep nesting", lambda p: files.deep_nesting_pdf(p / "deep.pdf")),
    ("deep content", lambda p: files.deep_nesting_pdf(p / "deepc.pdf", variant="content")),
]


@pytest.mark.parametrize(("name", "make"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_pdfs_are_refused_within_the_limits(tmp_path: Path, name: str, make: object) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    limits = Limits(seconds=8, memory_mb=512)
    started = time.perf_counter()
    with pytest.raises(IngestError) as err:
        extract_isolated(path, limits)
    assert time.perf_counter() - started < limits.seconds + 5
    message = str(err.value)
    assert "\n" not in message and message.startswith(path.name) and files.HOSTILE_TEXT not in message, message


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = files.text_file(tmp_path / "big.txt", "Article 1\nEach Member shall act.\n" * 2000)
    with pytest.raises(IngestError, match=r"big.txt: 0.1 MB is more than the limit of 0 MB"):
        extract_isolated(big, Limits(max_bytes=1000))
