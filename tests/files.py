"""Input files for the ingestion tests, generated on the spot: tests never download a file.

Each function writes one file to the path it is given (creating the folder) and returns the path.
Well-formed PDFs come from fpdf2; hostile PDFs are written byte by byte, stay well under 1 MB on
disk and still look like PDFs (header, objects, xref, trailer, %%EOF), so a parser must open them.
Text with characters outside Latin-1 (Chinese above all) embeds a Noto CJK font from Debian's
fonts-noto-cjk, converted to TrueType outlines so that pypdf can read the text back.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

__all__ = [
    "CJK_FONTS",
    "GIB",
    "HOSTILE_TEXT",
    "SCRIPT_MARKER",
    "STYLE_MARKER",
    "bomb_pdf",
    "circular_xref_pdf",
    "cjk_font_path",
    "cyclic_pages_pdf",
    "deep_nesting_pdf",
    "empty_file",
    "encrypted_pdf",
    "gbk_text",
    "html_file",
    "huge_length_pdf",
    "image_only_pdf",
    "mojibake_text",
    "not_a_pdf",
    "replacement_text",
    "text_file",
    "text_pdf",
]

PathArg = str | os.PathLike[str]

GIB = 1 << 30
MIB = 1 << 20

# Debian's fonts-noto-cjk; the first that exists is used.
CJK_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
)
# Text inside <script> and <style> of `html_file`: a test asserts the ingester dropped it.
SCRIPT_MARKER = "SCRIPT-TEXT-MUST-NOT-BE-INGESTED"
STYLE_MARKER = "STYLE-TEXT-MUST-NOT-BE-INGESTED"
# The one visible sentence of every hostile PDF: if it ever shows up, the parser swallowed the trap.
HOSTILE_TEXT = "This hostile page must never be ingested."

# Bump when the font conversion changes, so stale cached fonts are not reused.
_FONT_CACHE_VERSION = "1"
_FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)


def _target(path: PathArg) -> Path:
    """The path as a Path, with its folder made, so callers can pass any tmp_path child."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    return p


# --------------------------------------------------------------------------- well-formed PDFs


def cjk_font_path() -> Path | None:
    """The installed Noto CJK collection, or None: lets a test skip where fonts-noto-cjk is absent."""
    return next((f for f in CJK_FONTS if f.is_file()), None)


def _sc_face(collection: Path) -> int:
    """Index of the Simplified Chinese face in a Noto CJK .ttc (JP comes first; SC is what we need)."""
    from fontTools.ttLib import TTCollection

    faces = TTCollection(str(collection), lazy=True)
    try:
        for i, face in enumerate(faces.fonts):
            name = str(face["name"].getDebugName(4) or "")
            if name.endswith("CJK SC") and "Mono" not in name:
                return i
    finally:
        faces.close()
    return 0


def _cjk_ttf(chars: Iterable[str], cache: Path, font: Path) -> Path:
    """A small TrueType font with the glyphs of `chars`, cut from one face of the CJK collection.

    Why TrueType: fpdf2 embeds the CID-keyed CFF outlines of Noto CJK with an embedded CMap stream
    as /Encoding, which pypdf does not read (it extracts NUL-interleaved text). With glyf outlines
    fpdf2 writes a CIDFontType2 font with /Identity-H, the common case pypdf round-trips.
    Subsetting first keeps the cu2qu conversion fast; the result is cached by character set.
    """
    from fontTools import version as fonttools_version
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.subset import Options, Subsetter
    from fontTools.ttLib import TTFont, newTable

    codepoints = sorted({ord(c) for c in chars} | set(range(0x20, 0x7F)))
    key = hashlib.sha256(
        f"{_FONT_CACHE_VERSION}|{fonttools_version}|{font.resolve()}|{font.stat().st_size}|".encode()
        + ",".join(map(str, codepoints)).encode()
    ).hexdigest()[:20]
    out = cache / f"{font.stem}-{key}.ttf"
    if out.is_file():
        return out

    face = _sc_face(font) if font.suffix.lower() in (".ttc", ".otc") else 0
    tt = TTFont(str(font), fontNumber=face, lazy=False)
    options = Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True
    options.layout_features = []
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(tt)

    if "CFF " in tt or "CFF2" in tt:
        order = tt.getGlyphOrder()
        glyph_set = tt.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder = order
        glyf.glyphs = {}
        for name in order:
            pen = TTGlyphPen(None)
            glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
            glyf[name] = pen.glyph()
        for tag in ("CFF ", "CFF2", "VORG"):
            if tag in tt:
                del tt[tag]
        tt["glyf"] = glyf
        tt["loca"] = newTable("loca")
        maxp = tt["maxp"]
        maxp.tableVersion = 0x00010000
        for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                      "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
            setattr(maxp, field, 0)
        maxp.maxZones = 1
        tt["head"].glyphDataFormat = 0
        post = tt["post"]
        post.formatType = 2.0
        post.extraNames = []
        post.mapping = {}
        post.glyphOrder = order
        tt.sfntVersion = "\x00\x01\x00\x00"

    cache.mkdir(parents=True, exist_ok=True)
    # Write then rename, so parallel test workers never read a half-written font.
    fd, tmp = tempfile.mkstemp(suffix=".ttf", dir=cache)
    os.close(fd)
    try:
        tt.save(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def _text_pdf_bytes(pages: Sequence[Sequence[str]], title: str, font_cache: Path | None,
                    cjk_font: Path | None) -> bytes:
    """The bytes of `text_pdf`, shared with `encrypted_pdf`."""
    from fpdf import FPDF, XPos, YPos

    if not pages:
        raise ValueError("a PDF needs at least one page (give [[]] for one blank page)")
    text = "".join("".join(page) for page in pages)
    pdf = FPDF(format="A4")
    pdf.set_creation_date(_FIXED_DATE)
    pdf.set_creator("tests/files.py")
    if title:
        pdf.set_title(title)
    pdf.set_auto_page_break(auto=True, margin=15)
    try:
        text.encode("latin-1")
        pdf.set_font("helvetica", size=11)
    except UnicodeEncodeError:
        # Outside Latin-1 (CJK, curly quotes, dashes): the core fonts cannot encode it, embed Noto CJK.
        font = cjk_font or cjk_font_path()
        if font is None or not font.is_file():
            raise FileNotFoundError(
                f"no CJK font at {font or CJK_FONTS[0]}: install Debian's fonts-noto-cjk "
                "(apt-get install fonts-noto-cjk)"
            ) from None
        cache = font_cache if font_cache is not None else Path(tempfile.gettempdir()) / "ilo-qa-test-fonts"
        pdf.add_font("cjk", fname=str(_cjk_ttf(text, cache, font)))
        pdf.set_font("cjk", size=11)
    for number, paragraphs in enumerate(pages, 1):
        pdf.add_page()
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(3)
        if pdf.page != number:
            raise ValueError(f"page {number} does not fit on one A4 page; shorten it or split it into pages")
    return bytes(pdf.output())


def text_pdf(path: PathArg, pages: list[list[str]], *, title: str = "", font_cache: Path | None = None,
             cjk_font: Path | None = None) -> Path:
    """A normal PDF with a real text layer: one list of paragraphs per page, lines wrapped.

    `title` goes to the document information (/Title), not onto the page, so each page's extracted
    text is exactly its paragraphs. Latin-1 text uses Helvetica; anything else embeds a subset of
    Noto Sans CJK SC, which also covers kana, Hangul, Cyrillic and typographic punctuation
    (converted fonts are cached in `font_cache`, default <system temp>/ilo-qa-test-fonts).
    Raises ValueError if a page overflows, since page numbers matter to citations.
    """
    target = _target(path)
    target.write_bytes(_text_pdf_bytes(pages, title, font_cache, cjk_font))
    return target


def encrypted_pdf(path: PathArg, password: str = "secret", *, pages: list[list[str]] | None = None,
                  owner_password: str = "owner-secret", algorithm: str = "RC4-128",
                  font_cache: Path | None = None) -> Path:
    """A PDF with a text layer, encrypted: with a user password it cannot be read without it.

    password="" gives a file that is encrypted but opens without a password (owner password only).
    RC4-128 needs no extra package; "AES-256" needs `cryptography` installed.
    """
    from pypdf import PdfReader, PdfWriter

    body = pages if pages is not None else [["This document is protected by a password."]]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_text_pdf_bytes(body, "", font_cache, None))))
    writer.encrypt(user_password=password, owner_password=owner_password, algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    target = _target(path)
    target.write_bytes(buffer.getvalue())
    return target


def image_only_pdf(path: PathArg, *, pages: int = 1) -> Path:
    """A "scanned" PDF: each page is one image of grey text-like bars and a frame, with no text at all."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    scan = Image.new("L", (620, 877), 250)
    draw = ImageDraw.Draw(scan)
    for row, y in enumerate(range(80, 800, 24)):
        draw.rectangle((60, y, 560 - (row * 37) % 180, y + 10), fill=60)
    pdf = FPDF(format="A4")
    pdf.set_creation_date(_FIXED_DATE)
    for _ in range(pages):
        pdf.add_page()
        pdf.image(scan, x=0, y=0, w=210, h=297)
        pdf.set_draw_color(0, 0, 0)
        pdf.rect(10, 10, 190, 277)
    target = _target(path)
    target.write_bytes(bytes(pdf.output()))
    return target


# --------------------------------------------------------------------------- wrong or empty files


def _png() -> bytes:
    """A valid 16x16 grey PNG, built by hand: a real image signature under a .pdf name."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((x * 16) for x in range(16)) for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _docx_zip() -> bytes:
    """A minimal .docx-like ZIP: the commonest wrong file a user names .pdf."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml", "<w:document><w:body><w:p>Not a PDF</w:p></w:body></w:document>")
    return buffer.getvalue()


def _saved_page() -> bytes:
    """A web page saved under a PDF name (it has no "%PDF-" anywhere, so sniffing calls it HTML)."""
    return (b"<!DOCTYPE html>\n<html><head><title>Saved page</title></head>"
            b"<body><p>A web page saved under a PDF name.</p></body></html>\n")


def not_a_pdf(path: PathArg, *, kind: Literal["png", "zip", "html"] = "png") -> Path:
    """A file that is not a PDF whatever its name says (meant to be written as x.pdf)."""
    data = {"png": _png, "zip": _docx_zip, "html": _saved_page}[kind]()
    target = _target(path)
    target.write_bytes(data)
    return target


def empty_file(path: PathArg) -> Path:
    """A zero-byte file, whatever its extension."""
    target = _target(path)
    target.write_bytes(b"")
    return target


def text_file(path: PathArg, text: str) -> Path:
    """Plain UTF-8 text, written as is (no newline translation)."""
    target = _target(path)
    target.write_bytes(text.encode("utf-8"))
    return target


def gbk_text(path: PathArg, text: str) -> Path:
    """Chinese text in GBK, as old Windows tools save it: valid GBK, invalid UTF-8."""
    data = text.encode("gbk")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        raise ValueError("this text is the same in GBK and UTF-8; give text with Chinese characters")
    target = _target(path)
    target.write_bytes(data)
    return target


def _sloppy_cp1252(data: bytes) -> str:
    """Bytes read as Windows-1252, the 5 bytes it leaves undefined read as Latin-1 (what editors do)."""
    out = []
    for byte in data:
        try:
            out.append(bytes((byte,)).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def mojibake_text(path: PathArg, text: str, *, codec: Literal["cp1252", "latin-1"] = "cp1252") -> Path:
    """UTF-8 text already damaged once: its UTF-8 bytes read as cp1252/Latin-1, saved again as UTF-8.

    "it’s" becomes "itâ€™s", "é" becomes "Ã©", "工" becomes "å·¥": valid UTF-8, wrong text.
    """
    raw = text.encode("utf-8")
    damaged = _sloppy_cp1252(raw) if codec == "cp1252" else raw.decode("latin-1")
    if damaged == text:
        raise ValueError("ASCII text cannot turn into mojibake; give text with non-ASCII characters")
    target = _target(path)
    target.write_bytes(damaged.encode("utf-8"))
    return target


def replacement_text(path: PathArg, text: str) -> Path:
    """UTF-8 text after a lossy decode: every non-ASCII byte became U+FFFD (3 per Chinese character)."""
    damaged = text.encode("utf-8").decode("ascii", errors="replace")
    if "\ufffd" not in damaged:
        raise ValueError("ASCII text has nothing to replace; give text with non-ASCII characters")
    target = _target(path)
    target.write_bytes(damaged.encode("utf-8"))
    return target


def html_file(path: PathArg, title: str, blocks: list[str], *, lang: str = "en") -> Path:
    """A simple HTML page: <title>, <h1>, one <p> per block, plus a script and a style to be ignored.

    Blocks are escaped (so "&" is written "&amp;") and the first character of the first block is
    written as a numeric reference (&#...;): the visible text is exactly the blocks, entities included.
    """
    paragraphs = []
    for i, block in enumerate(blocks):
        if i == 0 and block:
            paragraphs.append(f"&#{ord(block[0])};{html.escape(block[1:], quote=False)}")
        else:
            paragraphs.append(html.escape(block, quote=False))
    body = "\n".join(f"  <p>{p}</p>" for p in paragraphs)
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n  <meta charset="utf-8">\n'
        f"  <title>{html.escape(title, quote=False)}</title>\n"
        f"  <style>body {{ font-family: serif; }} /* {STYLE_MARKER} */</style>\n"
        f'  <script>var note = "{SCRIPT_MARKER}"; if (1 < 2 && 3 > 2) {{ console.log(note); }}</script>\n'
        "</head>\n<body>\n"
        f"  <h1>{html.escape(title, quote=False)}</h1>\n{body}\n"
        f"  <script>document.title += \" {SCRIPT_MARKER}\";</script>\n"
        "</body>\n</html>\n"
    )
    target = _target(path)
    target.write_bytes(page.encode("utf-8"))
    return target


# --------------------------------------------------------------------------- hostile PDFs
# Object layout shared by the hostile files: 1 Catalog, 2 Pages, 3 Page, 4 Contents, 5 Font.

_HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT_OPS = b"BT /F1 12 Tf 72 720 Td (" + HOSTILE_TEXT.encode() + b") Tj ET\n"


def _page(extra: bytes = b"") -> bytes:
    """The one page dictionary; `extra` adds entries to it."""
    return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
            b"/Contents 4 0 R " + extra + b" >>")


def _stream(data: bytes, entries: bytes = b"", *, length: bytes | None = None) -> bytes:
    """A stream object body; `length` overrides the true /Length."""
    declared = length if length is not None else str(len(data)).encode()
    return b"<< " + entries + b" /Length " + declared + b" >>\nstream\n" + data + b"\nendstream"


def _body(objects: Sequence[bytes]) -> tuple[bytearray, list[int]]:
    """Header plus objects numbered from 1, and the byte offset of each."""
    out = bytearray(_HEADER)
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    return out, offsets


def _xref(offsets: Sequence[int], *, declared: int | None = None) -> bytes:
    """A classic xref table; `declared` overrides the entry count in the subsection header."""
    count = declared if declared is not None else len(offsets) + 1
    rows = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return b"xref\n0 %d\n0000000000 65535 f \n" % count + rows


def _tail(xref_at: int, trailer: bytes) -> bytes:
    return b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref_at


def _classic(objects: Sequence[bytes], trailer: bytes = b"", *, declared: int | None = None) -> bytes:
    """A complete classic PDF: objects, one xref table, trailer, startxref, %%EOF."""
    out, offsets = _body(objects)
    at = len(out)
    size = declared if declared is not None else len(offsets) + 1
    out += _xref(offsets, declared=declared) + _tail(at, b"/Size %d /Root 1 0 R " % size + trailer)
    return bytes(out)


def _write(path: PathArg, data: bytes) -> Path:
    target = _target(path)
    target.write_bytes(data)
    return target


def _adler32_run(adler: int, count: int, byte: int) -> int:
    """Adler-32 of data followed by `count` copies of `byte`, in O(1): no need to hash gigabytes."""
    mod = 65521
    a, b = adler & 0xFFFF, adler >> 16
    b = (b + count * a + byte * count * (count + 1) // 2) % mod
    a = (a + count * byte) % mod
    return (b << 16) | a


def bomb_pdf(path: PathArg, *, inflated: int = 4 * GIB, layers: Literal[1, 2] = 2, fill: bytes = b" ") -> Path:
    """A page whose content stream inflates to `inflated` bytes (rounded to MiB) from a few KB on disk.

    The deflate data is one 1 MiB block of `fill` (after a full flush, so it stands alone) repeated,
    with the Adler-32 computed arithmetically: generation takes milliseconds and no memory. With
    layers=2 the stream is /Filter [/FlateDecode /FlateDecode] (4 GiB -> ~10 KB); with layers=1 a
    single FlateDecode, ~1 KB per MiB on disk (keep `inflated` under 900 MiB to stay under 1 MB).
    The inflated text is real content (HOSTILE_TEXT drawn) followed by whitespace.
    """
    if len(fill) != 1:
        raise ValueError("fill is one byte")
    mibs = max(1, inflated // MIB)
    prefix = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    head = prefix.compress(_TEXT_OPS) + prefix.flush(zlib.Z_FULL_FLUSH)
    run = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    block = run.compress(fill * MIB) + run.flush(zlib.Z_FULL_FLUSH)
    adler = _adler32_run(zlib.adler32(_TEXT_OPS), mibs * MIB, fill[0])
    # zlib header, blocks, an empty final fixed-Huffman block (0x03 0x00), then the Adler-32.
    end = b"\x03\x00" + adler.to_bytes(4, "big")
    if layers == 1:
        data = b"\x78\xda" + head + block * mibs + end
        filters = b"/FlateDecode"
    else:
        outer = zlib.compressobj(9)
        parts = [outer.compress(b"\x78\xda" + head)]
        parts.extend(outer.compress(block) for _ in range(mibs))
        parts.append(outer.compress(end) + outer.flush())
        data = b"".join(parts)
        filters = b"[/FlateDecode /FlateDecode]"
    return _write(path, _classic([_CATALOG, _PAGES, _page(), _stream(data, b"/Filter " + filters), _FONT]))


def _xref_stream_pdf(plain: dict[int, bytes], packed: dict[int, bytes], objstm: int, objstm_length: bytes,
                     *, prev_self: bool) -> bytes:
    """A PDF 1.5 file: `plain` objects, `packed` ones inside object stream `objstm`, an xref stream."""
    bodies = b""
    starts = []
    for body in packed.values():
        starts.append(len(bodies))
        bodies += body + b"\n"
    index = b"".join(b"%d %d " % (n, start) for n, start in zip(packed, starts, strict=True))
    payload = index + bodies
    objects = dict(plain)
    objects[objstm] = (b"<< /Type /ObjStm /N %d /First %d /Length " % (len(packed), len(index)) + objstm_length
                       + b" >>\nstream\n" + payload + b"\nendstream")
    out = bytearray(_HEADER)
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref_number = max([*objects, *packed]) + 1
    at = len(out)
    offsets[xref_number] = at
    slots = {n: i for i, n in enumerate(packed)}
    rows = b""
    for number in range(xref_number + 1):
        if number in offsets:
            rows += struct.pack(">BIH", 1, offsets[number], 0)
        elif number in slots:
            rows += struct.pack(">BIH", 2, objstm, slots[number])
        else:
            rows += struct.pack(">BIH", 0, 0, 65535)
    prev = b" /Prev %d" % at if prev_self else b""
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R%s /Length %d >>\nstream\n"
            % (xref_number, xref_number + 1, prev, len(rows)) + rows + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % at
    return bytes(out)


def circular_xref_pdf(path: PathArg, *, variant: Literal["xref_stream", "prev", "pair"] = "xref_stream") -> Path:
    """Cross-reference data that loops, so a naive reader follows it forever.

    "xref_stream" (default): an xref stream whose /Prev is itself, and the Pages object lives in an
        object stream whose /Length is an object stored inside that same object stream.
    "prev": a classic xref table whose trailer /Prev points back at the same table.
    "pair": two xref tables whose trailers /Prev each other.
    """
    if variant == "xref_stream":
        plain = {1: _CATALOG, 3: _page(), 4: _stream(_TEXT_OPS), 5: _FONT}
        return _write(path, _xref_stream_pdf(plain, {2: _PAGES, 7: b"999"}, 6, b"7 0 R", prev_self=True))
    out, offsets = _body([_CATALOG, _PAGES, _page(), _stream(_TEXT_OPS), _FONT])
    trailer = b"/Size 6 /Root 1 0 R"
    if variant == "prev":
        at = len(out)
        out += _xref(offsets) + _tail(at, trailer + b" /Prev %d" % at)
        return _write(path, bytes(out))
    # "pair": the first table's /Prev names the second; the second's (the one startxref names) the first.
    first = len(out)
    first_table = _xref(offsets) + b"trailer\n<< " + trailer + b" /Prev %010d >>\n"
    second = first + len(first_table % 0)
    out += first_table % second
    out += _xref(offsets) + _tail(second, trailer + b" /Prev %d" % first)
    return _write(path, bytes(out))


def cyclic_pages_pdf(path: PathArg, *, variant: Literal["ancestor", "self"] = "ancestor") -> Path:
    """A page tree that is not a tree: walking /Kids never ends.

    "ancestor" (default): the root Pages node has a page and a child Pages node whose /Kids hold the root.
    "self": the root Pages node lists itself in its own /Kids.
    """
    if variant == "self":
        objects = [_CATALOG, b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>", _page(), _stream(_TEXT_OPS), _FONT]
    else:
        objects = [_CATALOG, b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 3 >>", _page(), _stream(_TEXT_OPS), _FONT,
                   b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 2 >>"]
    return _write(path, _classic(objects))


def _page_dag(pages: int, count: bytes) -> list[bytes]:
    """Objects 6.. of a page tree that is a DAG: each Pages node lists the next one ten times, the
    last lists page 3, so one page object is reached `pages` times (rounded down to d x 10^k)."""
    fans: list[int] = []
    while pages >= 100:
        fans.append(10)
        pages //= 10
    fans.append(max(pages, 1))
    fans.reverse()
    nodes = []
    for level, fan in enumerate(fans):
        child = b"%d 0 R" % (7 + level) if level < len(fans) - 1 else b"3 0 R"
        parent = b"/Parent %d 0 R " % (5 + level) if level else b""
        kids = b" ".join([child] * fan)
        nodes.append(b"<< /Type /Pages " + parent + b"/Kids [" + kids + b"] /Count " + count + b" >>")
    return nodes


def huge_length_pdf(path: PathArg, *, variant: Literal["all", "length", "count", "xref", "pages"] = "all",
                    pages: int = 90_000) -> Path:
    """Sizes that invite a reader to allocate or loop for ever, in a file of a few KB at most.

    "length": the content stream declares /Length 99999999999.
    "count": the Pages node declares /Count 1000000000 (it has one page).
    "xref": the xref subsection and trailer /Size declare 1000000000 entries.
    "all" (default): all three at once.
    "pages": every Pages node declares /Count 1000000000 and the tree is a DAG that really reaches
        one 40-line page `pages` times (default 90,000: pypdf refuses page trees over 100,000 entries,
        below that it extracts every copy, for minutes). About 5 KB on disk.
    """
    count = b"1000000000" if variant in ("all", "count", "pages") else b"1"
    if variant == "pages":
        lines = b"".join(b"BT /F1 10 Tf 72 %d Td (%s line %d) Tj ET\n" % (760 - 16 * i, HOSTILE_TEXT.encode(), i)
                         for i in range(40))
        dag = _page_dag(pages, count)
        catalog = b"<< /Type /Catalog /Pages 6 0 R >>"
        page = _page().replace(b"/Parent 2 0 R", b"/Parent %d 0 R" % (5 + len(dag)))
        # Object 2 (the usual Pages node) stays, unreachable, so the numbering matches the other files.
        objects = [catalog, _PAGES, page, _stream(lines), _FONT, *dag]
        return _write(path, _classic(objects))
    length = b"99999999999" if variant in ("all", "length") else None
    declared = 1_000_000_000 if variant in ("all", "xref") else None
    objects = [_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count " + count + b" >>", _page(),
               _stream(_TEXT_OPS, length=length), _FONT]
    return _write(path, _classic(objects, declared=declared))


def deep_nesting_pdf(path: PathArg, *, depth: int = 100_000,
                     variant: Literal["array", "dict", "content", "object"] = "array") -> Path:
    """Containers nested `depth` levels deep, for a recursive-descent parser to overflow its stack.

    "array" (default): the page dictionary holds /Deep [[[...]]].
    "dict": the page dictionary holds /Deep << /A << /A ... 0 >> >>.
    "content": the content stream's TJ operand is [[[...]]].
    "object": the nesting is a separate object that only the page's /Deep refers to (lazy readers skip it).
    """
    arrays = b"[" * depth + b"]" * depth
    contents = _stream(_TEXT_OPS)
    page = _page(b"/Deep " + arrays)
    extra: list[bytes] = []
    if variant == "dict":
        page = _page(b"/Deep " + b"<</A " * depth + b"0" + b">>" * depth)
    elif variant == "content":
        page = _page()
        contents = _stream(_TEXT_OPS + b"BT /F1 12 Tf 72 700 Td " + arrays + b" TJ ET\n")
    elif variant == "object":
        page = _page(b"/Deep 6 0 R")
        extra = [arrays]
    return _write(path, _classic([_CATALOG, _PAGES, page, contents, _FONT, *extra]))
