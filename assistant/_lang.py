"""The question's language decides the framing of the answer and the labels."""

from __future__ import annotations

import re

from ._answer import Lang

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect(text: str) -> Lang:
    """Chinese as soon as Chinese characters are a fair share of the letters, else English."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    return "zh" if cjk and cjk * 3 >= latin else "en"
