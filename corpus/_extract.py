"""A file a user adds (PDF, HTML or plain text) → its pages of text, or an `IngestError`
saying in one line what is wrong with the file and what to do.

Nothing here trusts the file: its extension must agree with its bytes, text must decode
cleanly, a PDF must have a text layer and no password. This module is also the entry point
of the child process that parses untrusted files under a time and memory limit (`python -m
corpus._extract FILE`, see `_sandbox`), so it imports nothing heavy at module level."""

from __future__ import annotations

import io
import json
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

FileKind = Literal["pdf", "html", "text"]
KINDS: dict[str, FileKind] = {".pdf": "pdf", ".html": "html", ".htm": "html", ".txt": "text",
                              ".text": "text", ".md": "text"}


class IngestError(ValueError):
    """A file that cannot be added; the message names the file, what is wrong and the fix."""


@dataclass(frozen=True)
class Extracted:
    """The text of a file, page by page (one page for HTML and text without form feeds),
    and the title its metadata gives, if any."""

    kind: FileKind
    pages: tuple[str, ...]
    title: str = ""
    peak_mb: float = 0.0  # the parsing process's peak resident memory, when parsed in a child

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "pages": list(self.pages), "title": self.title}


def kind_of(path: Path) -> FileKind:
    """The kind an extension promises; other extensions are refused."""
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise IngestError(
            f"{path.name}: files of type {path.suffix or '(no extension)'!r} cannot be added; "
            "give a .pdf, .html/.htm or .txt file"
        )
    return kind


# What a file really is, from its first bytes.
_SIGNATURES = ((b"%PDF-", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
               (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx?)"), (b"GIF8", "a GIF image"),
               (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"\x1f\x8b", "a gzip archive"))


def _sniff(raw: bytes) -> str | None:
    head = raw[:1024].lstrip()
    for sig, what in _SIGNATURES:
        if head.startswith(sig) or (sig == b"%PDF-" and sig in raw[:1024]):
            return what
    return None


def decode_text(raw: bytes, name: str) -> str:
    """Bytes → text: UTF-8 (with or without a BOM) or UTF-16 with a BOM; anything else, or
    text already damaged by a wrong decoding, is refused rather than guessed."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"{name}: broken UTF-16 text at byte {exc.start}; save it as UTF-8") from None
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            hint = " (it looks like GBK/GB18030 Chinese)" if _gbk(raw) else ""
            raise IngestError(
                f"{name}: not UTF-8 text{hint}: invalid byte 0x{raw[exc.start]:02x} at offset "
                f"{exc.start}; save it as UTF-8 and add it again"
            ) from None
    if "\x00" in text:
        raise IngestError(f"{name}: holds NUL characters, so it is not a text file; give a .txt, .html or .pdf")
    bad = text.count("\ufffd")
    if bad:
        raise IngestError(
            f"{name}: holds {bad} replacement character(s) (U+FFFD), so it was already damaged by "
            "a wrong decoding; add the original file"
        )
    if _mojibake(text):
        raise IngestError(
            f"{name}: looks mis-decoded (text such as {_mojibake(text)!r} is UTF-8 read as Latin-1); "
            "add the original file"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _gbk(raw: bytes) -> bool:
    try:
        decoded = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return sum("\u4e00" <= c <= "\u9fff" for c in decoded) >= 2


# UTF-8 bytes read as Latin-1/cp1252: a lead byte (Ã Â â å æ ç è é ä…) then continuation
# characters. Real text rarely has these pairs; three or more, and the text re-decodes to
# something with fewer of them, is mojibake.
_MOJIBAKE = re.compile(r"[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                       r"\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
                       r"\u2039\u203a\u20ac\u2122]")


def _mojibake(text: str) -> str:
    found = _MOJIBAKE.findall(text)
    if len(found) < 3:
        return ""
    m = _MOJIBAKE.search(text)
    assert m is not None
    return text[m.start(): m.start() + 6]


class _Text(HTMLParser):
    """The visible text of an HTML page, a line per block, without scripts and styles."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                         "section", "article", "blockquote", "dd", "dt", "table", "ul", "ol",
                         "header", "footer", "pre", "td", "th"})
    _HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        if tag == "title":
            self._in_title = True
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self._hidden:
            self._hidden -= 1
        if tag == "title":
            self._in_title = False
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._hidden:
            self.parts.append(data)


def _html(text: str, name: str) -> Extracted:
    if not re.search(r"<\s*(!doctype|html|body|p|div|h[1-6]|title|article|section)\b", text[:4096], re.I):
        raise IngestError(f"{name}: has no HTML tags; if it is plain text, name it .txt")
    parser = _Text()
    parser.feed(text)
    parser.close()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parser.parts).split("\n")]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return Extracted("html", (body,), " ".join(parser.title.split()))


def _pdf(raw: bytes, name: str) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{name}: the PDF is encrypted (password-protected); add an unprotected copy")
        pages = tuple(page.extract_text() or "" for page in reader.pages)
        meta = reader.metadata
        title = str(meta.title or "") if meta is not None else ""
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(f"{name}: the PDF is nested too deeply to parse (damaged or hostile); "
                          "nothing was added") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            NotImplementedError, AssertionError, ZeroDivisionError) as exc:
        raise IngestError(f"{name}: the PDF cannot be read ({type(exc).__name__}: "
                          f"{str(exc)[:120]}); nothing was added") from None
    if not "".join(pages).strip():
        raise IngestError(f"{name}: scanned? no text layer — run OCR first ({len(pages)} page(s) without text)")
    pages = tuple(p.replace("\r\n", "\n").replace("\r", "\n") for p in pages)
    return Extracted("pdf", pages, " ".join(title.split()))


def extract(path: Path) -> Extracted:
    """The text of one file. Runs in the sandboxed child: it may take the time and memory a
    hostile file makes it take, the parent bounds both."""
    name = path.name
    kind = kind_of(path)
    raw = path.read_bytes()
    if not raw.strip():
        raise IngestError(f"{name}: the file is empty; nothing was added")
    what = _sniff(raw)
    if kind == "pdf":
        if what != "a PDF":
            raise IngestError(f"{name}: not a PDF (it is {what or 'text or unknown bytes'}); "
                              "give the file the extension of what it is")
        return _pdf(raw, name)
    if what is not None:
        raise IngestError(f"{name}: not a {kind} file (it is {what}); give the file the extension of what it is")
    text = decode_text(raw, name)
    if kind == "html":
        return _html(text, name)
    pages = tuple(p for p in text.split("\f"))
    if not "".join(pages).strip():
        raise IngestError(f"{name}: the file holds only white space; nothing was added")
    return Extracted("text", pages)


def _main(argv: list[str]) -> int:
    """Child entry: print `{"ok": true, ...}` or `{"ok": false, "error": ...}` as JSON."""
    import resource

    try:
        out: dict[str, object] = {"ok": True, **extract(Path(argv[0])).to_json(),
                                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    except IngestError as exc:
        out = {"ok": False, "error": str(exc)}
    except MemoryError:
        out = {"ok": False, "error": "memory"}
    except RecursionError:
        out = {"ok": False, "error": f"{Path(argv[0]).name}: nested too deeply to parse (damaged or hostile)"}
    except OSError as exc:
        out = {"ok": False, "error": f"{argv[0]}: cannot be read ({exc.strerror})"}
    sys.stdout.write(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
