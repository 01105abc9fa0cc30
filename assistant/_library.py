"""The documents the assistant answers from, as a user manages them: add a file (a standard,
another paper, or an official language version of a shipped document), list, remove.

Every change is staged, the index is rebuilt from the corpus as it will be (embedding only
texts not cached), and only then is the change committed: an interrupted ingest or removal
leaves the previous documents and the previous index serving."""

from __future__ import annotations

import hashlib
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from corpus import (
    REGISTRY,
    SHIPPED_IDS,
    Added,
    Corpus,
    CorpusError,
    IngestError,
    Lang,
    Layout,
    Limits,
    added,
    align,
    commit,
    discard,
    extract_isolated,
    folder_name,
    instrument_spans,
    load_corpus,
    parse_layout,
    stage,
)
from index import build_index, make_embedder

from ._settings import Settings

Progress = Callable[[int, int], None]
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/()-]{0,63}$")


@dataclass(frozen=True)
class Ingested:
    """What one ingest did: the id, what was found, and what it cost."""

    doc_id: str
    role: str  # "document" or "version"
    lang: Lang
    title: str
    units: int
    scheme: str  # "articles", "paragraphs" or "pages"
    pages: int
    unchanged: bool = False  # the same file was already added under this id
    replaced: bool = False
    alignment: dict[str, object] | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # parse, build
    embedded: int = 0
    parse_peak_mb: float = 0.0  # the parsing child's peak resident memory


def _limits(settings: Settings) -> Limits:
    s = settings.ingest
    return Limits(seconds=s.timeout_seconds, memory_mb=s.memory_mb, max_bytes=s.max_bytes)


def derive_id(title: str, front: tuple[str, ...]) -> str | None:
    """The id of a numbered instrument the title names (`Convention No. 142` → `C142`)."""
    for line in (title, *front[:3]):
        for _s, _e, found in instrument_spans(line):
            if re.match(r"^[CR]\d+$", found) or any(i.id == found for i in REGISTRY):
                return found
    return None


def _check_id(doc_id: str, title: str, front: tuple[str, ...]) -> None:
    if not _ID.match(doc_id) or "#" in doc_id:
        raise IngestError(f"--doc-id {doc_id!r} is not a usable id; use letters, digits and . _ / - "
                          "(at most 64), e.g. C142 or R195")
    if doc_id in SHIPPED_IDS:
        raise IngestError(f"--doc-id {doc_id} would shadow a shipped document; to add another language "
                          f"version of it use: ilo-qa ingest FILE --version-of {doc_id} --lang LANG")
    named = derive_id(title, front)
    if re.match(r"^[CR]\d+$", doc_id) and named and named != doc_id:
        raise IngestError(f"the file's title names {named}, not {doc_id} ({title[:80]!r}); "
                          f"check the file or give --doc-id {named}")


def _build(settings: Settings, corpus: Corpus, progress: Progress | None) -> tuple[float, int]:
    from ._assistant import shape_of

    started = time.perf_counter()
    index = build_index(corpus, make_embedder(settings.embedder), settings.index_dir, progress,
                        shape=shape_of(settings), cache_dir=settings.cache_dir,
                        batch=settings.index.batch)
    embedded = index.manifest.embedded if index.manifest else 0
    return time.perf_counter() - started, embedded


def ingest(settings: Settings, path: Path, *, doc_id: str | None = None, version_of: str | None = None,
           lang: Lang | None = None, progress: Progress | None = None) -> Ingested:
    """Add one file to the corpus and the index, or raise an `IngestError` saying why not
    (nothing is changed then)."""
    library = settings.documents_dir
    discard(library)
    if version_of is not None and lang is None:
        raise IngestError("--version-of needs --lang (the language of the file: en or zh)")
    if version_of is None and lang is not None:
        raise IngestError("--lang goes with --version-of; a document's language is read from its text")
    started = time.perf_counter()
    extracted = extract_isolated(path, _limits(settings))
    parse_seconds = time.perf_counter() - started
    raw = path.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    layout = parse_layout(extracted.pages, extracted.title)
    if version_of is not None:
        assert lang is not None
        done = _ingest_version(settings, load_corpus(added=library), path, raw, sha, layout, version_of, lang,
                               extracted.kind, parse_seconds, progress)
        return replace(done, parse_peak_mb=extracted.peak_mb)
    doc_id = doc_id or derive_id(layout.title, layout.front)
    if doc_id is None:
        raise IngestError(f"{path.name}: cannot tell the document's id from its title "
                          f"({layout.title[:80]!r}); give one with --doc-id, e.g. --doc-id C142")
    _check_id(doc_id, layout.title, layout.front)
    same = [a for a in added(library) if a.doc_id == doc_id and a.role == "document"]
    if same and same[0].source_sha256 == sha:
        return Ingested(doc_id, "document", same[0].lang, same[0].title, same[0].units, layout.scheme,
                        len(extracted.pages), unchanged=True)
    units = layout.units(doc_id)
    name = folder_name(doc_id, "document", layout.lang)
    staged = stage(library, role="document", doc_id=doc_id, lang=layout.lang, title=layout.title,
                   preamble=layout.preamble, scheme=layout.scheme, text=layout.text, units=units,
                   source=path, source_kind=extracted.kind, raw=raw)
    return _commit(settings, staged, name, progress, Ingested(
        doc_id, "document", layout.lang, layout.title, len(units), layout.scheme,
        len(extracted.pages), replaced=bool(same), seconds={"parse": parse_seconds},
        parse_peak_mb=extracted.peak_mb))


def _ingest_version(settings: Settings, current: Corpus, path: Path, raw: bytes, sha: str, layout: Layout,
                    version_of: str, lang: Lang, kind: str, parse_seconds: float,
                    progress: Progress | None) -> Ingested:
    try:
        doc = current.document(version_of)
    except CorpusError:
        known = ", ".join(d.doc_id for d in current.documents)
        raise IngestError(f"--version-of {version_of}: no such document; known ids: {known}") from None
    if lang == doc.lang:
        raise IngestError(f"{version_of} is itself in {lang}; --lang names the language of the version")
    if layout.lang != lang:
        raise IngestError(f"{path.name} reads as {layout.lang}, not {lang}; check --lang")
    library = settings.documents_dir
    same = [a for a in added(library) if a.role == "version" and a.version_of == version_of and a.lang == lang]
    if same and same[0].source_sha256 == sha:
        return Ingested(version_of, "version", lang, same[0].title, same[0].units, layout.scheme,
                        layout.text.count("\f") + 1, unchanged=True)
    alignment = align(doc, layout)
    if not alignment.ok:
        raise IngestError(f"{path.name} does not align with {version_of}: {alignment.reason()}; nothing was added")
    staged = stage(library, role="version", doc_id=version_of, lang=lang, title=layout.title,
                   preamble=layout.preamble, scheme=layout.scheme, text=layout.text, units=(),
                   source=path, source_kind=kind, raw=raw, version_of=version_of,
                   aligned=alignment.matched, alignment=alignment.report())
    return _commit(settings, staged, folder_name(version_of, "version", lang), progress, Ingested(
        version_of, "version", lang, layout.title, len(alignment.matched), layout.scheme,
        layout.text.count("\f") + 1, replaced=bool(same), alignment=alignment.report(),
        seconds={"parse": parse_seconds}))


def _commit(settings: Settings, staged: Path, name: str, progress: Progress | None,
            done: Ingested) -> Ingested:
    """Build the index for the corpus with the staged folder, then put the folder in place."""
    try:
        corpus = load_corpus(added=settings.documents_dir, staged={name: staged})
        seconds, embedded = _build(settings, corpus, progress)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    commit(staged, name)
    return replace(done, seconds={**done.seconds, "build": seconds}, embedded=embedded)


def remove(settings: Settings, doc_id: str, lang: Lang | None = None,
           progress: Progress | None = None) -> list[Added]:
    """Remove an added document (with its added versions), or with `lang` one added
    version; the index is rebuilt without it before its folder goes."""
    library = settings.documents_dir
    discard(library)
    found = added(library)
    if lang is not None:
        gone = [a for a in found if a.role == "version" and a.version_of == doc_id and a.lang == lang]
    else:
        gone = [a for a in found if (a.role == "document" and a.doc_id == doc_id) or a.version_of == doc_id]
        if doc_id in SHIPPED_IDS:
            hint = "; its added versions go with: ilo-qa remove " + doc_id + " --lang LANG"
            raise IngestError(f"{doc_id} is shipped with the assistant and cannot be removed{hint}")
    if not gone:
        ids = sorted({a.doc_id if a.role == "document" else f"{a.version_of} --lang {a.lang}" for a in found})
        raise IngestError(f"nothing added under {doc_id}{' in ' + lang if lang else ''}; "
                          f"added: {', '.join(ids) or 'none'}")
    corpus = load_corpus(added=library, without=frozenset(a.folder.name for a in gone))
    _build(settings, corpus, progress)
    for a in gone:
        shutil.rmtree(a.folder, ignore_errors=True)
    return gone


def documents(settings: Settings, corpus: Corpus | None = None) -> list[dict[str, object]]:
    """Every document with its versions: where it comes from, its file's hash, unit counts."""
    corpus = corpus or load_corpus(added=settings.documents_dir)
    extra = {(a.doc_id if a.role == "document" else f"{a.version_of}@{a.lang}"): a
             for a in added(settings.documents_dir)}
    out: list[dict[str, object]] = []
    for doc in corpus.documents:
        mine = extra.get(doc.doc_id)
        versions = []
        for v in doc.versions:
            a = extra.get(f"{doc.doc_id}@{v.lang}") if v.kind == "official" else None
            versions.append({"lang": v.lang, "translation": v.kind, "units": len(v.units) + len(v.rows),
                             "source": a.source_name if a else "shipped",
                             "sha256": a.source_sha256 if a else None,
                             "added_at": a.added_at if a else None})
        out.append({"doc_id": doc.doc_id, "title": doc.title, "lang": doc.lang,
                    "origin": "added" if mine else "shipped", "source": doc.source_name,
                    "sha256": doc.sha256, "units": len(doc.units),
                    "added_at": mine.added_at if mine else None, "versions": versions})
    return out
