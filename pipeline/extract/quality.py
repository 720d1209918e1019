"""How usable a page's text layer is, from 0 (nothing to read) to 1 (clean text): whether to OCR it.

Three things make a layer unusable, and each is measured on what the engine and layout already
made, so the measure costs a small share of a page's time:
- glyphs without Unicode: "(cid:N)" placeholders, U+FFFD, private-use or control code points, or one
  glyph repeated over the whole page (a font whose every glyph maps to the same character);
- no text at all on a page that holds a picture (a scan);
- words that are not words: an old OCR layer is full of tokens no language writes ("aIl",
  "procedl1le", "~onsidering", "c1'.1"). A token is a word when its letters are of one case pattern
  (lower, Capitalized or UPPER, per hyphenated part) with at most an apostrophe or hyphen inside;
  numbers, symbols ("CP/CAJP/SA.367/18"), addresses and bare punctuation are left out of the count.
The page's quality is the share of clean characters times the share of words among its tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from pipeline.extract.layout.glyphs import CID, Glyph

GOOD = 0.9  # a layer at least this good is kept: clean text scores 0.97 to 1, old OCR layers below
FEW = 20  # fewer characters than this: too little text to judge its words, only its characters
EDGE = "\"'.,;:()[]{}«»“”‘’¿?¡!*-–—•·…"
WORD = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*")
UNDECODED = frozenset({"Co", "Cc", "Cn", "Cs"})  # private use, control, unassigned, lone surrogates
LEFT_OUT = re.compile(r"[/@\\]|www\.|https?:|\d.*\d|^\W+$")  # symbols, addresses, numbers, punctuation


def bad_chars(glyphs: Iterable[Glyph]) -> tuple[int, int, int]:
    """Characters with ink, those without Unicode among them, and the count of the most common letter
    or digit. Counted per distinct character (str.count, Counter: C loops): it runs on every page."""
    text = "".join([g.text for g in glyphs])
    cids = 0
    if "(cid:" in text:
        cids = len(CID.findall(text))
        text = CID.sub("", text)
    text = "".join(text.split())
    counts = Counter(text)
    bad = cids
    if not text.isascii() or not text.isprintable():
        bad += sum(n for ch, n in counts.items() if ch == "\ufffd" or unicodedata.category(ch) in UNDECODED)
    top = max((n for ch, n in counts.items() if ch.isalnum()), default=0)
    return len(text) + cids, bad, top


def is_word(token: str) -> bool:
    """Letters in one case pattern per hyphenated part, an apostrophe at most inside each."""
    for part in token.split("-"):
        if not part or not WORD.fullmatch(part):
            return False
        letters = part.replace("'", "").replace("’", "").replace(".", "")
        head, rest = letters[:1], letters[1:]
        cased = letters.islower() or letters.isupper() or (head.isupper() and rest.islower())
        if not cased and not _elided(part):
            return False
    return True


def _elided(part: str) -> bool:
    """French and Italian elision before a capital: "l'URSS", "d'Amérique"."""
    head, _, rest = part.replace("’", "'").partition("'")
    return len(head) <= 2 and head.islower() and (rest.isupper() or rest[:1].isupper() and rest[1:].islower())


@lru_cache(maxsize=1 << 16)
def judged(raw: str) -> int:
    """A printed token: 0 left out (a number, symbol, address, punctuation), 1 a word, 2 not a word.
    Cached: a page's tokens are mostly words every page has."""
    token = raw.strip(EDGE)
    if not token or LEFT_OUT.search(token) or not any(c.isalpha() for c in token):
        return 0
    return 1 if is_word(token) else 2


def word_share(texts: Iterable[str]) -> tuple[int, float]:
    """The tokens judged and the share of them that are words."""
    tally = [0, 0, 0]
    for token, n in Counter(" ".join(texts).split()).items():
        tally[judged(token)] += n
    words, judged_count = tally[1], tally[1] + tally[2]
    return judged_count, (words / judged_count if judged_count else 1.0)


def quality(glyphs: list[Glyph], texts: Iterable[str], images: int) -> tuple[float, int]:
    """The page's quality (0-1) and its characters with ink.

    A page without text is 0 when it holds a picture (a scan, to be read) and 1 when it is blank
    (nothing to read, nothing to gain from OCR)."""
    total, bad, top = bad_chars(glyphs)
    if total == 0:
        return (0.0 if images else 1.0), 0
    clean = 1 - bad / total
    if total >= FEW and top / total > 0.5:  # one glyph for every character: a font without Unicode
        clean = min(clean, 1 - top / total)
    if total < FEW:
        return round(clean, 3), total
    _, share = word_share(texts)
    return round(clean * share, 3), total
