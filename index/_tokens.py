"""Tokens for the lexical side: jieba words for Chinese, lower-cased words for the rest.

jieba's own start-up writes and later `marshal`-loads a cache file in /tmp; we build its
prefix dictionary in memory instead, so nothing is deserialised from disk (about 0.8 s, once
per process, and only when a Chinese text needs cutting)."""

from __future__ import annotations

import re
import threading
from typing import Any

_WORD = re.compile(r"[a-z0-9]+(?:[.\-][a-z0-9]+)*|[\u3400-\u9fff]+")
CJK = re.compile(r"[\u3400-\u9fff]")
# Function words that carry no topic in these documents.
_STOP = frozenset(
    (
        "的 和 与 及 以及 在 是 了 将 等 或 对 为 其 之 中 上 下 从 由 于 并 而 也 都 这 该 各 "
        "哪些 什么 如何 怎么 怎样 为什么 哪 哪个 哪项 哪一 吗 呢 有 有关 关于 方面 "
        "the a an of and or to in on for by with is are be what which how why who does do "
        "about that this it as at from under"
    ).split()
)

_lock = threading.Lock()
_jieba: Any = None


def _tokenizer() -> Any:
    global _jieba
    with _lock:
        if _jieba is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.FREQ, tk.total = tk.gen_pfdict(tk.get_dict_file())
            tk.initialized = True
            _jieba = tk
    return _jieba


def tokens(text: str) -> list[str]:
    """Content words of a text, in order, repeats kept (BM25 counts them)."""
    out: list[str] = []
    for m in _WORD.finditer(text.lower()):
        piece = m.group()
        if CJK.match(piece):
            out.extend(w for w in _tokenizer().cut(piece, HMM=False) if w not in _STOP)
        elif piece not in _STOP:
            out.append(piece)
    return out
