"""The citable units of a document: frozen values the rest of the pipeline passes around."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ._anchors import Lang
    from ._versions import Version

Kind = Literal["paragraph", "item", "subitem", "row"]


@dataclass(frozen=True)
class AppendixRow:
    """The parsed fields of one row of the GB.346/INS/4 Appendix table.

    Kept apart from the unit text so that the reference graph (outputs ↔ Conclusions points ↔
    strategy paragraphs) can be built from fields rather than re-parsed from strings.
    """

    output: str
    points_raw: str
    points: tuple[str, ...]  # resolved anchors, e.g. ("ILC.109/Res#c14.d", ...)
    pillars_raw: str
    pillars: tuple[int, ...]
    pb_outputs: tuple[str, ...]
    sdg_raw: str
    sdg_targets: tuple[str, ...]
    timeframe: str
    component: int
    component_title: str
    component_budget: str


@dataclass(frozen=True)
class Unit:
    """One citable piece of a document: a numbered paragraph, a lettered item, a roman
    sub-item, or an Appendix row.

    `text` is the unit's own wording (without its number or letter), rebuilt from `spans`,
    which point into the source file, so every word can be traced back to the original.
    """

    doc_id: str
    locator: str
    kind: Kind
    text: str
    spans: tuple[tuple[int, int], ...]
    parent: str | None = None
    children: tuple[str, ...] = ()
    section: str = ""
    group: str = ""
    pillar: int | None = None
    component: int | None = None
    row: AppendixRow | None = None

    @property
    def anchor(self) -> str:
        return f"{self.doc_id}#{self.locator}"

    @property
    def is_leaf(self) -> bool:
        return not self.children


@dataclass(frozen=True)
class Document:
    """A parsed document: its units in reading order plus what identifies the source file."""

    doc_id: str
    title: str
    source_name: str
    sha256: str
    text: str = field(repr=False)
    units: tuple[Unit, ...] = field(repr=False)
    preamble: str = ""
    lang: Lang = "zh"
    date: str = ""  # ISO date of the document (its session or adoption)
    versions: tuple[Version, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_locator", {u.locator: u for u in self.units})

    def get(self, locator: str) -> Unit | None:
        by: dict[str, Unit] = self._by_locator  # type: ignore[attr-defined]
        return by.get(locator)

    def leaves(self) -> Iterator[Unit]:
        return (u for u in self.units if u.is_leaf)

    @property
    def year(self) -> int:
        """The year of the document: it can report nothing that happened after it."""
        return int(self.date[:4]) if self.date[:4].isdigit() else 0

    def version(self, lang: Lang) -> Version | None:
        """The document in another language (official before unofficial), if there is one."""
        found = sorted((v for v in self.versions if v.lang == lang), key=lambda v: v.kind)
        return found[0] if found else None

    def _versions_in(self, lang: Lang) -> list[Version]:
        """The versions in another language, official before the working translation."""
        if lang == self.lang:
            return []
        return sorted((v for v in self.versions if v.lang == lang), key=lambda v: v.kind)

    def rendering(self, lang: Lang, locator: str) -> tuple[str, str] | None:
        """(text, kind) of a unit in another language: from an official version when it
        holds the unit, else from the working translation; None when none does."""
        return next(((t, v.kind) for v in self._versions_in(lang) if (t := v.text(locator))), None)

    def heading_in(self, lang: Lang, heading: str) -> tuple[str, str] | None:
        """(heading, kind) of a section, pillar or component heading in another language."""
        return next(((h, v.kind) for v in self._versions_in(lang) if (h := v.headings.get(heading))), None)

    def row_in(self, lang: Lang, locator: str) -> tuple[Mapping[str, str], str] | None:
        """(fields, kind) of an Appendix row in another language."""
        return next(((r, v.kind) for v in self._versions_in(lang) if (r := v.rows.get(locator))), None)

    def texts(self, lang: Lang) -> list[str]:
        """All text of the document in one language: the source, or a version of it."""
        if lang == self.lang:
            return [self.text]
        return [t for v in self.versions if v.lang == lang for t in v.texts()]

    def source_text(self, unit: Unit) -> str:
        """The raw source characters behind a unit, page breaks and all."""
        return "".join(self.text[s:e] for s, e in unit.spans)


class CorpusError(ValueError):
    """A document could not be read or parsed; the message names the file and the fix."""


# What to do about a damaged shipped document: its pristine copy is in the repository.
RESTORE = "restore it with: git checkout -- corpus/documents (or reinstall ilo-qa)"


@dataclass(frozen=True)
class Corpus:
    """All documents the assistant answers from, in a fixed order."""

    documents: tuple[Document, ...]

    def __post_init__(self) -> None:
        index: dict[str, Unit] = {}
        for doc in self.documents:
            for unit in doc.units:
                index[unit.anchor] = unit
        object.__setattr__(self, "_by_anchor", index)

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.doc_id == doc_id:
                return doc
        known = ", ".join(d.doc_id for d in self.documents)
        raise CorpusError(f"unknown document id {doc_id!r}; known ids: {known}")

    def holds(self, doc_id: str) -> bool:
        """Whether a document (a standard a user added, say `C142`) is in the corpus."""
        return any(doc.doc_id == doc_id for doc in self.documents)

    def get(self, anchor: str) -> Unit | None:
        by: dict[str, Unit] = self._by_anchor  # type: ignore[attr-defined]
        return by.get(anchor)

    def unit(self, anchor: str) -> Unit:
        found = self.get(anchor)
        if found is None:
            raise CorpusError(
                f"no unit with anchor {anchor!r}; anchors look like "
                "'GB.346/INS/4#p25.a', 'GB.346/INS/4#A33' or 'ILC.109/Res#c14.a.vii'"
            )
        return found

    def units(self) -> Iterator[Unit]:
        for doc in self.documents:
            yield from doc.units

    def leaves(self) -> Iterator[Unit]:
        for doc in self.documents:
            yield from doc.leaves()

    def texts(self, lang: Lang) -> list[str]:
        """Every text the corpus holds in one language, sources and versions alike."""
        return [t for doc in self.documents for t in doc.texts(lang)]

    @property
    def sha256(self) -> str:
        import hashlib

        h = hashlib.sha256()
        for doc in self.documents:
            h.update(f"{doc.doc_id}\0{doc.sha256}\n".encode())
            for v in doc.versions:
                h.update(f"{v.lang}\0{v.kind}\0".encode())
                h.update("\0".join(v.texts()).encode())
        return h.hexdigest()
