"""The assistant: retrieve, decide whether to abstain, then hand the evidence to the
answer-writing stage. One object holds the loaded corpus, embedder and index, so a process
pays start-up once and every question after that costs one query embedding plus a lookup."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

from corpus import SHIPPED_IDS, Corpus, Unit, duties, label, load_corpus
from index import (
    ALIASES_SHA256,
    Hit,
    Index,
    IndexRetriever,
    Shape,
    VectorEmbedder,
    Vocabulary,
    make_embedder,
    naive_index,
    open_index,
)

from ._abstain import Abstention, calibration_sha256, novelty, unknown_words
from ._answer import Answer, Citation, Lang, QuestionError, Translation
from ._extractive import ABSTAIN, Answerer, ExtractiveAnswerer, Written
from ._followup import by_model, by_rules, leans_on_history
from ._grounding import Support
from ._lists import find
from ._llm import Evidence, LLMAnswerer, Verdict, chat_model
from ._named import names_held_term
from ._question import Reading, read
from ._scope import Lack, Passage, Scope
from ._settings import Retriever, Settings
from ._trace import resolve_ref, trace_json
from ._unheld import output_budget_lack, unheld_lack

if TYPE_CHECKING:
    from index import NaiveIndex

    from ._listing import Listing

WEAK = Lack(
    "weak evidence: the question is not close enough to any paragraph",
    "没有任何段落与这个问题足够接近。可以询问战略的支柱、行动计划的产出或《2021年结论》的内容。",
    "No paragraph is close enough to the question. Ask about the strategy's pillars, the action "
    "plan's outputs or the 2021 Conclusions.",
)
RETRIEVERS: tuple[Retriever, ...] = ("hybrid", "dense", "bm25", "naive")
MAX_K = 50


def shape_of(settings: Settings) -> Shape:
    """The build's shape from the settings and the calibration file in force."""
    s = settings.index
    return Shape(bm25_k1=s.bm25_k1, bm25_b=s.bm25_b, views=s.views,
                 calibration=calibration_sha256(), aliases=ALIASES_SHA256 if s.aliases else "")


class Assistant:
    """Answers questions about the corpus with citations. Thread-safe for `ask`."""

    def __init__(
        self,
        settings: Settings,
        *,
        corpus: Corpus | None = None,
        embedder: VectorEmbedder | None = None,
        answerer: Answerer | None = None,
        build: bool = True,
        progress: Callable[[int, int], None] | None = None,
        calibrated: bool = True,
    ) -> None:
        self.settings = settings
        self.corpus = corpus or load_corpus(added=settings.documents_dir)
        self.embedder = embedder or make_embedder(settings.embedder)
        a = settings.abstention
        # Checked before anything is built: an uncalibrated embedder would answer everything.
        self.abstention = Abstention.for_embedder(
            self.embedder, cache_dir=settings.cache_dir, required=calibrated,
            signal=a.signal, scope=a.scope, novelty=a.novelty)
        self.index: Index = open_index(
            settings.index_dir, self.corpus, self.embedder, build=build, progress=progress,
            shape=shape_of(settings), cache_dir=settings.cache_dir, batch=settings.index.batch)
        self.index.tuning = settings.retrieval.tuning()
        self.answerer: Answerer = answerer or self._answerer(settings)
        self.vocabulary = Vocabulary.of(self.corpus)
        self.duties = duties(self.corpus)
        self.scope = Scope.of(self.corpus, self.vocabulary)
        self._naive: NaiveIndex | None = None
        self._naive_lock = threading.Lock()

    def prepare(self, questions: Sequence[object]) -> int:
        """Embed several questions at once (one engine call, cheaper per question than one
        by one), so that asking them next finds their vectors kept: for a server with many
        waiting. Questions that fail the checks are left to `ask` to refuse. Returns how
        many were embedded."""
        texts = []
        for question in questions:
            try:
                texts.append(self.check(question, self.settings.k))  # type: ignore[arg-type]
            except QuestionError:
                continue
        return self.index.prepare(texts)

    def check(self, question: str, k: int) -> str:
        """The question, stripped, or a QuestionError saying what to change: the one check
        every path (CLI, web, API) runs, never echoing the input back."""
        if question is not None and not isinstance(question, str):
            raise QuestionError(f"the question must be text, not {type(question).__name__}; "
                                "ask something, e.g. '支柱1涉及哪些方面？'")
        if question and any("\ud800" <= c <= "\udfff" for c in question):
            raise QuestionError("the question is not valid UTF-8 text (it holds undecodable bytes or "
                                "lone surrogates); type it again")
        q = (question or "").strip()
        if not q:
            raise QuestionError("the question is empty; ask something, e.g. '支柱1涉及哪些方面？'")
        if len(q) > self.settings.max_question_chars:
            raise QuestionError(
                f"the question has {len(q)} characters, more than the limit of "
                f"{self.settings.max_question_chars}; shorten it"
            )
        if not 1 <= k <= MAX_K:
            raise QuestionError(f"k must be between 1 and {MAX_K}, got {k}")
        return q

    def retrieve(
        self, question: str, k: int, retriever: Retriever, qvec: np.ndarray, dense: np.ndarray
    ) -> list[Hit]:
        if retriever == "naive":
            return self.naive().search(question, k)
        if retriever not in RETRIEVERS:
            raise QuestionError(
                f"unknown retriever {retriever!r}; use one of {', '.join(RETRIEVERS)}"
            )
        return self.index.search(question, k, retriever, qvec=qvec, dense=dense)

    def refuses(
        self, reading: Reading, qvec: np.ndarray, dense: np.ndarray, hits: list[Hit]
    ) -> Lack | None:
        """Why the documents do not cover the question, or None (`_scope`, `_abstain`):
        a name the documents never mention; then, unless the question names a unit, pillar or
        component of theirs, too weak a similarity or too many unknown nouns; then what it
        asks for that the retrieved passages lack."""
        scope = self.abstention.scope
        unheld = self.index.unheld(reading.question) if scope else []
        if unheld:
            return unheld_lack(unheld[0])
        budget = output_budget_lack(reading, self.index.named(reading.question), [h.anchor for h in hits],
                                    self.corpus) if scope and "money" in reading.asks else None
        if budget is not None:
            return budget
        lack = self.scope.unknown(reading) if scope else None
        if lack is not None:
            return lack
        if not (self.index.names_structure(reading.question) or names_held_term(reading, self.index)
                or self.index.scoped(reading.question)):
            if self.abstention.weak(self._margin(reading.question, qvec, dense), reading.lang):
                return WEAK
            # Words are looked up in the question's language: not conclusive when the best
            # passages are in a document with no text in it (a Chinese question about an
            # English standard).
            unknown = [] if self._unreadable(hits[:3], reading.lang) else self.unknown_words(reading)
            if unknown and self.abstention.novel(self.novelty(reading), reading.lang):
                shown = "、".join(f"“{w}”" for w in unknown[:3]) if reading.lang == "zh" else \
                    ", ".join(f"'{w}'" for w in unknown[:3])
                return Lack(f"novel: the documents never use {', '.join(unknown[:3])}",
                            f"文件从未使用问题中的{shown}等词。",
                            f"The documents never use {shown} from the question.")
        if not scope:
            return None
        named = [self.passage(a) for a in self.index.mentioned(reading.question)]
        subject = None
        if reading.asks and reading.subject.strip():
            # What the passages about the subject say, not those the asking words drew in
            # ("how much does a course at the Turin centre cost" → the centre, not budgets).
            # It reuses the question's vectors: no second embedding.
            reuse = replace(self.index.tuning, english_plain_query=False)
            found = self.index.search(reading.subject, 3, qvec=qvec, dense=dense, tuning=reuse)
            subject = [self.passage(h.anchor) for h in found]
        return self.scope.lacks(reading, [self.passage(h.anchor) for h in hits], named, subject)

    def _unreadable(self, hits: list[Hit], lang: Lang) -> bool:
        """Whether a hit's document has no text in `lang` (neither its own nor a version)."""
        for h in hits:
            doc = self.corpus.document(h.chunk.anchor.split("#")[0])
            if doc.lang != lang and doc.version(lang) is None:
                return True
        return False

    def unknown_words(self, reading: Reading) -> list[str]:
        return unknown_words(reading, self.vocabulary)

    def novelty(self, reading: Reading) -> float:
        return novelty(reading, self.vocabulary)

    def evidence(self, question: str) -> float:
        """How clearly the question is about these documents: the null-model margin (what
        the thresholds are calibrated on)."""
        qvec = self.index.embed(question)
        return self._margin(question, qvec, self.index.dense_scores(qvec))

    def _margin(self, question: str, qvec: np.ndarray, dense: np.ndarray) -> float:
        """The better of two margins: against the documents' own text (an English question's
        vector carrying its glossary terms) and, for an English question, against the
        English versions with its plain vector. English text measured against Chinese alone
        refused plain questions ("What is the timeframe of the action plan?"); on the dev
        English questions the better margin separates in-scope from out-of-scope ones more
        cleanly (AUC 0.563 -> 0.596)."""
        margin = self.abstention.margin(float(dense.max()), qvec)
        en = self.index.dense_scores_en(question, qvec)
        if en is not None and en.size:
            plain = self.index.plain_vector(question) \
                if self.index.tuning.english_plain_query else qvec
            margin = max(margin, self.abstention.margin(float(en.max()), plain))
        return margin

    def ask(self, question: str, k: int | None = None, retriever: Retriever | None = None) -> Answer:
        """Retrieve the k best units, abstain if the documents cannot answer, else write an
        answer."""
        found = self._evidence(question, k, retriever)
        if isinstance(found, Answer):
            return found
        q, lang, citations, listing = found
        if isinstance(self.answerer, LLMAnswerer):
            return self._written_by_model(q, lang, citations, listing)
        written = self.answerer.write(q, lang, citations, listing)
        return Answer(q, written.text, False, written.backend, citations, lang)

    def ask_stream(self, question: str, k: int | None = None) -> Iterator[str | Answer]:
        """As `ask`, for a model's answer: its text as it arrives (cleaned so far), then the
        checked `Answer`. Without a model, or when it refuses, just the `Answer`."""
        found = self._evidence(question, k, None)
        if isinstance(found, Answer):
            yield found
            return
        q, lang, citations, listing = found
        if not isinstance(self.answerer, LLMAnswerer):
            written = self.answerer.write(q, lang, citations, listing)
            yield Answer(q, written.text, False, written.backend, citations, lang)
            return
        for part in self.answerer.stream_checked(q, lang, citations,
                                                 self.evidence_for(citations, lang), listing):
            if isinstance(part, str):
                yield part
            else:
                yield self._answer_from(q, lang, citations, *part)

    def standalone(self, question: str, history: Sequence[str]) -> str:
        """A follow-up made standalone from the earlier questions: by the chat model when one
        is configured (rules when it fails), by rules otherwise (`_followup`)."""
        if not history or not leans_on_history(question):
            return question
        if isinstance(self.answerer, LLMAnswerer):
            try:
                return by_model(self.answerer.model, question, history)
            except Exception:  # the rules still make it standalone
                pass
        return by_rules(question, history)

    def _evidence(self, question: str, k: int | None, retriever: Retriever | None
                  ) -> Answer | tuple[str, Lang, tuple[Citation, ...], Listing | None]:
        """An abstention, or what an answer is written from: the question, its language, the
        citations (the top k, or a whole set) and the set's description. Marked as work for
        the embedder, which then knows whether other answers are under way."""
        with self.embedder.working():
            return self._gather(question, k, retriever)

    def _gather(self, question: str, k: int | None, retriever: Retriever | None
                ) -> Answer | tuple[str, Lang, tuple[Citation, ...], Listing | None]:
        k = self.settings.k if k is None else k
        retriever = retriever or self.settings.retriever
        q = self.check(question, k)
        # "the apprenticeship pillar" read as "pillar 5" by everything but the embedding
        asked = self.index.numbered(q)
        reading = read(asked)
        lang = reading.lang
        qvec = self.index.embed(q)
        dense = self.index.dense_scores(qvec)
        hits = self.retrieve(asked, k, retriever, qvec, dense)
        lack = self.refuses(reading, qvec, dense, hits) if hits else WEAK
        # the set the structure gives, if the question asks for one (and only when it can
        # matter: not for a refusal other than a missing count)
        picked = self.index.outputs_of(asked)
        # a component's budget asked: its outputs' listing states it
        budget = lack is not None and lack.value == "money" and picked is not None and picked.kind == "component"
        wanted = retriever == "hybrid" and (not lack or lack.value == "count" or budget)
        listing = find(reading, self.index, hits, picked, self.duties,
                       functools.partial(self.rank, question=q), self.settings.answer.topic_share) \
            if wanted else None
        if lack and listing is not None and listing.anchors and (not budget or listing.kind == "outputs"):
            lack = None  # "How many outputs cite 12(k)?": the set and its size answer it
        if lack:
            why = lack.say(lang)
            text = f"{self._abstain_head(lang)}{' ' if lang == 'en' else ''}{why}".rstrip()
            return Answer(q, text, True, "extractive", (), lang, lack.reason, why)
        scoped = self.index.scoped(asked)
        if listing is not None and scoped and any(a.split("#")[0] not in scoped for a in listing.anchors):
            listing = None  # the sets are built from the shipped documents' structure
        if listing is not None and listing.anchors:
            # A whole set: every member is cited, in the order the answer uses them.
            anchors = listing.anchors
            citations = tuple(self._unit_citation(a, lang, rank) for rank, a in enumerate(anchors, 1))
        else:
            listing = None
            citations = tuple(self._citation(h, lang, rank) for rank, h in enumerate(hits, 1))
        return q, lang, citations, listing

    def _answerer(self, settings: Settings) -> Answerer:
        """The configured chat model's answerer when `ILO_QA_LLM_BASE_URL` is set, else
        quotations."""
        extractive = ExtractiveAnswerer(settings.answer.quotes)
        if not settings.llm.base_url:
            return extractive
        return LLMAnswerer(chat_model(settings.llm), settings.llm.model or "default",
                           self.embedder.passages, Support.for_embedder(self.embedder.id),
                           extractive)

    def evidence_for(self, citations: tuple[Citation, ...], lang: Lang) -> list[Evidence]:
        """The units a model is given: anchor, label, heading path, text in the answer's
        language."""
        return [Evidence(c.anchor, c.label, self.path(c.anchor, lang), c.text) for c in citations]

    def retriever(self, k: int = 5, abstain: bool = True) -> IndexRetriever:
        """The index as a LangChain retriever; with `abstain`, a question the documents do not
        cover (the assistant's own decision) gets no documents."""
        return IndexRetriever(index=self.index, k=k, abstain=self.declines if abstain else None)

    def declines(self, question: str) -> bool:
        """Whether the assistant would refuse the question (retrieval and abstention only)."""
        found = self._evidence(question, None, "hybrid")
        return isinstance(found, Answer) and found.abstained

    def unit_evidence(self, anchor: str, lang: Lang) -> Evidence:
        """One unit as a model is given it, in `lang` when a version holds it."""
        text, _kind = self._in_lang(anchor, lang)
        return Evidence(anchor, label(anchor, lang), self.path(anchor, lang),
                        text or self.corpus.unit(anchor).text)

    def path(self, anchor: str, lang: Lang) -> str:
        """A unit's heading path (document › section › pillar or component), in `lang`."""
        unit = self.corpus.get(anchor)
        if unit is None:
            return ""
        doc = self.corpus.document(unit.doc_id)
        version = doc.version(lang) if doc.lang != lang else None
        names = [version.title if version else doc.title]
        for h in (unit.section, unit.group):
            if h:
                names.append((doc.heading_in(lang, h) or (h, ""))[0])
        return " › ".join(names)

    def _written_by_model(self, q: str, lang: Lang, citations: tuple[Citation, ...],
                          listing: Listing | None) -> Answer:
        """The model's answer with its citations checked; its refusal as an abstention; the
        quotations when it fails (and `backend` says why)."""
        assert isinstance(self.answerer, LLMAnswerer)
        written, verdict = self.answerer.write_checked(
            q, lang, citations, self.evidence_for(citations, lang), listing)
        return self._answer_from(q, lang, citations, written, verdict)

    def _abstain_head(self, lang: Lang) -> str:
        """"The documents do not cover this question", naming the documents a user added."""
        extra = [d.doc_id for d in self.corpus.documents if d.doc_id not in SHIPPED_IDS]
        if not extra:
            return ABSTAIN[lang]
        if lang == "zh":
            return f"{ABSTAIN[lang]}（另检索了添加的文件：{'、'.join(extra)}。）"
        return f"{ABSTAIN[lang]} The documents added ({', '.join(extra)}) were searched too."

    def _answer_from(self, q: str, lang: Lang, citations: tuple[Citation, ...], written: Written,
                     verdict: Verdict | None) -> Answer:
        if verdict is None:
            return Answer(q, written.text, False, written.backend, citations, lang)
        if verdict.refusal:
            why = (f"语言模型判断所检索的段落不能回答这个问题：{verdict.refusal}" if lang == "zh" else
                   f"The model found that the retrieved passages do not answer it: {verdict.refusal}")
            text = f"{self._abstain_head(lang)}{' ' if lang == 'en' else ''}{why}"
            return Answer(q, text, True, written.backend, (), lang,
                          f"llm: not in the documents ({verdict.refusal})", why)
        by = {c.anchor: c for c in citations}
        held = {a: all(c.supported for c in verdict.claims if a in c.anchors) for a in verdict.cited}
        cited = tuple(replace(by[a], score=1 / rank, supported=held[a])
                      for rank, a in enumerate(verdict.cited, 1))
        return Answer(q, written.text, False, written.backend, cited, lang, claims=verdict.claims)

    def rank(self, text: str, question: str | None = None) -> list[tuple[str, float, float]]:
        """Every unit ranked for a text by the fused search, with its fused score and how
        much it is about the text (`Index.relevance`: what a set's members are cut on).
        A text taken from a `question` (an obligation's topic, a described point) is ranked
        on the question's vector and its own words: a second embedding cost ~9% of the
        server's throughput (on dev: obligations coverage 0.912 -> 0.917, complete 0.764 ->
        0.795, set precision 0.531 -> 0.491)."""
        sets = self.settings.answer
        about = self.index.relevance(text, sets.topic_lexical_weight, sets.topic_dense_window, question)
        of = dict(zip((c.anchor for c in self.index.chunks), about.tolist(), strict=True))
        hits = self.index.search(text, len(self.index), dense_text=question)
        return [(h.anchor, h.score, of[h.anchor]) for h in hits]

    def trace(self, ref: str, lang: Lang = "en") -> dict[str, Any]:
        """`ilo-qa trace`: what an anchor or an instrument cites, what cites it, where it is
        mentioned, with labels; a QuestionError for a reference that is neither."""
        found = resolve_ref(ref, self.corpus)
        return trace_json(self.index.references.trace(found), self.corpus, lang)

    def passage(self, anchor: str) -> Passage:
        """A retrieved unit's texts in every language the corpus holds, with an Appendix
        row's fields: what the value checks read."""
        unit = self.corpus.get(anchor)
        if unit is None:  # a naive chunk that covers no unit
            return Passage(anchor, ())
        doc = self.corpus.document(unit.doc_id)
        texts = [unit.text, *_row_fields(unit)]
        for v in doc.versions:
            t = v.text(unit.locator)
            if t:
                texts.append(t)
            texts += [f for key, f in v.rows.get(unit.locator, {}).items() if key != "output"]
        return Passage(anchor, tuple(texts))

    def _citation(self, hit: Hit, lang: Lang, rank: int) -> Citation:
        """A retrieved unit as cited. Its score is 1/rank in the answer's order: one meaning
        whatever the retriever (the retrievers' own scores are not comparable)."""
        anchor = hit.anchor
        name = label(anchor, lang) if "#" in anchor else anchor  # a naive chunk may cover no unit
        duty = self.duties.get(anchor)
        text, kind = self._in_lang(anchor, lang)
        return Citation(anchor, name, text or hit.chunk.text, 1 / rank, hit.chunk.covers,
                        duty.actors if duty else (), duty.force if duty else "none",
                        hit.chunk.text, kind)

    def _unit_citation(self, anchor: str, lang: Lang, rank: int) -> Citation:
        """A member of a whole set, cited with its own text (a lead-in too)."""
        duty = self.duties[anchor]
        source = self.corpus.unit(anchor).text
        text, kind = self._in_lang(anchor, lang)
        return Citation(anchor, label(anchor, lang), text or source, 1 / rank,
                        (anchor,), duty.actors, duty.force, source, kind)

    def _in_lang(self, anchor: str, lang: Lang) -> tuple[str, Translation | None]:
        """A unit's text in the answer's language and what it is: ("", None) when the
        source is already in that language or no version holds the unit."""
        unit = self.corpus.get(anchor)
        if unit is None:
            return "", None
        found = self.corpus.document(unit.doc_id).rendering(lang, unit.locator)
        return (found[0], found[1]) if found else ("", None)  # type: ignore[return-value]

    def naive(self) -> NaiveIndex:
        """The textbook baseline, built in memory on first use."""
        with self._naive_lock:
            if self._naive is None:
                self._naive = naive_index(self.corpus, self.embedder)
            return self._naive

    def timed_embedding(self, question: str) -> float:
        """Seconds to embed a question alone: the floor under any answer's latency."""
        t = time.perf_counter()
        self.embedder.query(question)
        return time.perf_counter() - t


def _row_fields(unit: Unit) -> list[str]:
    row = unit.row
    if row is None:
        return []
    return [row.points_raw, row.pillars_raw, ", ".join(row.pb_outputs), row.sdg_raw,
            row.timeframe, f"{row.component_title}（{row.component_budget}）"]

