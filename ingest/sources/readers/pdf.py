"""PDF: the text layer via pypdf, pages joined by a blank line, page spans kept."""
from __future__ import annotations

from pathlib import Path

from clusternet.graph.errors import InputError, InputTooLarge
from clusternet.ingest.sources.readers.base import DocumentText, Limits, check_size, document_from_text

__all__ = ["read_pdf"]


def read_pdf(path: Path, limits: Limits) -> DocumentText:
    """The text layer of a PDF, pages joined by a blank line, with each page's span in the text.

    Raises :class:`InputError` for a file that is not a PDF, is encrypted or cannot be
    read, and :class:`InputTooLarge` past ``limits.max_pdf_pages``.
    """
    check_size(path, limits)
    data = path.read_bytes()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(path, "not a PDF file (no %PDF header)")
    texts = _page_texts(path, data, limits)
    if not texts:
        raise InputError(path, "damaged or truncated PDF (no pages found)")
    if not any(t.strip() for t in texts):
        raise InputError(path, f"PDF has no text layer ({len(texts)} page(s) of images only?); run OCR on it first")
    text, pages = join_pages(texts)
    doc = document_from_text(text, name=path.name, source=str(path), media_type="application/pdf", raw=data)
    doc.pages = pages
    empty = [str(i + 1) for i, t in enumerate(texts) if not t.strip()]
    if empty:
        doc.warnings.append(f"pages without a text layer (not read): {', '.join(empty[:10])}")
    return doc


def join_pages(texts: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Page texts joined by a blank line, and each page's (start, end) in the result.

    >>> join_pages(["one", "", "three"])
    ('one\\n\\n\\n\\nthree', [(0, 3), (5, 5), (7, 12)])
    """
    pages, out, pos = [], [], 0
    for i, t in enumerate(texts):
        if i:
            out.append("\n\n")
            pos += 2
        pages.append((pos, pos + len(t)))
        out.append(t)
        pos += len(t)
    return "".join(out), pages


def _open_reader(path: Path, data: bytes):
    """A pypdf reader of ``data``, decrypted when an empty password opens it."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except (DependencyError, NotImplementedError) as err:  # raised by pypdf's decryption only
        raise InputError(path, f"PDF is encrypted with a method this reader cannot open ({err}); "
                               "decrypt it first") from None
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except Exception:  # noqa: BLE001 - unsupported crypto is still "encrypted" to a user
            ok = 0
        if not ok:
            raise InputError(path, "PDF is encrypted (password protected); decrypt it first")
    return reader


def _page_texts(path: Path, data: bytes, limits: Limits) -> list[str]:
    """Each page's text; every way pypdf can fail becomes an :class:`InputError` that says why."""
    import logging

    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings would bypass our messages
    try:
        reader = _open_reader(path, data)
        n = len(reader.pages)
        if n > limits.max_pdf_pages:
            raise InputTooLarge(path, f"PDF has {n} pages, over the {limits.max_pdf_pages}-page limit")
        return [(page.extract_text() or "").replace("\r\n", "\n").strip("\n") for page in reader.pages]
    except InputError:
        raise
    except FileNotDecryptedError:
        raise InputError(path, "PDF is encrypted (password protected); decrypt it first") from None
    except LimitReachedError:  # pypdf's own cap on inflated streams: a decompression bomb
        raise InputTooLarge(path, "a compressed stream inflates past the decompression limit "
                                  "(a decompression bomb?); refused") from None
    except RecursionError:  # content or objects nested thousands deep (pypdf parses them recursively)
        raise InputTooLarge(path, "PDF content nests too deeply to read; refused") from None
    except (DependencyError, NotImplementedError) as err:  # a filter pypdf cannot decode (JBIG2, unknown)
        raise InputError(path, f"PDF uses a stream encoding this reader cannot decode ({err})") from None
    except AssertionError:  # pypdf asserts on "1 0 R" inside a content stream (found by fuzzing)
        raise InputError(path, "damaged PDF (an object reference inside a page's content stream)") from None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            OverflowError) as err:      # OverflowError: an offset too large for a seek (found by fuzzing)
        raise InputError(path, f"damaged or truncated PDF ({type(err).__name__}: {err})") from None
