"""What the assistant returns: frozen values, turned into JSON at the edge."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from corpus import Actor, Force

from ._grounding import Claim

Lang = Literal["zh", "en"]
Translation = Literal["official", "unofficial"]


@dataclass(frozen=True)
class Citation:
    """A cited unit: anchor, label in the question's language, verbatim text, and score:
    1/rank in the answer's order (the same meaning whatever the retriever). `covers` lists
    the anchors its text holds (more than one only for the naive baseline); `actors` and
    `force` say who is asked to act in it and how strongly.

    `text` is in the answer's language when the unit exists in it; `source_text` is the
    unit in its document's own language, and `translation` says what `text` is: None (the
    source itself), "official" (an official language version) or "unofficial" (the
    project's working translation)."""

    anchor: str
    label: str
    text: str
    score: float
    covers: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()  # who is asked or committed to act in the unit
    force: Force = "none"  # how strongly: should, will, encourage, request, none
    source_text: str = ""
    translation: Translation | None = None
    supported: bool | None = None  # a model's answer: do the sentences citing it hold up?

    def to_json(self) -> dict[str, Any]:
        return {"anchor": self.anchor, "label": self.label, "text": self.text,
                "score": round(self.score, 6), "source_text": self.source_text or self.text,
                "translation": self.translation, "actors": list(self.actors),
                "force": self.force, "supported": self.supported}


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    abstained: bool
    backend: str
    citations: tuple[Citation, ...]
    lang: Lang = "zh"
    reason: str = ""  # why it abstained, in English, for reports and logs
    why: str = ""  # the same, said to the reader in the question's language
    claims: tuple[Claim, ...] = ()  # a model's sentences, each checked against what it cites

    def to_json(self) -> dict[str, Any]:
        """The object `ilo-qa ask --json` prints and the UI's `/ask` endpoint returns."""
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "abstain_reason": (self.why or self.answer) if self.abstained else None,
            "backend": self.backend,
            "citations": [c.to_json() for c in self.citations],
            "claims": [{"text": c.text, "anchors": list(c.anchors), "supported": c.supported,
                        "why": c.why} for c in self.claims],
        }


class QuestionError(ValueError):
    """The question or an option is not acceptable; the message says what to change."""
