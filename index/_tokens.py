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
_pos: Any = None
# Part-of-speech tags of proper nouns in jieba's dictionary: places and organisations. Its
# person-name (nr) and other-proper-noun (nz) tags are left out: they mark many common words
# (查明, 公正, 相衔接, 和平, 普通).
_PROPER = frozenset(("ns", "nt"))
# Words of direction only (东西 "things", 南北, 东北) are tagged as places but rarely are.
_DIRECTIONS = re.compile(r"^[东西南北中上下左右前后内外]+$")
# An organisation ends like one (…组织, …委员会, …局, …银行); the dictionary also tags some
# idioms and trades as organisations (拜师学艺, 施工工艺), which name nothing.
_DEGREE = frozenset("不很太挺较")
_ORGANISATION_END = frozenset("学会院局司队部府社团行委军党所馆区心织系台校厅联业报协厂站网国办盟处室署组金营")


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


def _tagger() -> Any:
    """jieba's part-of-speech tagger over the same in-memory dictionary (its tag table is
    read from the dictionary's text file; nothing is unmarshalled)."""
    global _pos
    tk = _tokenizer()
    with _lock:
        if _pos is None:
            import jieba.posseg

            _pos = jieba.posseg.POSTokenizer(tk)
    return _pos


# Common words jieba's dictionary tags as places: found by tagging the shipped documents and
# reading every word tagged `ns` (18; these five name no place: "at stake", "linked",
# "outreach", "remote areas", "South-South cooperation"), and by reading the 500 most frequent
# two- and three-character `ns` entries of the dictionary itself (the rest: verbs, adjectives
# and common nouns such as 普及 "popularise", 福利 "welfare", 城市 "city", 外国 "foreign").
_NOT_PLACES = frozenset((
    "攸关", "关联", "外联", "偏远地区", "南南合作",
    "城市", "东西", "平原", "外国", "爱国", "英雄", "朝廷", "太阳", "哥哥", "海洋", "湖泊", "大桥",
    "高原", "上市", "建国", "美丽", "山区", "江湖", "大街", "王国", "开国", "京城", "阿哥", "南路",
    "深度", "庆典", "山脉", "回国", "治安", "大国", "新鲜", "古城", "海峡", "冰川", "长度", "山水",
    "长大", "琉璃瓦", "莫非", "普及", "商城", "内河", "古典", "阴阳", "江山", "高山", "大海", "山坡",
    "河谷", "上马", "太平", "福利", "日志", "云集", "青春", "山河", "神圣", "桥头堡", "中路", "新建",
    "中断", "河水", "山洞", "都城", "海湾", "上半场", "广义", "湖水", "上山", "江水", "南门", "新港",
    "新城", "海关", "舞美", "山峰", "内城", "石桥", "中密度", "北门", "朝阳", "下山", "上台", "山寨",
    "西洋", "契约", "二哥", "入口", "入市", "路桥", "金牙", "都市", "广布", "诸国", "重镇", "重阳",
    "三角洲", "天河", "江中", "山口", "大山", "故城", "千古", "城堡", "中道", "深山", "江河", "新河",
    "伦理", "城垣", "大河", "大湖", "大江", "治国", "中和", "天黑", "法典", "长河", "池塘", "天桥",
    "加盟", "登山", "城镇",
))


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech) for the Chinese runs of a text, dictionary words only."""
    out: list[tuple[str, str]] = []
    for m in _WORD.finditer(text):
        piece = m.group()
        if CJK.match(piece):
            out.extend((p.word, "n" if p.word in _NOT_PLACES else p.flag)
                       for p in _tagger().cut(piece, HMM=False))
        else:
            out.append((piece, "eng"))
    return out


def proper_nouns(text: str) -> list[str]:
    """Chinese words the dictionary tags as place, organisation or other proper nouns (德国,
    日内瓦, 联合国开发计划署), in
    order, each once. Only dictionary words count: a guess of the HMM is no evidence."""
    out: list[str] = []
    before = ""
    for word, flag in tagged(text):
        # after 不/很/太/挺 a word is a quality, not a place ("局势不太平": not peaceful)
        if flag in _PROPER and len(word) > 1 and not _DIRECTIONS.match(word) and word not in out \
                and (flag != "nt" or word[-1] in _ORGANISATION_END) and before[-1:] not in _DEGREE:
            out.append(word)
        before = word
    return out


_EN_WORD = re.compile(r"[a-z][a-z0-9]*(?:[-'][a-z0-9]+)*")
# English words that carry no topic: function words and the verbs a question asks with.
EN_STOP = frozenset(
    "the a an of and or to in on for by with is are be was were what which how why who whom "
    "does do did about that this it its as at from under their there when where will would "
    "should can could has have had any all each every into over also been being not no per so "
    "if than then them they these those such other more most much many me my our your you "
    "tell please give list name explain describe say says said mean means according "
    # talk about the documents themselves ("which passages mention …")
    "passage passages mention mentions mentioned mentioning refer refers referred referring "
    "cite cites cited citing".split())


def stem(word: str) -> str:
    """A crude English stem, enough to meet 'apprenticeships' with 'apprenticeship'."""
    for suffix in ("ies", "es", "s"):
        if len(word) > 4 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def en_words(text: str) -> list[str]:
    """Every English word of a text, lower case, stemmed, without a possessive 's."""
    return [stem(re.sub(r"'s$", "", w)) for w in _EN_WORD.findall(text.lower())]


def en_tokens(text: str) -> list[str]:
    """Stemmed English content words: the English side of the lexical index, and what a
    question is about."""
    return [stem(re.sub(r"'s$", "", w)) for w in _EN_WORD.findall(text.lower())
            if w not in EN_STOP]
