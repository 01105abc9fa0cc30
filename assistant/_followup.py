"""Follow-up questions made standalone before retrieval: "And what about pillar 3?" after
"What are the outputs of pillar 2?" is asked as "What are the outputs of pillar 3?", or at
least with the earlier question beside it. With a chat model configured it rewrites the
question from the history; otherwise (or when it fails) simple rules do: a question that
leans on what came before (a pronoun, "what about …", "那么…呢") is asked together with the
previous question. The rewritten question is what is answered, and it is shown."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

# Leaning on what came before: pronouns and elliptic openers, in either language.
_LEANS = re.compile(
    r"^\s*(?:and|also|what about|how about|and what about|then|so|what else|same for|now)\b"
    r"|\b(?:it|its|they|them|their|this|that|these|those|the same|above|previous|former|latter)\b"
    r"|^\s*(?:那|那么|还有|另外|此外|同样|那它)|呢[？?]?\s*$|它|它们|其|该(?!国)|这些|那些|上述|前者|后者|这一",
    re.IGNORECASE)
_WHAT_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<x>.+?)\s*\??\s*$", re.IGNORECASE)
_ZH_WHAT_ABOUT = re.compile(r"^\s*(?:那么|那)?\s*(?P<x>.+?)\s*呢\s*[？?]?\s*$")

REWRITE_PROMPT = (
    "Rewrite the last question so that it can be understood without the conversation, in "
    "its own language. Keep every name, number and reference it uses; take what it refers to "
    "from the earlier questions. Reply with the rewritten question only.\n\n"
    "Earlier questions:\n{history}\n\nLast question: {question}")


def leans_on_history(question: str) -> bool:
    return bool(_LEANS.search(question))


def by_rules(question: str, history: Sequence[str]) -> str:
    """The question made standalone by rules: unchanged when it stands alone or there is no
    history; "what about X?" as the previous question about X when that previous question
    names a pillar, component, paragraph or output to swap; else with the previous question
    beside it."""
    if not history or not leans_on_history(question):
        return question
    previous = history[-1].strip()
    m = _WHAT_ABOUT.match(question) or _ZH_WHAT_ABOUT.match(question)
    if m:
        swapped = _swap(previous, m["x"])
        if swapped:
            return swapped
    joiner = "（接上一问：" if re.search(r"[\u4e00-\u9fff]", question) else " (following on from: "
    close = "）" if joiner.startswith("（") else ")"
    return f"{question.strip()}{joiner}{previous}{close}"


_REF = re.compile(r"(?:pillar|component|paragraph|para\.?|output|conclusions?)\s*\d+(?:\([a-z]+\))*"
                  r"|(?:支柱|要素|第)\s*\d+\s*(?:段|项)?(?:\([a-z]+\))*", re.IGNORECASE)


def _swap(previous: str, new: str) -> str | None:
    """"What are the outputs of pillar 2?" + "pillar 3" → "What are the outputs of pillar 3?"."""
    old = _REF.search(previous)
    if old and _REF.fullmatch(new.strip()):
        return previous[:old.start()] + new.strip() + previous[old.end():]
    return None


def by_model(model: BaseChatModel, question: str, history: Sequence[str]) -> str:
    """The question rewritten by the chat model (raises on any failure)."""
    from langchain_core.output_parsers import StrOutputParser
    from langchain_core.prompts import ChatPromptTemplate

    chain = ChatPromptTemplate.from_messages([("human", REWRITE_PROMPT)]) | model | StrOutputParser()
    out = chain.invoke({"history": "\n".join(f"- {h}" for h in history[-4:]), "question": question})
    text = out.strip().strip('"“”').splitlines()[0].strip() if out.strip() else ""
    if not text or len(text) > 4 * len(question) + 200:
        raise ValueError("no usable rewrite")
    return text
