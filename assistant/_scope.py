"""On-topic questions the documents still cannot answer, told from what the corpus contains.

The similarity margin (`_abstain`) tells questions about skills from questions about cooking;
it cannot tell "what does the strategy say about C142" from "which countries have ratified
C142", which are about the same things. Three signals can, each computed from the documents
(every language version they exist in), so they hold unchanged for a document added later:

- names: a title, proper name, acronym, Chinese proper noun, instrument or year the question
  uses that the documents never mention, however it is written (`corpus.fold`: width,
  spacing, case; a shortened title meets the full one; one wrong character is a typo);
- time: a year after the latest document, in a question that is not about a plan — the
  documents cannot report what happened then;
- the value asked for: a figure (an amount of money, a rate, a count of the thing counted),
  a date, a person's name, a place, contact details, or what an instrument itself provides
  — looked for in the retrieved passages that are about the question's subject (those that
  share its words), and in the corpus for instruments (is its own text a document?).

Each returns why, in both languages, so the answer can say what the documents lack."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from corpus import Corpus, fold, instrument, mentioned_instruments
from index import Vocabulary, en_tokens, en_words, expand, stem, tagged, tokens

from ._question import Asked, Reading

# --- values stated in a passage (any language) -------------------------------------------
_NUM = (r"(?:\d[\d.,]*|[一二两三四五六七八九十百千万亿]+|one|two|three|four|five|six|seven|eight|"
        r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand)")
_CJK = re.compile(r"[\u3400-\u9fff]")
_STATED: dict[Asked, re.Pattern[str]] = {
    "money": re.compile(
        r"(?:us\$|\$|€|£|usd|chf|eur)\s?\d|\d[\d.,]*\s*(?:万|亿)?\s*(?:美元|欧元|瑞士法郎|元|dollars?|"
        r"francs?|euros?)|\d[\d.,]*\s*(?:million|billion)\b"),
    "rate": re.compile(r"\d\s*(?:%|per ?cent)|百分之"),
    "date": re.compile(
        r"(?<!\d)(?:19|20)\d\d(?!\d)|\d{1,2}\s*月|[一二两三四五六七八九十\d]+\s*(?:个月|周|天)"
        r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty)"
        r"\s+(?:years?|months?|weeks?|days?)\b|\b(?:january|february|march|april|may|june|july|"
        r"august|september|october|november|december)\b"),
    "person": re.compile(r"先生|女士|博士|教授|[\u3400-\u9fff]·[\u3400-\u9fff]|\b(?:mr|ms|mrs|dr|prof)\.?\s+\w"),
    "contact": re.compile(r"https?://|www\.|\w@\w|\+\d[\d\s-]{7,}|\b(?:street|road|avenue|route)\b|路\d+号|街\d+号"),
    # How often: every year, annually, every two years, at such times as…, 每年, 定期.
    "frequency": re.compile(
        r"\b(?:every|each)\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|quarters?|biennium|session)\b"
        r"|\b(?:annual(?:ly)?|biennial(?:ly)?|yearly|monthly|periodic(?:al(?:ly)?)?|regularly)\b|\bonce a\b"
        r"|\bat such times\b|\bintervals?\b|每年|每[一二两三四五六七八九十\d]+年|每季度|每月|定期|年度|两年期"),
    # A definition: a term said to mean something.
    "definition": re.compile(r"是指|指的是|系指|定义为|一词|\bis defined as\b|\bmeans\b|\brefers to\b|\bi\.e\."
                             r"|\bthe terms? [\"'“‘]"),
}
# A count: a number with a noun after it. Years, numbered references (paragraph 12, 第12段)
# and 一项/一个 (= "a") are not counts.
_COUNT_ZH = re.compile(
    r"(?<![\d.第])(?P<n>\d{1,3}|[二两三四五六七八九十]+)(?![\d.])\s*(?:个|名|项|大|类|种|国|人|次|天|年|位|家|所)")
_COUNT_EN = re.compile(
    r"\b(?P<n>\d{1,3}(?:,\d{3})*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred)\s+(?P<noun>(?:[a-z-]+\s+){0,2}[a-z-]+)")
@dataclass(frozen=True)
class Lack:
    """Why the documents cannot answer: `reason` for logs and reports, `zh`/`en` the
    sentence shown to people after the abstention message."""

    reason: str
    zh: str = ""
    en: str = ""
    value: str = ""  # the kind of value asked for and not stated ("count", "money", …)

    def say(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


_VALUE = {
    "money": ("an amount of money", "金额", "amount of money"),
    "rate": ("a rate", "比率或百分比", "rate or percentage"),
    "count": ("a number", "数字", "figure"),
    "date": ("a date", "日期或时间", "date"),
    "person": ("a person's name", "人名", "person's name"),
    "place": ("a place", "地名", "place"),
    "contact": ("contact details", "地址或联系方式", "address or contact details"),
    "definition": ("a definition", "定义", "definition"),
    "frequency": ("a frequency", "频次", "frequency"),
}


@dataclass(frozen=True)
class Passage:
    """A retrieved unit as the value checks read it: its texts in every language the corpus
    holds (the unit, an Appendix row's fields)."""

    anchor: str
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Scope:
    """What the corpus holds, for telling which on-topic questions it cannot answer."""

    vocabulary: Vocabulary
    held: frozenset[str]  # ids of the documents whose own text is in the corpus

    @classmethod
    def of(cls, corpus: Corpus, vocabulary: Vocabulary | None = None) -> Scope:
        return cls(vocabulary or Vocabulary.of(corpus),
                   frozenset(d.doc_id for d in corpus.documents))

    def unknown(self, reading: Reading) -> Lack | None:
        """A name the question uses that the documents never mention, however written."""
        return next(iter(self._unknown_names(reading)), None)

    def lacks(
        self, reading: Reading, evidence: Sequence[Passage], named: Sequence[Passage] = (),
        subject: Sequence[Passage] | None = None,
    ) -> Lack | None:
        """Why the documents cannot answer the question from this evidence (the retrieved
        passages, best first; `named`: those of the units the question names, read whole;
        `subject`: the passages retrieved for the question's subject alone, without the
        words that ask for a value; the value is looked for in the best three of each), or
        None when nothing says so: a place or instrument the
        passages do not mention, a time after the documents, an instrument's own text, the
        value asked for."""
        about = [*evidence[:3], *(subject or [])]
        for lack in self._lacks(reading, evidence, named, about):
            return lack
        return None

    def _lacks(
        self, r: Reading, evidence: Sequence[Passage], named: Sequence[Passage],
        subject: Sequence[Passage],
    ) -> Iterator[Lack]:
        unheld = [i for i in r.instruments if i not in self.held]
        if (r.provisions and unheld
                and (r.own_text or not self._discussed(r, unheld, evidence))):
            ids = ", ".join(unheld)
            zh, en = ("、".join(_short(i, "zh") for i in unheld),
                      ", ".join(_short(i, "en") for i in unheld))
            yield Lack(f"asks what {ids} provides; its text is not in the corpus",
                       f"语料中没有{zh}的条文。", f"The text of {en} is not in the corpus.")
        yield from self._ungrounded(r, [*evidence, *named])
        yield from self._after(r)
        if r.asks:
            about = self._about(r, subject) + [t for p in named for t in p.texts]
            for kind in r.asks:
                if not self._states(kind, r, about):
                    what, zh, en = _VALUE[kind]
                    yield Lack(f"asks for {what}; the retrieved paragraphs state none",
                               f"检索到的段落没有给出相关{zh}。",
                               f"The paragraphs retrieved state no such {en}.", kind)

    def _ungrounded(self, r: Reading, evidence: Sequence[Passage]) -> Iterator[Lack]:
        """A place or a numbered instrument the question names and the documents mention,
        but none of the passages retrieved for the question does: they say nothing about it
        in this respect ("China" is named as a BRICS country, never as receiving support).
        Places are the proper nouns the dictionary tags as places (an English name counts
        when the glossary gives it as one)."""
        text = fold(" ".join(t for p in evidence for t in p.texts))
        for name in [*r.proper_zh, *r.names]:
            places = [name] if not name.isascii() else [t for t in expand(name) if _is_place(t)]
            if places and all(_is_place(p) for p in places) and not (
                    _mentions(text, name) or any(_mentions(text, p) for p in places)):
                yield _absent(name)
                return
        found = mentioned_instruments(text)
        for inst in r.instruments:
            known = instrument(inst)
            numbered = known is None or known.number is not None
            if numbered and inst not in found and inst not in self.held:
                yield _absent(_short(inst, r.lang))
                return

    def _after(self, r: Reading) -> Iterator[Lack]:
        """A question about what happened after the latest document: about a later year
        that the documents do not plan for (or, if they plan for it, about what happened
        then), or about progress up to now."""
        last = self.vocabulary.latest_year
        for y, z in sorted(p for p in r.periods if p[0] > last):
            planned = (y, z) in self.vocabulary.periods  # the documents schedule something then
            if (not r.plan or r.realized) and (r.past or not planned):
                yield Lack(f"asks about {y}, after the documents ({last}) were written",
                           f"文件写于{last}年，无法说明{y}年的情况。",
                           f"The documents date from {last}; they cannot say what happened in {y}.")
                return
        if r.since and r.past:
            yield Lack(f"asks about progress up to now; the documents date from {last}",
                       f"文件写于{last}年，无法说明此后至今的进展。",
                       f"The documents date from {last}; they cannot report progress since then.")

    def _unknown_names(self, r: Reading) -> Iterator[Lack]:
        v = self.vocabulary
        for title in r.titles:
            if not v.knows_title(title):
                yield _never(f"《{title}》")
        for name in r.names:
            if not self._knows_name(name):
                yield _never(name)
        for word in r.proper_zh:
            if not v.knows_zh(word):
                yield _never(word)
        for inst in r.instruments:
            if inst not in v.instruments and inst not in self.held:
                yield _never(_short(inst, r.lang))
        for n in sorted(r.sessions - v.sessions):
            yield Lack(f"names session {n}, a session the documents never mention",
                       f"文件中没有涉及第{n}届会议。", f"The documents never mention a {_ordinal(n)} session.")
        for year in sorted(r.years - v.years):
            yield Lack(f"names {year}, a year the documents never mention",
                       f"文件中没有涉及{year}年。", f"The documents never mention {year}.")

    def _knows_name(self, name: str) -> bool:
        """A name the documents use, whole or as names joined by 'of', 'and', 'in'…
        ('Director-General of the ILO'), in English, or written in the Chinese text
        (acronyms such as TVET)."""
        v = self.vocabulary
        if v.knows_en(name) or fold(name) in v.zh or _ROW_NAME.match(name):
            return True
        # names joined by a word, or by hyphens ("Brazil-Russia-India-China-South Africa")
        parts = [p for p in re.split(r"\s+(?:of the|of|and|in|for|on|&)\s+|(?<=[a-z])-(?=[A-Z])", name) if p]
        if len(parts) > 1 and all(v.knows_en(p) or fold(p) in v.zh or _ROW_NAME.match(p) for p in parts):
            return True
        # An organisation's acronym before a name it holds: "ILO Governing Body"; a name the
        # documents use before what they call themselves: "Conference Conclusions".
        head, _, rest = name.partition(" ")
        if rest and _OWN_PARTS.match(rest) and self._knows_name(head):
            return True
        return bool(rest) and head.isupper() and self._knows_name(head) and self._knows_name(rest)

    def _discussed(self, r: Reading, named: list[str], evidence: Sequence[Passage]) -> bool:
        """Whether a retrieved passage that names the instrument also holds most of what the
        question asks about it: then the documents answer from their own text."""
        titles = " ".join(t for i in named if (inst := instrument(i)) for t in (inst.zh, inst.en))
        words = [w for w in _salient(r) if not _found([w], titles)]
        if not words:
            return True
        for p in evidence:
            text = " ".join(p.texts)
            if not any(i in mentioned_instruments(text) for i in named):
                continue
            if _share(words, text) >= 0.5:
                return True
        return False

    def _about(self, r: Reading, evidence: Sequence[Passage]) -> list[str]:
        """The sentences of the best passages that are about the question's subject: those
        whose shared words weigh at least half as much as the best sentence's (a word's
        weight is its specificity in the corpus; the documents' own topic words, in one unit
        of seven or more, weigh nothing unless no sentence shares another); the best passage
        whole when no sentence shares any."""
        words = _salient(r, r.subject)
        weights = {w: self.vocabulary.weight(w) for w in words}
        sentences = [s for p in evidence for text in p.texts for s in _sentences(text)]
        found = [(_found(words, s), s) for s in sentences]
        scored = [(sum(weights[w] for w in ws if weights[w] >= _TOPIC_WEIGHT), s) for ws, s in found]
        if max((n for n, _ in scored), default=0.0) <= 0:
            scored = [(sum(weights[w] for w in ws), s) for ws, s in found]
        best = max((n for n, _ in scored), default=0.0)
        if best <= 0 and r.lang == "zh" and evidence and not any(_CJK.search(t) for t in evidence[0].texts):
            return [t for p in evidence for t in p.texts]  # no sentence can be told apart in zh
        if best <= 0:
            return list(evidence[0].texts) if evidence else []
        return [s for n, s in scored if n >= 0.5 * best]

    def _states(self, kind: Asked, r: Reading, sentences: list[str]) -> bool:
        text = fold(" ".join(sentences))
        if kind == "count":
            ordinal = _ORDINAL_ASKED.search(r.norm)
            if ordinal and _ordinal_stated(ordinal["measure"] or "", text):
                return True  # "第几次周期性讨论" → "第三次周期性讨论"
            v = self.vocabulary
            # a Chinese noun the documents never use ("几个板块" for their 要素): any count
            # answers (not a unit: "几天" needs days); an English one is counted by its
            # glossary terms too ("building blocks": 要素)
            known = r.counted.isascii() or len(r.counted) < 2 or r.counted in v.zh
            return _counts(r.counted if known else "", text)
        if kind == "place":
            if _HOSTED.search(r.norm):  # where something is held: a sentence saying it is held
                sentences = [s for s in sentences if _HOSTED.search(fold(s))]
            return _places(sentences, r.specific_place)
        if kind == "date" and _DAY_ASKED.search(r.norm):
            return bool(_DAY.search(text))  # "几月几号" is not answered by a year
        if kind == "date" and _MONTH_ASKED.search(r.norm):
            return bool(_MONTH.search(text))  # nor "几月份"
        return bool(_STATED[kind].search(text))


# The Appendix table's own numbering of its rows ("A38", "Output A6"): a reference the
# structure resolves, not a name the text must hold.
# Likewise a section by its number ("Part IV", "Section 4").
# What the Conference's document calls itself ("strategy" or "action plan" are any body's).
_OWN_PARTS = re.compile(r"^(?:conclusions|resolution)$", re.I)
_ROW_NAME = re.compile(r"^(?:(?:appendix |high-level )?outputs? )?A[1-9]\d?$|^A[- ](?:outputs?|rows?)$"
                       r"|^(?:part|section|chapter) (?:\d{1,2}|[IVX]{1,4})$", re.I)


def _mentions(text: str, name: str) -> bool:
    """A folded text uses a name: as a substring (Chinese), or as the same words in order,
    plurals aside (English)."""
    n = fold(name)
    if not n.isascii():
        return n in text
    words = en_words(n)
    stems = " ".join(en_words(text))
    return bool(words) and f" {' '.join(words)} " in f" {stems} "


def _ordinal(n: int) -> str:
    """349 → '349th', 101 → '101st', 112 → '112th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _short(inst: str, lang: str) -> str:
    """An instrument as people write it: 第142号公约 / Convention No. 142, or its id."""
    known = instrument(inst)
    if known is not None:
        return known.short(lang)
    m = re.fullmatch(r"([CR])(\d+)", inst)
    if m is None:
        return inst
    zh, en = ("公约", "Convention") if m[1] == "C" else ("建议书", "Recommendation")
    return f"第{m[2]}号{zh}" if lang == "zh" else f"{en} No. {m[2]}"


def _is_place(word: str) -> bool:
    return any(flag == "ns" for _w, flag in tagged(word))


def _absent(name: str) -> Lack:
    return Lack(f"names {name!r}, which no passage about the question mentions",
                f"与这个问题相关的段落都没有提到“{name}”。",
                f"None of the passages about this question mentions {name}.")


def _never(name: str) -> Lack:
    return Lack(f"names {name!r}, which the documents never mention",
                f"文件中没有提到“{name}”。", f"The documents never mention {name}.")


def _salient(r: Reading, text: str | None = None) -> list[str]:
    """The content words of the question (or of part of it), in both languages where the
    glossary gives Chinese for English ones: what a passage about its subject shares."""
    text = r.norm if text is None else text
    if r.lang == "zh":
        return [t for t in dict.fromkeys(tokens(text)) if len(t) > 1]
    words = [w for w in en_tokens(text) if len(w) > 2]
    return list(dict.fromkeys(words + expand(text)))


def _found(words: list[str], text: str) -> list[str]:
    """The words (Chinese terms or English stems) that occur in a text."""
    t = fold(text)
    stems = f" {' '.join(en_words(t))} "
    return [w for w in words if (w in t if not w.isascii() else f" {w} " in stems)]


def _share(words: list[str], text: str) -> float:
    """The share of the words a text holds, in the better of the two languages (an English
    question's glossary terms are Chinese; a passage may hold one language only)."""
    shares = []
    for part in ([w for w in words if w.isascii()], [w for w in words if not w.isascii()]):
        if part:
            shares.append(len(_found(part, text)) / len(part))
    return max(shares, default=0.0)


_SENTENCE = re.compile(r"(?<=[。；;！？!?])\s*|(?<=\.)\s+(?=[A-Z])|\n")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s and s.strip()]


_PERIOD = re.compile(r"(?:19|20)\d\d\s*(?:年\s*)?[-–—至到]\s*(?:19|20)\d\d")


# A day asked for, and one stated (a month and its day).
_DAY_ASKED = re.compile(r"几月几[号日]|哪一?天|具体(?:日期|哪天)|\b(?:what|which|exact) (?:date|day)\b|\bon what day\b")
_DAY = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[一二三四五六七八九十]+月[一二三四五六七八九十]+[日号]"
                  r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)"
                  r"\s+\d{1,2}\b|\b\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september"
                  r"|october|november|december)\b")
# Where something is held or takes place: asked, and said of it.
_HOSTED = re.compile(r"举办|举行|召开|主办|\b(?:held|hosts?|hosted|hosting|convened?|takes? place|took place)\b")
# A month asked for, and one stated ("几月份", "哪个月" is not answered by a year).
_MONTH_ASKED = re.compile(r"几月份?|哪一?个月|\b(?:what|which|in what) month\b")
_MONTH = re.compile(r"\d{1,2}\s*月|[一二三四五六七八九十]+月|\b(?:january|february|march|april|june|july"
                    r"|august|september|october|november|december)\b|\bmay\s+\d|\bin may\b")  # not "may" the verb
# An ordinal asked ("第几次", "第几号"; "哪一届" is a date or a name), and one stated with the
# same measure word ("第几号" is not answered by "第110届").
_ORDINAL_ASKED = re.compile(r"第几\s*(?P<measure>次|届|个|项|轮|期|阶段|号)?")


def _ordinal_stated(measure: str, text: str) -> bool:
    measures = re.escape(measure) if measure else "次|届|个|项|轮|期|阶段|号"
    return bool(re.search(rf"第\s*(?:\d{{1,3}}|[一二三四五六七八九十百]+)\s*(?:{measures})", text))


# The weight (`Vocabulary.weight`) under which a word is one of the documents' own topic
# words (劳工, 技能, 战略, skills: in about one unit of seven or more): sharing it does not
# tell which sentence is about the question's subject.
_TOPIC_WEIGHT = 2.0


def _counts(counted: str, text: str) -> bool:
    """A number with the counted noun after it ('five pillars', '39 项产出', '187 个成员国');
    any count when the question does not say what it counts."""
    if not counted:
        return bool(re.search(r"\d", text)) or bool(_COUNT_ZH.search(text)) or bool(_COUNT_EN.search(text))
    if counted in ("年", "year", "years") and _PERIOD.search(text):
        return True  # "2022–2025" says how many years
    targets = [counted]
    if counted.isascii() and counted:  # "building blocks": "blocks", and the pair's Chinese
        targets = [counted.split()[-1], *expand(counted), *expand(counted.split()[-1])]
    for m in _COUNT_EN.finditer(text):
        if not targets or any(stem(t) in {stem(w) for w in m["noun"].split()} for t in targets if t.isascii()):
            return True
    for m in _COUNT_ZH.finditer(text):
        if not targets:
            return True
        window = text[m.end(): m.end() + 12]
        if any(t in window or t == m.group()[-1:] for t in targets if not t.isascii()):
            return True
    return False


_REGION = re.compile(r"(?:洲|地区|区域)$|^(?:africa|asia|europe|americas?|latin america|caribbean|"
                     r"pacific|arab states|middle east)$", re.IGNORECASE)


def _places(sentences: list[str], specific: bool = False) -> bool:
    """A place named: a Chinese word the dictionary tags as a place, or an English
    capitalised word after 'in'/'at' that is not a term of the field (Geneva). For a question
    about a country or a city, a continent or region (非洲, Asia) does not count."""
    for s in sentences:
        places = [w for w, flag in tagged(s) if flag == "ns" and len(w) > 1]
        for m in re.findall(r"\b(?:in|at) ([A-Z][a-z]{2,}(?: [A-Z][a-z]+)?)", s):
            terms = expand(m)  # a term of the field ("in Vocational Training") is no place
            if not terms or any(_is_place(t) for t in terms):
                places.append(m)
        if any(not (specific and _REGION.search(p)) for p in places):
            return True
    return False
