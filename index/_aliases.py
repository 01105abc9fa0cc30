"""Everyday words for each unit (`aliases.json`): what people call the thing a unit is about
when they have not read it ("carers" for caregivers, "halfway check" for the mid-term
review, 护工 for 照护人员). Added to the unit's lexical tokens, in each language, at build
time; never shown or cited. Written per unit from its own text (doc2query-style), not from
questions."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from corpus import Lang

ALIASES_FILE = Path(__file__).with_name("aliases.json")
ALIASES_SHA256 = hashlib.sha256(ALIASES_FILE.read_bytes()).hexdigest()


class AliasesError(ValueError):
    """The aliases file cannot be read as {"units": {anchor: {"en": [...], "zh": [...]}}}."""


@functools.lru_cache(maxsize=1)
def _load(path: Path = ALIASES_FILE) -> dict[str, dict[str, tuple[str, ...]]]:
    try:
        units = json.loads(path.read_text(encoding="utf-8"))["units"]
        return {str(a): {lang: tuple(str(w) for w in v.get(lang, ())) for lang in ("en", "zh")}
                for a, v in units.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise AliasesError(f"cannot read the aliases file {path}: {exc}; restore it from the "
                           "repository (git checkout index/aliases.json)") from exc


def aliases(anchor: str, lang: Lang) -> tuple[str, ...]:
    """The everyday phrases for a unit in one language; () for a unit without any (a
    document a user added)."""
    return _load().get(anchor, {}).get(lang, ())
