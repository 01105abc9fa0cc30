"""The instruments the documents name (Conventions, Recommendations, declarations, the 2030
Agenda), each with an id, its titles in both languages, year and type, and every written
form by which a text may refer to it: `《1975 年人力资源开发公约》(第 142 号)`, `第142号公约`,
`C142`, `Convention No. 142`, `the Human Resources Development Convention`.

Whether an instrument's own text is in the corpus is not recorded here: a user may add it
(`Corpus.holds`)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from ._normalize import fold

InstrumentType = Literal["convention", "recommendation", "declaration", "agenda"]


@dataclass(frozen=True)
class Instrument:
    """One instrument: `id` is also the document id its text gets when a user adds it."""

    id: str
    type: InstrumentType
    year: int
    number: int | None
    zh: str
    en: str
    aliases: tuple[str, ...] = ()  # other written forms (folded when matched)
    names: tuple[str, str] = ("", "")  # short display names (zh, en) for unnumbered ones

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def short(self, lang: str) -> str:
        """'第142号公约' / 'Convention No. 142'; a declaration's or agenda's short name."""
        if self.number is not None:
            zh, en = ("公约", "Convention") if self.type == "convention" else ("建议书", "Recommendation")
            return f"第{self.number}号{zh}" if lang == "zh" else f"{en} No. {self.number}"
        zh, en = self.names
        return (zh or self.zh) if lang == "zh" else (en or self.en)


REGISTRY: tuple[Instrument, ...] = (
    Instrument("C142", "convention", 1975, 142, "《1975年人力资源开发公约》(第142号)",
               "Human Resources Development Convention, 1975 (No. 142)",
               ("人力资源开发公约", "human resources development convention")),
    Instrument("R195", "recommendation", 2004, 195, "《2004年人力资源开发建议书》(第195号)",
               "Human Resources Development Recommendation, 2004 (No. 195)",
               ("人力资源开发建议书", "human resources development recommendation")),
    Instrument("C140", "convention", 1974, 140, "《1974年带薪脱产学习公约》(第140号)",
               "Paid Educational Leave Convention, 1974 (No. 140)",
               ("带薪脱产学习公约", "paid educational leave convention")),
    Instrument("C138", "convention", 1973, 138, "《1973年最低年龄公约》(第138号)",
               "Minimum Age Convention, 1973 (No. 138)",
               ("最低年龄公约", "minimum age convention")),
    Instrument("C182", "convention", 1999, 182, "《1999年最恶劣形式的童工劳动公约》(第182号)",
               "Worst Forms of Child Labour Convention, 1999 (No. 182)",
               ("最恶劣形式的童工劳动公约", "worst forms of child labour convention")),
    Instrument("R205", "recommendation", 2017, 205,
               "《2017年面向和平与复原力的就业和体面劳动建议书》(第205号)",
               "Employment and Decent Work for Peace and Resilience Recommendation, 2017 (No. 205)",
               ("面向和平与复原力的就业和体面劳动建议书",
                "employment and decent work for peace and resilience recommendation")),
    Instrument("ILO-UNESCO-1966", "recommendation", 1966, None, "劳工组织/教科文组织《关于教师地位的建议书》",
               "ILO/UNESCO Recommendation concerning the Status of Teachers, 1966",
               ("关于教师地位的建议书", "status of teachers"),
               ("1966年《关于教师地位的建议书》", "1966 Teachers' Recommendation")),
    Instrument("CENTENARY-2019", "declaration", 2019, None,
               "《国际劳工组织关于劳动世界的未来百年宣言》(2019年)",
               "ILO Centenary Declaration for the Future of Work, 2019",
               ("百年宣言", "centenary declaration"),
               ("2019年《百年宣言》", "Centenary Declaration (2019)")),
    Instrument("GLOBAL-CALL-2021", "declaration", 2021, None,
               "《国际劳工组织全球行动呼吁：从新冠肺炎危机中实现包容性、可持续和有韧性的以人为本复苏》(2021年)",
               "Global Call to Action for a Human-Centred Recovery from the COVID-19 Crisis that "
               "is Inclusive, Sustainable and Resilient, 2021",
               ("全球行动呼吁", "global call to action"),
               ("2021年《全球行动呼吁》", "Global Call to Action (2021)")),
    Instrument("AGENDA-2030", "agenda", 2015, None, "《2030年可持续发展议程》及可持续发展目标",
               "2030 Agenda for Sustainable Development and the Sustainable Development Goals",
               ("2030年可持续发展议程", "2030年议程", "2030 agenda", "可持续发展目标",
                "sustainable development goals", "sustainable development goal"),
               ("《2030年议程》", "2030 Agenda")),
)

# Numbered forms, on folded text: 第142号公约, 142号公约, (第142号) after a title, c142, c.142,
# convention no. 142, convention (no. 142), convention 142, recommendation no. 195, r195.
_NUMBERED = re.compile(
    r"(?:第|(?<![\d.]))(?P<zn>\d{2,3})\s?号(?P<zt>公约|建议书)"
    r"|(?P<zt2>公约|建议书)》?\(第(?P<zn2>\d{2,3})号\)"
    r"|(?<![a-z0-9#])(?P<ct>[cr])\.?\s?(?P<cn>\d{2,3})(?!\d|\.[a-z0-9])"
    r"|\b(?P<et>convention|recommendation)s?\s*\(?(?:no\.?|number|n°)?\s*(?P<en>\d{2,3})(?![\d.])"
)
_SDG = re.compile(r"\bsdgs?\b")


def _numbered(kind: str, number: str) -> str:
    return ("C" if kind in ("公约", "c", "convention") else "R") + str(int(number))


def instrument_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, id) of each instrument a text names, in any written form, positions in
    `fold(text)`, in order. A numbered form with no registry entry still gives an id
    (`C87`): the reader can tell that an instrument is named even when the documents never
    name it."""
    return list(_spans(text))


@functools.lru_cache(maxsize=4096)
def _spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """Kept per text: the same passages are read for every question that retrieves them."""
    t = fold(text)
    found: list[tuple[int, int, str]] = []
    for m in _NUMBERED.finditer(t):
        kind = m["zt"] or m["zt2"] or m["ct"] or m["et"]
        number = m["zn"] or m["zn2"] or m["cn"] or m["en"]
        found.append((m.start(), m.end(), _numbered(kind, number)))
    for inst in REGISTRY:
        for alias in inst.aliases:
            a = fold(alias)
            start = t.find(a)
            while start >= 0:
                found.append((start, start + len(a), inst.id))
                start = t.find(a, start + 1)
    for m in _SDG.finditer(t):
        found.append((m.start(), m.end(), "AGENDA-2030"))
    return tuple(sorted(found))


def mentioned_instruments(text: str) -> list[str]:
    """Ids of the instruments a text names, in order of first mention."""
    return list(dict.fromkeys(i for _s, _e, i in instrument_spans(text)))


def instrument(id_: str) -> Instrument | None:
    """The registry entry of an id, or None for an instrument the documents never name."""
    return next((i for i in REGISTRY if i.id == id_), None)

