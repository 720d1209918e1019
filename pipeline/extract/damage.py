"""Damaged page content: a content stream whose compressed data is cut short or holds bad bytes.

Neither engine says so: pdfminer logs a warning at most and keeps nothing of such a stream, PDFium
keeps what it could decode without a word, so a page would come out with its text partly or wholly
missing and the document `ok`. Here each content stream of a page is decoded strictly: a page with
one that does not decode whole is damaged (the document is then `partial`, the page named), and
what could be decoded, up to the first bad byte, is what both engines keep.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from typing import Any

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.pdfdocument import PDFDocument, PDFNoValidXRef
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    PDFObjRef,
    PDFStream,
)
from pdfminer.psparser import LIT

CHUNK = 1 << 14  # compressed bytes fed at a time; after an error the last chunk is fed byte by byte
HOPS = 16  # references followed to reach an object: a reference to itself must not hang the check
PAGE, PAGES = LIT("Page"), LIT("Pages")


def inflate(raw: bytes) -> tuple[bytes, bool]:
    """zlib data decoded as far as it goes, and whether it was whole: it ends where deflate says it
    ends and its checksum (when it has one; some writers leave it out) is the output's."""
    if len(raw) < 2 or (raw[0] & 0x0F) != 8 or ((raw[0] << 8) | raw[1]) % 31:
        return b"", False  # not zlib data at all
    inflater = zlib.decompressobj(-15)  # raw deflate: the checksum is compared below, not by zlib
    out = bytearray()
    for at in range(2, len(raw), CHUNK):
        chunk, before = raw[at : at + CHUNK], inflater.copy()
        try:
            out += inflater.decompress(chunk)
        except zlib.error:
            return bytes(out + _up_to_error(before, chunk)), False
        if inflater.eof:
            break
    check = inflater.unused_data[:4]
    whole = inflater.eof and (len(check) < 4 or int.from_bytes(check, "big") == zlib.adler32(out))
    return bytes(out), whole


def _up_to_error(inflater: Any, chunk: bytes) -> bytes:
    """What `chunk` decodes to before its first bad byte (zlib drops a call's output on an error)."""
    out = bytearray()
    for i in range(len(chunk)):
        try:
            out += inflater.decompress(chunk[i : i + 1])
        except zlib.error:
            break
    return bytes(out)


def resolve(obj: object) -> object:
    """The object a reference leads to, following at most HOPS references (None past that)."""
    for _ in range(HOPS):
        if not isinstance(obj, PDFObjRef):
            return obj
        obj = obj.resolve()
    return None


def stream_damaged(stream: PDFStream) -> bool:
    """Whether a content stream does not decode whole; its data is then what could be decoded.

    The decoded data is left in the stream, where pdfminer looks before decoding it again, so a
    stream is decoded once, and a damaged one keeps its readable part instead of nothing. Filters
    with parameters (predictors) or that acta does not decode here are left to pdfminer, a failure
    of which is damage too."""
    if stream.data is not None or stream.rawdata is None:
        return False  # decoded already
    raw = stream.rawdata
    if stream.decipher is not None:  # an owner-password file: its streams are encrypted
        raw = stream.decipher(stream.objid or 0, stream.genno or 0, raw, stream.attrs)
    decoded = decode(raw, stream.get_filters())
    if decoded is not None:
        stream.data, stream.rawdata = decoded[0], None
        return not decoded[1]
    try:
        stream.get_data()
    except MemoryError:
        raise  # a bomb, not damage: the document is too large
    except Exception:  # noqa: BLE001 - any decoder's failure is damage; the page reads as blank
        stream.data, stream.rawdata = b"", None
        return True
    return False


def decode(data: bytes, filters: list[tuple[Any, Any]]) -> tuple[bytes, bool] | None:
    """The data through its filters, strictly, and whether it decoded whole; None for a filter with
    parameters or one not decoded here. A damaged last filter keeps what it decoded (a content
    stream's Flate data is its last filter); an earlier one leaves nothing to read."""
    for at, (name, params) in enumerate(filters):
        strict = DECODERS.get(name)
        if params or strict is None:
            return None
        try:
            data, whole = strict(data)
        except ValueError:  # ASCII85 or hex digits that are not: damage
            return b"", False
        if not whole:
            return (data if at == len(filters) - 1 else b""), False
    return data, True


def _whole(decoder: Callable[[bytes], bytes]) -> Callable[[bytes], tuple[bytes, bool]]:
    """A decoder that raises on bad data, as one that says whether the data was whole."""
    return lambda data: (decoder(data), True)


DECODERS: dict[Any, Callable[[bytes], tuple[bytes, bool]]] = {
    **dict.fromkeys(LITERALS_FLATE_DECODE, inflate),
    **dict.fromkeys(LITERALS_ASCII85_DECODE, _whole(ascii85decode)),
    **dict.fromkeys(LITERALS_ASCIIHEX_DECODE, _whole(asciihexdecode)),
}


def page_damaged(contents: object) -> bool:
    """Whether any of a page's content streams (`/Contents`: one stream or an array) is damaged, or
    is not a stream at all (its `stream` keyword hit, say). A page without content is blank, not
    damaged."""
    items = resolve(contents)
    if items is None:
        return False
    streams = [resolve(x) for x in items] if isinstance(items, list) else [items]
    return any([not isinstance(s, PDFStream) or stream_damaged(s) for s in streams])


def damaged_pages(path: str, count: int) -> list[bool] | None:
    """Per page of the file, whether its content is damaged, for an engine that cannot tell (PDFium
    reads `count` pages); None where pdfminer cannot find as many pages (the check is then not made).

    PDFium rebuilds a cross-reference table that points to the wrong places, so where pdfminer's
    reading of the table finds another number of pages, the file is scanned for its objects."""
    for document in (PDFDocument, Scanned):
        try:
            with open(path, "rb") as fh:
                doc = document(PDFParser(fh))
                pages = list(_pages(resolve(doc.catalog.get("Pages"))))
                if len(pages) == count:
                    return [page is None or page_damaged(page.get("Contents")) for page in pages]
        except MemoryError:
            raise  # a bomb: the document is too large (PDFium would abort on it)
        except Exception:  # noqa: BLE001 - a file pdfminer cannot read: no check, not a failure
            continue
    return None


class Scanned(PDFDocument):
    """A document whose objects pdfminer finds by scanning the file, not through its table."""

    def find_xref(self, parser: PDFParser) -> int:  # noqa: ARG002 - pdfminer's signature
        raise PDFNoValidXRef("scanned instead")


def _pages(node: object, seen: set[int] | None = None) -> Iterator[dict[str, Any] | None]:
    """The page dictionaries under a node of the page tree, in order; None for a kid that cannot be
    read (its page is damaged). A node seen before (a loop in the tree) is not walked again."""
    seen = set() if seen is None else seen
    if not isinstance(node, dict) or id(node) in seen:
        return
    seen.add(id(node))
    if node.get("Type") is PAGE or "Kids" not in node:
        yield node
        return
    kids = resolve(node.get("Kids"))
    for kid in kids if isinstance(kids, list) else []:
        try:
            found = resolve(kid)
        except Exception:  # noqa: BLE001 - a page whose dictionary is damaged
            yield None
            continue
        yield from _pages(found, seen)
