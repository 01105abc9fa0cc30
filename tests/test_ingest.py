"""Adding documents end to end, in a home of its own: a Convention from a generated PDF is
chunked, embedded, searched, cited with its labels, browsable and traceable; the same file
twice changes nothing; an official language version aligns and is quoted as official; bad
input changes nothing; an interrupted ingest leaves the previous documents and index serving."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant, IngestError, Settings, documents, ingest, remove
from corpus import Corpus, load_corpus
from tests import files
from tests.test_ingest_files import C142_ANCHORS, STANDARDS, _pages
from ui import main
from ui._web_browse import render_tree
from ui._web_context import render_context


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ingest-home")


@pytest.fixture(scope="module")
def settings(home: Path) -> Settings:
    return Settings(home=home)


@pytest.fixture(scope="module")
def c142_pdf(home: Path) -> Path:
    text = (STANDARDS / "c142_en.txt").read_text(encoding="utf-8")
    return files.text_pdf(home.parent / "c142.pdf", _pages(text))


@pytest.fixture(scope="module")
def added(settings: Settings, c142_pdf: Path) -> Path:
    """C142 ingested (its id read from its title), once for the module."""
    done = ingest(settings, c142_pdf)
    assert (done.doc_id, done.role, done.lang, done.units, done.scheme, done.unchanged) == (
        "C142", "document", "en", 35, "articles", False)
    assert done.embedded > 0
    return c142_pdf


@pytest.fixture()
def cli_home(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("ILO_QA_HOME", str(home))
    yield home


def _assistant(settings: Settings) -> Assistant:
    return Assistant(settings, build=False)


def _current(settings: Settings) -> str:
    return (settings.index_dir / "CURRENT").read_text(encoding="utf-8")


def test_docs_lists_the_added_document_with_its_hash_and_units(
        added: Path, cli_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs", "--json"]) == 0
    found = {d["doc_id"]: d for d in json.loads(capsys.readouterr().out)["documents"]}
    assert list(found) == ["GB.346/INS/4", "ILC.109/Res", "C142"]
    c142 = found["C142"]
    assert (c142["origin"], c142["lang"], c142["units"], c142["source"]) == ("added", "en", 35, "c142.pdf")
    assert c142["sha256"] == hashlib.sha256(added.read_bytes()).hexdigest()
    assert found["GB.346/INS/4"]["origin"] == "shipped"
    assert found["GB.346/INS/4"]["versions"][0]["translation"] == "unofficial"


def test_the_same_file_twice_is_recognised_and_changes_nothing(added: Path, settings: Settings) -> None:
    before = _current(settings)
    again = ingest(settings, added)
    assert again.unchanged and again.doc_id == "C142"
    assert _current(settings) == before


def test_added_units_are_searched_and_cited_with_their_labels(added: Path, settings: Settings) -> None:
    a = _assistant(settings)
    en = a.ask("Under Convention No. 142, must vocational guidance cover collective agreements and labour law rights?")
    assert not en.abstained and "C142#art3.3" in [c.anchor for c in en.citations[:3]]
    cited = next(c for c in en.citations if c.anchor == "C142#art3.3")
    assert cited.label == "C142, Art. 3(3)" and cited.translation is None
    zh = a.ask("第142号公约对职业指导中介绍集体协议和劳动法上的权利义务有什么要求？")
    assert not zh.abstained and "C142#art3.3" in [c.anchor for c in zh.citations[:3]]
    cited = next(c for c in zh.citations if c.anchor == "C142#art3.3")
    assert cited.label == "第142号公约 第3条第3款" and cited.text.startswith("The information and guidance shall")


def test_trace_shows_the_added_text_and_where_the_documents_mention_it(
        added: Path, cli_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trace", "C142", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["in_corpus"] is True
    assert [t["anchor"].split("#")[1] for t in data["text"]] == C142_ANCHORS
    assert "GB.346/INS/4#A33" in [m["anchor"] for m in data["mentioned_in"]]


def test_added_document_is_browsable(added: Path, settings: Settings) -> None:
    corpus = load_corpus(added=settings.documents_dir)
    assert 'data-unit="C142#art3.3"' in render_tree(corpus, "en")
    panel = render_context(corpus, "C142#art1.2.b", "en")
    assert "the stage and level of economic, social and cultural development" in panel
    assert "C142, Art. 1(2)(b)" in panel


def test_a_figure_an_added_article_states_is_answered(added: Path, settings: Settings, home: Path) -> None:
    page = files.html_file(home.parent / "srs.html", "Skills Reporting Standard", [
        "Article 1", "Each Member shall report every year to the International Labour Office on the "
        "measures taken to give effect to this Standard.",
        "Article 2", "The representative organisations of employers and workers shall be consulted on the report."])
    with pytest.raises(IngestError, match="cannot tell the document's id from its title"):
        ingest(settings, page)
    ingest(settings, page, doc_id="SRS")
    a = _assistant(settings)
    answer = a.ask("How often must each Member report to the Office on the measures taken?")
    assert not answer.abstained and answer.citations[0].anchor == "SRS#art1"
    assert not a.ask("What is the capital of France?").citations
    fuller = files.html_file(home.parent / "srs2.html", "Skills Reporting Standard", [
        "Article 1", "Each Member shall report every year to the International Labour Office.",
        "Article 2", "Employers and workers shall be consulted.",
        "Article 3", "This Standard is revised every ten years."])
    again = ingest(settings, fuller, doc_id="SRS")
    assert again.replaced and again.units == 3
    refused = _assistant(settings).ask("What is the minimum wage of apprentices in Mars colonies?")
    assert refused.abstained and "The documents added (C142, SRS) were searched too." in refused.answer
    gone = remove(settings, "SRS")
    assert [g.doc_id for g in gone] == ["SRS"]
    assert "SRS" not in [d["doc_id"] for d in documents(settings)]
    assert "SRS" not in _assistant(settings).index.manifest.documents  # type: ignore[union-attr]


def test_ids_that_shadow_or_contradict_are_refused(added: Path, settings: Settings) -> None:
    with pytest.raises(IngestError, match="would shadow a shipped document"):
        ingest(settings, added, doc_id="GB.346/INS/4")
    with pytest.raises(IngestError, match="the file's title names C142, not R195"):
        ingest(settings, added, doc_id="R195")
    with pytest.raises(IngestError, match=r"ILC\.109/Res is shipped with the assistant and cannot be removed"):
        remove(settings, "ILC.109/Res")


def _english_ilc(corpus: Corpus, keep: float = 1.0) -> str:
    """The ILC.109 Resolution in English as its official PDF numbers it (here from the working
    translation): `1.` paragraphs, `(a)` items, `(i)` sub-items; `keep` < 1 drops paragraphs."""
    doc = corpus.document("ILC.109/Res")
    version = doc.version("en")
    assert version is not None
    tops = [u for u in doc.units if u.parent is None]
    dropped = {u.locator for u in tops[int(len(tops) * keep):]}
    lines = ["Resolution concerning skills and lifelong learning", ""]
    for u in doc.units:
        top = u.locator.split(".")[0]
        if top in dropped:
            continue
        last = u.locator.split(".")[-1]
        head = f"{int(last[1:])}." if u.parent is None else f"({last})"
        lines.append(f"{head} {version.text(u.locator)}")
    return "\n".join(lines)


def test_an_official_version_aligns_and_is_quoted_as_official(
        added: Path, settings: Settings, home: Path, capsys: pytest.CaptureFixture[str],
        cli_home: Path) -> None:
    corpus = load_corpus()
    half = files.text_file(home.parent / "ilc_half.txt", _english_ilc(corpus, keep=0.5))
    assert main(["ingest", str(half), "--version-of", "ILC.109/Res", "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert "does not align with ILC.109/Res: only" in err and "\n" not in err
    whole = files.text_file(home.parent / "ilc_en.txt", _english_ilc(corpus))
    done = ingest(settings, whole, version_of="ILC.109/Res", lang="en")
    assert done.alignment is not None
    assert (done.alignment["matched"], done.alignment["numbered"]) == (67, 67)
    assert done.alignment["unmatched_version"] == [] and done.alignment["count_mismatches"] == []
    answer = _assistant(settings).ask("What do the Conclusions say about recognition of prior learning?")
    ilc = [c for c in answer.citations if c.anchor.startswith("ILC.109/Res#")]
    assert ilc and all(c.translation == "official" for c in ilc)
    gb = [c for c in answer.citations if c.anchor.startswith("GB.346/INS/4#")]
    assert all(c.translation == "unofficial" for c in gb)
    listed = {d["doc_id"]: d for d in documents(settings)}["ILC.109/Res"]["versions"]
    assert [(v["lang"], v["translation"], v["units"]) for v in listed] == [  # type: ignore[index]
        ("en", "unofficial", 67), ("en", "official", 67)]
    remove(settings, "ILC.109/Res", "en")
    again = _assistant(settings).ask("What do the Conclusions say about recognition of prior learning?")
    assert {c.translation for c in again.citations} == {"unofficial"}


def test_bad_input_exits_2_and_changes_nothing(
        added: Path, settings: Settings, home: Path, cli_home: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = (_current(settings), sorted(p.name for p in settings.documents_dir.iterdir()))
    scanned = files.image_only_pdf(home.parent / "scan.pdf")
    assert main(["ingest", str(scanned)]) == 2
    err = capsys.readouterr().err
    assert err == "ilo-qa: scan.pdf: scanned? no text layer — run OCR first (1 page(s) without text)\n"
    assert main(["ingest", str(files.bomb_pdf(home.parent / "bomb.pdf"))]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert (_current(settings), sorted(p.name for p in settings.documents_dir.iterdir())) == before


def test_an_interrupted_ingest_leaves_the_previous_index_serving(
        added: Path, settings: Settings, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = (_current(settings), sorted(p.name for p in settings.documents_dir.iterdir()))
    page = files.text_file(home.parent / "r195.txt", (STANDARDS / "r195_en.txt").read_text(encoding="utf-8"))

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("assistant._library._build", crash)
    with pytest.raises(KeyboardInterrupt):
        ingest(settings, page)
    assert (_current(settings), sorted(p.name for p in settings.documents_dir.iterdir())) == before
    assert not [p for p in settings.documents_dir.iterdir() if p.name.startswith(".")]
    a = _assistant(settings)
    assert a.ask("Under Convention No. 142, what must each Member gradually extend?").citations
