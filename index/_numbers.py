"""Numbers a question writes for the documents' units — Conclusions points ("结论第14段(h)",
"point 12(e)", "14(a)(v)"), strategy paragraphs and items ("para. 25(a)"), Appendix rows
("output 33", "A12", "附录表第12行") — read as anchors. Questions arrive `corpus.normalize`d
and lower-cased."""

from __future__ import annotations

import re

from corpus import Corpus

GB, ILC = "GB.346/INS/4", "ILC.109/Res"

_LETTERS = r"(?P<letters>(?:\s*[\(（]\s*[a-z]{1,4}\s*[\)）](?:\s*(?:[、,，]|和|及|与|或|and|or)\s*)?)*)"
ZH_CONCL = re.compile(r"结论》?\s*(?:的)?\s*(?:第\s*)?(?P<n>\d{1,2})\s*(?:段|点)?" + _LETTERS)
ZH_PARA = re.compile(r"(?<!结论)(?<!结论的)第\s*(?P<n>\d{1,2})\s*段" + _LETTERS)
# (not "paragraphs 22–27", a range to look in)
# (a digit right before a Chinese character has no \b after it: "paragraph 14的")
EN_POINT = re.compile(r"\b(?P<word>points?|paragraphs?|paras?\.?)\s*(?P<n>\d{1,2})(?![\da-z_])"
                      r"(?!\s*(?:[-–—]|to\s)\s*\d)" + _LETTERS)
# "第14(c)点": 点 is the Conclusions' word (the strategy's items are 项)
ZH_POINT = re.compile(r"(?<!结论)第\s*(?P<n>\d{1,2})\s*(?:段\s*)?" + _LETTERS + r"\s*点")
# "in 12(o)", "implements 14(a)(v)", "行动计划22(c)": a bare number with its letters (at least
# one), after anything but a Latin letter, a digit or a mark of a longer reference.
_BARE_ITEM = re.compile(r"(?<![a-z0-9_.#(/\-])(?P<n>\d{1,2})(?=\s*[\(（]\s*[a-z]{1,4}\s*[\)）])" + _LETTERS)
# A sentence giving the asker's own guess ("I'd have expected 14(i)", "…哪一点？是不是14(i)？"):
# its number is no reference of the question.
_GUESS = re.compile(r"\b(?:expect|expected|guess|guessed|thought|assumed?|suppose[ds]?|believed?)\b"
                    r"|以为|猜|原本估计|^\s*(?:是不是|是否就?是|会不会是|难道是|应该是|大概是)")
_SENTENCE = re.compile(r"[^.!?。！？]+[.!?。！？]*")


def bare_items(q: str) -> list[re.Match[str]]:
    """Bare numbered items, outside sentences that only give the asker's guess."""
    out: list[re.Match[str]] = []
    for s in _SENTENCE.finditer(q):
        if not _GUESS.search(s.group()):
            out += [m for m in _BARE_ITEM.finditer(q, s.start(), s.end())]
    return out
# "Conclusions 14(c)", "Conclusion 12": the number right after the word.
EN_CONCL = re.compile(r"\bconclusions?\s*(?P<n>\d{1,2})(?![\da-z_])" + _LETTERS)
ROW = re.compile(
    r"附录\s*表?\s*(?:中\s*|里\s*)?第\s*(?P<a>\d{1,2})\s*(?:项|行|条)|第\s*(?P<b>\d{1,2})\s*(?:项|行)(?:高级别)?产出"
    r"|\b(?:appendix\s+)?outputs?\s+(?:no\.\s*)?(?P<c>\d{1,2})(?![\da-z_])(?!\.\d)"
    # "output A34", "附录A24", "那个产出(A5)": the table's own numbering after the word
    r"|(?:附录\s*|\boutputs?\s+|(?:产出|\boutputs?)\s*\(\s*)a(?P<i>[1-9]\d?)(?![\d.a-z])"
    # "output A33", "附录A29", "A35这项产出", "A12" in a question about the mandate's wiring:
    # the rows' own numbering in the table (not "an A4 paper version")
    r"|(?<![a-z0-9&.\-])a(?P<d>[1-9]\d?)(?![\d.a-z])(?=[^?？。]{0,40}(?:产出|\boutputs?\b|依据|\bmandat|\bbasis\b))"
    # "row 13 of the Appendix", "Appendix row 13", "table row 5"
    r"|\b(?:appendix|table)\s+row\s+(?:no\.\s*)?(?P<e>\d{1,2})(?![\da-z_])(?!\.\d)"
    r"|\brow\s+(?:no\.\s*)?(?P<f>\d{1,2})(?![\da-z_])(?!\.\d)(?=[^?？。]{0,30}\b(?:appendix|table|outputs?)\b)"
    r"|附录[^？?。\d]{0,8}?第\s*(?P<g>\d{1,2})\s*行"
    # "排第23的那项产出", "排在第5位的产出": its place in the table
    r"|排在?第\s*(?P<h>\d{1,2})\s*(?:位|名)?的?(?:那|这)?一?(?:项|个)?(?:高级别)?产出"
)
_STRATEGY = re.compile(r"战略|行动计划|附录|\bstrategy\b|\baction plan\b|\bappendix\b|gb\.346")


def zh_paragraphs(q: str, corpus: Corpus) -> list[re.Match[str]]:
    """"《2021年结论》中哪些条款援引了第5段": in a question about the Conclusions alone, 第N段
    is a paragraph of the Conclusions; in one that names the strategy too, only an item the
    strategy does not have and the Conclusions do ("附录…“结论”一栏引用了第14段(i)项": the
    strategy's para. 14 ends at (f))."""
    found = list(ZH_PARA.finditer(q))
    if not _STRATEGY.search(q):
        return found
    return [m for m in found if m["letters"]
            and all(corpus.get(a) is None for a in anchors_of(GB, "p", m["n"], m["letters"]))
            and all(corpus.get(a) is not None for a in anchors_of(ILC, "c", m["n"], m["letters"]))]


_ROMAN = frozenset("i ii iii iv v vi vii viii ix x".split())


def anchors_of(doc: str, prefix: str, n: str, letters: str) -> list[str]:
    """The anchors of "14", "14(c)", "14(c), (d) and (h)", and of sub-items: "14(a)(v)" (a
    roman numeral right after an item's letter) and "14(a)(v) and (vi)"."""
    out: list[str] = []
    item, joined, in_sub = "", False, False
    for m in re.finditer(r"[\(（]\s*([a-z]{1,4})\s*[\)）]|(\S)", letters or ""):
        x = m[1]
        if x is None:  # a separator ("、", ",", "and"): the next letter is not a sub-item
            joined = True
            continue
        # a roman numeral right after the item's letter, or after a sub-item and a separator
        sub = bool(x in _ROMAN and item and (not joined or in_sub))
        if sub and not in_sub:  # "14(a)" becomes "14(a)(v)"
            out[-1] = f"{doc}#{prefix}{n}.{item}.{x}"
        elif sub:
            out.append(f"{doc}#{prefix}{n}.{item}.{x}")
        else:
            item = x
            out.append(f"{doc}#{prefix}{n}.{x}")
        in_sub, joined = sub, False
    return out or [f"{doc}#{prefix}{n}"]


_DESCRIBES_AFTER = re.compile(r"\s*(?:中)?(?:所列|所述|所指|所提|提到的|列出的|列举的|above\b)")
_DESCRIBES_BEFORE = re.compile(
    r"\b(?:listed|referred to|mentioned|set out|identified|named|described|groups?) in\s*(?:the\s+)?$")


def _described(q: str, m: re.Match[str]) -> bool:
    """Whether a reference only describes something else ("第 5 段所列群体", "the groups
    listed in paragraph 5"): the question is not about that paragraph, so it is not ranked
    first (it is still named: "哪些条款援引了第5段所列的群体" asks what refers to it)."""
    return bool(_DESCRIBES_AFTER.match(q, m.end())
                or _DESCRIBES_BEFORE.search(q[max(0, m.start() - 24):m.start()]))


def about(q: str, matches: list[re.Match[str]]) -> list[re.Match[str]]:
    return [m for m in matches if not _described(q, m)]


# "paragraph 12, 13 and 14", "paragraphs 25 and 26", "points 14(c) and 14(h)", "outputs 9
# and 12": each number is a paragraph (an output).
_ITEM_MARKS = r"(?:\s*\([a-z]{1,4}\))*"
_NUMBER_LIST = re.compile(r"\b(?P<word>paragraphs?|points?|paras?\.?|outputs?)\s*(?P<first>\d{1,2}" + _ITEM_MARKS + ")"
                          r"(?P<rest>(?:\s*(?:,|and|&|or)\s*\d{1,2}\b" + _ITEM_MARKS + ")+)")


# "14h", "13.g", "12 s": a Conclusions point as the Appendix's points column writes it ("大会，14h"),
# in a question about the mandate's wiring (paras 12–14 are the lettered ones); not an SDG
# target ("SDG 12.a").
_TIGHT_ITEM = re.compile(r"(?<![a-z0-9_.#/\-])(?P<n>1[234])(?:\.|\s)?(?P<l>[a-w])(?![a-z0-9'’])")
_SDG_BEFORE = re.compile(r"(?:sdg|target|可持续发展目标|具体目标)[^。？?]{0,12}$")
_TIGHT_WIRING = re.compile(r"产出|依据|\boutputs?\b")


def each_numbered(q: str) -> str:
    """The question with "paragraph 12, 13 and 14" as three references, and "14h" as "14(h)"
    where it speaks of the mandate's wiring."""
    q = _NUMBER_LIST.sub(lambda m: f"{m['word']} {m['first']}" + re.sub(
        r"(\d{1,2})", lambda n: f"{m['word']} {n.group(1)}", m["rest"]), q)
    if not (_WIRING.search(q) or _TIGHT_WIRING.search(q)):
        return q
    return _TIGHT_ITEM.sub(lambda m: m.group() if _SDG_BEFORE.search(q[:m.start()])
                           else f"{m['n']}({m['l']})", q)


def named(question: str, corpus: Corpus) -> list[str]:
    """The units a (normalized) question names itself — Conclusions points, strategy
    paragraphs or items, Appendix rows — as written, not expanded; only those that exist."""
    q = each_numbered(question.lower())
    conclusions = "结论" in q or "conclusion" in q
    out: list[str] = []
    for m in ZH_CONCL.finditer(q):
        out += anchors_of(ILC, "c", m["n"], m["letters"])
    # "Strategy para. 14(e) — which point of the Conclusions …": the strategy's, whatever else
    # the question names
    own = list(EN_GB_POINT.finditer(q))
    for m in own:
        out += anchors_of(GB, "p", m["n"], m["letters"])
    if not out and conclusions:
        for m in [*EN_POINT.finditer(q), *EN_CONCL.finditer(q), *zh_paragraphs(q, corpus)]:
            out += conclusions_first(m, corpus)
    if not out and conclusions:  # "… for the informal economy in 12(o)"
        for m in bare_items(q):
            out += conclusions_first(m, corpus)
    if not conclusions or (not out and NAMES_GB.search(q)):  # "行动计划第25段(c)源自结论哪一点"
        found = [*ZH_PARA.finditer(q), *EN_POINT.finditer(q), *ZH_POINT.finditer(q)]
        for m in found or bare_items(q):  # "Which output implements 12(v)?"
            out += unnamed_document(m, corpus)
    out += rows(q)
    return [a for a in dict.fromkeys(out) if corpus.get(a) is not None]


EN_GB_POINT = re.compile(r"\b(?:strategy(?:'s)?|gb\.346/ins/4)\s+(?:paragraphs?|paras?\.?|items?)\s*(?P<n>\d{1,2})"
                          r"(?![\da-z_])" + _LETTERS)


def conclusions_first(m: re.Match[str], corpus: Corpus) -> list[str]:
    """A number in a question speaking of the Conclusions: their point, or the strategy's
    unit when they have none so numbered ("Which point of the Conclusions does para 27(b)
    answer to?": the Conclusions end at para. 14)."""
    ilc = [a for a in anchors_of(ILC, "c", m["n"], m["letters"]) if corpus.get(a) is not None]
    return ilc or [a for a in anchors_of(GB, "p", m["n"], m["letters"]) if corpus.get(a) is not None]


def unnamed_document(m: re.Match[str], corpus: Corpus) -> list[str]:
    """A number whose document the question does not name: the strategy's paragraph, unless
    the strategy has no such unit and the Conclusions have ("point 12(e)": the strategy's
    para. 12 ends at (d)), or it is called a point ("point 14(c)", "第14(c)点"), the
    Conclusions' word, or the outputs answering it are asked for (the Appendix cites the
    Conclusions' points only: "Which outputs answer paragraph 14(f)?"), or it is a bare item
    beside an output the question numbers, and the Conclusions have it."""
    gb = [a for a in anchors_of(GB, "p", m["n"], m["letters"]) if corpus.get(a) is not None]
    ilc = [a for a in anchors_of(ILC, "c", m["n"], m["letters"]) if corpus.get(a) is not None]
    answered = bool(_ANSWERED.search(m.string)) and not NAMES_GB.search(m.string)
    # a bare "14(c)" beside an output the question numbers ("Is the 39th output tied to
    # 14(c)?"): what an output cites is a Conclusions point
    beside_row = m.re is _BARE_ITEM and bool(rows(m.string)) and not NAMES_GB.search(m.string)
    point = m.re is ZH_POINT or (m.groupdict().get("word") or "").startswith("point") or answered or beside_row
    return ilc if ilc and (point or not gb) else gb


NAMES_GB = re.compile(r"战略|行动计划|\bstrategy\b|\baction plan\b|gb\.346")
# Outputs asked for as answering a numbered unit: only a Conclusions point is answered so.
_ANSWERED = re.compile(
    r"\boutputs?\b[^?？]{0,40}\b(?:answer|answers|implement|implements|respond to|responds to|cite|cites"
    r"|correspond to|corresponds to)\b"
    r"|产出[^？?]{0,12}(?:落实|对应|引用|回应)|(?:落实|对应|引用|回应)[^？?]{0,12}(?:的|哪(?:些|几|一)?(?:个|项)?)(?:高级别)?产出")


def row_number(m: re.Match[str]) -> str:
    return str(m["a"] or m["b"] or m["c"] or m["d"] or m["e"] or m["f"] or m["g"] or m["h"] or m["i"])


# "A12" alone, in a question about the mandate's wiring ("Which Conclusions points does A12
# respond to?"), is a row of the table; elsewhere it may be anything ("an A4 paper version").
_BARE_ROW = re.compile(r"(?<![a-z0-9&.\-])a(?P<n>[1-9]\d?)(?![\d.a-z])")
_WIRING = re.compile(r"结论|对应|引用|\bconclusions?\b|\bpoints?\b|\brespond|\bimplement|\bcit(?:e|es|ed)\b"
                     r"|\bmandat|\bbasis\b|\bappendix\b")


def rows(q: str) -> list[str]:
    """The Appendix rows a (lower-cased) question names, in order."""
    found = [(m.start(), int(row_number(m))) for m in ROW.finditer(q)]
    if _WIRING.search(q):
        found += [(m.start(), int(m["n"])) for m in _BARE_ROW.finditer(q)]
    return [f"{GB}#A{n}" for _, n in sorted(found)]
