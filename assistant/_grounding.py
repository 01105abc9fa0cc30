"""What a model wrote, checked against what it cites. A model's answer is plain text with
citations written `[anchor]`; here it is made inert (no HTML, scripts, images or links),
split into sentences, its citations kept only when they name a unit the model was given
(the others are dropped and logged), and each sentence checked against the units it cites:
every figure it states must be in them, and it must be close to them in meaning (embedding
similarity) or share enough of their key words. A sentence that fails, or cites nothing, is
marked, never silently kept as cited. The thresholds are fitted on examples built from the
documents (`make calibrate-support`, `assistant/support.json`)."""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index import en_tokens, tokens

log = logging.getLogger("ilo_qa.llm")

SUPPORT_FILE = Path(__file__).with_name("support.json")
# `[GB.346/INS/4#p25.a]`, `[ILC.109/Res#c14.a.vii]`, `[C142#art1.2]`; several in one bracket too.
_CITE = re.compile(r"\[\s*([A-Za-z0-9][\w./-]*#[\w.]+(?:\s*[,;]\s*[A-Za-z0-9][\w./-]*#[\w.]+)*)\s*\]")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_TARGET = r"\((?:[^()]|\([^()]*\))*\)"  # a link target, one level of brackets inside
_IMAGE = re.compile(r"!\[([^\]]*)\]" + _TARGET)
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]" + _TARGET)
_URL_SCHEME = re.compile(r"\b(?:javascript|data|vbscript):", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[。！？!?])\s*|(?<=[.;；])\s+(?=\S)|\n+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def clean(text: str) -> str:
    """A model's reply as plain text: scripts and styles removed with their content, other
    tags removed, images dropped, links reduced to their words, script URLs defused, HTML
    entities decoded once (the UI escapes everything it shows)."""
    text = _SCRIPT.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    text = _TAG.sub("", text)  # tags that were written as entities
    text = _URL_SCHEME.sub("", text)
    return re.sub(r"[ \t]+\n", "\n", text).strip()


def cited_anchors(text: str) -> list[str]:
    """Every anchor the text cites, in order of first use."""
    out: dict[str, None] = {}
    for m in _CITE.finditer(text):
        for a in re.split(r"\s*[,;]\s*", m.group(1)):
            out[a.strip()] = None
    return list(out)


def without(text: str, anchors: Sequence[str]) -> str:
    """The text with the citations of `anchors` taken out (a bracket keeps its others)."""
    if not anchors:
        return text

    def keep(m: re.Match[str]) -> str:
        kept = [a for a in re.split(r"\s*[,;]\s*", m.group(1)) if a.strip() not in anchors]
        return f"[{', '.join(kept)}]" if kept else ""

    return re.sub(r"[ \t]+([.。,，;；])", r"\1", _CITE.sub(keep, text)).strip()


@dataclass(frozen=True)
class Claim:
    """One sentence of a written answer, the anchors it cites and whether they support it
    (`why` says what failed: "cites nothing", "figure 2025 not in the cited units", …)."""

    text: str
    anchors: tuple[str, ...]
    supported: bool
    why: str = ""


@dataclass(frozen=True)
class Support:
    """The thresholds a sentence must meet against the units it cites: cosine similarity
    of their vectors, or the share of its key words the units hold."""

    similarity: float = 0.86
    overlap: float = 0.5

    @classmethod
    def for_embedder(cls, embedder_id: str, path: Path = SUPPORT_FILE) -> Support:
        """The fitted thresholds of an embedder, or the defaults when it has none."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            fitted = data["embedders"][embedder_id]
            return cls(float(fitted["similarity"]), float(fitted["overlap"]))
        except (OSError, ValueError, KeyError, TypeError):
            return cls()


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def _key_words(text: str) -> set[str]:
    zh = {w for w in tokens(text) if len(w) > 1 and not w.isascii()}
    en = {w for w in en_tokens(text) if len(w) > 3}
    return zh | en


def numbers(text: str) -> set[str]:
    """The figures a text states (cited anchors left out: `p25.a` is not a figure)."""
    return {n.replace(",", "") for n in _NUMBER.findall(_CITE.sub(" ", text))}


def overlap(sentence: str, unit_texts: Sequence[str]) -> float:
    """The share of a sentence's key words that the cited units hold."""
    words = _key_words(_CITE.sub(" ", sentence))
    if not words:
        return 0.0
    held = set().union(*(_key_words(t) for t in unit_texts)) if unit_texts else set()
    return len(words & held) / len(words)


Embed = Callable[[list[str]], np.ndarray]


def fit_support(examples: Sequence[tuple[float, float, bool]]) -> tuple[Support, float]:
    """The thresholds that best separate supported from unsupported examples, each given as
    (similarity, shared-word share, supported), by balanced accuracy; and that accuracy."""
    best = (Support(), -1.0)
    for sim in np.arange(0.70, 0.96, 0.005):
        for share in np.arange(0.3, 1.01, 0.05):
            hit = [(s >= sim or o >= share) == ok for s, o, ok in examples]
            pos = [h for h, (_s, _o, ok) in zip(hit, examples, strict=True) if ok]
            neg = [h for h, (_s, _o, ok) in zip(hit, examples, strict=True) if not ok]
            score = (sum(pos) / max(1, len(pos)) + sum(neg) / max(1, len(neg))) / 2
            if score > best[1] + 1e-9:
                best = (Support(round(float(sim), 3), round(float(share), 2)), score)
    return best


def measure(claim: str, unit_texts: Sequence[str], embed: Embed) -> tuple[float, float]:
    """A claim's similarity to the units it cites (the best of their texts) and the share
    of its key words they hold: what the thresholds apply to."""
    vectors = embed([claim, *unit_texts])
    return float(np.max(vectors[1:] @ vectors[0])), overlap(claim, unit_texts)


# A claim ends where its citations end: "… No. 142 [ILC.109/Res#c14.c]. Output 33 …".
_AFTER_CITATION = re.compile(r"(?<=\])[.。;；,，]?\s+(?=[^\s\[])")


# Sentence ends inside a piece: "… popular. See also …" (not "No. 142", "para. 25").
_INNER_END = re.compile(r"(?<=[。！？!?])|(?<=[a-z\u4e00-\u9fff)”\"][.!?])\s+(?=[A-Z“\"(])")


def claims_of(text: str) -> list[str]:
    """The claims of a written answer: each sentence, with the citations that end it; a
    sentence before another in the same cited stretch cites nothing."""
    out: list[str] = []
    for line in text.splitlines():
        for piece in _AFTER_CITATION.split(line):
            out += [p.strip() for p in _INNER_END.split(piece) if p and p.strip()]
    return out


_REFERENCE_NUMBERS = re.compile(r"[#.]([a-z]*)(\d+)")


def check(text: str, evidence: Mapping[str, Sequence[str]], embed: Embed,
          support: Support, labels: Mapping[str, str] | None = None
          ) -> tuple[list[Claim], list[str]]:
    """The claims of `text` with their verdicts, and the cited anchors that were not among
    the units given (dropped). `evidence` maps each given anchor to its texts (the answer's
    language first); a figure that only numbers a given unit ("output 33", "para. 25") may
    be stated, as may one in its `labels`."""
    dropped = [a for a in cited_anchors(text) if a not in evidence]
    for a in dropped:
        log.warning("dropped a citation of %s: it was not among the retrieved units", a)
    references = {n for a in evidence for _p, n in _REFERENCE_NUMBERS.findall(a)}
    references |= {n for label in (labels or {}).values() for n in numbers(label)}
    claims: list[Claim] = []
    merged = claims_of(text)
    bare = [_CITE.sub("", s).strip() for s in merged]
    vectors = embed([b or s for b, s in zip(bare, merged, strict=True)]) if merged else None
    for i, sentence in enumerate(merged):
        anchors = tuple(a for a in cited_anchors(sentence) if a in evidence)
        if not bare[i].strip(" .。,，;；:："):
            continue
        if not anchors:
            claims.append(Claim(bare[i], (), False, "cites nothing"))
            continue
        texts = [t for a in anchors for t in evidence[a]]
        missing = sorted(numbers(sentence) - set().union(*(numbers(t) for t in texts))
                         - references)
        if missing:
            claims.append(Claim(bare[i], anchors, False,
                                f"figure {', '.join(missing)} not in the cited units"))
            continue
        assert vectors is not None
        unit_vectors = embed(texts)
        similarity = float(np.max(unit_vectors @ vectors[i]))
        shared = overlap(sentence, texts)
        ok = similarity >= support.similarity or shared >= support.overlap
        claims.append(Claim(bare[i], anchors, ok, "" if ok else
                            f"not close to the cited units (similarity {similarity:.2f}, "
                            f"shared words {shared:.0%})"))
    return claims, dropped
