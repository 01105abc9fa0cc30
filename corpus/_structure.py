"""The structure of an added document, found in its text: Parts (the heading path), Articles
(`Article 5` / `第5条`), numbered paragraphs (`1.`), lettered items (`(a)`) and roman
sub-items (`(ii)`), giving the anchors people cite (`C142#art1.2`, `R195#p5.c`). A text
without such structure falls back to page + paragraph anchors (`X#pg3.2`).

Numbers are only believed in sequence (paragraph 3 after 2, item (c) after (b)), so a year
or a page number at the start of a line does not open a paragraph. A paragraph numbered 1
after others starts a new run (a resolution, then its conclusions), which is what aligning
another language version needs."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from ._instruments import instrument_spans
from ._units import Kind, Unit

Scheme = Literal["articles", "paragraphs", "pages"]
PAGE_BREAK = "\n\f\n"

_FULLWIDTH = str.maketrans("（）．０１２３４５６７８９：", "().0123456789:")
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_PART = re.compile(r"^(?:(?:PART|Part)\s+(?P<n>[IVXLC]+|\d+)\b[.:]?\s*(?P<t>.*)"
                   r"|(?P<r>[IVXL]{1,5})\.\s+(?P<rt>\S.*)"
                   r"|第(?P<zn>[一二三四五六七八九十]+)部分\s*(?P<zt>.*))$")
# A heading line: `Article 5` alone (or with a capitalised title), `第5条` alone or followed by
# a space; "Article 8 above" or "第8条的规定" in running text is not one.
_ARTICLE = re.compile(r"^(?:Article|ARTICLE|Art\.)\s+(?P<n>\d{1,3})\s*[.:]?(?:\s+(?P<t>[A-Z(].*))?$"
                      r"|^第\s*(?P<zn>\d{1,3}|[一二三四五六七八九十百]+)\s*条(?:\s+(?P<zt>.*))?$")
_PARA = re.compile(r"^(?P<n>\d{1,3})\s*[.、]\s*(?P<t>.*)$")
_LETTER = re.compile(r"^\((?P<l>[a-z])\)\s*(?P<t>.*)$|^(?P<l2>[a-z])\)\s+(?P<t2>.*)$")
_ROMAN = re.compile(r"^\((?P<r>[ivx]{1,5})\)\s*(?P<t>.*)$")
_NOISE = re.compile(r"^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|page\s+\d+(?:\s+of\s+\d+)?|第\s*\d+\s*页)$", re.I)
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_END = re.compile(r"[.。!?！？:：;；]$")


def _zh_int(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s.startswith("十"):
        return 10 + _ZH_DIGITS.get(s[1:], 0)
    if "十" in s:
        a, _, b = s.partition("十")
        return _ZH_DIGITS[a] * 10 + _ZH_DIGITS.get(b, 0)
    return _ZH_DIGITS.get(s, 0)


def language(text: str) -> Literal["zh", "en"]:
    """Chinese when CJK characters are at least a fifth of the letters."""
    letters = sum(c.isalpha() for c in text) or 1
    return "zh" if len(_CJK.findall(text)) / letters >= 0.2 else "en"


def join_lines(lines: list[str]) -> str:
    """Lines of one block as one text: no space between Chinese characters, hyphenated
    English words mended, white space collapsed."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and line[:1].islower():
            out = out[:-1] + line
        elif _CJK.match(out[-1]) or _CJK.match(line[0]):
            out += line
        else:
            out += " " + line
    return re.sub(r"[ \t\u00a0]+", " ", out).strip()


@dataclass
class _Node:
    locator: str
    depth: int
    spans: list[tuple[int, int]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    section: str = ""
    run: int = 0


@dataclass(frozen=True)
class Layout:
    """A parsed text: what the units are, before they get a document id."""

    text: str
    scheme: Scheme
    title: str
    preamble: str
    lang: Literal["zh", "en"]
    nodes: tuple[_Node, ...]
    front: tuple[str, ...]  # the lines before the first unit (title and preamble)

    def units(self, doc_id: str) -> tuple[Unit, ...]:
        kinds: dict[int, Kind] = {1: "paragraph", 2: "item"}
        return tuple(
            Unit(doc_id=doc_id, locator=n.locator, kind=kinds.get(n.depth, "subitem"),
                 text=join_lines(n.lines), spans=tuple(n.spans),
                 parent=n.parent, children=tuple(n.children), section=n.section)
            for n in self.nodes
        )

    def runs(self) -> int:
        return 1 + max((n.run for n in self.nodes), default=0)


def _lines(text: str) -> list[tuple[int, int, int, str]]:
    """(start, end, page, stripped line) of every line, page headers/footers left out: lines
    that are only a page number, or that recur on at least half of three or more pages."""
    out: list[tuple[int, int, int, str]] = []
    page, pos = 1, 0
    for raw in text.split("\n"):
        if raw == "\f":
            page += 1
        else:
            lead = len(raw) - len(raw.lstrip())
            out.append((pos + lead, pos + len(raw.rstrip()), page, raw.strip()))
        pos += len(raw) + 1
    pages = page
    if pages >= 3:
        counts = Counter(s for _a, _b, _p, s in {(0, 0, p, s) for _a, _b, p, s in out} if s)
        common = {s for s, c in counts.items() if c >= max(3, pages // 2) and len(s) < 120}
    else:
        common = set()
    return [(a, b, p, s) for a, b, p, s in out if not (_NOISE.match(s) or s in common)]


def _marker(line: str) -> tuple[str, re.Match[str]] | None:
    s = re.sub(r"^[-•·▪]\s+", "", line.translate(_FULLWIDTH))
    for name, rx in (("article", _ARTICLE), ("part", _PART), ("roman", _ROMAN), ("letter", _LETTER),
                     ("para", _PARA)):
        m = rx.match(s)
        if m:
            return name, m
    return None


def parse_layout(pages: tuple[str, ...] | list[str], metadata_title: str = "") -> Layout:
    """Find the structure of a text given page by page."""
    text = PAGE_BREAK.join(p.strip("\n") for p in pages)
    lines = _lines(text)
    has_articles = sum(1 for *_x, s in lines if (mk0 := _marker(s)) and mk0[0] == "article") >= 2
    nodes: list[_Node] = []
    front: list[str] = []
    section = ""
    art: _Node | None = None
    para: _Node | None = None
    item: _Node | None = None
    sub: _Node | None = None
    last_para = 0
    run = 0
    current: _Node | None = None
    markers = [_marker(s) for *_x, s in lines]

    def open_(locator: str, depth: int, parent: _Node | None) -> _Node:
        node = _Node(locator, depth, parent=parent.locator if parent else None, section=section, run=run)
        if parent:
            parent.children.append(locator)
        nodes.append(node)
        return node

    for i, (start, end, _page, s) in enumerate(lines):
        mk = markers[i]
        body: str | None = None
        kind = mk[0] if mk else ""
        m = mk[1] if mk else None
        if m is not None and kind == "part" and len(s) < 120 and not s.endswith((".", ";", ",", "；", "，")):
            section = s
            current = None
            continue
        n_art = (int(m["n"]) if m["n"] else _zh_int(m["zn"])) if m is not None and kind == "article" else 0
        if m is not None and kind == "article" and has_articles and (
                art is None or n_art == int(art.locator[3:]) + 1):
            n = n_art
            art = open_(f"art{n}", 1, None)
            para = item = sub = None
            last_para = 0
            current, body = art, (m["t"] if m["n"] else m["zt"]) or ""
        elif m is not None and kind == "para" and int(m["n"]) in (last_para + 1, 1) and (
                int(m["n"]) == last_para + 1 or last_para >= 2 or not nodes):
            n = int(m["n"])
            if n == 1 and last_para >= 2 and not has_articles:
                run += 1
            last_para = n
            if has_articles:
                if art is None:
                    front.append(s)
                    continue
                para = open_(f"{art.locator}.{n}", 2, art)
            else:
                para = open_(f"p{n}" if run == 0 else f"s{run + 1}.p{n}", 1, None)
            item = sub = None
            current, body = para, m["t"]
        elif m is not None and kind in ("letter", "roman") and (para or art):
            owner = para or art
            assert owner is not None
            token = (m["l"] or m["l2"]) if kind == "letter" else m["r"]
            want_letter = chr(ord("a") + sum(1 for c in owner.children if c.rsplit(".", 1)[-1].isalpha()
                                               and len(c.rsplit(".", 1)[-1]) == 1))
            want_roman = _ROMANS[len(item.children)] if item and len(item.children) < len(_ROMANS) else ""
            if kind == "roman" and token == want_letter and token != want_roman:
                kind = "letter"
            elif kind == "roman" and token == want_letter == want_roman:
                ahead = next((mk2 for mk2 in markers[i + 1:] if mk2 and mk2[0] in ("roman", "letter")), None)
                kind = "roman" if ahead and ahead[0] == "roman" and ahead[1]["r"] == "ii" else "letter"
            if kind == "letter" and token == want_letter:
                item = open_(f"{owner.locator}.{token}", owner.depth + 1, owner)
                sub = None
                current, body = item, m.groupdict().get("t") or m.groupdict().get("t2") or ""
            elif kind == "roman" and item is not None and token == want_roman:
                sub = open_(f"{item.locator}.{token}", item.depth + 1, item)
                current, body = sub, m["t"]
        if body is None:  # a continuation line
            if not s:
                continue
            if current is None:
                front.append(s)
            else:
                current.lines.append(s)
                current.spans.append((start, end))
            continue
        assert current is not None
        if body:
            current.lines.append(body)
            current.spans.append((end - len(body), end))
    if len(nodes) < 2:
        return _pages_layout(text, lines, metadata_title)
    title, preamble = _front(front, metadata_title)
    scheme: Scheme = "articles" if has_articles else "paragraphs"
    return Layout(text, scheme, title, preamble, language(text), tuple(nodes), tuple(front))


def _front(front: list[str], metadata_title: str) -> tuple[str, str]:
    """The title (the first line naming an instrument, else the first line) and preamble."""
    named = [i for i, s in enumerate(front[:6]) if instrument_spans(s)]
    at = named[0] if named else 0
    title = front[at] if front else ""
    if metadata_title and (instrument_spans(metadata_title) or not title):
        title = metadata_title
    rest = [s for i, s in enumerate(front) if i != at]
    return title[:300], join_lines(rest)


def _pages_layout(text: str, lines: list[tuple[int, int, int, str]], metadata_title: str) -> Layout:
    """No structure found: page + paragraph anchors. Paragraphs end at blank lines or at a
    line ending a sentence."""
    nodes: list[_Node] = []
    counts: Counter[int] = Counter()
    current: _Node | None = None
    for start, end, page, s in lines:
        if not s:
            current = None
            continue
        if current is None or current.locator.split(".")[0] != f"pg{page}":
            counts[page] += 1
            current = _Node(f"pg{page}.{counts[page]}", 1)
            nodes.append(current)
        current.lines.append(s)
        current.spans.append((start, end))
        if _END.search(s) and (len(s) < 60 or s.endswith(("。", ".", "!", "?", "！", "？"))):
            current = None
    first = next((s for *_x, s in lines if s), "")
    title = metadata_title or first[:300]
    return Layout(text, "pages", title, "", language(text), tuple(nodes), (first,))
