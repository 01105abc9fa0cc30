"""One way to write a text before anything is matched against it, applied alike to the
documents and to questions, so that the form of a reference never decides whether it is
found: width (`１４` = `14`), spaces (`2030 年` = `2030年`), case, dashes, number words and
ordinals (`pillar two` = `the second pillar` = `pillar 2`, `第二支柱` = `支柱2`) and the usual
abbreviations (`Concl. 13 (g)` = `conclusions 13(g)`, `para 25 a` = `paragraph 25(a)`)."""

from __future__ import annotations

import functools
import re
import unicodedata

_CJK = r"\u3400-\u9fff"
_DASHES = re.compile(r"[‐‑‒–—―−﹣]")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"'})
# A space between CJK characters, or between one and a digit, is layout, not meaning
# ("2030 年" = "2030年"); next to a Latin word it is kept (word boundaries need it).
_CJK_SPACE = re.compile(
    rf"(?<=[{_CJK}《》「」、。])\s+(?=[{_CJK}《》「」、。\d(])|(?<=[\d)])\s+(?=[{_CJK}《》「」、。])")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """The matching form of a text: NFKC width, lower case, one kind of dash and quote, no
    spaces around CJK characters, single spaces elsewhere. Kept: the same passages are folded
    for every question that retrieves them."""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    t = _DASHES.sub("-", t).casefold()
    t = _CJK_SPACE.sub("", t)
    return _SPACES.sub(" ", t).strip()


# --- numbers written as words ----------------------------------------------------------
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORD_UNITS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
              "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
              "nineteenth").split()
_ORD_TENS = "_ _ twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()


def _number_words() -> dict[str, int]:
    """'two' → 2, 'second' → 2, 'thirty-third' → 33, … up to 99."""
    out: dict[str, int] = {}
    for i, w in enumerate(_UNITS):
        out[w] = i
        out[_ORD_UNITS[i]] = i
    for t in range(2, 10):
        out[_TENS[t]] = 10 * t
        out[_ORD_TENS[t]] = 10 * t
        for u in range(1, 10):
            for sep in ("-", " "):
                out[f"{_TENS[t]}{sep}{_UNITS[u]}"] = 10 * t + u
                out[f"{_TENS[t]}{sep}{_ORD_UNITS[u]}"] = 10 * t + u
    return out


NUMBER_WORDS = _number_words()
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10}
_WORD_ALT = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
# Before a noun only an ordinal names one ("the second pillar"); "five pillars" counts them.
_ORDINAL_WORDS = [w for w in NUMBER_WORDS if w in _ORD_UNITS or w in _ORD_TENS
                  or w.split("-")[-1] in _ORD_UNITS or w.split(" ")[-1] in _ORD_UNITS]
_ORDINAL_ALT = "|".join(sorted((re.escape(w) for w in _ORDINAL_WORDS), key=len, reverse=True))
_ORDINAL_DIGITS = r"\d{1,2}(?:st|nd|rd|th)"
# Nouns whose number is a reference into a document's structure.
_NOUNS = {"pillar": "pillar", "pillars": "pillar", "component": "component",
          "components": "component", "output": "output", "outputs": "output",
          "paragraph": "paragraph", "paragraphs": "paragraph", "point": "point",
          "points": "point", "conclusion": "conclusions", "conclusions": "conclusions",
          "article": "article", "articles": "article", "section": "section",
          "sections": "section", "row": "row", "rows": "row", "item": "item",
          "session": "session", "part": "part"}
_NOUN_ALT = "|".join(sorted(_NOUNS, key=len, reverse=True))
# "the second pillar", "2nd component" → "pillar 2", "component 2".
_ORD_BEFORE = re.compile(rf"\b(?P<n>{_ORDINAL_ALT}|{_ORDINAL_DIGITS})\s+(?P<noun>{_NOUN_ALT})\b")
# "pillar two", "component V", "output thirty-three" → "pillar 2", "component 5", "output 33".
_NUM_AFTER = re.compile(
    rf"\b(?P<noun>{_NOUN_ALT})\s+(?:no\.?\s*|number\s+)?(?P<n>{_WORD_ALT}|[ivx]{{1,4}})\b(?![-'])")
_ABBREV = (
    (re.compile(r"\bconcls?\b\.?"), "conclusions "),
    (re.compile(r"\bparas?\b\.?|\bpars?\.|§+"), "paragraph "),
    (re.compile(r"\barts?\.(?=\s*\d)"), "article "),
    (re.compile(r"\bpts?\.(?=\s*\d)"), "point "),
    (re.compile(r"\bapp\.(?=\s*\w)|\bapp\b(?=\s*output)"), "appendix "),
)
# "13 (g)", "13g", "13 g" after a structural noun → "13(g)"; "(a) (vii)" → "(a)(vii)".
_NUMBER_LETTER = re.compile(
    rf"\b(?P<head>(?:{_NOUN_ALT}|appendix|annex)\s+)(?P<n>\d{{1,2}})\s*"
    r"(?:\(\s*(?P<a>[a-z]{1,4})\s*\)|(?P<b>[a-z])(?![a-z]))")
_SPACED_MARKS = re.compile(r"\)\s+\((?=[a-z]{1,4}\))")
# "paragraph 14, point c", "paragraph 14 item (c)" and "point c of paragraph 14" → "paragraph 14(c)".
_LETTER_WORDS = r"(?:point|item|subparagraph|sub-paragraph|letter|clause)"
_POINT_AFTER = re.compile(
    rf"\b(?P<head>(?:paragraph|conclusions)\s+)(?P<n>\d{{1,2}}),?\s+{_LETTER_WORDS}\s+"
    r"\(?(?P<l>[a-z])\)?(?![a-z])")
_POINT_OF = re.compile(
    rf"\b{_LETTER_WORDS}\s+\(?(?P<l>[a-z])\)?\s+of\s+(?:the\s+)?(?P<head>(?:paragraph|conclusions)\s+)"
    r"(?P<n>\d{1,2})(?![\d(])")

# --- Chinese numerals --------------------------------------------------------------------
_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_ZH_NUM = r"[〇零一二两三四五六七八九十]{1,4}"
# 第二十五段, 第二支柱, 支柱二, 要素五, 第十四点, 第三项产出: ordinals and structure numbers.
_ZH_AFTER_DI = re.compile(rf"第(?P<n>{_ZH_NUM})(?=\s*(?:段|点|项|条|款|届|号|个|大|支柱|要素|部分|节|次"
                          r"|(?:位|名)?的(?:那|这)?一?项))")  # "排第二十三的那项产出"
_ZH_AFTER_NOUN = re.compile(rf"(?P<noun>支柱|要素|结论)(?P<n>{_ZH_NUM})(?![个项大栏列])")
# "第2支柱", "第2个支柱", "第2项要素" → "支柱2".
_ZH_ORD_NOUN = re.compile(r"第(?P<n>\d{1,2})(?:个|项|大)?(?P<noun>支柱|要素)")
# "第25段a项", "第25段 (a)", "结论13g", "结论第12段a、b、d三项", "第12段第q点" → "第25段(a)",
# "结论13(g)", "结论第12段(a)(b)(d)", "第12段(q)".
_ZH_ITEM = re.compile(
    r"(?P<head>第\d{1,2}段|结论(?:第)?\d{1,2}(?:段|点)?)\s*(?:第\s*(?=\(?[a-z]\)?\s*(?:点|项|小项|条)))?"
    r"(?P<ls>\(?[a-z]\)?(?:\s*(?:[、,]|和|及|与)\s*\(?[a-z]\)?)*)"
    r"\s*(?:[二三四五六七八九两]?项|小项|点)?(?![a-z])")
_LETTER = re.compile(r"[a-z]")


def zh_number(text: str) -> int | None:
    """'二十五' → 25, '十四' → 14, '五' → 5; None when it is not a number below 100."""
    if not text or any(c not in _ZH_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _ZH_DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(text) > 3 or "十" in units:
        return None
    t = _ZH_DIGITS.get(tens, -1) if tens else 1
    u = _ZH_DIGITS.get(units, -1) if units else 0
    return None if t < 0 or u < 0 else 10 * t + u


def _number(word: str) -> int | None:
    word = word.lower()
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in _ROMAN:
        return _ROMAN[word]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", word)
    return int(m.group(1)) if m else None


def one_edit(word: str, target: str) -> bool:
    """One edit apart (a letter missing, extra, changed or two swapped): 'pilar' ~ 'pillar'."""
    if abs(len(word) - len(target)) > 1 or word == target:
        return False
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == target[diff[1]]
                                  and word[diff[1]] == target[diff[0]])
    short, long = sorted((word, target), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


_LATIN_WORD = re.compile(r"[a-z]{5,}")


# English words one letter from a structural noun, written as meant ("joint research").
_REAL_WORDS = frozenset("joint joints paint paints print prints suction particle particles".split())


@functools.lru_cache(maxsize=4096)
def _meant(word: str) -> str:
    if word in _NOUNS or word in _REAL_WORDS:
        return word
    return next((n for n in _NOUNS if len(n) >= 5 and one_edit(word, n)), word)


def _fix_nouns(text: str) -> str:
    """Structural nouns misspelt by one letter ('pilar', 'componet') read as meant."""
    return _LATIN_WORD.sub(lambda m: _meant(m.group()), text)


def normalize(text: str) -> str:
    """`fold` plus references written out the same way: numbers of pillars, components,
    outputs, paragraphs and points as digits, abbreviations spelt out, letters in brackets.
    Questions and the documents both go through it before a reference is looked for."""
    t = _fix_nouns(fold(text))
    for pattern, repl in _ABBREV:
        t = pattern.sub(repl, t)
    t = _SPACES.sub(" ", t)

    def before(m: re.Match[str]) -> str:
        n = _number(m["n"])
        return f"{_NOUNS[m['noun']]} {n}" if n else m.group()

    def after(m: re.Match[str]) -> str:
        n = _number(m["n"])
        return f"{_NOUNS[m['noun']]} {n}" if n else m.group()

    t = _ORD_BEFORE.sub(before, t)
    t = _NUM_AFTER.sub(after, t)
    t = _SPACED_MARKS.sub(")(", t)
    t = _POINT_AFTER.sub(lambda m: f"{m['head']}{m['n']}({m['l']})", t)
    t = _POINT_OF.sub(lambda m: f"{m['head']}{m['n']}({m['l']})", t)
    t = _NUMBER_LETTER.sub(lambda m: f"{m['head']}{m['n']}({m['a'] or m['b']})", t)

    def zh(m: re.Match[str]) -> str:
        n = zh_number(m["n"])
        return m.group() if n is None else m.group().replace(m["n"], str(n), 1)

    t = _ZH_AFTER_DI.sub(zh, t)
    t = _ZH_AFTER_NOUN.sub(zh, t)
    t = _ZH_ORD_NOUN.sub(lambda m: f"{m['noun']}{m['n']}", t)
    t = _ZH_ITEM.sub(lambda m: m["head"] + "".join(f"({x})" for x in _LETTER.findall(m["ls"])), t)
    return t
