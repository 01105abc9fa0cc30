"""What the corpus mentions, read from the documents themselves (every language version the
corpus holds) and the glossary that bridges English questions to Chinese text: words,
titles, names, years and instruments, all in `corpus.fold` form. Abstention asks it whether
the things a question names occur in the documents at all; nothing in it is written by
hand, so a document added later (in English or Chinese) is known as soon as it is loaded."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from corpus import Corpus, fold, mentioned_instruments, one_edit

from ._everyday import EVERYDAY
from ._glossary import GLOSSARY
from ._tokens import CJK, en_words

_TITLE = re.compile(r"《([^》]{1,80})》")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?:\s*(?:-|至|到|to)\s*((?:19|20)?\d\d))?(?![\d.])")
_CORE_DROP = re.compile(r"(?:19|20)\d\d年?|第\d+号|[\d\s()《》·\-:,、的]")


def periods_in(text: str) -> list[tuple[int, int]]:
    """The years and periods a folded text names, as (first, last) year: '2030' → (2030,
    2030), '2022-23' → (2022, 2023), '2026–2027' → (2026, 2027)."""
    out: list[tuple[int, int]] = []
    for m in _YEAR.finditer(text):
        start = int(m.group(1))
        end_raw = m.group(2)
        end = start
        if end_raw:
            end = int(end_raw) if len(end_raw) == 4 else start // 100 * 100 + int(end_raw)
            if not 0 < end - start < 20:
                end = start
        out.append((start, end))
    return out


# A session of the Conference or the Governing Body by its number: "第 109 届会议", "346th Session".
_SESSION = re.compile(r"第\s*(\d{2,3})\s*届|\b(\d{2,3})(?:st|nd|rd|th)\s+session\b", re.IGNORECASE)


def sessions_in(text: str) -> set[int]:
    """The numbers of the sessions a (folded) text names: "第110届大会" → 110."""
    return {int(m[1] or m[2]) for m in _SESSION.finditer(text)}


def years_in(text: str) -> tuple[set[int], set[int]]:
    """(standalone years, years inside a period) of a folded text; '2022-23' → 2022, 2023."""
    alone: set[int] = set()
    ranged: set[int] = set()
    for start, end in periods_in(text):
        if start == end:
            alone.add(start)
        else:
            ranged.update(range(start, end + 1))
    return alone, ranged


def title_core(title: str) -> str:
    """A title without years, numbers, spaces and connecting marks: 《2019 年百年宣言》 →
    '百年宣言', so a shortened or re-spaced title meets the full one."""
    return _CORE_DROP.sub("", fold(title))


# Full Chinese names of international organisations → the short forms UN documents use (a
# name with the 联合国 prefix the documents drop, 联合国难民署 → 难民署, needs no entry).
_ZH_SHORT = {
    "国际电信联盟": "国际电联", "经济合作与发展组织": "经合组织", "经济合作发展组织": "经合组织",
    "联合国教育、科学及文化组织": "教科文组织", "联合国教育科学及文化组织": "教科文组织",
    "联合国难民事务高级专员办事处": "难民署",
}


@dataclass(frozen=True)
class Vocabulary:
    """What the documents mention. `zh` is the folded Chinese text, `en` the folded English
    text (English versions, instrument titles and the glossary's English phrases)."""

    zh: str
    en: str
    en_stems: str  # the English side as stemmed words, one space apart
    title_cores: tuple[str, ...]
    years: frozenset[int]  # every year named, inside periods too
    periods: frozenset[tuple[int, int]]  # every year (y, y) and period (first, last) named
    sessions: frozenset[int]  # the numbers of the sessions named (109, 110, 346)
    instruments: frozenset[str]
    latest_year: int  # the year of the latest document: it can report nothing after it
    units: tuple[str, ...]  # each unit's texts (all languages), folded: for word weights
    everyday_zh: str  # the everyday Chinese phrases for the documents' terms, folded

    @classmethod
    def of(cls, corpus: Corpus) -> Vocabulary:
        zh = fold("\n".join(corpus.texts("zh")))
        en_parts = list(corpus.texts("en"))
        en_parts += [p for _src, en, _zh in GLOSSARY for p in en]
        en = fold("\n".join(en_parts))
        periods = periods_in(zh + "\n" + fold("\n".join(corpus.texts("en"))))
        titles = [title_core(t) for t in _TITLE.findall(zh)]
        return cls(
            zh=zh,
            en=en,
            en_stems=f" {' '.join(en_words(en))} ",
            title_cores=tuple(dict.fromkeys(t for t in titles if t)),
            years=frozenset(y for a, b in periods for y in range(a, b + 1)),
            periods=frozenset(periods),
            sessions=frozenset(sessions_in(zh + "\n" + en)),
            instruments=frozenset(mentioned_instruments(zh + "\n" + en)),
            latest_year=max(d.year for d in corpus.documents),
            units=tuple(fold("\n".join([u.text, *(v.text(u.locator) or "" for v in d.versions)]))
                        for d in corpus.documents for u in d.units),
            everyday_zh="\n".join(EVERYDAY),
        )

    def specific(self, name: str, share: float = 0.1) -> bool:
        """A name used in at most `share` of the units: specific enough that a passage
        about it must say it (not the ILO, the Office, member States)."""
        return _df(self, name) <= share * len(self.units)

    def weight(self, word: str) -> float:
        """How specific a word (Chinese term or English stem) is: the inverse document
        frequency over the units, so a passage sharing 国际培训中心 with a question is about
        its subject and one sharing 劳工 is not."""
        return _weight(self, word)

    def says_zh(self, term: str) -> bool:
        """A Chinese word the documents do not use but an everyday phrase for one of their
        terms contains (工会 for 工人组织, 理工科 for STEM): a question using it is not about
        something new, as an English question's glossary words are not."""
        t = fold(term)
        return len(t) >= 2 and t in self.everyday_zh

    def knows_zh(self, term: str) -> bool:
        """A Chinese word occurs in the documents, or, for a word of three characters or
        more, one differing by a single character does (a typo: 培训假 for 培训机构 is not one;
        技能差巨 for 技能差距 is). An organisation's full name counts when the documents use
        its standard short form (联合国儿童基金会 → 儿童基金会, 国际电信联盟 → 国际电联)."""
        t = fold(term)
        if t in self.zh:
            return True
        short = _ZH_SHORT.get(t) or (t[3:] if t.startswith("联合国") and len(t) > 5 else "")
        if short and short in self.zh:
            return True
        if len(t) < 3 or not CJK.match(t):
            return False
        return any(re.search(re.escape(t[:i]) + "[\u3400-\u9fff]" + re.escape(t[i + 1:]), self.zh)
                   for i in range(len(t)))

    def knows_en(self, phrase: str) -> bool:
        """An English phrase occurs in the English side as the same words in the same
        order, plurals aside ('Paid Educational Leave Conventions'), a long word one letter
        off allowed (a typo: 'Convnetion')."""
        words = en_words(fold(phrase))
        if not words:
            return False
        if f" {' '.join(words)} " in self.en_stems:
            return True
        fixed = [w if w in self._en_words or len(w) < 6 else
                 next((k for k in self._en_words if one_edit(w, k)), w) for w in words]
        return fixed != words and f" {' '.join(fixed)} " in self.en_stems

    @functools.cached_property
    def _en_words(self) -> frozenset[str]:
        return frozenset(self.en_stems.split())

    def knows_title(self, title: str) -> bool:
        """A 《title》 the documents cite, in full or shortened, or text they contain."""
        core = title_core(title)
        if not core:
            return True
        if core in self.zh.replace(" ", "") or any(core in t for t in self.title_cores):
            return True
        return any(_subsequence(core, t) and _longest_run(core, t) >= 0.6 * len(core)
                   for t in self.title_cores)


@functools.lru_cache(maxsize=4096)
def _df(v: Vocabulary, word: str) -> int:
    """In how many units a word (Chinese, or English from its start) occurs."""
    w = fold(word)
    if w.isascii():
        pattern = re.compile(rf"(?<![a-z]){re.escape(w)}")
        return sum(1 for u in v.units if pattern.search(u))
    return sum(1 for u in v.units if w in u)


def _weight(v: Vocabulary, word: str) -> float:
    return math.log(1 + len(v.units) / (1 + _df(v, word)))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _longest_run(a: str, b: str) -> int:
    """Length of the longest common substring of two short strings."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best
