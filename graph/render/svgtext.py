"""Text put into SVG or HTML: characters XML cannot hold removed, then escaped.

>>> text('<script>alert("x")</script>')
'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
>>> text("a\\x00b\\x1bc")
'abc'
>>> attr("O'Neil & Co")
'O&#x27;Neil &amp; Co'
"""
from __future__ import annotations

import html
import re

__all__ = ["text", "attr", "clean"]

# outside XML 1.0's Char production: C0 controls other than tab/newline/return, lone
# surrogates, U+FFFE/U+FFFF; a browser or a PDF reader would stop at them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(value: object) -> str:
    """``value`` as text without the characters XML cannot hold."""
    return _NOT_XML.sub("", str(value))


def text(value: object) -> str:
    """Escaped for element content and for quoted attributes alike."""
    return html.escape(clean(value), quote=True)


def attr(value: object) -> str:
    """Escaped for a quoted attribute value (same rules as :func:`text`)."""
    return text(value)
