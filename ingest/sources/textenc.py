"""Telling text from binary, and UTF-16 written without a byte-order mark.

Windows tools ("Unicode text") sometimes write UTF-16 with no BOM. Its bytes are full of
zeros, so a naive check calls it binary; both the document readers and the spreadsheet
readers ask :func:`utf16_without_bom` first.

>>> utf16_without_bom("Pôle textile, Tanger\\n".encode("utf-16-le"))
'utf-16-le'
>>> utf16_without_bom("Pôle textile, Tanger\\n".encode("utf-16-be"))
'utf-16-be'
>>> utf16_without_bom(b"plain text") is None, utf16_without_bom(bytes(range(256)) * 4) is None
(True, True)
>>> utf16_codec(codecs.BOM_UTF16_BE + "Pôle".encode("utf-16-be"))
'utf-16'
"""
from __future__ import annotations

import codecs

__all__ = ["looks_like_text", "utf16_codec", "utf16_without_bom"]


def looks_like_text(text: str) -> bool:
    """Few control characters or undecodable bytes: text, not a binary file."""
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\r\n\f") or c == "\ufffd")
    return bad <= 0.02 * max(1, len(text))


def utf16_without_bom(sample: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` if ``sample`` (a file's first bytes, no BOM) reads
    as UTF-16 text: Latin-script text has a zero in every other byte and almost none in the
    others, and the decoded text holds no control characters. Otherwise None."""
    if b"\x00" not in sample:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    enc = None
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        enc = "utf-16-le"
    elif even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        enc = "utf-16-be"
    if enc and looks_like_text(sample.decode(enc, errors="replace")):
        return enc
    return None


def utf16_codec(sample: bytes) -> str | None:
    """The codec of a file starting with ``sample`` if it is UTF-16: ``"utf-16"`` after a
    byte-order mark, else what :func:`utf16_without_bom` reads in its bytes, else None."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return utf16_without_bom(sample)
