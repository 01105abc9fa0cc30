"""Which of the two shipped documents a question asks a passage of: "which Conclusions point
says …", "where do the Conclusions insist …", "according to the Conference …", "结论里哪一条…",
"行动计划正文里哪一项…". Retrieval then moves that document's well-ranked units ahead: both
documents say much the same about the strategy (the Conclusions ask for it, the strategy
restates the request), and similarity alone often ranks the other document's restatement
first. A question naming both, or speaking of outputs (the Appendix rows) or of the grounds
of some work, asks neither."""

from __future__ import annotations

import re

RESOLUTION = "ILC.109/Res"
STRATEGY = "GB.346/INS/4"

_UNIT_EN = r"(?:points?|paragraphs?|provisions?|items?|parts?|sections?|clauses?|passages?)"
_RES_EN = r"(?:(?:2021 |ilc |conference(?:'s)? )?(?:conclusions|resolution)|(?:2021 )?ilc (?:texts?|documents?))"
_ASKS_RES = re.compile(
    rf"\b(?:which|what) (?:[\w-]+ ){{0,2}}{_UNIT_EN} (?:of|in) the {_RES_EN}\b"
    rf"|\b(?:which|what) (?:2021 |ilc )?(?:conclusions?|resolution|conference) (?:[\w-]+ )?{_UNIT_EN}\b"
    rf"|\bwhere (?:do|does|did) the {_RES_EN}\b|\bwhere in the {_RES_EN}\b"
    rf"|\baccording to the (?:{_RES_EN}|conference)\b"
    r"|\bthe (?:conference|conclusions)(?: itself| themselves)? (?:demand|ask|require|request|call|insist"
    r"|want|expect)(?:s|ed)?\b|\b(?:did|does|do) the (?:conference|conclusions)(?: itself| themselves)? "
    r"(?:demand|ask|require|request|call|insist|want|expect|see|say)\b"
    r"|(?:结论|决议)[^？?,。]{0,6}哪(?:一|些|几)?(?:条|点|段|项|部分|款)|哪一?(?:条|点|段|项)(?:大会)?(?:结论|决议)"
    r"|(?:按|按照|根据|依照)(?:《)?(?:2021\s*年)?(?:大会|结论|决议)|(?:在|据)大会(?:看来|的?要求)"
    r"|大会(?:本身|自己)?(?:是否|有没有|有无)?(?:明确)?(?:要求|认为|主张|呼吁)")
_ASKS_STRATEGY = re.compile(
    rf"\b(?:which|what) (?:[\w-]+ ){{0,2}}{_UNIT_EN} (?:of|in) the (?:strategy|action plan)\b"
    rf"|\b(?:which|what) (?:strategy|action plan) (?:[\w-]+ )?{_UNIT_EN}\b"
    r"|\bwhere in the (?:(?:body|text) of the )?(?:strategy|action plan)\b"
    r"|\baccording to the (?:strategy|action plan)\b"
    r"|(?:战略|行动计划)[^？?,，。]{0,8}哪一?(?:段|项|条|部分)|(?:按|按照|根据|依照)(?:这份)?(?:战略|行动计划)")


# Outputs spoken of: the Appendix rows carry their Conclusions points, the question is about
# the wiring between the documents ("the output on X: which Conclusions point is it based on?").
# Likewise the grounds of some work asked for ("which Conclusions point is behind the plan to
# …", "结论依据是哪条"): the work's output or item leads to them, not their own wording.
_OUTPUTS = re.compile(r"产出|附录|\boutputs?\b|\bappendix\b|\bbehind\b|\bbacks?\b|\bbasis\b|\bbased on\b"
                      r"|\bjustif|\bunderpin|\bcit(?:e|es|ed|ing)\b|依据|出处|出自|来源|引用|援引")
# "according to the strategy and the Conclusions": both named
_BOTH = re.compile(r"(?:按|按照|根据|依照|\baccording to\b)[^？?,，。]{0,20}(?:和|与|及|\band\b)[^？?,，。]{0,6}"
                   r"(?:结论|决议|战略|行动计划|conclusions|resolution|strategy|action plan)")


def asked_document(q: str) -> str | None:
    """The shipped document whose passage a (normalized) question asks for, if one only."""
    if _OUTPUTS.search(q) or _BOTH.search(q):
        return None
    res, gb = bool(_ASKS_RES.search(q)), bool(_ASKS_STRATEGY.search(q))
    if res == gb:
        return None
    return RESOLUTION if res else STRATEGY
