"""What a question names and what it asks for, read from its grammar in either language.

The tables here are question grammar, the same for any document: interrogatives (how many,
when, where, who is, 多少, 何时, 哪里, 谁), the nouns that make "how much" a question about
money or a rate, modal and future markers (will, should, 将, 计划) that make a question about a
plan rather than about what happened, and the verbs by which a question asks what an
instrument itself provides. What the question *names* (titles, proper names, acronyms,
years, instruments, Chinese proper nouns) is extracted by form, never listed; whether the
documents mention those things is the vocabulary's business (`index.Vocabulary`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from corpus import fold, instrument_spans, mentioned_instruments, normalize
from index import periods_in, proper_nouns, sessions_in, tagged

from ._answer import Lang
from ._lang import detect

Asked = Literal["count", "money", "rate", "date", "person", "place", "contact", "definition", "frequency"]

# --- interrogatives ----------------------------------------------------------------------
_EN_MONEY_NOUN = (r"(?:cost|costs|price|prices|fee|fees|salary|salaries|wage|wages|pay|paid|"
                  r"budget|budgets|funding|funds?|funded|finance[sd]?|money|dollars?|spend|spent|"
                  r"earn|earns|credit|allowance|subsid(?:y|ies)|amount of money|expenditure|"
                  r"donors?|invest(?:ed|ment)?|contribut(?:e|ed|ion|ions)|put in)")
_ZH_MONEY_NOUN = r"(?:钱|费用|经费|资金|预算|工资|薪水|薪酬|薪资|补贴|美元|开支|支出|收入|价格|学费|津贴)"
_EN_RATE_NOUN = r"(?:rate|rates|percentage|per ?cent|proportion|share|ratio)"
_ZH_RATE_NOUN = r"(?:率|比例|百分比|比重|占比|百分之)"
_WHO = (r"(?:^\s*|[.?!:;,(]\s*|\b(?:and|or|but|so|know|tell me|tell us|ask|asking|wonder|wondering"
        r"|out|see|say|check|clarify|remind me|explain)\s+)who ")
_ASKS: tuple[tuple[Asked, re.Pattern[str]], ...] = (
    ("money", re.compile(
        rf"\bhow much\b[^?]*\b{_EN_MONEY_NOUN}\b|\b{_EN_MONEY_NOUN}\b[^?]*\bhow much\b"
        rf"|\bhow much money\b|\bhow much (?:does|do|did|will|would) [^?]*\b(?:cost|pay|earn|get)\b"
        rf"|\b(?:what(?:'s| is| are| was| were)|tell me|give me|show me|find out) (?:about )?(?:the )?"
        rf"(?:\w+ ){{0,3}}{_EN_MONEY_NOUN}(?= of\b| for\b| per\b| to\b|\s*[?.]|$)"
        rf"|\bwhat amount\b"
        rf"|多少{_ZH_MONEY_NOUN}|{_ZH_MONEY_NOUN}[^？?]{{0,8}}(?:是|有|为)?多少|多少钱|几[块元]")),
    ("rate", re.compile(
        rf"\b(?:what|which)(?:'s| is| are| was| were)? (?:[\w-]+ ){{0,4}}{_EN_RATE_NOUN}\b|\bhow (?:high|low) is\b"
        rf"|{_ZH_RATE_NOUN}[^？?]{{0,6}}(?:是|有|为)?多少|多少{_ZH_RATE_NOUN}|百分之几"
        rf"|(?:多大|多高|多少|什么)的?{_ZH_RATE_NOUN}")),
    ("count", re.compile(
        r"\bhow many\b|\b(?:the|total|current|overall) number of\b"
        # (not "哪几个" which ones, "那几个国家" those countries, "不识几个字" not even a few;
        # not "第几项产出", "第几个支柱": the documents' own numbering, which a citation gives)
        r"|多少|(?<![哪那这不没好十第])(?<!不.)(?<!没.)几(?:个|名|项|人|次|家|位|所|种|天|年|周|成)"
        r"|第几(?!项|个?(?:支柱|要素|产出|段|条|点))(?:个|名|人|次|家|位|所|种|天|年|周|成|号)|人数|总数|次数")),
    ("frequency", re.compile(
        r"\bhow often\b|\bhow frequently\b|\bat what (?:intervals?|frequency)\b|\bhow regularly\b"
        r"|多久[^？?，,]{0,8}一次|每隔多久|多长时间[^？?，,]{0,8}一次|多频繁|频率|几年一次|多少年一次")),
    ("date", re.compile(
        # "When will …" asks for a date; "When X does Y, …" / "When X — …, do they …" is a
        # clause before the question (a comma or a dash ends it), unless "when" then leads.
        r"^\s*when\s+(?:is|was|will|would|did|does|do|are|were|has|have|had|should|can|could|shall"
        r"|may|must)\b|^\s*when\b(?![^?]*(?:[,;:\u2014\u2013]|\s-\s))"
        # ", when discussing …" / ", when it comes to …" is a clause, not a "when?"
        r"|[,;]\s*when\b(?!\s+(?:\w+ing\b|it comes to\b))"
        r"|\bwhen (?:is|was|will|did|does|do|are|were|has|have|should|can)\b"
        r"|\b(?:what|which) (?:year|date|day|month)\b|\bby when\b|\buntil when\b|\bsince when\b"
        r"|\bhow long\b"
        r"|什么时候|何时|哪一年|哪年|哪一天|几月|(?<!第)几号|何年|多久|多长时间|哪个月")),
    # "Who …" opening a question, or after a verb of asking ("tell me who runs …"), not the
    # relative "who" after a noun ("as the official who runs the information system: …").
    ("person", re.compile(
        rf"{_WHO}(?:is|was|will be|has been) (?:the )?(?:current |present |new |next |former |first )?"
        r"(?:director-general|director|chair(?:person|man|woman)?|president|head|secretary-general|"
        r"minister|leader|spokes(?:person|man|woman)|ceo)\b|\bname of the (?:\w+ )?(?:director|chair|"
        rf"head|president)\b|{_WHO}(?:won|accepted|founded|wrote|signed|presided|chaired|drafted|authored|"
        rf"led|headed)\b|{_WHO}(?:currently |now |actually )?(?:heads|leads|chairs|runs|directs|manages)\b"
        r"|(?:总干事|主席|局长|处长|主任|部长|秘书长|负责人|领导人)(?:是谁|叫什么|姓什么)"
        r"|谁(?:是|担任|任)(?:现任|目前的)?(?:总干事|主席|局长|处长|主任|部长|秘书长|负责人)"
        r"|(?:现任|前任|下一任|下任|首任)")),
    # A place on a map: a geographic noun asked for, or "where" with a verb of location
    # ("where" alone often asks where in the documents, or from what source).
    ("place", re.compile(
        r"\b(?:which|what|in which|in what) (?:(?!(?:are|is|was|were|do|does|did|should|will|must|"
        r"can|could|would|have|has|shall|may)\b)[\w-]+ ){0,2}(?:countr(?:y|ies)|cit(?:y|ies)|(?<!united )nations?\b(?! "
        r"(?:body|bodies|agenc|entit|mechanism|system|organi[sz]ation|partner|programme|fund))|"
        r"regions?|continents?|venue)\b"
        # (not "community-based", "work-based")
        r"|\bwhere\b[^?]*\b(?<!-)(?:held|located|based|headquartered|hosted|situated|take place|"
        r"takes place|took place|convened?)\b"
        r"|哪个国家|哪些国家|哪国|哪个城市|哪座城市|哪些城市|哪个地区|何地"
        r"|(?:哪里|哪儿|在哪|什么地方)[^？?]{0,6}(?:举行|召开|举办|位于|设在|设立|开会)"
        r"|(?:举行|召开|举办|位于|设在)[^？?]{0,4}(?:哪里|哪儿|在哪|什么地方)")),
    ("definition", re.compile(
        r"\bdefinitions? of\b|\b(?:how|where) (?:do|does|did) [^?]{1,60}\bdefine\b|\bdefined as\b"
        r"|\bwhat is meant by\b|\bmeaning of the (?:term|word|phrase)\b"
        r"|定义|含义是|是指什么|指的是什么|是什么意思")),
    ("contact", re.compile(
        r"\baddress(?:es)? (?:of|for)\b|\bwhat is the (?:\w+ )?address\b|\b(?:phone|telephone) numbers?\b"
        r"|\be-?mail\b|\bcontact (?:details|information)\b|\bwebsite\b|\burl\b"
        r"|地址|电话|邮箱|网址|联系方式|网站")),
)
_NAMED_BUDGET = re.compile(r"计划和预算|programme and budget|program and budget|p&b")
# A place as specific as a country or a city: a continent or a region does not answer it.
_SPECIFIC_PLACE = re.compile(r"\bcountr(?:y|ies)\b|\bnations?\b|\bcit(?:y|ies)\b|\btowns?\b|"
                             r"\bcapital\b|国家|哪国|城市|哪座|哪个市")
# The words that ask for a value, not for a subject: left out when looking for passages
# about the question's subject ("cost" is what is asked; "course at the ITC-ILO" is what
# the passage must be about).
_ASKING_WORDS = re.compile(
    rf"\b{_EN_MONEY_NOUN}\b|\b{_EN_RATE_NOUN}\b|\bhow (?:much|many|long|often)\b|\bnumber of\b"
    r"|\b(?:when|what year|which year|date|countr(?:y|ies)|cit(?:y|ies)|where)\b"
    rf"|{_ZH_MONEY_NOUN}|{_ZH_RATE_NOUN}|多少|几|总数|人数|什么时候|何时|哪一年|哪年|哪里|国家|城市")
# A message of several questions: the clauses, split at a question mark or full stop, or at
# ", and which …" ("How many pillars are there, and which one deals with apprenticeships?").
_CLAUSES = re.compile(r"[?？。;；!！]+|,\s*(?:and|but|or)\s+(?=(?:which|what|who|how|where|when|why|is|are|does|do)\b)")
_CONTENT = re.compile(r"[a-z]{3,}|[\u3400-\u9fff]{2,}")
# A clause pointing back to what another one named: "…, and how much has each of them put in?"
_POINTS_BACK = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those|each|both|one)\b"
                          r"|它|它们|其|这些|那些|该|这个|那个|这项|那项")


def _subject(norm: str, asks: tuple[Asked, ...]) -> str:
    """What the passages must be about for the value asked to count: the clauses that ask
    for it, less the asking words; the whole question when they hold too little else or
    point back to an earlier clause ("… And when?", "…, and how much did each of them give?";
    not the first: "那个技能战略管到哪一年" names what it asks about)."""
    if not asks:
        return norm
    patterns = [p for kind, p in _ASKS if kind in asks]
    clauses = [c for c in _CLAUSES.split(norm) if c.strip()]
    asking = [c for c in clauses if any(p.search(c) for p in patterns)]
    subject = _ASKING_WORDS.sub(" ", " ".join(asking))
    if (len(asking) == len(clauses) or len(_CONTENT.findall(subject)) < 2
            or any(_POINTS_BACK.search(c) for c in asking if c != clauses[0])):
        return _ASKING_WORDS.sub(" ", norm)
    return subject


# "Will the ILO help countries work out how much money they need?", "帮助各国估算需要多少
#资金": "how much" is what someone is to find out, not what the question asks.
_INDIRECT = re.compile(
    r"\b(?:work(?:ing)? out|estimat(?:e|es|ing)|assess(?:es|ing)?|calculat(?:e|es|ing)|determin(?:e|es|ing)|"
    r"figur(?:e|es|ing) out|identify(?:ing)?|quantify(?:ing)?|measur(?:e|es|ing)|find(?:ing)? out|"
    r"decid(?:e|es|ing))\s+(?:[\w'’-]+\s+){0,2}how (?:much|many)\b"
    r"|(?:估算|测算|计算|确定|评估|核算|弄清|摸清|算出|算算|算一算|算一下)[^？?，,。]{0,12}多少")
# A yes-no question ("几家企业想一起出钱…，结论鼓励这种做法吗？"): its 几 is "a few", unless
# it asks whether one knows how many ("你知道有几个支柱吗？").
_YES_NO_END = re.compile(r"[吗么]\s*$")
_KNOWS_HOW_MANY = re.compile(r"知道|清楚|告诉|说说|问一下|问问")


def _few(norm: str) -> str:
    """The question with the 几 of its yes-no sentences read as "a few" (数家, 数个)."""
    parts = re.split(r"([？?。！!])", norm)
    return "".join(p.replace("几", "数") if _YES_NO_END.search(p) and not _KNOWS_HOW_MANY.search(p)
                   else p for p in parts)


# "Which outputs concern how much funding is needed" asks where, not how much.
_LOCATE = re.compile(
    r"^\s*(?:which|what) (?:\w+ )?(?:outputs?|paragraphs?|points?|parts?|sections?|pillars?|"
    r"components?|items?|units?|passages?)\b|哪(?:一|些|个)?(?:项|段|条|点)|哪(?:一|些|个)?(?:产出|支柱|要素|部分)")
# The noun a count question counts: "how many countries", "多少名成员".
_COUNTED_EN = re.compile(r"\bhow many (?P<run>[a-z-]+(?: [a-z-]+){0,3})|\bnumber of (?P<of>[a-z-]{3,})")
_NOT_NOUN = frozenset("do does did have has had are is was were will would can could should in "
                      "of on at for to by from with that which who the a an".split())
_COUNTED_ZH = re.compile(r"(?:多少|几)")
_COUNT_NOUN_BEFORE = re.compile(r"(?P<np>[\u3400-\u9fff]{1,8}?)的?(?:人数|数量|总数|数目)(?:是|有|为)?(?:多少|几)")

# --- instruments: asking what one provides --------------------------------------------------
_PROVISION_VERBS = re.compile(
    r"^[^?.;]{0,12}\b(?:say|says|said|provide|provides|require|requires|set|sets|define|defines|"
    r"stipulate|stipulates|oblige|obliges|state|states|contain|contains|cover|covers|mandate|"
    r"mandates|establish|establishes|lay down|lays down|recommend|recommends|propose|proposes|"
    r"ask|asks|call for|calls for|prescribe|prescribes|specify|specifies|list|lists|include|"
    r"includes|mean|means)\b"
    r"|^(?:['’]s)?\s*(?:provisions?|articles?|text|wording|clauses?)\b"
    r"|^[^？?。]{0,16}(?:规定|条款|原文|条文|第\d+条|要求了?什么)")
# Asking for the instrument's own words, not for what the documents say of it.
_OWN_TEXT = re.compile(
    r"\b(?:text|wording|articles?|clauses?|provisions?|verbatim|exact words)\b|条款|条文|原文|第\d+条")
# Before the instrument: "under C142", "Article 2 of C142", "根据第142号公约".
_PROVISION_BEFORE = re.compile(
    r"(?:\b(?:under|according to|pursuant to|as per)(?: the)?|\b(?:provisions?|articles?|text|"
    r"wording|clauses?) (?:\d+ )?(?:of|in)(?: the)?|\barticle \d+(?:\(\d+\))? (?:of|in)(?: the)?"
    r"|根据|按照|依照)\s*$")
_COLUMN_AFTER = re.compile(r"^\s*(?:targets? )?(?:column|field|entry|entries|cell)s?\b|^\s*(?:一)?栏")
# --- time -------------------------------------------------------------------------------
# What happened, or the state of things now: past and perfect forms, progress to date.
_PAST = re.compile(
    r"\bdid\b|\b(?:was|were|has been|have been|had|has|have)\b[^?]*\b(?:\w+ed|found|shown|done|made|"
    r"taken|given|spent|held|won|seen|begun|met)\b|\b(?:so far|to date|until now|up to now|by now|"
    r"already|yet|results? of|outcomes? of|findings?)\b"
    r"|了|已经|已|迄今|至今|到目前为止|截至目前|到现在为止|目前为止|结果如何|怎么样了|评价如何|有什么评价|成效如何")
# The state of things after the documents, whatever year: progress to date.
_SINCE = re.compile(
    r"\b(?:so far|to date|until now|up to now|by now)\b|迄今|至今|到目前为止|截至目前|到现在为止|目前为止")
# What was in fact done, not planned: "by the end of 2025, how much had actually been spent",
# "截至2025年底实际花了多少钱" (the deadline words of a plan are then no plan).
_REALIZED = re.compile(
    r"\b(?:actually|in fact|in reality|really)\s+(?:been\s+)?(?:spent|delivered|achieved|completed|"
    r"implemented|done|used|disbursed|reached|met)\b"
    r"|\b(?:had|has|have)\s+(?:actually\s+|really\s+|in fact\s+)?(?:been\s+)?(?:spent|delivered|achieved|"
    r"completed|disbursed)\b"
    r"|\b(?:results?|findings?|outcomes?) (?:\w+ ){0,2}(?:show|showed|shown|reveal|revealed)\b"
    r"|\bwhat did\b[^?]*\b(?:show|find|reveal|conclude|achieve)\b"
    r"|实际(?:上)?(?:已经?)?(?:花了|花费了|支出了|用了|完成了|落实了|实现了|拨付了|达到了)"
    # "审查的结论出来了吗", "哪些目标没完成": what a review found, how the targets fared
    r"|(?:结论|结果|报告)(?:已经)?出来了|(?:没|没有|未)(?:完成|实现|达到|达成)")
_PLAN = re.compile(
    r"\b(?:will|shall|should|would|plan|plans|planned|planning|aim|aims|aimed|expected|intend|"
    r"intends|intended|scheduled|due|foreseen|envisaged|target|targets|goal|goals|by|before|"
    r"until|happen|happens|take place|takes place|going to|supposed to|meant to)\b"
    r"|将|计划|拟|预计|预期|打算|安排|预定|届时|之前|以前|前(?!任)|到\d|截至|为止|应当|应该|需要|要求|目标"
    r"|(?<![重主需只])要(?![求素点])")

# --- names -------------------------------------------------------------------------------
_TITLE = re.compile(r"《([^》]{1,80})》")
_NAME = re.compile(r"\b[A-Z][\w'’&-]*(?:\s+(?:(?:of the|of|for|on|and|in|&)\s+)?[A-Z][\w'’&-]*)*")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]+$")
_JOINERS = frozenset(("of", "the", "for", "on", "and", "in", "&"))
_OPENERS = frozenset(
    "what which who whom whose how when where why did does do is are was were will would can "
    "could should must may has have had my our i in under according the a an if tell please "
    "list give name explain describe summarise summarize show find point compare "
    "suppose as for on at to from by with".split())
_INSTRUMENT_FORMS = re.compile(
    r"\b(?:C|R)\.?\s?\d{2,3}\b|\b(?:Convention|Recommendation)s?\s*\(?(?:No\.?|number)\s*\d+\)?"
    r"|\b(?:Concls?|Paras?|Pars?|Arts?|Pts?|App)\.|\b(?:Concls?|Paras?|App)\b",
    re.IGNORECASE)
# Words that name parts of a document, capitalised or not: not proper names.
_STRUCTURE = frozenset("article articles paragraph paragraphs section part annex appendix output "
                       "outputs pillar pillars component components conclusions point points "
                       "resolution recommendation convention".split())
_CONTRACTION = re.compile(r"^(?:I|It|That|What|There|Who|Here)['’]\w+$")
_SENTENCE_START = re.compile(r"(?:^|[.?!:;]\s+|\n)\s*[\"'“(]?$")


@dataclass(frozen=True)
class Reading:
    """A question as the abstention signals see it."""

    question: str
    norm: str  # `corpus.normalize`d: the form references are looked for in
    subject: str  # `norm` without the words that ask for a value
    lang: Lang
    asks: tuple[Asked, ...]  # what kind of value the answer must state
    counted: str  # the noun a count question counts ("" when none)
    titles: tuple[str, ...]  # 《…》 titles
    names: tuple[str, ...]  # English proper names and acronyms
    proper_zh: tuple[str, ...]  # Chinese proper nouns (places, organisations)
    years: frozenset[int]  # every year named, inside periods too
    periods: tuple[tuple[int, int], ...]  # (first, last) of each year or period named
    sessions: frozenset[int]  # the numbers of the sessions named ("第350届会议": 350)
    instruments: tuple[str, ...]  # instrument ids named, in any written form
    provisions: bool  # asks what an instrument itself provides
    own_text: bool  # ... in its own words: articles, clauses, the text
    specific_place: bool  # a place question asking for a country or a city, not a region
    plan: bool  # asks what is planned or to be done
    past: bool  # asks what happened (past or perfect forms, results, progress)
    since: bool  # asks about progress up to now, after the documents
    realized: bool = False  # asks what was in fact done or spent ("had actually been spent")


def read(question: str) -> Reading:
    """Everything the signals need from a question, computed once."""
    norm = normalize(question)
    lang = detect(question)
    locate = bool(_LOCATE.search(norm)) or bool(_INDIRECT.search(norm))
    asking = _NAMED_BUDGET.sub(" ", norm)  # "Programme and Budget" names a document
    asking = _few(asking)
    asks = tuple(kind for kind, pattern in _ASKS
                 if pattern.search(asking) and not (locate and kind in ("money", "rate", "count")))
    if "money" in asks or "rate" in asks:  # "how much money" is not also a count
        asks = tuple(a for a in asks if a != "count")
    if "frequency" in asks:  # "多久报告一次" asks how often, not a date or a number
        asks = tuple(a for a in asks if a not in ("count", "date"))
    counted = _counted(norm) if "count" in asks else ""
    periods = tuple(periods_in(fold(question)))
    instruments = tuple(mentioned_instruments(question))
    return Reading(
        question=question,
        norm=norm,
        subject=_subject(norm, asks),
        lang=lang,
        asks=asks,
        counted=counted,
        titles=tuple(_TITLE.findall(question)),
        names=tuple(names(question)),
        proper_zh=tuple(_asked_proper_nouns(norm)),
        sessions=frozenset(sessions_in(fold(question))),
        years=frozenset(y for a, b in periods for y in range(a, b + 1)),
        periods=periods,
        instruments=instruments,
        provisions=_asks_provisions(question),
        own_text=bool(instruments) and bool(_OWN_TEXT.search(fold(question))),
        specific_place="place" in asks and bool(_SPECIFIC_PLACE.search(norm)),
        plan=bool(_PLAN.search(norm)),
        past=bool(_PAST.search(norm)),
        since=bool(_SINCE.search(norm)),
        realized=bool(_REALIZED.search(norm)),
    )


def names(question: str) -> list[str]:
    """English proper names a question uses: capitalised word groups that are not just a
    sentence's first word or a question word, and acronyms. Instrument numbers ("Convention
    No. 142") are instruments, not names. A question written all in capitals or in Title
    Case gives only its acronyms."""
    text = _INSTRUMENT_FORMS.sub(" ", _asked_sentences(question))
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    out: list[str] = []
    for m in _NAME.finditer(text):
        if _EXAMPLE_OF_KIND.search(text[: m.start()]):
            continue  # "apprenticeships, like the ones in West Africa": the kind is asked about
        # "'Innovation Labs' I keep hearing": a closing quote ends the name
        group = re.sub(r"(?<=\w)['’]\s+I$", "", m.group())
        for i, piece in enumerate(re.split(r"['’]s\s+", group)):
            out += _name(piece, bool(_SENTENCE_START.search(text[: m.start()])) and i == 0,
                         title_case)
    return list(dict.fromkeys(n for n in out if len(n) > 1 and not _CONTRACTION.match(n)
                              and any(len(w.strip(".")) > 1 for w in n.split())
                              and not all(w.lower() in _STRUCTURE for w in n.split())))


_LIKENESS = re.compile(r"-(?:type|style|like|esque|sized)$", re.I)
# A name in an example of the kind asked about ("…, like the ones in West Africa", "such as
# those run in Kenya"), as "世界银行等" is in Chinese.
_EXAMPLE_OF_KIND = re.compile(r"\b(?:like|such as)\s+(?:the ones?|those|these|the kind|the sort)\b[^?.;,]*$", re.I)
_SENTENCES = re.compile(r"[^.!?。！？]+[.!?。！？]*")


def _asked_proper_nouns(norm: str) -> list[str]:
    """Chinese proper nouns of the sentences that ask, less those given as an example of a
    kind ("世界银行等国际金融机构": the kind is what is asked about)."""
    return [w for w in proper_nouns(_asked_sentences(norm))
            if not re.search(re.escape(w) + r"(?:等|之类|这样的|这类|一类)", norm)]


def _asked_sentences(question: str) -> str:
    """The sentences that ask (end with a question mark), when others only set the scene
    ("In West Africa most young people learn a trade from a master. Does the strategy …?"):
    a place or name in the scene is the asker's context, not what is asked about."""
    parts = [p for p in _SENTENCES.findall(question) if p.strip()]
    asked = [p for p in parts if p.rstrip().endswith(("?", "？"))]
    if not asked or len(asked) == len(parts):
        return question
    return " ".join(asked)


def _name(group: str, starts_sentence: bool, title_case: bool) -> list[str]:
    """A capitalised word group as a name, without a question word or sentence opener."""
    parts = group.split()
    while parts and (parts[0].lower() in _OPENERS or (starts_sentence and len(parts) == 1)):
        parts = parts[1:]
        starts_sentence = False
    while parts and parts[0].lower() in _JOINERS:  # "Which of the A-outputs": no name starts "of"
        parts = parts[1:]
    if not parts:
        return []
    if starts_sentence and len(parts) > 1 and not _ACRONYM.match(parts[0]) \
            and all(_ACRONYM.match(p) for p in parts[1:]):
        parts = parts[1:]  # "Estimated M&E spending?": the first word is capitalised as first
    if title_case:  # every word is capitalised: only acronyms stand out
        return [p for p in parts if _ACRONYM.match(p)]
    name = " ".join(parts)
    if len(parts) == 1 and not _ACRONYM.match(name) and starts_sentence:
        return []
    if _LIKENESS.search(name):  # "World Bank-type lenders": a kind, not the bank
        return []
    return [re.sub(r"['’]s?$", "", name)]


_TIME_UNITS = frozenset(("年", "个月", "月", "周", "天", "日"))


def _counted(norm: str) -> str:
    """The thing a count question counts: the head noun after "how many" / 多少(名) (the
    last noun of the phrase, as heads are in both languages; in English with the word
    before it, which may make a term: "building blocks")."""
    m = _COUNTED_EN.search(norm)
    if m:
        if m["of"]:
            return m["of"]
        run = []
        for w in m["run"].split():
            if w in _NOT_NOUN:
                break
            run.append(w)
        return " ".join(run[-2:])  # "building blocks": the glossary may know the pair
    m = _COUNTED_ZH.search(norm)
    if not m:
        return ""
    before = _COUNT_NOUN_BEFORE.search(norm)
    if before:  # "成员人数是多少": the members are counted
        heads = [w for w, flag in tagged(before["np"]) if flag[:1] == "n"]
        if heads:
            return heads[-1]
    nouns: list[str] = []
    measure = ""
    for word, flag in tagged(norm[m.end():]):
        if not nouns and not measure and word in _TIME_UNITS:
            return word  # "管几年": years are counted, whatever follows
        if flag in ("q", "m") and not nouns:
            measure = measure or word  # the measure word: 名, 项, 个, 天
            continue
        if flag.startswith("n") or flag == "vn":
            nouns.append(word)
        elif nouns:
            break
    return nouns[-1] if nouns else measure


def _asks_provisions(question: str) -> bool:
    """Whether the question asks what an instrument itself provides: the instrument is the
    subject of a verb of content ("C142 requires", "Convention No. 138 sets"), or what comes
    under it, by its Articles, is asked ("under C142", "Article 2 of C142", "第142号公约第3条
    规定", "根据第182号公约")."""
    text = fold(question)
    for start, end, _id in instrument_spans(question):
        before, after = text[max(0, start - 30):start], text[end:end + 40]
        if _COLUMN_AFTER.search(after):
            continue  # "the SDG column includes 4.5": the Appendix's column, not the Agenda
        if _PROVISION_VERBS.search(after.lstrip(") ")) or _PROVISION_BEFORE.search(before):
            return True
    return False
