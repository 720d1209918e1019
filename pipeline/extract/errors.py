"""Clear words for what went wrong with a file."""

from __future__ import annotations


class ExtractError(Exception):
    """A file could not be read; the message is meant for the user."""


def describe(exc: BaseException, path: str) -> str:
    name = type(exc).__name__
    text = str(exc)
    low = f"{name} {text}".lower()
    if "password" in low or "encrypt" in low:
        return "encrypted: a password is needed"
    if "no /root" in low or "trailer" in low or "xref" in low or "startxref" in low:
        return f"corrupt PDF: the cross-reference table is broken ({name})"
    if "eof" in low or "truncat" in low or "unexpected end" in low:
        return f"corrupt PDF: the file is truncated ({name})"
    if isinstance(exc, MemoryError):
        return "too large: ran out of memory"
    if isinstance(exc, RecursionError):
        return "corrupt PDF: objects nest too deeply"
    return f"corrupt PDF: {name}: {text[:200]}" if text else f"corrupt PDF: {name}"
