"""Obligations by actor: "What do the Conclusions ask governments to do about recognition
of prior learning?", "What will the Office do on apprenticeships?". The answer is every unit
in which that actor is asked or committed to act (`corpus.duties`, from each unit's own text
and its lead-in) and that is about the topic (its words, weighted by how specific they are
in the corpus), in the documents the question points to."""

from __future__ import annotations

import re
from collections.abc import Callable

from corpus import Actor, Corpus, Duty, References, Unit, contains, label, own_duty
from index import OutputsOf, en_tokens, tokens

from ._question import Reading

# The actors as a question names them.
_ACTOR_WORDS: tuple[tuple[Actor, str], ...] = (
    ("director_general", r"\bdirector-general\b|\bdg\b|总干事"),
    ("governing_body", r"\bgoverning body\b|理事会"),
    ("social_partners", r"\bsocial partners?\b|\bemployers['’]? (?:and workers['’]? )?organi[sz]ations?\b"
     r"|\bworkers['’]? organi[sz]ations?\b|\b(?:trade )?unions?\b|\bemployers\b|社会伙伴|雇主组织|工人组织|工会"),
    ("member_states", r"\bgovernments?\b|\bmember states?\b|\bcountries\b|\bstates\b|各国政府|成员国|各国|政府"),
    ("office", r"\b(?:the )?office\b|\b(?:the )?ilo\b|国际劳工组织|国际劳工局|劳工局|劳工组织"),
    ("stakeholders", r"\ball stakeholders\b|所有利益攸关方"),
)
# What makes it a question about duties.
_DUTY = re.compile(
    r"\b(?:asks?|asked|should|must|required?|expected|supposed|called on|calls on|commits?|"
    r"committed|commitments?|will|plans?|obliged|responsib\w*|to do|undertakes?|pledges?)\b"
    r"|\btake (?:action|measures?)\b|\bmeasures?\b|\bdo\b"
    r"|要求|提请|应当|应该|(?<![对])应|需要|将|做什么|做哪些|怎么做|责任|义务|承诺|打算|承担|负责"
    r"|采取(?:什么|哪些)?(?:行动|措施)|措施|行动")
# Names of the documents, which are not actors ("the ILO strategy", "劳工组织的战略").
_DOCUMENT = re.compile(
    r"\b(?:the )?ilo(?:['’]s)? (?:skills )?strategy\b|\bilo's\b|劳工组织(?:的)?(?:技能和终身学习)?战略"
    r"|\bconclusions?\b|\bresolution\b|结论|决议")
_IN_CONCLUSIONS = re.compile(r"\bconclusions?\b|\bresolution\b|\bilc\b|结论|决议|大会")
# The strategy as where to look ("in the strategy", "the strategy encourages", "战略中"), not
# as a topic ("regarding the skills strategy").
_IN_STRATEGY = re.compile(
    r"\b(?:in|under|by|according to|from|of|across) (?:the )?(?:ilo['’]?s? )?(?:skills )?"
    r"(?:strategy|action plan|appendix)\b|\b(?:strategy|action plan)['’]s\b"
    r"|\bthe strategy (?:asks?|encourages?|says?|wants?|expects?|calls?|invites?|urges?)\b"
    r"|\boutputs?\b|战略中|战略(?:要求|鼓励|希望|提出|规定|请|期望|在|对)|根据战略|在战略|行动计划|附录|产出")
_NAMES = {
    "office": ("劳工局", "the Office"), "director_general": ("总干事", "the Director-General"),
    "governing_body": ("理事会", "the Governing Body"),
    "member_states": ("各国政府", "governments"), "social_partners": ("社会伙伴", "the social partners"),
    "stakeholders": ("所有利益攸关方", "all stakeholders"), "conference": ("大会", "the Conference"),
}
_FORCES = {"should": ("应", "should"), "will": ("将", "will"), "encourage": ("鼓励", "encouraged"),
           "request": ("要求", "requested"), "none": ("", "")}


def duty_label(d: Duty, lang: str) -> str:
    """'governments · should' / '各国政府·应': who acts and how strongly."""
    if not d.actors:
        return ""
    i = 0 if lang == "zh" else 1
    who = ("、" if lang == "zh" else ", ").join(_NAMES[a][i] for a in d.actors)
    force = _FORCES[d.force][i]
    return f"{who}·{force}" if lang == "zh" else f"{who} · {force}"


_MODAL_ZH = re.compile(r"将|应当|应该|(?<![对])应|需要|打算|承诺")


# The question asks what is to be done: "what … do", "commit to", "做什么", "采取哪些措施".
_WHAT_TO_DO = re.compile(
    r"\bwhat\b[^?]{0,90}\b(?:do|doing)\b(?=\s*(?:[?.]|$|about|on|for|regarding|in|with|to|under|if|when|"
    r"according|per|concerning)\b|\s*[?.,]|\s*$)"
    r"|\b(?:what|where)\b[^?]{0,60}\b(?:commit(?:ted|s)? to|undertakes?|pledges?)\b"
    r"|\bwhere (?:are|is|do|does|will)\b[^?]{0,60}\b(?:asked|encouraged|expected|required|called on|"
    r"invited|requested|committed|urged)\b"
    r"|\bwhat (?:[\w-]+ ){0,2}(?:actions?|measures?|steps|commitments|obligations|duties|tasks)\b"
    r"|\b(?:what|which) (?:of (?:the |its |their )?)?(?:[\w'’-]+ ){0,3}(?:commitments|obligations|duties|tasks)\b"
    r"|做什么|做哪些|怎么做|采取(?:什么|哪些)(?:行动|措施)?|哪些(?:行动|措施|举措|责任|义务|工作|任务|职责)"
    r"|(?:什么|哪些)(?:行动|措施|举措|责任|义务)|(?:将|应|应当|会|打算|计划)(?:如何|怎样|怎么)"
    r"|在哪些(?:地方|方面)承诺|承担(?:了)?(?:哪些|什么)|负责(?:哪些|什么)"
    # "对成员国提出了什么要求", "对劳工局有哪些要求": what is asked of the actor.
    r"|(?:提出|有)了?(?:什么|哪些)(?:具体)?(?:要求|期望|任务)"
    r"|(?:承诺|被要求|被鼓励|被邀请)[^？?]{0,24}(?:的地方|之处)"
    # "哪些条款要求劳工局…", "which provisions ask governments to …": the units asking it.
    r"|(?:哪些|哪几|所有)(?:条款|段落|条目|地方|要点|内容|单元)(?:里|中)?(?:要求|请|鼓励|呼吁|邀请|指定)"
    r"|\b(?:which|what|all) (?:provisions?|paragraphs?|points?|clauses?|items?|units?|passages?)\b"
    r"[^?]{0,30}\b(?:ask|asks|call on|calls on|require|requires|request|requests|invite|invites|"
    r"urge|urges|encourage|encourages|task|tasks|assign|assigns)\b")


# "How will the ILO help countries …": the subject between "how" and the verb is the actor
# (not "how does the action plan intend to strengthen employers' organizations").
_HOW = re.compile(r"\bhow (?:will|should|must|does|do|is|are|can)\b(?P<subject>[^?]{0,40}?)\b(?:help|support|"
                  r"assist|strengthen|promote|contribute|build)\b")
_ASKING_EN = re.compile(r"asks?|asked|calls? on|called on|requests?|requested|invites?|invited|"
                        r"urges?|urged|encourages?|encouraged")
_PASSIVE_EN = re.compile(r"\b(?:is|are|was|were|been|be|being)\s+(?:[\w'’-]+\s+){0,3}(?:asked|required|expected|"
                         r"supposed|called on|requested|invited|urged|encouraged|obliged)\b")


def asked_actor(reading: Reading) -> Actor | None:
    """The actor whose duties the question asks about, if it asks what someone is to do:
    the one asked ("ask governments", "要求各国政府", "What will the Office do"), or,
    before a Chinese modal, 责任, 承担 or 负责, the clause's subject ("劳工局将…", "各国政府应…",
    "劳工局在加强雇主组织能力方面承担了哪些任务"). A sentence introducing the asker does not
    count: "我是职业院校的工会代表。…大会结论提出了哪些要求？" asks no union's duties."""
    q = _DOCUMENT.sub(" ", _without_asker(reading.norm))
    duty = _DUTY.search(q)
    if duty is not None and not _WHAT_TO_DO.search(reading.norm):
        how = _HOW.search(reading.norm)
        subject = how["subject"] if how else ""
        return next((a for a, w in _ACTOR_WORDS if re.search(w, subject)), None)
    if duty is None:
        return None
    found = sorted((m.start(), a) for a, w in _ACTOR_WORDS for m in re.finditer(w, q))
    if not found:
        return None
    before = [a for pos, a in found if pos < duty.start()]
    after = [a for pos, a in found if pos >= duty.start()]
    if reading.lang == "en":
        # "What do the Conclusions ask governments to do": the one asked, after the verb;
        # "What does the Office commit to …", "what are governments asked to do": the subject.
        if _ASKING_EN.fullmatch(duty.group()) and not _PASSIVE_EN.search(q):
            return after[0] if after else before[-1]
        return before[-1] if before else after[0]
    passive = q[max(0, duty.start() - 1):duty.start()] == "被"
    if reading.lang == "zh" and before and (_MODAL_ZH.fullmatch(duty.group()) or passive
                                             or duty.group() in ("责任", "义务", "承担", "负责")):
        # the clause's subject: "各国政府应在劳工组织支持下…", "成员国在…方面被要求做什么"
        return before[0]
    return after[0] if after else before[-1]


# A sentence introducing the asker ("我是…工会代表。", "I'm a union educator."), not a question.
_ASKER = re.compile(r"^\s*(?:我是|我们是|本人是|我在|我们在|作为|i am|i'm|we are|we're|as an?\b)")
_SENTENCE_ENDS = re.compile(r"(?<=[。！!？?])|(?<=\.)\s+(?=[a-z])")


def _without_asker(norm: str) -> str:
    """The question less its sentences that only say who is asking."""
    parts = _SENTENCE_ENDS.split(norm)
    return " ".join(p for p in parts if not (_ASKER.match(p) and not p.rstrip().endswith(("?", "？"))))


# Every unit for a text, best first: (anchor, fused score, how much it is about the text).
Ranker = Callable[[str], list[tuple[str, float, float]]]


def obligations(reading: Reading, actor: Actor, corpus: Corpus, duties: dict[str, Duty],
                rank: Ranker, scope: tuple[str, ...] = (), narrow: bool = False,
                share: float = 0.4, few: int = 6) -> tuple[str, ...]:
    """Every finest unit in which `actor` is asked or committed to act, within `scope` (the
    units the question points to, if any) and about the question's topic. A narrow scope
    (a named paragraph, pillar N, component N) is the topic itself: all of its units count,
    in document order. Otherwise the units are ranked for the topic (`rank`: the index's
    fused search) and those at least `share` as much about it as the best one are kept,
    best first (on dev, keeping a share 0.2 of the best fused score instead cited 2.5 units
    for each one of the gold set); an actor with at most `few` units in scope gets them all."""
    q = reading.norm
    docs = {d.doc_id for d in corpus.documents}
    if _IN_CONCLUSIONS.search(q) and not _IN_STRATEGY.search(q):
        docs = {d for d in docs if not d.startswith("GB.")}
    elif _IN_STRATEGY.search(q) and not _IN_CONCLUSIONS.search(q) and not scope:
        docs = {d for d in docs if d.startswith("GB.")}
    units = [u.anchor for u in corpus.units()
             if (u.anchor in scope if scope else u.doc_id in docs)
             and actor in duties[u.anchor].actors and (u.is_leaf or _own_duty(u, actor))]
    topic = topic_text(reading, actor)
    if not topic.strip() or (narrow and _echoes(topic, scope, corpus, reading.lang)):
        return tuple(units)
    wanted = set(units)
    scored = [(a, about) for a, _fused, about in rank(topic) if a in wanted]  # best first
    best = max((about for _a, about in scored), default=0.0)
    if best <= 0:
        return tuple(units) if narrow else ()
    if len(units) <= few:
        # An actor asked to do only a few things (the Director-General, the Governing
        # Body): all of them, the topic only orders them.
        return tuple(dict.fromkeys([*(a for a, _ in scored), *units]))
    # Best first, as the answer's citations are: the set is whole, its order is relevance.
    kept = tuple(a for a, about in scored if about >= share * best)
    return kept


def _content(text: str, lang: str) -> list[str]:
    return [w for w in tokens(text) if len(w) > 1] if lang == "zh" else \
        [w for w in en_tokens(text) if len(w) > 3]


def _echoes(topic: str, scope: tuple[str, ...], corpus: Corpus, lang: str) -> bool:
    """Whether a narrow question's topic only repeats what its scope's lead-in says
    ("第13段：各国政府应在劳工组织支持下采取哪些措施"): then the whole scope is the answer."""
    words = _content(topic, lang)
    if not words:
        return True
    leads: dict[str, None] = {}
    for a in scope:
        unit = corpus.get(a)
        if unit is not None and unit.parent:
            leads[f"{unit.doc_id}#{unit.parent}"] = None
    texts = []
    for anchor in leads:
        lead = corpus.unit(anchor)
        doc = corpus.document(lead.doc_id)
        found = doc.rendering(lang, lead.locator) if doc.lang != lang else None  # type: ignore[arg-type]
        translated = doc.lang != lang and doc.version(lang) is not None  # type: ignore[arg-type]
        texts.append(found[0] if found else ("" if translated else lead.text))
    held = set(_content(" ".join(texts), lang))
    return sum(w in held for w in words) >= 0.6 * len(words)


def _own_duty(unit: Unit, actor: Actor) -> bool:
    """A lead-in that itself asks the actor to act (Conclusions 14(a): the Director-General
    submits, the Governing Body approves), beyond introducing its items."""
    return actor in own_duty(unit.text).actors


_STRUCTURE = re.compile(
    r"\b(?:pillars?|components?|paragraphs?|para|points?|items?|outputs?|appendix|areas?|"
    r"conclusions?|sub-?items?|include|both|actions?)\b|\d+(?:\([a-z]+\))*"
    r"|支柱|要素|领域|第\d+段|段|分项|各项|产出|附录|列出|包括"
    # asking words that name no topic ("具体要做什么": 具体 is also in 未具体提及, a row field)
    r"|\b(?:specifically|exactly|actually|concretely|precisely|in practice)\b|具体|究竟|到底|实际上")


def topic_text(reading: Reading, actor: Actor) -> str:
    """The question without the asked actor, the duty words, the documents' names and words
    of structure: what the duties must be about ("" when nothing is left)."""
    q = _DOCUMENT.sub(" ", reading.norm)
    q = re.sub(dict(_ACTOR_WORDS)[actor], " ", q)
    q = _STRUCTURE.sub(" ", _DUTY.sub(" ", q))
    content = [w for w in tokens(q) if len(w) > 1] if reading.lang == "zh" else \
        [w for w in en_tokens(q) if len(w) > 3]
    return q if content else ""


def actor_name(actor: Actor, lang: str) -> str:
    return _NAMES[actor][0 if lang == "zh" else 1]


def note(actor: Actor, n: int, lang: str) -> str:
    if lang == "zh":
        return f"文件中要求{actor_name(actor, 'zh')}就此采取行动的共有{n}处。"
    return f"{n} passage{'s' if n != 1 else ''} ask{'' if n != 1 else 's'} {actor_name(actor, 'en')} to act on this."


__all__ = ["asked_actor", "duty_label", "label", "note", "obligations"]


# The scope of a duties question: pillars, components, the strategy named beside points.
_PILLAR_AREAS = re.compile(r"支柱领域|支柱(?!\s*\d)|\bpillar areas?\b|\bpillars\b")
_PILLAR_N = re.compile(r"(?:支柱|\bpillar)\s*(?P<n>[1-5])(?!\d)")
_COMPONENT_N = re.compile(r"(?:要素|\bcomponent)\s*(?P<n>[1-5])(?!\d)")


_STRATEGY_TOO = re.compile(r"行动计划|附录|战略|\baction plan\b|\bappendix\b|\bstrategy\b")


# "除了C142和C140，…其他标准": the instruments named are the ones left out.
_BESIDES = re.compile(r"除了?|除去|以外|之外|\bexcept\b|\bother than\b|\bbesides\b|\bapart from\b|\bbeyond\b")


def duty_scope(reading: Reading, named: list[str], corpus: Corpus,
           outputs: OutputsOf | None, refs: References) -> tuple[tuple[str, ...], bool]:
    """The units a duties question points at, and whether that scope is narrow (the
    paragraphs or points it names and their items, a pillar's or component's units and
    rows, the units mentioning an instrument it names: then the scope is the topic) or
    broad (the pillars' areas, the Conclusions); empty when it points nowhere."""
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
    if not out and reading.instruments and not _BESIDES.search(q):
        # "What has the ILO committed to on ratifying Convention No. 142?"
        out += [leaf for i in reading.instruments for a in refs.mentions_of(i)
                for leaf in refs.leaves_under(a)]
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
