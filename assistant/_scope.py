"""On-topic questions the documents still cannot answer.

The similarity margin (`_abstain`) separates questions about skills from questions about
cooking; it cannot separate "what does the strategy say about apprenticeships" from "how many
countries have ratified C140 so far", because both are about the same things. What gives the
second away is what it asks for, checked against what the documents hold:

- a figure (how many, how much, what rate) when the retrieved paragraphs state no figure of
  that kind (money, a percentage, a count), or an address they do not give;
- who holds an office now (the documents name no office-holders);
- the provisions or an Article of an instrument whose own text is not in the corpus (the
  strategy names C138 or R205; their texts are not indexed until a user adds them);
- a publication by its title (《全球工资报告》, the World Employment and Social Outlook), a
  year, or an English proper name that the documents never mention.

Each rule is a reading of the question's form, not a list of topics; each returns why it
fired, so the answer (and the report) can say what the documents lack."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus import Corpus
from index import unknown_words

# --- what the question asks for -------------------------------------------------------
_FIGURE = re.compile(
    r"多少|(?<!哪)几(?:个|名|项|天|年|次|位|家|岁|成)"
    r"|\bhow (?:many|much|old)\b"
    r"|\bwhat (?:\w+ ){0,3}(?:rate|percentage|proportion|share|age)\b",
    re.IGNORECASE,
)
# "Which outputs concern how much funding is needed" locates a passage; it asks no figure.
_LOCATE = re.compile(r"哪|\bwhich\b|\bwhere\b", re.IGNORECASE)
_MONEY_ASKED = re.compile(
    r"钱|工资|补贴|费用|经费|预算|资金|美元"
    r"|\b(?:cost|costs|budget|funding|fees?|pay|wages?|salary|credit|money|dollars?)\b",
    re.IGNORECASE,
)
_RATE_ASKED = re.compile(
    r"率|比例|百分|\b(?:rates?|percentage|per ?cent|proportion|share)\b", re.IGNORECASE
)
# Contact details: the documents give none, but an added document might.
_CONTACT_ASKED = re.compile(
    r"地址|电话|邮箱|网址|联系方式"
    r"|\b(?:postal |street |email |e-mail )?address(?:es)? (?:of|for)\b|\bwhat is the (?:\w+ )?address\b"
    r"|\b(?:phone|telephone) numbers?\b|\be-?mail address|\bcontact details\b|\bwebsite\b",
    re.IGNORECASE,
)
# Who holds an office now: the documents name no office-holders (nor will a standard's text).
_HOLDER_ASKED = re.compile(
    r"\bwho (?:is|was|will be) (?:the )?(?:current|present|new|next|former|first)\b|现任|前任|下一任",
    re.IGNORECASE,
)
# --- what a paragraph states -----------------------------------------------------------
_CONTACT = re.compile(r"https?://|www\.|\w@\w|\+\d[\d\s-]{7,}")
_MONEY = re.compile(r"美元|US\$|\$\s?\d")
_RATE = re.compile(r"[%％]|百分之")
# A count: a number with a measure word. Years, paragraph numbers and "一项" (= "a") are not.
_COUNT = re.compile(
    r"(?<![\d.])\d{1,3}(?![\d.])\s*(?:个|名|项|人|天|国|次|岁)"
    r"|[二三四五六七八九十两]+(?:个|名|项|大|类|天|次|岁)"
    r"|[\d.,]+\s*(?:万|亿)"
)
# --- instruments -----------------------------------------------------------------------
_PROVISIONS = re.compile(
    r"(?:公约|建议书)》?\s*(?:里|中|对|的规定|规定|的条款|条款|的原文|原文)"
    r"|\b(?:under|according to) (?:the )?(?:[A-Z][\w'’-]* )+(?:Convention|Recommendation)\b"
    r"|\b(?:Convention|Recommendation)(?: \(?No\. ?\d+\)?)? (?:says?|sets?|requires?|provides?)\b"
    r"|\bArticle \d+|第\s*\d+\s*条"
)
_INSTRUMENT = re.compile(
    r"第\s*(\d+)\s*号\s*(公约|建议书)|\b([CR])\s?(\d{2,3})\b"
    r"|\b(Convention|Recommendation)\s*\(?No\.?\s*(\d+)"
)
# --- names -----------------------------------------------------------------------------
_TITLE = re.compile(r"《([^》]+)》")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-–—]\s*(\d{2,4}))?(?!\d)")
# Two or more capitalised words (with connectors): a name, e.g. "Nobel Peace Prize".
# "and the" joins two names ("the Declaration and the Prize"), so it is not a connector.
_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:(?:of the|of|for|on|and|in)\s+)?[A-Z][\w'’-]*)+")
# Capitalised only because they open the sentence.
_OPENERS = frozenset(
    "what which who whom whose how when where why did does do is are was were will would "
    "can could should must may has have had my our i in under according the a an if".split()
)


def years(text: str) -> set[int]:
    """Years a text names, ranges spelt out ("2022–23" → 2022, 2023)."""
    out: set[int] = set()
    for m in _YEAR.finditer(text):
        start = int(m.group(1))
        out.add(start)
        if m.group(2):
            end_raw = m.group(2)
            end = int(end_raw) if len(end_raw) == 4 else start // 100 * 100 + int(end_raw)
            if 0 < end - start < 20:
                out.update(range(start, end + 1))
    return out


def instruments(text: str) -> set[str]:
    """Instruments a text names by number, as document ids would name them (C142, R195)."""
    out: set[str] = set()
    for m in _INSTRUMENT.finditer(text):
        if m.group(1):
            out.add(("C" if m.group(2) == "公约" else "R") + m.group(1))
        elif m.group(3):
            out.add(m.group(3) + m.group(4))
        else:
            out.add(("C" if m.group(5) == "Convention" else "R") + m.group(6))
    return out


def names(question: str) -> list[str]:
    """English multi-word names in a question, without a sentence's capitalised opener."""
    out = []
    for m in _NAME.finditer(_INSTRUMENT.sub(" ", question)):  # "Convention No. 142" is no name
        words = m.group().split()
        while words and words[0].lower() in _OPENERS:
            words = words[1:]
        if len(words) >= 2:
            out.append(" ".join(words))
    return out


@dataclass(frozen=True)
class Lack:
    """Why the documents cannot answer: `reason` for logs and reports, `zh`/`en` the
    sentence shown to people after the abstention message."""

    reason: str
    zh: str = ""
    en: str = ""

    def say(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


_KINDS = {"money": ("an amount of money", "金额", "amount of money"),
          "rate": ("a rate", "比率或百分比", "rate or percentage"),
          "number": ("a number", "数字", "figure")}


@dataclass(frozen=True)
class Scope:
    """What the corpus holds, for telling which on-topic questions it cannot answer."""

    text: str
    years: frozenset[int]
    held: frozenset[str]  # instruments whose own text is a document of the corpus

    @classmethod
    def of(cls, corpus: Corpus) -> Scope:
        text = "".join(d.text for d in corpus.documents)
        return cls(text, frozenset(years(text)), frozenset(d.doc_id for d in corpus.documents))

    def lacks(self, question: str, evidence: Sequence[str]) -> Lack | None:
        """Why the documents cannot answer the question from this evidence (the texts of the
        retrieved units), or None when nothing says so."""
        for lack in self._lacks(question, evidence):
            return lack
        return None

    def _lacks(self, question: str, evidence: Sequence[str]) -> Iterable[Lack]:
        stated = " ".join(evidence)
        if _FIGURE.search(question) and not _LOCATE.search(question):
            if _MONEY_ASKED.search(question):
                kind, found = "money", _MONEY.search(stated)
            elif _RATE_ASKED.search(question):
                kind, found = "rate", _RATE.search(stated)
            else:
                kind, found = "number", _COUNT.search(stated) or _MONEY.search(stated)
            if not found:
                what, zh, en = _KINDS[kind]
                yield Lack(f"asks for {what}; the retrieved paragraphs state none",
                           f"检索到的段落没有给出相关{zh}。",
                           f"The paragraphs retrieved state no such {en}.")
        if _CONTACT_ASKED.search(question) and not _CONTACT.search(stated):
            yield Lack("asks for contact details; the retrieved paragraphs give none",
                       "检索到的段落没有给出地址或联系方式。",
                       "The paragraphs retrieved give no address or contact details.")
        if _HOLDER_ASKED.search(question):
            yield Lack("asks who holds an office; the documents name no office-holders",
                       "文件没有提到任何任职者的姓名。", "The documents name no office-holders.")
        if _PROVISIONS.search(question):
            named = instruments(question)
            if not named or not named <= self.held:
                which = ", ".join(sorted(named - self.held)) or "the instrument"
                yield Lack(f"asks what {which} provides; its text is not in the corpus",
                           f"语料中没有{'该文书' if not named else which}的条文。",
                           f"The text of {which} is not in the corpus.")
        for title in _TITLE.findall(question):
            if title not in self.text:
                yield Lack(f"names 《{title}》, which the documents never mention",
                           f"文件中没有提到《{title}》。",
                           f"The documents never mention 《{title}》.")
        unknown_years = years(question) - self.years
        if unknown_years:
            year = min(unknown_years)
            yield Lack(f"names {year}, a year the documents never mention",
                       f"文件中没有涉及{year}年。", f"The documents never mention {year}.")
        for name in names(question):
            if unknown_words(name):
                yield Lack(f"names {name!r}, which the documents never mention",
                           f"文件中没有提到“{name}”。", f"The documents never mention {name}.")
