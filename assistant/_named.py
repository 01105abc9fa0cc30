"""Sets named by what their members mention: every unit naming an instrument (in any
written form), an organisation or a term ("Which passages mention the Turin Centre?",
"哪些段落提到了第142号公约？", "妇女、女性或性别"), and the instruments a unit, a document or
both name ("Which instruments does Conclusions 11 name?")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus import Corpus, Unit, contains, fold, instrument, label
from index import GLOSSARY, Index, en_tokens, tokens

from ._answer import Lang
from ._listing import Listing
from ._question import Reading

# "Which passages mention C142?", "哪些段落提到经合组织？": every unit naming a thing.
ASKS_MENTIONS = re.compile(
    r"\b(?:which|what|list|all) (?:[\w-]+ ){0,4}(?:units?|paragraphs?|parts?|passages?|places?|items?|"
    r"sections?|texts?|points?|provisions?|clauses?|outputs?)\b[^?]*\b(?:mention|cite|refer|deal|address|cover|name|invoke|contain"
    r"|talk|speak|discuss|uses? the (?:term|word|phrase|expression))"
    r"|\bwhere (?:is|are|does|do) [^?]*\b(?:mentioned|cited|referred to|named|appears?|occurs?|come up)\b"
    r"|\bwhere (?:is|are) (?:the )?(?:terms?|words?|phrases?|expressions?) [^?]*\bused\b"
    r"|\bwhere (?:else )?(?:does|do) [^?]+ (?:appear|occur|come up)\b"
    # "R195 — where?" (not "…? If so, where?")
    r"|^[^?]{1,60}\bwhere\s*\?\s*$"
    r"|\b(?:every|each|all(?: the)?) mentions? of\b|\ball (?:the )?(?:places|references) (?:to|where)\b"
    r"|\bwhere (?:else )?(?:does|do|did) (?:the |these |both )?(?:documents?|texts?|strategy|conclusions|"
    r"resolution|action plan|appendix|ilo) (?:mention|cite|refer to|name|talk about|discuss)\b"
    r"|(?:哪些|哪几|所有)(?:文本)?(?:单元|段落|部分|地方|条目|内容|条款|段|产出|分?项|点)[^？?]*(?:提到|提及|涉及|引用|谈到|援引|出现)"
    r"|在哪些地方被提到|出现在?(?:哪些|哪几|哪里|何处)"
    r"|(?:提到|提及|涉及|引用|援引)[^？?]{0,40}的(?:段落|部分|地方|产出|条款|内容|单元)[^？?]{0,6}(?:有)?哪些"
    r"|(?:提到|提及|涉及)[^？?]{0,20}的(?:有)?哪些(?:段落|部分|地方)"
    r"|所有(?:提到|提及|谈到|援引|引用)[^？?]{0,40}的(?:段落|部分|地方|产出|条款|条目|内容|单元)")
# "Which instruments does Conclusions 11 name?", "文件提到了哪些国际劳工标准？": the instruments
# themselves are the set (a kind narrows it: conventions, recommendations, standards).
ASKS_INSTRUMENTS = re.compile(
    r"\b(?:which|what|list|name|all|any)(?: [\w-]+){0,3} (?P<en>instruments|standards|"
    r"conventions|recommendations|declarations)\b"
    r"|(?:哪些|哪几|哪几项|哪几个|所有|列出|列举)(?:[^，。？?]{0,6}?)(?P<zh>文书|标准|公约|建议书|宣言)")
_KINDS = {"conventions": ("convention",), "公约": ("convention",),
          "recommendations": ("recommendation",), "建议书": ("recommendation",),
          "standards": ("convention", "recommendation"), "标准": ("convention", "recommendation"),
          "declarations": ("declaration",), "宣言": ("declaration",)}


# What a "which passages mention X" question names: the words after the verb.
_THING = re.compile(
    r"\b(?:mentions? of|references? to|mention|mentions|mentioned|mentioning|refer to|refers to|"
    r"referring to|cite|cites|citing|"
    r"name|names|naming|invoke|invokes|talk about|talks about|speak of|speaks of|discuss|discusses|"
    r"deal with|deals with|(?:use|uses|using|contain|contains|containing) (?:the )?(?:terms?|words?|phrases?|"
    r"expressions?))\s+(?:the |a |an )?(?P<en>[^?.;]+)"
    r"|\bwhere (?:is|are|does|do) (?:the |a |an )?(?:(?:term|word|phrase|expression) )?(?P<en2>[^?]+?) "
    r"(?:mentioned|cited|referred to|named|used)\b"
    r"|(?:提到|提及|引用|谈到|援引)(?:了|过)?(?P<zh>[^？?，,。；的]+?)(?:的[^？?，,。；]*)?(?:[？?。]|$)"
    r"|^(?P<zh2>[^？?，,。]+?)在哪些地方被(?:提到|提及)")
# A scope after the thing: "… in the Conclusions", "…（在战略中）".
_TRAILING_SCOPE = re.compile(
    r"\s+(?:in|within|across|of)\s+(?:the\s+)?(?:conclusions|strategy|documents?|appendix|resolution|"
    r"action plan)\b.*$")


# (an apostrophe after a letter is a possessive, not a quotation mark: "employers' and workers'")
_QUOTED = re.compile(r"(?:[“\"「]|(?<!\w)['‘])(?P<q>[^”\"’'」]{2,40})(?:[”\"」]|['’](?!\w))")


_ASIDE = re.compile(r"[（(][^）)]*[）)]")
_PRONOUN = re.compile(r"^(?:it|them|this|that|these|those|they|其|它|它们|此|这些)$")
# "IAG-TVET: which units mention it?", "R195 — where?": the thing comes first.
_HEADLINE = re.compile(r"^\s*(?P<t>[^:：—–?？]{2,60}?)\s*(?:[:：]|\s[—–]\s?|—)")


def _thing(q: str) -> str | None:
    """What a "which passages mention X" question names; an aside in brackets that offers
    another name ("(or disability)") is kept as an alternative, any other aside dropped."""
    q = _ASIDE.sub(_alternative, q).strip()
    m = _THING.search(q)
    x = (m["en"] or m["en2"] or m["zh"] or m["zh2"] or "").strip() if m else ""
    x = _TRAILING_SCOPE.sub("", x).strip().strip(_QUOTES).strip()
    if x and not _PRONOUN.match(x):
        return x
    head = _HEADLINE.match(q)
    return head["t"].strip() if head else None


_QUOTES = "“”\"'‘’「」《》"
_OWNER = re.compile(r"^(?:the\s+)?(?:ilo|office|organi[sz]ation|strategy)['’]s\s+")
_OR_ASIDE = re.compile(r"^[（(]\s*(?:or\b|或者|或|也称|又称|aka\b|also\b)\s*")


def _alternative(m: re.Match[str]) -> str:
    """"(or disability)" → " or disability"; "（…不算）" → ""."""
    aside = m.group()
    if _OR_ASIDE.match(aside):
        return " or " + _OR_ASIDE.sub("", aside).rstrip("）) ")
    return " "


def _quoted(q: str) -> str | None:
    found = _QUOTED.search(_ASIDE.sub(" ", q))
    return found["q"].strip() if found else None


# Alternatives named at once: "the digital divide or the gender digital gap", "妇女、女性或性别",
# "the informal economy — informal workers, informal apprenticeships".
_ALTERNATIVES = re.compile(r"\s*(?:[—–,，、/;；]|\s-\s|\bor\b|或者|或)\s*")
_ARTICLE = re.compile(r"^(?:the|a|an|any)\s+")


def _parts(thing: str) -> list[str]:
    parts = [_ARTICLE.sub("", p.strip()).strip(_QUOTES) for p in _ALTERNATIVES.split(thing)]
    return [p for p in dict.fromkeys(parts) if len(p) > 1 and not _PRONOUN.match(p)]


_NAME_SOURCES = ("hand", "lexicon")


def _forms(what: str) -> list[str]:
    """A name and the glossary's translations of the whole name (not of its words), the
    most specific ones: 'ITC-ILO' → 国际培训中心 (not 中心); a Chinese name also meets its
    other Chinese forms through a shared English name: 联合国教科文组织 → 教科文组织, UNESCO."""
    key = what.lower()
    if not key.isascii():
        # names only from the curated entries; other forms whose every English name is one
        # of this name's (教科文组织: "unesco"), not words that merely share one (证书)
        named = [(en, zh) for source, en, zh in GLOSSARY if source in _NAME_SOURCES]
        ens = {e for en, zh in named if what in zh for e in en}
        zhs = [z for en, zh in named if en and set(en) <= ens for z in zh if z != what]
        return [what, *dict.fromkeys(zhs), *sorted(ens)]
    found = [z for _s, en, zh in GLOSSARY if key in en for z in zh]
    words = key.split()
    if not found and len(words) >= 3:
        # a name with a word added ("the Turin training centre" for "Turin centre")
        shorter = {" ".join(words[:i] + words[i + 1:]) for i in range(len(words))}
        found = [z for _s, en, zh in GLOSSARY if shorter & set(en) for z in zh]
    if not found:
        # a longer form of a name of three words or more ("ILO Global Programme on Skills
        # and Lifelong Learning" holds "global programme on skills")
        found = [z for _s, en, zh in GLOSSARY
                 if any(len(e.split()) >= 3 and f" {e} " in f" {key} " for e in en) for z in zh]
    specific = [z for z in dict.fromkeys(found) if not any(z != o and z in o for o in found)]
    en = [key[:-1]] if len(key) > 4 and key.endswith("s") else []
    return [what, *en, *specific]


def names_held_term(reading: Reading, index: Index) -> bool:
    """Whether the question asks where the documents mention a term that they hold word for
    word ("which passages mention the Turin Centre?"): then the documents cover it, however
    weak its similarity to any one passage."""
    return bool(ASKS_MENTIONS.search(reading.norm)) and mentioning(reading, index) is not None


def mentioning(reading: Reading, index: Index, within: Sequence[str] = ()) -> Listing | None:
    """Every unit that names what the question asks about: an instrument (in any written
    form), or a name or term (an organisation, a 《title》, an English name or acronym, a
    term such as micro-credentials), through its Chinese form too; only those inside the
    units `within` when given; None when no unit holds it word for word, so that the
    question is answered by search instead."""
    refs, corpus = index.references, index.corpus
    if reading.instruments:
        members = tuple(a for i in reading.instruments for a in refs.mentions_of(i))
        what = ", ".join(reading.instruments)
    else:
        members, what = (), ""
        thing = _thing(reading.norm)
        if thing:  # whose it is says no more: "the ILO's Global Programme" is the programme
            thing = _OWNER.sub("", thing)
        if thing and thing.isascii():  # as the user wrote it: "UNESCO", not "unesco"
            at = reading.question.lower().find(thing)
            thing = reading.question[at:at + len(thing)] if at >= 0 else thing
        several = bool(thing and len(_parts(thing)) > 1)
        quoted = _quoted(reading.norm)
        whole = [thing] if thing and not several else []
        named_quoted = [quoted] if quoted else []
        if quoted and thing and quoted in thing:  # 劳工组织“技能创新机制”: the quoted name
            whole, named_quoted = named_quoted, whole
        for candidate in [*whole, *named_quoted, *reading.proper_zh, *reading.titles,
                          *sorted(reading.names, key=len, reverse=True)]:  # the longest name first
            members = _holding(corpus, candidate)
            if members:
                what = candidate
                break
        if several and thing:
            # Each of several names offered, the units holding any; a part most units hold
            # ("skills") names nothing in particular.
            held = [(p, _holding(corpus, p)) for p in _parts(thing)]
            most = 0.4 * sum(1 for _ in corpus.units())
            held = [(p, m) for p, m in held if m and len(m) <= most]
            order = {u.anchor: i for i, u in enumerate(corpus.units())}
            members = tuple(sorted({a for _p, m in held for a in m}, key=order.__getitem__))
            what = " / ".join(p for p, _m in held)
    members = tuple(dict.fromkeys(members))
    plain = _ASIDE.sub(" ", reading.norm)  # "(leaving aside the Appendix)" scopes nothing
    both = bool(IN_ILC.search(plain)) and bool(IN_GB.search(plain))  # "across the strategy and the Conclusions"
    ilc, gb = (False, False) if both else (bool(_WITHIN_ILC.search(plain)), bool(_WITHIN_GB.search(plain)))
    where_zh = where_en = ""
    if within:
        members = tuple(a for a in members if any(contains(w, a) for w in within))
        where_zh = "、".join(label(a, "zh") for a in within) + "中"
        where_en = " of " + ", ".join(label(a, "en") for a in within)
    elif members and ilc != gb:  # "which parts of the Conclusions …": that document's units
        members = tuple(a for a in members if a.startswith("ILC.") == ilc)
        where_zh, where_en = ("《2021年结论》中", " of the Conclusions") if ilc else ("战略文件中", " of the strategy")
    if not members:
        return None
    n = len(members)
    return Listing("mentions", None, members, f"{where_zh}提到“{what}”的共有{n}处。",
                   f"{n} passage{'s' if n != 1 else ''}{where_en} mention{'' if n != 1 else 's'} {what}.")


# Words that leave a list-of-instruments question without a topic of its own.
_NO_TOPIC = re.compile(r"international labou?r|\bilo\b|\bdocuments?\b|\btexts?\b|\bboth\b"
                       r"|国际劳工|劳工组织|国际|两份|文件|相关|提到|提及|引用|援引|谈到|列出|列举|涉及|包括|哪些")


def topical(q: str, m: re.Match[str], lang: Lang) -> bool:
    """Whether a question asking for instruments says more than which ones and where."""
    rest = _NO_TOPIC.sub(" ", q[:m.start()] + " " + q[m.end():])
    rest = IN_ILC.sub(" ", IN_GB.sub(" ", rest))
    words = [w for w in tokens(rest) if len(w) > 1] if lang == "zh" else \
        [w for w in en_tokens(rest) if len(w) > 3]
    return bool(words)


IN_ILC = re.compile(r"\bconclusions?\b|\bresolution\b|\bilc\b|结论|决议|大会")
# Where to look, said as such ("in the Conclusions", "战略中"; not "Appendix included").
_WITHIN_ILC = re.compile(r"\b(?:in|of|within|from|across) (?:the )?(?:\d{4} )?(?:ilc )?(?:conclusions|resolution)\b"
                         r"|(?:结论|决议)》?(?:中|里|当中|部分)|在《?(?:2021\s*年)?(?:的)?(?:结论|决议)")
_WITHIN_GB = re.compile(r"\b(?:in|of|within|from|across) (?:the )?(?:ilo['’]?s? )?(?:skills )?(?:strategy|action plan"
                        r"|appendix)\b|(?:战略|行动计划|附录)(?:文件)?》?(?:中|里|当中|部分)|在《?(?:战略|行动计划|附录)")
IN_GB = re.compile(r"\bstrategy\b|\baction plan\b|\bappendix\b|战略|行动计划|附录")


def instruments_named(q: str, named: list[str], index: Index, asked: str) -> Listing | None:
    """The instruments the named units (or one document, or both) name, each with its
    title and where it is mentioned; the mentioning units are quoted."""
    refs = index.references
    kinds = _KINDS.get(asked)
    docs = [d.doc_id for d in index.corpus.documents]
    if not named and bool(IN_ILC.search(q)) != bool(IN_GB.search(q)):
        docs = [d for d in docs if d.startswith("ILC.") == bool(IN_ILC.search(q))]
    found: dict[str, list[str]] = {}
    for inst in refs.instruments():
        known = instrument(inst)
        if kinds and (known is None or known.type not in kinds):
            continue
        where = [a for a in refs.mentions_of(inst) if a.partition("#")[0] in docs
                 and (not named or any(contains(n, a) for n in named))]
        if where:
            found[inst] = where
    if not found:
        return None
    members = refs.in_order(x for w in found.values() for x in w)
    n = len(found)
    zh_lines, en_lines = [], []
    for inst, where in found.items():
        known = instrument(inst)
        zh_title, en_title = (known.zh, known.en) if known else (inst, inst)
        zh_where = "" if named else "：" + "、".join(_short(a, "zh") for a in where)
        en_where = "" if named else ": " + ", ".join(_short(a, "en") for a in where)
        zh_lines.append(f"- {zh_title} [{inst}]{zh_where}")
        en_lines.append(f"- {en_title} [{inst}]{en_where}")
    if named:
        place, place_en = "、".join(label(a, "zh") for a in named), ", ".join(label(a, "en") for a in named)
    elif len(docs) == 1:
        place, place_en = _DOC_NAMES.get(docs[0], (docs[0], docs[0]))
    else:
        place, place_en = "两份文件", "The documents"
    verb = "names" if len(named) == 1 else "name"
    zh_noun = asked if asked in ("公约", "建议书", "宣言") else "文书"
    en_noun = {"convention": "convention", "recommendation": "recommendation",
               "declaration": "declaration"}.get(kinds[0] if kinds and len(kinds) == 1 else "",
                                                 "instrument")
    return Listing("instruments", None, members,
                   f"{place}共提到{n}项{zh_noun}：\n" + "\n".join(zh_lines),
                   f"{place_en} {verb} {n} {en_noun}{'s' if n != 1 else ''}:\n"
                   + "\n".join(en_lines))


_DOC_NAMES = {"GB.346/INS/4": ("战略（GB.346/INS/4）", "The strategy (GB.346/INS/4)"),
              "ILC.109/Res": ("《2021年结论》（ILC.109决议）", "The 2021 Conclusions (ILC.109 Resolution)")}


def _short(anchor: str, lang: Lang) -> str:
    """A label without the document name where the rest says which document it is in
    (`para. 6`, `Appendix output 33`, `Conclusions para. 11`)."""
    full = label(anchor, lang)
    for prefix in ("GB.346/INS/4 ", "ILC.109 Resolution, ", "ILC.109 决议 "):
        rest = full.removeprefix(prefix)
        if rest != full and (prefix.startswith("GB") or rest.startswith(("Conclusions", "结论"))):
            return rest
    return full


def _holding(corpus: Corpus, name: str) -> tuple[str, ...]:
    """The units holding a name in any of its forms."""
    forms = [(fold(f), _whole_words(fold(f))) for f in _forms(name)]
    return tuple(u.anchor for u in corpus.units() if any(_holds(corpus, u, t, p) for t, p in forms))


def _whole_words(t: str) -> re.Pattern[str] | None:
    """A Latin-letter term as whole words ("it" is not in "with"), plural or not."""
    return re.compile(rf"(?<![a-z0-9]){re.escape(t)}(?:s|es)?(?![a-z0-9])") if t.isascii() else None


def _holds(corpus: Corpus, unit: Unit, t: str, pattern: re.Pattern[str] | None) -> bool:
    """A unit whose own text, in any language, holds the (folded) term (width and spacing
    aside); `pattern`, the term as whole words, for a Latin-letter one."""
    if pattern is not None:
        texts = [unit.text, *(v.text(unit.locator) or ""
                              for v in corpus.document(unit.doc_id).versions)]
        return any(pattern.search(fold(x)) for x in texts)
    if t in fold(unit.text):
        return True
    doc = corpus.document(unit.doc_id)
    return any(t in fold(v.text(unit.locator) or "") for v in doc.versions)
