"""A whole set as an answer gives it: what it is, its lead-in, its members, and what the
answer says about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ._answer import Lang

Kind = Literal["enumeration", "outputs", "points", "mentions", "instruments", "chain",
               "obligations", "section"]


@dataclass(frozen=True)
class Listing:
    """A whole set: what it is, its lead-in (quoted first, if any), its members in document
    order, and what the answer says about it (how many, what was taken to be meant)."""

    kind: Kind
    lead: str | None
    members: tuple[str, ...]
    note_zh: str = ""
    note_en: str = ""

    @property
    def anchors(self) -> tuple[str, ...]:
        """What the answer cites, in the order it uses them."""
        return tuple(dict.fromkeys([*([self.lead] if self.lead else []), *self.members]))

    def note(self, lang: Lang) -> str:
        return self.note_zh if lang == "zh" else self.note_en


def plural(n: int) -> str:
    return "" if n == 1 else "s"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
