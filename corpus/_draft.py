"""Building blocks shared by the parsers: source lines with offsets, and a unit under
construction whose text is assembled from verbatim slices of the source."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ._units import AppendixRow, Kind, Unit

_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Line:
    """One source line: its stripped text and where that text starts in the file."""

    number: int
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def tail(self, offset: int) -> tuple[int, int, str]:
        """The rest of the line from `offset` characters in, stripped: (start, end, text)."""
        rest = self.text[offset:]
        lead = len(rest) - len(rest.lstrip())
        body = rest.strip()
        s = self.start + offset + lead
        return s, s + len(body), body


def lines(text: str) -> Iterator[Line]:
    """Non-blank lines with their offsets (whitespace around each line dropped)."""
    pos = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        body = raw.strip()
        if body:
            yield Line(number, pos + raw.index(body), body)
        pos += len(raw)


def joiner(before: str, after: str) -> str:
    """How two wrapped pieces rejoin: nothing between CJK text, a space between words."""
    if before and after and _ASCII_WORD.match(before[-1]) and _ASCII_WORD.match(after[0]):
        return " "
    return ""


@dataclass
class Draft:
    """A unit being parsed; frozen into a `Unit` once the document is read."""

    locator: str
    kind: Kind
    parent: Draft | None = None
    section: str = ""
    group: str = ""
    pillar: int | None = None
    component: int | None = None
    row: AppendixRow | None = None
    pieces: list[tuple[int, int, str, str]] = field(default_factory=list)  # (start, end, text, sep)
    children: list[Draft] = field(default_factory=list)

    def add(self, start: int, end: int, text: str, *, new_line: bool = False) -> None:
        """Append a verbatim slice; `new_line` keeps a real line break (a bullet list)."""
        if not text:
            return
        if not self.pieces:
            sep = ""
        elif new_line:
            sep = "\n"
        else:
            sep = joiner(self.pieces[-1][2], text)
        self.pieces.append((start, end, text, sep))

    @property
    def text(self) -> str:
        return "".join(sep + t for _, _, t, sep in self.pieces)

    def child(self, locator: str, kind: Kind) -> Draft:
        d = Draft(
            locator,
            kind,
            parent=self,
            section=self.section,
            group=self.group,
            pillar=self.pillar,
            component=self.component,
        )
        self.children.append(d)
        return d

    def walk(self) -> Iterator[Draft]:
        yield self
        for c in self.children:
            yield from c.walk()

    def freeze(self, doc_id: str) -> Unit:
        return Unit(
            doc_id=doc_id,
            locator=self.locator,
            kind=self.kind,
            text=self.text,
            spans=tuple((s, e) for s, e, _, _ in self.pieces),
            parent=self.parent.locator if self.parent else None,
            children=tuple(c.locator for c in self.children),
            section=self.section,
            group=self.group,
            pillar=self.pillar,
            component=self.component,
            row=self.row,
        )


def freeze_all(doc_id: str, roots: list[Draft]) -> tuple[Unit, ...]:
    """Every draft in reading order (a paragraph before its items)."""
    return tuple(d.freeze(doc_id) for root in roots for d in root.walk())


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def next_letter(d: Draft) -> str:
    """The letter the next lettered item of `d` must carry."""
    return _LETTERS[len([c for c in d.children if c.kind == "item"])]


def next_roman(d: Draft) -> str:
    return ROMANS[len([c for c in d.children if c.kind == "subitem"])]
