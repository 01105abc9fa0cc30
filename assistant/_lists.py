"""Answers that are whole sets, read from the documents' structure rather than the top k:
a lead-in with every item it introduces, the outputs of a pillar, component, Conclusions
point, SDG target or P&B output, the units naming an instrument, the Conclusions points no
output answers, a mandate chain. The set is complete and says how many; the answer cites
every member (it may cite more than k).

What decides that a question asks for a set is its grammar (a plural "which", "list",
"all", 哪些, 列出, "what mandates", 依据) together with what it names; the members come from
`corpus.References` and the parsed tree, never from a list of questions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from corpus import Corpus, Duty, Unit, contains, fold, instrument, label
from index import GLOSSARY, Hit, Index, OutputsOf, en_tokens, tokens

from ._answer import Lang
from ._duties import Ranker, asked_actor, note, obligations
from ._question import Reading

Kind = Literal["enumeration", "outputs", "points", "mentions", "instruments", "chain",
               "obligations"]

# A plural question: "which outputs", "what are", "list", "all", 哪些 (not "which output").
_LIST = re.compile(
    r"\b(?:list|all|every|each|enumerate|what are|what were|name the|how many)\b"
    r"|\bwhich (?:[\w-]+ )?\w+s\b|哪些|哪几|所有|全部|列出|列举|分别|包括哪些|包含哪些|有几|几个|几大|几项")
_CHAIN = re.compile(
    r"\bmandates?\b|\bmandated\b|\b(?:legal )?basis\b|\bbased on\b|\bcomes? from\b|\bderives? from\b"
    r"|依据|授权|出自|来源于|源自|根据哪")
# "Which paragraph requires …": a chain when what it names is an output or a strategy item;
# a Conclusions point named there only describes the requirement ("…第5段所列群体…").
_LOCATE = re.compile(
    r"\bwhich (?:paragraph|point|part|conclusion)s? (?:of [\w ]+ )?(?:requires?|asks? for|calls? for)"
    r"|哪一?段要求|哪一?点要求")


def _top(anchor: str) -> str:
    """The numbered paragraph an anchor lies in: `ILC.109/Res#c12.a` → `ILC.109/Res#c12`."""
    doc, _, locator = anchor.partition("#")
    return f"{doc}#{locator.split('.')[0]}"


def _asks_chain(q: str, named: list[str]) -> bool:
    """Whether the question asks what mandates (or implements) the unit it names."""
    if not named:
        return False
    return bool(_CHAIN.search(q)) or (bool(_LOCATE.search(q))
                                      and not named[0].startswith("ILC.109/Res#"))
_OUTPUTS = re.compile(r"产出|附录|\boutputs?\b|\bappendix\b")
_SECTION_REF = (r"(?:支柱|要素|结论|第)\s*\d+\s*(?:段|点)?(?:\([a-z]+\))*"
                r"|\b(?:pillar|component|paragraph|point|conclusions)\s+\d+(?:\([a-z]+\))*")
# A question about a section as a whole: "支柱1涉及哪些方面", "what areas does pillar 2 cover",
# "结论第14段(a)包括哪些内容".
_WHOLE = re.compile(
    rf"(?:{_SECTION_REF})[^，,。？?；]{{0,8}}(?:涉及|包括|包含|覆盖|列出|规定了|有)[^，,。？?；]{{0,4}}"
    r"(?:哪些|什么|几)"
    rf"|\bwhat (?:areas|aspects|items|topics|points|elements|does|do|are)\b[^?]{{0,40}}(?:{_SECTION_REF})"
    r"[^?]{0,20}\b(?:cover|covers|include|includes|contain|contains|list|lists|consist)\b"
    rf"|\bwhat (?:areas|aspects|items|topics|elements) (?:fall )?(?:under|in) (?:{_SECTION_REF})")
# Asking for every item: "list each item", "逐项列出", "请列出各分项".
_EVERY = re.compile(r"逐项|各分项|各项|每一项|全部分项|子项|分项|小项|引导句|导语|列出的所有|"
                    r"所有(?:行动|措施|分项|要点)|"
                    r"\blead-?in\b|\ball (?:the )?(?:measures|actions|items|points|elements|areas)\b|"
                    r"\b(?:sub-?items?|items|sub-?paragraphs|sub-?points|lettered points) (?:of|in|under)\b|"
                    r"\beach (?:lettered |roman )?item\b|\blist (?:each|every|all)\b"
                    r"|\bgive each\b|\bevery item\b|\ball (?:the )?(?:items|sub-?items)\b")
_NO_OUTPUT = re.compile(
    r"(?<!有)没有(?:对应|相应)?(?:的)?(?:高级别)?产出|无(?:对应)?产出"
    r"|(?:未|(?<!有)没有)(?:被)?.{0,12}(?:引用|援引|对应|覆盖|提及)"
    r"|\b(?:no|without an?y?) (?:corresponding |matching |high-level )?outputs?\b"
    r"|\b(?:not|never) (?:been )?(?:covered|answered|addressed|cited|referenced|taken up) by any "
    r"(?:high-level |appendix )?outputs?"
    r"|\b(?:not|never) (?:been )?(?:cited|referenced|listed) (?:in|by) the appendix")
# Outputs that cite no Conclusions point ("未具体提及"): "outputs that don't point to any
# paragraph of the Conclusions", "没有对应任何结论要点的产出".
_NO_POINT = re.compile(
    r"\boutputs?\b[^?]{0,40}(?:\bnot|n't|\bno|\bnever|\bwithout)\b[^?]{0,30}\b(?:points?|paragraphs?|conclusions)\b"
    r"|未具体提及|(?:没有|未|不)(?:对应|引用|援引|标注|列出)(?:任何)?[^？?]{0,12}(?:要点|结论)[^？?]{0,8}的(?:高级别)?产出"
    r"|产出[^？?]{0,6}(?:没有|未|不)(?:对应|引用|援引|标注|列出)[^？?]{0,16}(?:结论|要点)")
# "Which passages mention C142?", "哪些段落提到经合组织？": every unit naming a thing.
_MENTIONS = re.compile(
    r"\b(?:which|what|list|all) (?:[\w-]+ ){0,4}(?:units?|paragraphs?|parts?|passages?|places?|items?|"
    r"sections?|texts?|points?|provisions?|clauses?|outputs?)\b[^?]*\b(?:mention|cite|refer|deal|address|cover|name|invoke|contain"
    r"|talk|speak|discuss)"
    r"|\bwhere (?:is|are|does|do) [^?]*\b(?:mentioned|cited|referred to|named|appears?|occurs?|come up)\b"
    r"|\bwhere (?:else )?(?:does|do) [^?]+ (?:appear|occur|come up)\b|\bwhere\s*\?\s*$"
    r"|(?:哪些|哪几|所有)(?:文本)?(?:单元|段落|部分|地方|条目|内容|条款|段|产出)[^？?]*(?:提到|提及|涉及|引用|谈到|援引|出现)"
    r"|在哪些地方被提到|出现在?(?:哪些|哪几|哪里|何处)"
    r"|(?:提到|提及|涉及|引用|援引)[^？?]{0,40}的(?:段落|部分|地方|产出|条款|内容|单元)[^？?]{0,6}(?:有)?哪些"
    r"|(?:提到|提及|涉及)[^？?]{0,20}的(?:有)?哪些(?:段落|部分|地方)")
# "Which instruments does Conclusions 11 name?", "文件提到了哪些国际劳工标准？": the instruments
# themselves are the set (a kind narrows it: conventions, recommendations, standards).
_INSTRUMENTS = re.compile(
    r"\b(?:which|what|list|name|all|any)(?: [\w-]+){0,3} (?P<en>instruments|standards|"
    r"conventions|recommendations|declarations)\b"
    r"|(?:哪些|哪几|哪几项|哪几个|所有|列出|列举)(?:[^，。？?]{0,6}?)(?P<zh>文书|标准|公约|建议书|宣言)")
_KINDS = {"conventions": ("convention",), "公约": ("convention",),
          "recommendations": ("recommendation",), "建议书": ("recommendation",),
          "standards": ("convention", "recommendation"), "标准": ("convention", "recommendation"),
          "declarations": ("declaration",), "宣言": ("declaration",)}
_BULLET_GROUP = re.compile(r"^(?P<kind>支柱|要素)\s*(?P<n>\d)\s*[:：]")
# The pillars or components themselves are what is asked, not one of them: "the five
# pillars", "战略有哪些支柱", "要素分别是什么" (not "这一支柱点名了哪些行业", "资源调动要素下有哪些层级").
_GROUPS = re.compile(
    r"(?:哪些|哪几个?|几个|几大|[二两三四五六七八九十]大|所有|各个|全部|列出|列举)(?:的)?(?P<zh>支柱|要素)"
    r"|(?<![这该本此一每])(?P<zh2>支柱|要素)(?:领域)?(?:分别)?(?:有哪些|是什么|是哪些|包括哪些|包括什么|指什么|有几个)"
    r"|\b(?:which|list|name|enumerate|all(?: the)?|the (?:two|three|four|five|six|\d))\s+"
    r"(?:[\w-]+\s+)?(?P<en>pillars|components)\b(?!\s*\d)"
    r"|\bwhat (?:are|were) (?:the |its |their )?(?:[\w-]+ )?(?P<en2>pillars|components)\b(?!\s*\d)"
    r"|\bhow many (?P<en3>pillars|components)\b")


@dataclass(frozen=True)
class Listing:
    """A whole set: what it is, its lead-in (quoted first, if any), its members in document
    order, and what the answer says about it (how many, what was taken to be meant)."""

    kind: Kind
    lead: str | None
    members: tuple[str, ...]
    note_zh: str = ""
    note_en: str = ""

    @property
    def anchors(self) -> tuple[str, ...]:
        """What the answer cites, in the order it uses them."""
        return tuple(dict.fromkeys([*([self.lead] if self.lead else []), *self.members]))

    def note(self, lang: Lang) -> str:
        return self.note_zh if lang == "zh" else self.note_en


def find(reading: Reading, index: Index, hits: list[Hit], outputs: OutputsOf | None,
         duties: dict[str, Duty], rank: Ranker) -> Listing | None:
    """The set a question asks for, if it asks for one; `rank` ranks every unit for a text
    (for the topic of a duties question)."""
    q = reading.norm
    corpus, refs = index.corpus, index.references
    named = index.named(reading.question)
    actor = asked_actor(reading)
    if _OUTPUTS.search(q) and _NO_POINT.search(q) and not named:
        rows = tuple(refs.outputs_without_points())
        return Listing("outputs", None, rows,
                       f"附录中没有对应任何结论要点（“未具体提及”）的产出共有{len(rows)}项。",
                       f"{len(rows)} output{_s(len(rows))} of the Appendix cite{'' if len(rows) != 1 else 's'} "
                       "no Conclusions point.")
    if _NO_OUTPUT.search(q) and ("结论" in q or "conclusion" in q or "point" in q or "要点" in q):
        # Among the points named, or the whole paragraphs they belong to ("第12段(a)至(v)各项中").
        tops = list(dict.fromkeys(_top(a) for a in named))
        loose = tuple(p for p in refs.points_without_outputs()
                      if not tops or any(contains(a, p) for a in tops))
        where = "、".join(label(a, "zh") for a in tops) or "《2021年结论》第12–14段"
        where_en = ", ".join(label(a, "en") for a in tops) or "Conclusions paras 12–14"
        return Listing("points", None, loose,
                       f"{where}中没有任何高级别产出对应的要点共有{len(loose)}项。",
                       f"{len(loose)} points of {where_en} are cited by no high-level output.")
    if actor is not None and not _asks_chain(q, named):
        scope, narrow = _scope(reading, named, corpus, outputs)
        members = obligations(reading, actor, corpus, duties, rank, scope, narrow)
        if members:
            return Listing("obligations", None, members, note(actor, len(members), "zh"),
                           note(actor, len(members), "en"))
    if _asks_chain(q, named):
        return _chain(named[0], corpus, index)
    if outputs is not None:
        return _outputs_of(outputs)
    if _OUTPUTS.search(q) and named and all(a.startswith("ILC.109/Res#") for a in named):
        rows = tuple(refs.outputs_for_points(named))
        rows = tuple(sorted(rows, key=_row_number))
        points = "、".join(label(a, "zh") for a in named)
        points_en = ", ".join(label(a, "en") for a in named)
        if not rows:
            return Listing("outputs", named[0], (),
                           f"附录中没有任何高级别产出对应{points}。",
                           f"No high-level output in the Appendix answers {points_en}.")
        return Listing("outputs", None, (*rows, *named),
                       f"附录中对应{points}的高级别产出共有{len(rows)}项。",
                       f"{len(rows)} high-level output{'s' if len(rows) != 1 else ''} of the "
                       f"Appendix answer{'' if len(rows) != 1 else 's'} {points_en}.")
    groups = _GROUPS.search(q)
    if groups and not named and outputs is None and not reading.asks and not _OUTPUTS.search(q):
        asked = next(g for g in groups.groups() if g)
        kind = "支柱" if asked in ("支柱", "pillars") else "要素"
        listing = _groups(kind, corpus)
        if listing is not None:
            return listing
    if not reading.instruments and not _OUTPUTS.search(q):
        m = _INSTRUMENTS.search(q)
        if m:
            units, topical = named, not named and _topical(q, m, reading.lang)
            if topical:
                # "Which standards should skills policy frameworks take into account?": the
                # instruments of the passage about that topic, not of the whole corpus.
                units = [h.anchor for h in hits[:3]
                         if index.references.trace(h.anchor).mentions][:1]
            if units or not topical:
                listing = _instruments(q, units, index, m["en"] or m["zh"] or "")
                if listing is not None:
                    return listing
    if _MENTIONS.search(q) and not named:
        listing = _mentions(reading, index)
        if listing is not None:
            return listing
    if _MENTIONS.search(q) and named:
        # "哪些条款援引了第5段": the units referring to a paragraph by its number.
        by = refs.in_order(a for n in named for a in refs.referred_by(n))
        if by:
            what, what_en = "、".join(label(a, "zh") for a in named), ", ".join(label(a, "en") for a in named)
            return Listing("mentions", None, by, f"文中提到{what}的共有{len(by)}处。",
                           f"{len(by)} passage{_s(len(by))} refer{'' if len(by) != 1 else 's'} "
                           f"to {what_en}.")
    if named and (_WHOLE.search(q) or _EVERY.search(q)):
        unit = corpus.get(named[0])
        if unit is not None and not unit.is_leaf:
            return _enumeration(unit, corpus)
    if (_WHOLE.search(q) or _EVERY.search(q)) and hits:
        return _from_hits(hits, corpus)
    return None


_PILLAR_AREAS = re.compile(r"支柱领域|支柱(?!\s*\d)|\bpillar areas?\b|\bpillars\b")
_PILLAR_N = re.compile(r"(?:支柱|\bpillar)\s*(?P<n>[1-5])(?!\d)")
_COMPONENT_N = re.compile(r"(?:要素|\bcomponent)\s*(?P<n>[1-5])(?!\d)")


_STRATEGY_TOO = re.compile(r"行动计划|附录|战略|\baction plan\b|\bappendix\b|\bstrategy\b")


def _scope(reading: Reading, named: list[str], corpus: Corpus,
           outputs: OutputsOf | None) -> tuple[tuple[str, ...], bool]:
    """The units a duties question points at, and whether that scope is narrow (the
    paragraphs or points it names and their items, a pillar's or component's units and
    rows: then the scope is the topic) or broad (the pillars' areas, the Conclusions);
    empty when it points nowhere."""
    q = reading.norm
    out: list[str] = []
    for a in named:
        out += [u.anchor for u in corpus.leaves() if contains(a, u.anchor)]
    for m in _PILLAR_N.finditer(q):
        out += [u.anchor for u in corpus.leaves() if u.pillar == int(m["n"])]
    for m in _COMPONENT_N.finditer(q):
        out += [u.anchor for u in corpus.leaves() if u.component == int(m["n"])]
    if outputs is not None:
        out += list(outputs.rows)
    narrow = bool(out)
    if named and all(a.startswith("ILC.") for a in named) and _STRATEGY_TOO.search(q):
        # "在行动计划、附录以及《结论》第14段中": the strategy as well as the points named.
        out += [u.anchor for u in corpus.leaves() if u.doc_id.startswith("GB.")]
        narrow = False
    if not _PILLAR_N.search(q) and _PILLAR_AREAS.search(q):
        out += [u.anchor for u in corpus.leaves() if u.pillar is not None]
        if ("结论" in q or "conclusion" in q) and not any(a.startswith("ILC.") for a in named):
            out += [u.anchor for u in corpus.leaves() if u.doc_id.startswith("ILC.")]
        narrow = False
    return tuple(dict.fromkeys(out)), narrow


# What a "which passages mention X" question names: the words after the verb.
_THING = re.compile(
    r"\b(?:mention|mentions|mentioned|mentioning|refer to|refers to|referring to|cite|cites|citing|"
    r"name|names|naming|invoke|invokes|talk about|talks about|speak of|speaks of|discuss|discusses|"
    r"deal with|deals with)\s+(?:the |a |an )?(?P<en>[^?.;]+)"
    r"|\bwhere (?:is|are|does|do) (?:the |a |an )?(?P<en2>[^?]+?) (?:mentioned|cited|referred to|named)\b"
    r"|(?:提到|提及|引用|谈到|援引)(?:了|过)?(?P<zh>[^？?，,。；的]+?)(?:的[^？?，,。；]*)?[？?]?$"
    r"|^(?P<zh2>[^？?，,。]+?)在哪些地方被(?:提到|提及)")
# A scope after the thing: "… in the Conclusions", "…（在战略中）".
_TRAILING_SCOPE = re.compile(
    r"\s+(?:in|within|across|of)\s+(?:the\s+)?(?:conclusions|strategy|documents?|appendix|resolution|"
    r"action plan)\b.*$")


_QUOTED = re.compile(r"[“\"‘'「](?P<q>[^”\"’'」]{2,40})[”\"’'」]")


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
    specific = [z for z in dict.fromkeys(found) if not any(z != o and z in o for o in found)]
    en = [key[:-1]] if len(key) > 4 and key.endswith("s") else []
    return [what, *en, *specific]


def names_held_term(reading: Reading, index: Index) -> bool:
    """Whether the question asks where the documents mention a term that they hold word for
    word ("which passages mention the Turin Centre?"): then the documents cover it, however
    weak its similarity to any one passage."""
    return bool(_MENTIONS.search(reading.norm)) and _mentions(reading, index) is not None


def _mentions(reading: Reading, index: Index) -> Listing | None:
    """Every unit that names what the question asks about: an instrument (in any written
    form), or a name or term (an organisation, a 《title》, an English name or acronym, a
    term such as micro-credentials), through its Chinese form too; None when no unit holds
    it word for word, so that the question is answered by search instead."""
    refs, corpus = index.references, index.corpus
    if reading.instruments:
        members = tuple(a for i in reading.instruments for a in refs.mentions_of(i))
        what = ", ".join(reading.instruments)
    else:
        members, what = (), ""
        thing = _thing(reading.norm)
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
                          *reading.names]:
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
    if not members:
        return None
    n = len(members)
    return Listing("mentions", None, members, f"提到“{what}”的共有{n}处。",
                   f"{n} passage{'s' if n != 1 else ''} mention{'' if n != 1 else 's'} {what}.")


# Words that leave a list-of-instruments question without a topic of its own.
_NO_TOPIC = re.compile(r"international labou?r|\bilo\b|\bdocuments?\b|\btexts?\b|\bboth\b"
                       r"|国际劳工|劳工组织|国际|两份|文件|相关|提到|提及|引用|援引|谈到|列出|列举|涉及|包括|哪些")


def _topical(q: str, m: re.Match[str], lang: Lang) -> bool:
    """Whether a question asking for instruments says more than which ones and where."""
    rest = _NO_TOPIC.sub(" ", q[:m.start()] + " " + q[m.end():])
    rest = _IN_ILC.sub(" ", _IN_GB.sub(" ", rest))
    words = [w for w in tokens(rest) if len(w) > 1] if lang == "zh" else \
        [w for w in en_tokens(rest) if len(w) > 3]
    return bool(words)


_IN_ILC = re.compile(r"\bconclusions?\b|\bresolution\b|\bilc\b|结论|决议|大会")
_IN_GB = re.compile(r"\bstrategy\b|\baction plan\b|\bappendix\b|战略|行动计划|附录")


def _instruments(q: str, named: list[str], index: Index, asked: str) -> Listing | None:
    """The instruments the named units (or one document, or both) name, each with its
    title and where it is mentioned; the mentioning units are quoted."""
    refs = index.references
    kinds = _KINDS.get(asked)
    docs = [d.doc_id for d in index.corpus.documents]
    if not named and bool(_IN_ILC.search(q)) != bool(_IN_GB.search(q)):
        docs = [d for d in docs if d.startswith("ILC.") == bool(_IN_ILC.search(q))]
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
    forms = _forms(name)
    return tuple(u.anchor for u in corpus.units() if any(_holds(corpus, u, f) for f in forms))


def _holds(corpus: Corpus, unit: Unit, term: str) -> bool:
    """A unit whose own text, in any language, holds the term (width and spacing aside);
    a Latin-letter term as whole words ("it" is not in "with"), plural or not."""
    t = fold(term)
    if t.isascii():
        pattern = re.compile(rf"(?<![a-z0-9]){re.escape(t)}(?:s|es)?(?![a-z0-9])")
        texts = [unit.text, *(v.text(unit.locator) or ""
                              for v in corpus.document(unit.doc_id).versions)]
        return any(pattern.search(fold(x)) for x in texts)
    if t in fold(unit.text):
        return True
    doc = corpus.document(unit.doc_id)
    return any(t in fold(v.text(unit.locator) or "") for v in doc.versions)


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _row_number(anchor: str) -> int:
    return int(anchor.rsplit("#A", 1)[1]) if "#A" in anchor else 0


def _outputs_of(o: OutputsOf) -> Listing:
    rows = tuple(sorted(o.rows, key=_row_number))
    n, m = len(rows), len(o.marked_all)
    s = "" if n == 1 else "s"
    if o.kind == "sdg":
        goal = "." not in o.number
        zh = f"可持续发展目标{o.number}（含其各项具体目标）" if goal else f"可持续发展目标具体目标{o.number}"
        en = f"SDG {o.number} (the goal or any of its targets)" if goal else f"SDG target {o.number}"
        return Listing("outputs", None, rows, f"附录中列有{zh}的产出共有{n}项。",
                       f"{n} output{s} of the Appendix list{'' if n != 1 else 's'} {en}.")
    if o.kind == "pb":
        return Listing("outputs", None, rows, f"附录中对应计划和预算产出{o.number}的产出共有{n}项。",
                       f"{n} output{s} of the Appendix contribute{'' if n != 1 else 's'} to P&B "
                       f"output {o.number}.")
    if o.kind == "all":
        return Listing("outputs", None, rows, f"附录中标为“全部”（所有支柱）的产出共有{n}项。",
                       f"{n} output{s} of the Appendix {'are' if n != 1 else 'is'} marked “all pillars”.")
    if o.kind == "component":
        return Listing("outputs", None, rows, f"要素{o.number}下共有{n}项产出。",
                       f"Component {o.number} has {n} output{s}.")
    zh_in, en_in = (f"要素{o.within}中，", f"Within component {o.within}, ") if o.within else ("", "")
    if o.only:
        return Listing("outputs", None, rows, f"{zh_in}附录中只对应支柱{o.number}的产出共有{n}项。",
                       _cap(f"{en_in}the Appendix maps {n} output{s} to pillar {o.number} alone."))
    if o.with_all:
        rows = tuple(o.rows)  # the pillar's own rows first, then those marked 全部
        m = len(set(rows) & set(o.marked_all))
        if o.asked_all:
            return Listing(
                "outputs", None, rows,
                f"{zh_in}附录中明确标注支柱{o.number}的产出有{n - m}项，另有{m}项标为“全部”（所有支柱），共{n}项。",
                _cap(f"{en_in}the Appendix names pillar {o.number} for {n - m} output{_s(n - m)}, and "
                     f"{m} more are marked “all pillars”; all {n} are listed."))
        return Listing(
            "outputs", None, rows,
            f"{zh_in}附录中明确标注支柱{o.number}的产出有{n - m}项（先列出）；另有{m}项标为“全部”"
            f"（所有支柱），列在其后。只看前者，请问“支柱{o.number}的产出，不含标为全部的”。",
            _cap(f"{en_in}the Appendix names pillar {o.number} for {n - m} output{_s(n - m)} (listed "
                 f"first); {m} more are marked “all pillars” and follow them. For the first "
                 f"{n - m} alone, ask for “pillar {o.number} outputs, not counting all-pillar ones”."))
    return Listing(
        "outputs", None, rows,
        f"{zh_in}附录中明确标注支柱{o.number}的产出共有{n}项。另有{m}项产出标为“全部”（所有支柱），"
        f"未计入；如需包括，请问“支柱{o.number}的产出，包括标为全部的”。",
        _cap(f"{en_in}the Appendix names pillar {o.number} for {n} output{s}. The {m} outputs marked "
             f"“all pillars” are not counted; ask for “pillar {o.number} outputs including "
             "all-pillar ones” to see them too."))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _enumeration(lead: Unit, corpus: Corpus) -> Listing:
    """A lead-in and every unit under it (items, and their sub-items)."""
    doc = corpus.document(lead.doc_id)
    members = tuple(u.anchor for u in doc.units if u.anchor != lead.anchor
                    and contains(lead.anchor, u.anchor))
    items = [m for m in members if corpus.get(m) and corpus.unit(m).parent == lead.locator]
    return Listing("enumeration", lead.anchor, members,
                   f"{label(lead.anchor, 'zh')}共列出{len(items)}项。",
                   f"{label(lead.anchor, 'en')} lists {len(items)} item{'s' if len(items) != 1 else ''}.")


def sections(unit: Unit, corpus: Corpus) -> list[tuple[str, str]]:
    """A unit that lists the pillars or the components line by line: each line with the
    first paragraph of the section it heads (pillar 1 → para. 9), so the answer can link it."""
    doc = corpus.document(unit.doc_id)
    out = []
    for line in unit.text.splitlines()[1:]:
        m = _BULLET_GROUP.match(line)
        if not m:
            return []
        first = next((u for u in doc.units if u.parent is None and u.group.startswith(m["kind"])
                      and (u.pillar if m["kind"] == "支柱" else u.component) == int(m["n"])), None)
        if first is None:
            return []
        out.append((line, first.anchor))
    return out


def _from_hits(hits: list[Hit], corpus: Corpus) -> Listing | None:
    """A list question whose best passages are items of one lead-in (two or more of the top
    three), or a unit that lists the pillars or components: the whole list."""
    best = [corpus.get(h.anchor) for h in hits[:3]]
    units = [u for u in best if u is not None]
    if not units:
        return None
    parents = [f"{u.doc_id}#{u.parent}" for u in units if u.parent]
    if parents:
        parent = max(dict.fromkeys(parents), key=parents.count)  # ties: the best-ranked
        if parents.count(parent) >= 2:
            lead = corpus.get(parent)
            if lead is not None:
                return _enumeration(lead, corpus)
    return None


def _groups(kind: str, corpus: Corpus) -> Listing | None:
    """The unit that lists the pillars (or the components) line by line, each line linked to
    the section it heads."""
    for unit in corpus.units():
        lines = sections(unit, corpus)
        if lines and kind in lines[0][0]:
            return _sections_listing(unit, lines)
    return None


def _sections_listing(unit: Unit, lines: list[tuple[str, str]]) -> Listing:
    kind = "支柱" if "支柱" in lines[0][0] else "要素"
    n = len(lines)
    return Listing("enumeration", unit.anchor, tuple(a for _l, a in lines),
                   f"共{n}大{kind}；每一项后的标注是其所在章节。",
                   f"{n} {'pillars' if kind == '支柱' else 'components'}; each is labelled with "
                   "the section that sets it out.")


def _chain(anchor: str, corpus: Corpus, index: Index) -> Listing:
    """The mandate chain of an output, a Conclusions point or a strategy item."""
    t = index.references.chain(anchor)
    zh, en = label(anchor, "zh"), label(anchor, "en")
    unit = corpus.unit(anchor)
    if unit.row is not None:
        members = (*t.cites, *t.planned_in)
        pts = "、".join(label(a, "zh") for a in t.cites) or "（未具体提及）"
        pts_en = ", ".join(label(a, "en") for a in t.cites) or "no Conclusions point"
        plan = "、".join(label(a, "zh") for a in t.planned_in)
        plan_en = ", ".join(label(a, "en") for a in t.planned_in)
        return Listing(
            "chain", anchor, members,
            f"{zh}对应{pts}；" + (f"战略中规划同一工作的是{plan}。" if plan
                                 else "战略正文中没有规划同一工作的段落。"),
            f"{en} answers {pts_en}; " + (f"the strategy plans the same work in {plan_en}." if plan
                                          else "no paragraph of the strategy plans the same work."))
    if t.cited_by:
        outs = "、".join(label(a, "zh") for a in t.cited_by)
        outs_en = ", ".join(label(a, "en") for a in t.cited_by)
        return Listing("chain", anchor, (*t.cited_by, *t.planned_in),
                       f"落实{zh}的高级别产出：{outs}。", f"{en} is implemented by {outs_en}.")
    if t.plans:
        outs = "、".join(label(a, "zh") for a in t.plans)
        outs_en = ", ".join(label(a, "en") for a in t.plans)
        return Listing("chain", anchor, (*t.plans, *t.cites),
                       f"{zh}规划的工作对应{outs}。", f"{en} plans the work of {outs_en}.")
    return Listing("chain", anchor, (), f"没有任何高级别产出对应{zh}。",
                   f"No high-level output answers {en}.")
