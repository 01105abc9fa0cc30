"""`ilo-qa`: the command line. The only place (with the web UI) where errors become
messages for people: one line on stderr, no traceback, exit 2 for bad input, 1 otherwise."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from assistant import (
    MAX_K,
    RETRIEVERS,
    Assistant,
    CalibrationError,
    CorpusError,
    EmbedderError,
    IndexStateError,
    IngestError,
    QuestionError,
    Settings,
    duty_label,
)
from corpus import Duty

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad command-line input: exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")


def _k(value: str) -> int:
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--k must be a whole number, got {value!r}") from None
    if not 1 <= k <= MAX_K:
        raise argparse.ArgumentTypeError(f"--k must be between 1 and {MAX_K}, got {k}")
    return k


def _parser() -> _Parser:
    p = _Parser(prog="ilo-qa", description="Q&A over the ILO skills and lifelong learning mandate.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("build", help="build (or rebuild) the index from corpus/")
    ask = sub.add_parser("ask", help="answer a question with citations")
    ask.add_argument("question")
    ask.add_argument("--k", type=_k, default=None, help=f"paragraphs to cite (1-{MAX_K})")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ev = sub.add_parser("eval", help="run an evaluation set and print its metrics")
    ev.add_argument("--questions", type=Path, default=None,
                    help="JSON Lines file of questions (default: the project's dev part)")
    ev.add_argument("--split", choices=("dev", "test", "rewordings"), default=None,
                    help="one of the project's parts; test is sealed: aggregate numbers only")
    ev.add_argument("--k", type=_k, default=5)
    ev.add_argument("--retriever", choices=RETRIEVERS, default="hybrid")
    ev.add_argument("--json", action="store_true")
    tr = sub.add_parser("trace", help="cross-references of an anchor or an instrument")
    tr.add_argument("ref", help="an anchor (GB.346/INS/4#A33) or an instrument (C142)")
    tr.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the labels")
    tr.add_argument("--json", action="store_true", help="print one JSON object")
    ing = sub.add_parser("ingest", help="add a PDF, HTML or text document (or another language version)")
    ing.add_argument("path", type=Path, help="the file: .pdf, .html/.htm or .txt")
    ing.add_argument("--doc-id", default=None, help="its id (default: from its title, e.g. C142)")
    ing.add_argument("--version-of", default=None, metavar="DOC_ID",
                     help="the file is another language version of this document")
    ing.add_argument("--lang", choices=("en", "zh"), default=None, help="the version's language")
    ing.add_argument("--json", action="store_true", help="print what was done as one JSON object")
    docs = sub.add_parser("docs", help="list the documents and their language versions")
    docs.add_argument("--json", action="store_true")
    rm = sub.add_parser("remove", help="remove an added document (or, with --lang, an added version)")
    rm.add_argument("doc_id")
    rm.add_argument("--lang", choices=("en", "zh"), default=None)
    serve = sub.add_parser("serve", help="start the web UI")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=7860)
    return p


def _progress_bar() -> tuple[Callable[[int, int], None], Callable[[], None]]:
    from tqdm import tqdm

    bar: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "t" not in bar:
            bar["t"] = tqdm(total=total, desc="embedding paragraphs", unit="vector", file=sys.stderr)
        bar["t"].update(done - bar["t"].n)

    def close() -> None:
        if "t" in bar:
            bar["t"].close()

    return update, close


def _assistant(settings: Settings, rebuild: bool = False) -> Assistant:
    """The assistant, building the index first when it is missing or stale (or `rebuild`),
    and saying why and what it costs: only texts whose vectors are neither shipped (the
    default embedder's seed) nor cached are embedded, about 7 a second on 2 cores."""
    from assistant import Abstention, shape_of
    from corpus import load_corpus
    from index import build_index, make_embedder, stale_reason, to_embed

    corpus = load_corpus(added=settings.documents_dir)
    embedder = make_embedder(settings.embedder)
    Abstention.for_embedder(embedder)  # an uncalibrated embedder is refused before any build
    shape = shape_of(settings)
    reason = "a rebuild was asked for" if rebuild else stale_reason(
        settings.index_dir, corpus, embedder, shape)
    if reason is not None:
        todo, total = to_embed(corpus, embedder, shape, settings.cache_dir)
        cost = (f"{todo} of {total} texts to embed, about {max(1, round(todo / 7))} s" if todo
                else f"all {total} vectors are cached, a few seconds")
        print(f"ilo-qa: building the index in {settings.index_dir} ({reason}): {cost}",
              file=sys.stderr)
        update, close = _progress_bar()
        try:
            build_index(corpus, embedder, settings.index_dir, update, shape=shape,
                        cache_dir=settings.cache_dir, batch=settings.index.batch)
        finally:
            close()
    return Assistant(settings, corpus=corpus, embedder=embedder, build=False)


def _cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    a = _assistant(settings, rebuild=True)
    m = a.index.manifest
    assert m is not None
    print(f"built {m.chunks} chunks with {m.embedder} in {m.build_seconds:.1f} s → {a.index.folder}")
    return EXIT_OK


def _cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    a = _assistant(settings)
    answer = a.ask(args.question, k=args.k)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(answer.answer)
    if answer.citations:
        print("\n来源 Sources:" if answer.lang == "zh" else "\nSources:")
        for i, c in enumerate(answer.citations, start=1):
            duty = duty_label(Duty(c.actors, c.force), answer.lang)
            print(f"  [{i}] {c.label}  ({c.anchor}{'; ' + duty if duty else ''})")
    return EXIT_OK


def _cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from evals import DEV, REWORDINGS, TEST, evaluate, read_questions

    if args.questions and args.split:
        raise UsageError("give --questions or --split, not both")
    parts = {"dev": DEV, "test": TEST, "rewordings": REWORDINGS}
    path = args.questions or parts[args.split or "dev"]
    questions = read_questions(path)
    result = evaluate(_assistant(settings), questions, k=args.k, retriever=args.retriever,
                      sealed=args.split == "test")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return EXIT_OK
    rows = [("all", result)] + [(f"lang={g}", m) for g, m in result["by_lang"].items()]
    rows += [(f"type={g}", m) for g, m in result["by_type"].items()]
    print(f"retriever={result['retriever']} k={result['k']} n={result['n']}")
    print(f"{'group':<18}{'n':>4}{'R@k':>8}{'R@k len':>9}{'MRR':>8}{'abst.acc':>10}"
          f"{'false abst':>11}{'p50 ms':>9}{'p95 ms':>9}")
    for name, m in rows:
        cells = [m["recall_at_k"], m["recall_at_k_lenient"], m["mrr"],
                 m["abstention_accuracy"], m["false_abstention_rate"]]
        text = "".join(f"{'-' if v is None else f'{v:.3f}':>{w}}"
                       for v, w in zip(cells, (8, 9, 8, 10, 11), strict=True))
        print(f"{name:<18}{m['n']:>4}{text}{m['latency_ms']['p50']:>9}{m['latency_ms']['p95']:>9}")
    return EXIT_OK


def _cmd_trace(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import trace_text

    data = _assistant(settings).trace(args.ref, args.lang)
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else trace_text(data, args.lang))
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from ._web import serve

    serve(_assistant(settings), host=args.host, port=args.port)
    return EXIT_OK


def _cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from dataclasses import asdict

    from assistant import ingest

    if args.version_of and args.doc_id:
        raise UsageError("give --doc-id or --version-of, not both")
    update, close = _progress_bar()
    try:
        done = ingest(settings, args.path, doc_id=args.doc_id, version_of=args.version_of,
                      lang=args.lang, progress=update)
    finally:
        close()
    if args.json:
        print(json.dumps(asdict(done), ensure_ascii=False, indent=2))
        return EXIT_OK
    what = f"{done.lang} version of {done.doc_id}" if done.role == "version" else done.doc_id
    if done.unchanged:
        print(f"{args.path.name} is already added as {what} (same file); nothing changed")
        return EXIT_OK
    print(f"{'replaced' if done.replaced else 'added'} {what}: {done.title[:80]!r}, {done.units} units "
          f"({done.scheme}), {done.pages} page(s); parsed in {done.seconds.get('parse', 0):.1f} s, "
          f"index rebuilt in {done.seconds.get('build', 0):.1f} s ({done.embedded} texts embedded)")
    if done.alignment:
        a: dict[str, Any] = done.alignment
        print(f"aligned {a['matched']} of {a['numbered']} numbered units; Appendix rows kept from the "
              f"working translation: {a['rows_kept']}; unmatched in the file: {len(a['unmatched_version'])}"
              f"; item counts that differ: {len(a['count_mismatches'])}")
    return EXIT_OK


def _cmd_docs(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import documents

    found = documents(settings)
    if args.json:
        print(json.dumps({"documents": found}, ensure_ascii=False, indent=2))
        return EXIT_OK
    for d in found:
        print(f"{d['doc_id']:<16}{d['lang']:<4}{d['origin']:<9}{d['units']:>5} units  "
              f"sha256 {str(d['sha256'])[:12]}  {str(d['title'])[:60]}")
        for v in d["versions"]:  # type: ignore[attr-defined]
            print(f"{'':<16}{v['lang']:<4}{v['translation']:<13}{v['units']:>5} units  {v['source']}")
    return EXIT_OK


def _cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import remove

    gone = remove(settings, args.doc_id, args.lang)
    for a in gone:
        what = f"{a.lang} version of {a.version_of}" if a.role == "version" else a.doc_id
        print(f"removed {what} ({a.source_name})")
    return EXIT_OK


_COMMANDS = {"build": _cmd_build, "ask": _cmd_ask, "eval": _cmd_eval, "trace": _cmd_trace,
             "serve": _cmd_serve, "ingest": _cmd_ingest, "docs": _cmd_docs, "remove": _cmd_remove}


def main(argv: Sequence[str] | None = None) -> int:
    from evals import GoldError

    try:
        args = _parser().parse_args(argv)
        try:
            settings = Settings()
        except ValidationError as exc:
            err = exc.errors()[0]
            field = "ILO_QA_" + "_".join(str(p).upper() for p in err["loc"]) if err["loc"] else "ILO_QA_*"
            raise UsageError(f"environment variable {field}: {err['msg']}") from None
        return _COMMANDS[args.command](args, settings)
    except (UsageError, QuestionError, GoldError, EmbedderError, CalibrationError, IngestError) as exc:
        print(f"ilo-qa: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (CorpusError, IndexStateError, OSError) as exc:
        print(f"ilo-qa: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("ilo-qa: interrupted", file=sys.stderr)
        return EXIT_FAIL


def run() -> NoReturn:
    sys.exit(main())
