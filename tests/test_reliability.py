"""What answers depend on under ILO_QA_HOME is checked, never trusted: every file damaged in
turn (a flipped byte or a truncation, seeded) gives a correct answer after a rebuild, or a
one-line refusal; readers opening the index during rebuilds never fail; interrupted builds
leave nothing behind; questions are checked the same way on every path."""

from __future__ import annotations

import random
import shutil
import threading
from pathlib import Path

import pytest

from assistant import Assistant, CorpusError, QuestionError, Settings, shape_of
from corpus import Corpus, load_corpus
from index import IndexStateError, VectorEmbedder, build_index, open_index
from ui import main

ON_TOPIC = "哪项产出涉及终身职业发展支持系统？"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, corpus: Corpus, embedder: VectorEmbedder) -> Path:
    """A home with a build, the vector cache and the null model's vectors, made once."""
    home = tmp_path_factory.mktemp("reliable")
    Assistant(Settings(home=home), corpus=corpus, embedder=embedder).ask(ON_TOPIC)
    return home


def _damaged_files(home: Path) -> list[Path]:
    index = home / "index"
    build = next(p for p in (index / "builds").iterdir() if p.is_dir())
    cache = sorted(p for p in (home / "cache").iterdir() if p.is_file())
    return [index / "CURRENT", *sorted(p for p in build.iterdir()), *cache]


def _damage(path: Path, rng: random.Random) -> str:
    data = path.read_bytes()
    if rng.random() < 0.5 and len(data) > 1:
        cut = rng.randrange(len(data))
        path.write_bytes(data[:cut])
        return f"truncated at {cut}"
    at = rng.randrange(len(data))
    path.write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:])
    return f"byte {at} flipped"


def test_every_damaged_file_is_detected_and_answers_stay_right(
        built: Path, tmp_path: Path, corpus: Corpus, embedder: VectorEmbedder) -> None:
    rng = random.Random(13)
    expected = Assistant(Settings(home=built), corpus=corpus, embedder=embedder, build=False).ask(ON_TOPIC)
    names = [p.relative_to(built) for p in _damaged_files(built)]
    assert len(names) == 10  # CURRENT, 5 build files, embeddings .npy/.json, null model .npy/.sha256
    for name in names:
        home = tmp_path / str(name).replace("/", "_")
        shutil.copytree(built, home)
        how = _damage(home / name, rng)
        a = Assistant(Settings(home=home), corpus=corpus, embedder=embedder)
        answer = a.ask(ON_TOPIC)
        assert [c.anchor for c in answer.citations] == [c.anchor for c in expected.citations], (name, how)
        off = a.ask("What is the capital of France?")
        assert off.abstained and not off.citations, (name, how)


def test_a_damaged_added_document_is_refused_in_one_line(
        built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    shutil.copytree(built, home)
    folder = home / "documents" / "X1"
    folder.mkdir(parents=True)
    (folder / "document.json").write_text('{"format": 1, "units": "not a list"}', encoding="utf-8")
    (folder / "text.txt").write_text("Article 1\nEach Member shall act.", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"added document in .*X1 is unreadable"):
        load_corpus(added=home / "documents")
    monkeypatch.setenv("ILO_QA_HOME", str(home))
    assert main(["ask", ON_TOPIC]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "remove it with: ilo-qa remove" in err


def test_readers_opening_the_index_during_rebuilds_never_fail(
        tmp_path: Path, corpus: Corpus, embedder: VectorEmbedder) -> None:
    settings = Settings(home=tmp_path)
    kw = {"shape": shape_of(settings), "cache_dir": settings.cache_dir}
    build_index(corpus, embedder, settings.index_dir, **kw)  # type: ignore[arg-type]
    failures: list[str] = []
    opened = [0]
    done = threading.Event()

    def reader() -> None:
        while not done.is_set():
            try:
                open_index(settings.index_dir, corpus, embedder, build=False, **kw)  # type: ignore[arg-type]
                opened[0] += 1
            except (IndexStateError, OSError) as exc:
                failures.append(str(exc))

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for _ in range(6):
        build_index(corpus, embedder, settings.index_dir, **kw)  # type: ignore[arg-type]
    done.set()
    for t in threads:
        t.join()
    assert failures == [] and opened[0] > 10
    builds = [p for p in (settings.index_dir / "builds").iterdir() if p.is_dir()]
    assert len(builds) == 2  # the live build and the one it replaced


def test_an_interrupted_build_leaves_nothing_the_next_build_keeps(
        tmp_path: Path, corpus: Corpus, embedder: VectorEmbedder) -> None:
    settings = Settings(home=tmp_path)
    kw = {"shape": shape_of(settings), "cache_dir": settings.cache_dir}
    build_index(corpus, embedder, settings.index_dir, **kw)  # type: ignore[arg-type]
    leftover = settings.index_dir / "builds" / ".build-killed"
    leftover.mkdir()
    (leftover / "faiss.index").write_bytes(b"half")
    build_index(corpus, embedder, settings.index_dir, **kw)  # type: ignore[arg-type]
    names = sorted(p.name for p in (settings.index_dir / "builds").iterdir() if p.is_dir())
    assert ".build-killed" not in names and len(names) == 2


@pytest.mark.parametrize("question", [42, ["a", "b"], "支柱1涉及哪些方面？\udcc3", "\ud800"])
def test_questions_that_are_not_text_are_refused_the_same_way(assistant: Assistant, question: object) -> None:
    with pytest.raises(QuestionError) as err:
        assistant.ask(question)  # type: ignore[arg-type]
    assert "\n" not in str(err.value) and "\udcc3" not in str(err.value)


def test_an_oversized_question_is_refused_without_echoing_it(assistant: Assistant) -> None:
    with pytest.raises(QuestionError) as err:
        assistant.ask("技能" * 100_000)
    assert len(str(err.value)) < 200
