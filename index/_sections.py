"""Pillars and components named by their titles rather than their numbers ("the
apprenticeship pillar", "the component on resource mobilization", "研究和知识管理这一要素",
"学徒制支柱"): the question gets the number after the word, so everything that reads
"pillar 5" (output lists, a section's areas, the filters) applies to it as well.

A title is matched on its own words, those no other title of the same kind shares
("apprenticeship", "intelligence", 学徒制, 融资), within the clause around the word; the
number is added only when exactly one title matches best."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from corpus import Corpus

from ._tokens import en_tokens, tokens

_EN = re.compile(r"\b(?P<kind>pillar|component)\b(?!s?\s*\(?\d)", re.I)
_ZH = re.compile(r"(?P<kind>支柱|要素)(?!\s*\d)")
# "the pillar on apprenticeships", "the component dealing with standards": the words after.
_EN_AFTER = re.compile(r"\s*(?:on|of|about|for|covering|dealing with|concerning|that covers|"
                       r"which covers)\s+(?P<words>[^,;:?.!()]{1,60})", re.I)
_EN_BEFORE = re.compile(r"(?P<words>(?:[^\s,;:?.!()]+\s+){0,5}[^\s,;:?.!()]+)\s*$")
_ZH_BEFORE = re.compile(r"(?P<words>[^，。；：？！、,;:?!()（）]{1,16})$")
_COMMON = 0.13  # a word in more than this share of the units names no section ("ILO", 技能)
# The titles' verbs and function words, which name no topic ("can", "ensuring", 推进), and
# words a question uses for other things ("action" of "action plan", 领域 "area").
_NAMELESS = frozenset({"can", "meet", "improving", "providing", "ensuring", "strengthening",
                       "promoting", "enhance", "implementation", "effective", "action", "推进",
                       "提高", "确保", "实行", "能够", "满足", "完善", "加强", "基于", "有效", "行动",
                       "相关", "领域", "工作", "市场"})
_BARE = re.compile(r"^\s*(?:the|this|that|its|their|a|an)\s*$|^\s*$", re.I)


@dataclass(frozen=True)
class Title:
    kind: str  # "pillar" or "component"
    n: int
    words: frozenset[str]  # its own words, in both languages
    text: str  # the Chinese title, for words of a question that jieba cuts differently


def _own(kind: str, titles: dict[int, list[str]], common: set[str]) -> tuple[Title, ...]:
    """Each title's words that no other title of the kind shares and that are not `common`
    in the documents ("skills", "ILO", 技能, 能力: they name no section)."""
    words: dict[int, set[str]] = {}
    for n, texts in titles.items():
        found: set[str] = set()
        for t in texts:
            body = re.split(r"[:：]", t, maxsplit=1)[-1]
            found |= _words(body)
        words[n] = found
    out = []
    for n, found in words.items():
        others = set().union(*(w for m, w in words.items() if m != n))
        own = {w for w in found if w not in others and w not in common and w not in _NAMELESS
               and not any(_alike(w, o) for o in others)}
        zh = next((t for t in titles[n] if re.search(r"[\u4e00-\u9fff]", t)), "")
        out.append(Title(kind, n, frozenset(own), re.split(r"[:：]", zh, maxsplit=1)[-1]))
    return tuple(out)


def section_titles(corpus: Corpus) -> tuple[Title, ...]:
    """The pillars' and components' titles, in every language the corpus holds (worked out
    once per index)."""
    pillars: dict[int, list[str]] = {}
    components: dict[int, list[str]] = {}
    seen: Counter[str] = Counter()
    units = list(corpus.units())
    for u in units:
        doc = corpus.document(u.doc_id)
        texts = [u.text, *(v.text(u.locator) or "" for v in doc.versions)]
        seen.update({w for t in texts for w in _words(t)})
    common = {w for w, n in seen.items() if n > _COMMON * len(units)}
    for u in units:
        if not u.group or (u.pillar is None and u.component is None):
            continue
        doc = corpus.document(u.doc_id)
        texts = [u.group, *(v.headings.get(u.group, "") for v in doc.versions)]
        into = pillars if u.pillar is not None else components
        into.setdefault(u.pillar if u.pillar is not None else u.component or 0, []).extend(
            t for t in texts if t)
    for u in corpus.units():  # components are headings of the Appendix rows as well
        if u.row is not None and u.row.component and u.row.component not in components:
            doc = corpus.document(u.doc_id)
            components[u.row.component] = [u.row.component_title, *(
                v.headings.get(u.row.component_title, "") for v in doc.versions)]
    return _own("pillar", pillars, common) + _own("component", components, common)


def _words(text: str) -> set[str]:
    """A title's or a text's words and pairs of neighbouring words (in English "skill
    need", in Chinese 技能需求): two words each common in the documents can together name one
    section ("skills-needs pillar")."""
    zh = [w for w in tokens(text) if len(w) > 1 and not w.isascii()]
    en = en_tokens(text.replace("-", " "))
    return {*zh, *en_tokens(text), *en, *(a + b for a, b in itertools.pairwise(zh)),
            *(f"{a} {b}" for a, b in itertools.pairwise(en))}


def _alike(a: str, b: str) -> bool:
    """English words with one stem ("apprenticeships"/"apprenticeship", "financing"/"finance")."""
    return a.isascii() and b.isascii() and " " not in a + b and min(len(a), len(b)) >= 5 and a[:5] == b[:5] and (
        a.startswith(b[:-1]) or b.startswith(a[:-1]) or a[:6] == b[:6])


def _hits(title: Title, words: str) -> int:
    if re.search(r"[\u4e00-\u9fff]", words):
        found = {w for w in title.words if not w.isascii() and w in words}
        found |= {w for w in tokens(words) if len(w) > 1 and w in title.text and w in title.words}
        return len(found)
    said = _words(words)
    return sum(any(w == s or _alike(w, s) for s in said) for w in title.words if w.isascii())


def _which(kind: str, words: str, titles: tuple[Title, ...]) -> int | None:
    scores = [(_hits(t, words), t.n) for t in titles if t.kind == kind]
    best = max(scores, default=(0, 0))
    if best[0] == 0 or sum(s == best[0] for s, _n in scores) > 1:
        return None
    return best[1]


def numbered(question: str, titles: tuple[Title, ...]) -> str:
    """The question with "N" after each "pillar"/"component"/支柱/要素 its clause names by
    title; unchanged when none does."""
    inserts: list[tuple[int, int]] = []
    for m in _EN.finditer(question):
        kind = m["kind"].lower()
        before = _EN_BEFORE.search(question[:m.start()])
        after = _EN_AFTER.match(question, m.end())
        for part in (before["words"] if before else "", after["words"] if after else ""):
            if part and not _BARE.match(part):
                n = _which(kind, part, titles)
                if n is not None:
                    inserts.append((m.end(), n))
                    break
    for m in _ZH.finditer(question):
        kind = "pillar" if m["kind"] == "支柱" else "component"
        before = _ZH_BEFORE.search(question[:m.start()])
        n = _which(kind, before["words"], titles) if before else None
        if n is not None:
            inserts.append((m.end(), n))
    out = question
    for pos, n in sorted(inserts, reverse=True):
        out = f"{out[:pos]} {n}{out[pos:]}"
    return out


# A document's numbered sections: "section 4", "part 1", "第1部分", "第四部分", "Part IV".
_SECTION_NUMBER = re.compile(
    r"\b(?:section|part|chapter)\s+(?P<n>\d+|[ivx]+)\b"
    r"|第\s*(?P<zn>\d+|[一二三四五六七八九])\s*(?:部分|节|章)")
_ZH_DIGITS = "一二三四五六七八九"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}


@dataclass(frozen=True)
class Section:
    doc_id: str
    heading: str  # as the document writes it ("4. 协调、监测和评估实施情况")
    number: int | None  # its own number, if it has one ("4", "IV")


def sections(corpus: Corpus) -> tuple[Section, ...]:
    """Every document's sections, in reading order."""
    out: dict[tuple[str, str], Section] = {}
    for u in corpus.units():
        if u.section and (u.doc_id, u.section) not in out:
            m = re.match(r"^\s*(?P<n>\d+|[IVX]+)\s*[.、．]", u.section)
            n = None if m is None else int(m["n"]) if m["n"].isdigit() else _ROMAN.get(m["n"].lower())
            out[(u.doc_id, u.section)] = Section(u.doc_id, u.section, n)
    return tuple(out.values())


def section_named(question: str, corpus: Corpus, every: tuple[Section, ...],
                  docs: tuple[str, ...] = ()) -> Section | None:
    """The one section a question names, by its number or by its title's own words (in any
    language the corpus holds), among `every` section (`sections`, worked out once) of
    `docs` (all when empty)."""
    found = [s for s in every if not docs or s.doc_id in docs]
    m = _SECTION_NUMBER.search(question)
    if m:
        raw = (m["n"] or m["zn"]).lower()
        n = int(raw) if raw.isdigit() else (_ZH_DIGITS.index(raw) + 1 if raw in _ZH_DIGITS else _ROMAN.get(raw))
        numbered_ = [s for s in found if s.number == n]
        if len(numbered_) == 1:
            return numbered_[0]
    titles: dict[int, list[str]] = {}
    for i, sec in enumerate(found):
        doc = corpus.document(sec.doc_id)
        titles[i] = [re.sub(r"^\s*(?:\d+|[IVX]+)\s*[.、．]\s*", "", t) for t in
                     (sec.heading, *(v.headings.get(sec.heading, "") for v in doc.versions)) if t]
    own = _own("section", titles, set())
    n = _which("section", question, own)
    return found[n] if n is not None else None
