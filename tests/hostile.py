"""The hostile set: what real archives hold under a .pdf name, made on the fly.

Most files are written by hand, object by object, because the damage has to sit exactly where the
test says (a deleted cross-reference table, a stream whose /Length lies, an object that refers to
itself); the rest are mutations of the real samples in data/raw. `hostile_set()` names each file and
says what acta must answer for it, so tests/test_hostile.py and scripts/soak.py share one list.
"""

from __future__ import annotations

import io
import random
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


def reference_loop() -> bytes:
    """The page's content is object 99, and object 99 is a reference to itself."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 6 0 R >>",
        stream(content(LINES)),
        b"6 0 R",
    ]
    return pdf(objects)


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

    The bomb must inflate past the worker's memory limit and the slow page and the loop must run past
    the time limit (the loop never ends, the slow page takes about 50 s)."""
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
    yield Hostile("wrong_lengths.pdf", wrong_lengths(), "failed", "no text: the pages are blank")
    yield Hostile("xref_deleted.pdf", without_xref(cajp), "ok", None)
    yield Hostile("deep_nest.pdf", deep_nest(), "failed", "corrupt PDF: objects nest too deeply")
    yield Hostile("reference_loop.pdf", reference_loop(), "failed", "timed out after")
    yield Hostile("slow_page_2.pdf", slow_page(), "failed", "timed out after")
    yield Hostile("bomb.pdf", bomb(bomb_gigabytes), "failed", "too large: ran out of memory")
    yield Hostile(f"{page_count}_pages.pdf", many_pages(page_count), "ok", None)
    yield Hostile("broken_page_3.pdf", broken_page(), "partial", "stopped at page 3 of 4: corrupt PDF")
    for tenths in (1, 3, 5):
        yield Hostile(f"truncated_{tenths}0pct.pdf", truncated(cajp, tenths / 10), "failed", "corrupt PDF")
    for tenths in (7, 9):
        yield Hostile(f"truncated_{tenths}0pct.pdf", truncated(cajp, tenths / 10), "partial", "truncated:")
    for seed in range(5):
        yield Hostile(f"flipped_{seed}.pdf", flipped(cajp, seed), None, None)


def scan_error() -> str:
    """What a scan of a grey gradient gives: OCR reads it and finds no text; without Tesseract, the
    pages that needed OCR are named and the run says how to install it."""
    from pipeline.extract import ocr

    if ocr.unavailable() is None:
        return "no text: OCR found none on the page images"
    return "OCR needed: install tesseract-ocr to read page(s) 1 and 2"
