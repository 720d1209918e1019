"""The hostile set: what real archives hold under a .pdf name, made on the fly.

Most files are written by hand, object by object, because the damage has to sit exactly where the
test says (a deleted cross-reference table, a stream whose /Length lies, an object that refers to
itself); the rest are mutations of the real samples in data/raw. `hostile_set()` names each file and
says what acta must answer for it, so tests/test_hostile.py and scripts/soak.py share one list.
"""

from __future__ import annotations

import io
import random
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "raw"
LINES = [
    "Summary of the Regular Meeting of the Permanent Council",
    "The meeting was called to order at 10:05 a.m. by the Chair, Ambassador Luis Vargas.",
    "The Council took note of document CP/doc.5890/23 corr. 1 and approved the order of business.",
    "The meeting was adjourned at 1:10 p.m.",
]


def pdf(objects: list[bytes]) -> bytes:
    """A PDF file of the given object bodies (object n is objects[n - 1]; object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


def stream(data: bytes, attrs: bytes = b"", length: int | None = None) -> bytes:
    """A stream object body; `length` lets the /Length entry lie."""
    n = len(data) if length is None else length
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (n, attrs, data)


def content(lines: list[str]) -> bytes:
    """A page content stream printing the lines in 11 pt Helvetica from the top of a letter page."""
    ops = [b"BT /F1 11 Tf 14 TL 72 720 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(%s) Tj T*" % escaped.encode("latin-1", "replace"))
    ops.append(b"ET")
    return b"\n".join(ops)


def text_pdf(
    pages: list[list[str]],
    page_extra: dict[int, bytes] | None = None,
    contents: dict[int, bytes] | None = None,
) -> bytes:
    """A text PDF, one content stream per page; `page_extra` adds entries to a page's dictionary and
    `contents` replaces a page's content stream object body (pages are 1-based in both)."""
    page_extra = page_extra or {}
    contents = contents or {}
    first = 4  # 1 catalog, 2 page tree, 3 font, then page and content objects in pairs
    kids = b" ".join(b"%d 0 R" % (first + 2 * i) for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages, start=1):
        page_obj = first + 2 * (i - 1)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R %s>>" % (page_obj + 1, page_extra.get(i, b""))
        )
        objects.append(contents.get(i, stream(content(lines))))
    return pdf(objects)


def sample(name: str = "cajp_course_digital_diplomacy_2024-02-15.pdf") -> bytes:
    return (SAMPLES / name).read_bytes()


def samples() -> list[bytes]:
    return [p.read_bytes() for p in sorted(SAMPLES.glob("*.pdf"))]


# ---------------------------------------------------------------- damage


def truncated(data: bytes, fraction: float) -> bytes:
    return data[: int(len(data) * fraction)]


def flipped(data: bytes, seed: int, flips: int = 8) -> bytes:
    """Random bytes past the header replaced by random values (a bad disk, a bad transfer)."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(flips):
        out[rng.randrange(16, len(out))] = rng.randrange(256)
    return bytes(out)


def without_xref(data: bytes) -> bytes:
    """The cross-reference table cut out; the trailer stays, its startxref pointing at nothing."""
    start = data.rindex(b"\nxref") + 1
    return data[:start] + data[data.index(b"trailer", start) :]


def mutants(seed: int) -> Iterator[bytes]:
    """Mutations of the samples, one after another from one seed: the soak's inputs (scripts/soak.py),
    so a test can rebuild the one that showed a fault."""
    sources, rng = samples(), random.Random(seed)
    while True:
        yield mutated(rng.choice(sources), rng.randrange(1 << 30))


def mutated(data: bytes, seed: int) -> bytes:
    """One of the damages above, or a splice, chosen and placed by the seed (the soak's inputs)."""
    rng = random.Random(seed)
    kind = rng.randrange(5)
    if kind == 0:
        return truncated(data, rng.random())
    if kind == 1:
        return flipped(data, seed, rng.randint(1, 64))
    if kind == 2:  # a block deleted
        at = rng.randrange(len(data))
        return data[:at] + data[at + rng.randint(1, 2048) :]
    if kind == 3:  # a block repeated
        at = rng.randrange(len(data))
        return data[:at] + data[at - rng.randint(1, 2048) if at > 2048 else 0 : at] + data[at:]
    at = rng.randrange(len(data))  # digits changed: lengths, offsets and object numbers lie
    digits = [i for i in range(at, min(len(data), at + 4096)) if data[i : i + 1].isdigit()]
    out = bytearray(data)
    for i in rng.sample(digits, min(len(digits), rng.randint(1, 16))):
        out[i] = ord(str(rng.randrange(10)))
    return bytes(out)


# ---------------------------------------------------------------- whole files


def encrypted(user_password: str = "secret", owner_password: str = "owner") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf([LINES]))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def image_only(pages: int = 2) -> bytes:
    """A scan: every page is one grey image, no text."""
    image = stream(
        zlib.compress(bytes(range(256)) * 64),  # a 128x128 8-bit gradient
        b"/Type /XObject /Subtype /Image /Width 128 /Height 128 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode ",
    )
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        image,
    ]
    for i in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /XObject << /Im1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(stream(b"q 540 0 0 720 36 36 cm /Im1 Do Q"))
    return pdf(objects)


def zero_pages() -> bytes:
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def many_pages(count: int = 1000) -> bytes:
    """A compilation: `count` pages, each with a few lines of its own."""
    return text_pdf([[f"Page {n} of the compilation.", *LINES[1:]] for n in range(1, count + 1)])


def lying_page_count() -> bytes:
    """A page tree that claims a million pages and holds two."""
    return text_pdf([LINES, LINES]).replace(b"/Count 2", b"/Count 1000000")


def deep_nest(depth: int = 100_000) -> bytes:
    """A page whose link annotation holds an array nested `depth` deep."""
    nest = b"[" * depth + b"]" * depth
    annot = b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (https://x.org) >> /N %s >>"
    return text_pdf([LINES], page_extra={1: b"/Annots [%s] " % (annot % nest)})


def slow_page(at: int = 2, pages: int = 3, operators: int = 2_000_000) -> bytes:
    """Page `at` makes the parser work through `operators` save/restore pairs (about 50 s): a page
    that is slow, not broken, and small once compressed."""
    body = content(LINES) + b"\n" + b"q Q " * operators
    return text_pdf([LINES] * pages, contents={at: stream(zlib.compress(body), b"/Filter /FlateDecode ")})


def reference_loop(length: int = 1) -> bytes:
    """The page's content is object 6, and object 6 is a reference to itself (`length` 1) or to a
    chain of references that leads back to it."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 6 0 R >>",
        stream(content(LINES)),
    ]
    objects += [b"%d 0 R" % (7 + i if i < length - 1 else 6) for i in range(length)]
    return pdf(objects)


def slow_opening(missing: int = 300_000) -> bytes:
    """A page tree that names `missing` pages that are not in the file besides its one real page: the
    parser looks for each while it opens the file (about 15 s): slow, not broken."""
    kids = b" ".join(b"%d 0 R" % (1000 + i) for i in range(missing))
    return text_pdf([LINES]).replace(b"/Kids [4 0 R]", b"/Kids [4 0 R %s]" % kids)


def bomb(gigabytes: float = 4.0) -> bytes:
    """A page whose content stream inflates to `gigabytes` of zeros from a few megabytes.

    The deflate data is one compressed megabyte repeated (a full flush between copies makes each
    copy stand alone), so making a 4 GB bomb takes a fraction of a second and no memory."""
    block = 1 << 20
    comp = zlib.compressobj(9)
    one = comp.compress(bytes(block)) + comp.flush(zlib.Z_FULL_FLUSH)
    header = one[:2]
    body = one[2:]
    copies = int(gigabytes * 1024)
    checksum = 1
    zeros = bytes(block)
    for _ in range(copies):
        checksum = zlib.adler32(zeros, checksum)
    deflated = header + body * copies + b"\x03\x00" + checksum.to_bytes(4, "big")
    return text_pdf([LINES], contents={1: stream(deflated, b"/Filter /FlateDecode ")})


def broken_page(at: int = 3, pages: int = 4) -> bytes:
    """Page `at` has an ASCII85 content stream with bytes ASCII85 cannot hold (one flipped byte)."""
    body = [[f"Page {n}.", *LINES] for n in range(1, pages + 1)]
    damaged = stream(b'87cURD]i,"Ebo80\xe9~>', b"/Filter /ASCII85Decode ")
    return text_pdf(body, contents={at: damaged})


def wrong_lengths() -> bytes:
    """Every stream's /Length lies: the first too short, the second far too long."""
    return text_pdf(
        [LINES, LINES],
        contents={1: stream(content(LINES), length=10), 2: stream(content(LINES), length=100_000)},
    )


def html_page() -> bytes:
    return b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n"


def zip_archive() -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


# ---------------------------------------------------------------- damage that must not cost the document

RECORD = [  # three pages of lines of their own, so that none is taken for a running header
    [
        "Summary of the Regular Meeting of the Permanent Council",
        "The meeting was called to order at 10:05 a.m. by the Chair.",
        "The Council approved the order of business without changes.",
    ],
    [
        "The Delegation of Chile presented the report on migration.",
        "The Delegation of Canada thanked the Secretariat for its work.",
        "The Delegation of Brazil asked for more time to consult capitals.",
    ],
    [
        "The Council took note of document CP/doc.5890/23 corr. 1.",
        "The draft resolution was approved by consensus.",
        "The meeting was adjourned at 1:10 p.m.",
    ],
]
GOOD_LINK = "https://www.oas.org/en/council/good"
BAD_STRING_LINK = "https://www.oas.org/en/council/bad-string"
BROKEN_BOX_LINK = "https://www.oas.org/en/council/broken-box"


def link(uri: str, rect: bytes, extra: bytes = b"") -> bytes:
    """A link annotation to `uri` over `rect` (its /Rect, as written)."""
    return b"<< /Type /Annot /Subtype /Link /Rect %s /Border [0 0 0] /A << /S /URI /URI (%s) >> %s>>" % (
        rect,
        uri.encode(),
        extra,
    )


def bad_annotation_strings() -> bytes:
    """Page 2's second link carries strings that are neither UTF-8 nor UTF-16 (a lone surrogate after
    the byte order mark; an odd number of bytes), as one in a real parliamentary record did; page 3
    has a link whose box is three numbers, which no engine can place."""
    first_line = b"[70 712 400 734]"  # over the first line of a page (11 pt, baseline 720)
    bad = b"/Contents <FEFFD800DC00D8> /T <FEFF0041D8>"
    return text_pdf(
        RECORD,
        page_extra={
            2: b"/Annots [%s %s] "
            % (link(GOOD_LINK, first_line), link(BAD_STRING_LINK, b"[70 698 400 720]", bad)),
            3: b"/Annots [%s %s] " % (link(GOOD_LINK, first_line), link(BROKEN_BOX_LINK, b"[70 698 400]")),
        },
    )


def garbage_xref() -> bytes:
    """Every offset in the cross-reference table is wrong (each points into another object)."""
    data = text_pdf(RECORD)
    start = data.rindex(b"\nxref") + 1
    end = data.index(b"trailer", start)
    table = re.sub(
        rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) * 3 + 7), data[start:end]
    )
    return data[:start] + table + data[end:]


def flipped_stream(page: int = 2) -> bytes:
    """Every page's content deflated; in `page`'s, the header of the deflate block after its first
    line flipped to a block type that does not exist: what precedes it (the page's first line) decodes,
    the rest of that page is lost."""
    deflated = {n: zlib.compress(content(lines)) for n, lines in enumerate(RECORD, start=1)}
    full = content(RECORD[page - 1])
    cut = full.index(b"T*\n") + 3  # after the first line's operators
    deflate = zlib.compressobj()
    first = deflate.compress(full[:cut]) + deflate.flush(zlib.Z_FULL_FLUSH)  # whole, byte-aligned
    rest = deflate.compress(full[cut:]) + deflate.flush()
    deflated[page] = first + bytes([rest[0] | 0b110]) + rest[1:]  # block type 3: reserved
    return text_pdf(RECORD, contents={n: stream(d, b"/Filter /FlateDecode ") for n, d in deflated.items()})


def without_eof() -> bytes:
    """A complete file but for its final %%EOF line."""
    data = text_pdf(RECORD)
    return data[: data.rindex(b"%%EOF")]


def owner_password_deflated() -> bytes:
    """A valid file, its content deflated and then encrypted with an owner password only: its streams
    must be decrypted before they are checked for damage."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(RECORD))))
    for page in writer.pages:
        page.compress_content_streams()
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- the set


@dataclass(frozen=True)
class Hostile:
    """One hostile file and what acta must answer: a status and the start of the error message
    (None: no error), or None for either when the outcome depends on where the damage fell."""

    name: str
    data: bytes
    status: str | None
    error: str | None


def hostile_set(bomb_gigabytes: float = 4.0, page_count: int = 1000) -> Iterator[Hostile]:
    """Every hostile kind once, with the outcome acta must give.

    The bomb must inflate past the worker's memory limit and the slow page must run past the time
    limit (it takes about 50 s); a loop of references must be refused at once, not timed out."""
    cajp = sample()
    yield Hostile("zero_bytes.pdf", b"", "failed", "empty file: 0 bytes")
    yield Hostile("error_page.pdf", html_page(), "failed", "not a PDF: the file starts with <html>")
    yield Hostile("report.docx.pdf", zip_archive(), "failed", "not a PDF: the file starts with PK")
    yield Hostile("noise.pdf", random.Random(7).randbytes(4096), "failed", "not a PDF: the file starts with")
    yield Hostile("header_only.pdf", b"%PDF-1.7\n", "failed", "corrupt PDF: the file is truncated")
    yield Hostile("encrypted.pdf", encrypted(), "failed", "encrypted: a password is needed")
    yield Hostile("owner_password_only.pdf", encrypted(user_password=""), "ok", None)
    yield Hostile("scan.pdf", image_only(), "failed", scan_error())
    yield Hostile("no_pages.pdf", zero_pages(), "failed", "no pages: the PDF has no page")
    yield Hostile("lying_page_count.pdf", lying_page_count(), "ok", None)
    yield Hostile("wrong_lengths.pdf", wrong_lengths(), "ok", None)  # pdfplumber reads nothing: PDFium
    yield Hostile("xref_deleted.pdf", without_xref(cajp), "ok", None)
    yield Hostile("deep_nest.pdf", deep_nest(), "ok", None)  # the nest is in an annotation: links lost
    loop = "corrupt PDF: an object refers to itself in a loop"
    yield Hostile("reference_loop.pdf", reference_loop(), "failed", loop)
    yield Hostile("reference_loop_3.pdf", reference_loop(3), "failed", loop)
    yield Hostile("slow_page_2.pdf", slow_page(), "failed", "timed out after")
    yield Hostile("bomb.pdf", bomb(bomb_gigabytes), "failed", "too large: ran out of memory")
    yield Hostile(f"{page_count}_pages.pdf", many_pages(page_count), "ok", None)
    yield Hostile(
        "broken_page_3.pdf",
        broken_page(),
        "partial",
        "damaged: the content of page 3 of 4 could not be fully",
    )
    for tenths in (1, 3, 5):
        yield Hostile(f"truncated_{tenths}0pct.pdf", truncated(cajp, tenths / 10), "failed", "corrupt PDF")
    for tenths in (7, 9):
        yield Hostile(f"truncated_{tenths}0pct.pdf", truncated(cajp, tenths / 10), "partial", "truncated:")
    for seed in range(5):  # the flips fall in the pages' content streams (and elsewhere)
        yield Hostile(f"flipped_{seed}.pdf", flipped(cajp, seed), "partial", "damaged: the content of page")
    yield Hostile("bad_annotation_strings.pdf", bad_annotation_strings(), "ok", None)
    yield Hostile("garbage_xref.pdf", garbage_xref(), "ok", None)
    yield Hostile(
        "flipped_stream_page_2.pdf",
        flipped_stream(),
        "partial",
        "damaged: the content of page 2 of 3 could not be fully decoded",
    )
    yield Hostile("without_eof.pdf", without_eof(), "ok", None)
    for name, data, _ in hidden_cases():
        yield Hostile(name, data, "ok", None)
    yield Hostile("hidden_all.pdf", all_hidden(), "failed", "no visible text: all the text is hidden (226 ")


# ---------------------------------------------------------------- hidden text

HIDDEN = "Ambassador Eve Mallory of Hiddenland cited document CP/doc.9999/99 in secret."
RUNS_OFF = "The delegates agreed with the proposal."  # printed on the page, HIDDEN past its edge
GREY_IMAGE = stream(
    zlib.compress(bytes(range(256)) * 64),  # a 128x128 8-bit gradient
    b"/Type /XObject /Subtype /Image /Width 128 /Height 128 /ColorSpace /DeviceGray "
    b"/BitsPerComponent 8 /Filter /FlateDecode ",
)


def printed(text: str, y: int, setup: bytes = b"", size: float = 11) -> bytes:
    """A content stream piece printing one line at height y, after `setup` (colour, render mode)."""
    escaped = text.replace("(", "\\(").replace(")", "\\)").encode("latin-1")
    return b"q %s BT /F1 %g Tf 72 %d Td (%s) Tj ET Q" % (setup, size, y, escaped)


def runs_off(seen: str, off: str, y: int) -> bytes:
    """One text-showing operator: `seen` on the page, then a shift of 660 pt that takes `off` past
    its right edge (the same run of text for PDFium)."""
    return b"q BT /F1 11 Tf 72 %d Td [(%s) -60000 (%s)] TJ ET Q" % (y, seen.encode(), off.encode())


def with_hidden(
    piece: bytes, before: bytes = b"", page_extra: bytes = b"", image: bool = False, resources: bytes = b""
) -> bytes:
    """LINES printed as usual with `piece` (HIDDEN printed its own way) below them; `before` is painted
    first (a background), `page_extra` goes into the page dictionary and `resources` into its
    resources, `image` puts a picture at (36, 560)-(576, 640), under where `printed` puts a line at
    y = 600."""
    picture = b"q 540 0 0 80 36 560 cm /Im1 Do Q" if image else b""
    body = b"\n".join([before, content(LINES), picture, piece])
    xobject = (b"/XObject << /Im1 6 0 R >> " if image else b"") + resources
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> %s>> "
            b"/Contents 5 0 R %s>>" % (xobject, page_extra),
            stream(body),
            GREY_IMAGE,
        ]
    )


def all_hidden() -> bytes:
    """LINES, all of them in invisible render mode, on a page with no picture: a reader sees a blank
    page."""
    return text_pdf([LINES], contents={1: stream(b"3 Tr " + content(LINES))})


def hidden_cases() -> Iterator[tuple[str, bytes, bool]]:
    """Each way of printing HIDDEN: file name, file, and whether a reader sees it (it must reach the
    tables exactly when one does)."""
    yield "hidden_invisible.pdf", with_hidden(printed(HIDDEN, 600, b"3 Tr")), False
    yield "hidden_clip_only.pdf", with_hidden(printed(HIDDEN, 600, b"7 Tr")), False
    yield "hidden_half_point.pdf", with_hidden(printed(HIDDEN, 600, size=0.5)), False
    yield "hidden_white.pdf", with_hidden(printed(HIDDEN, 600, b"1 g")), False
    yield "hidden_white_cmyk.pdf", with_hidden(printed(HIDDEN, 600, b"0 0 0 0 k")), False
    yield "hidden_white_rgb_stroked.pdf", with_hidden(printed(HIDDEN, 600, b"1 1 1 RG 1 Tr")), False
    white_page = b"q 1 g 0 0 612 792 re f Q"
    yield "hidden_white_on_white.pdf", with_hidden(printed(HIDDEN, 600, b"1 g"), before=white_page), False
    black_bar = b"q 0 g 60 592 500 20 re f Q"
    yield "hidden_black_on_black.pdf", with_hidden(black_bar + printed(HIDDEN, 600)), False
    crop = b"/CropBox [0 0 612 760] "
    yield "hidden_outside_crop.pdf", with_hidden(printed(HIDDEN, 770), page_extra=crop), False
    yield "hidden_off_the_page.pdf", with_hidden(printed(HIDDEN, -300)), False
    yield "hidden_runs_off_the_page.pdf", with_hidden(runs_off(RUNS_OFF, HIDDEN, 600)), False
    yield "ocr_layer_over_image.pdf", with_hidden(printed(HIDDEN, 600, b"3 Tr"), image=True), True
    blue_bar = b"q 0 0 0.5 rg 60 592 500 20 re f Q"
    yield "white_on_blue_bar.pdf", with_hidden(blue_bar + printed(HIDDEN, 600, b"1 g")), True
    two_bars = b"q 0 0 0.5 rg 60 592 250 20 re 310 592 250 20 re f Q"  # one path: its colour is not judged
    yield "white_on_two_bars.pdf", with_hidden(two_bars + printed(HIDDEN, 600, b"1 g")), True
    gradient = b"q 60 592 500 20 re W n /Sh1 sh Q"
    shading = (
        b"/Shading << /Sh1 << /ShadingType 2 /ColorSpace /DeviceRGB /Coords [60 0 560 0] /Function "
        b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0.5] /C1 [0.5 0 0] /N 1 >> >> >> "
    )
    yield (
        "white_on_gradient.pdf",
        with_hidden(gradient + printed(HIDDEN, 600, b"1 g"), resources=shading),
        True,
    )


def scan_error() -> str:
    """What a scan of a grey gradient gives: OCR reads it and finds no text; without Tesseract, the
    pages that needed OCR are named and the run says how to install it."""
    from pipeline.extract import ocr

    if ocr.unavailable() is None:
        return "no text: OCR found none on the page images"
    return "OCR needed: install tesseract-ocr to read page(s) 1 and 2"
