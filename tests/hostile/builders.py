"""Building blocks for hostile files: cheap bombs, hand-written zips and PDFs, DOCX/XLSX skeletons.

Deflate blocks closed with a full flush are independent, so one compressed megabyte is
repeated N times to make a stream that inflates to N MB (about 1 KB per MB of zeros);
CRCs and Adler sums of such streams are computed without building them. Zips are
written by hand so a member's declared size can be honest or a lie.

    >>> import zlib
    >>> zlib.decompress(zlib_repeat(b"ab", 3)) == b"ababab"
    True
    >>> _crc_repeat(b"xy", 5) == zlib.crc32(b"xy" * 5)
    True
"""
from __future__ import annotations

import io
import random
import struct
import zlib
from dataclasses import dataclass
from functools import lru_cache

MB = 1 << 20


# -- building blocks -------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _deflate_block(chunk: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    c.compress(chunk)
    c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    return block


def raw_deflate_repeat(chunk: bytes, times: int) -> bytes:
    """A raw deflate stream that inflates to ``chunk * times`` (chunk repeated, cheaply)."""
    return _deflate_block(chunk) * times + b"\x03\x00"  # final empty fixed block


def _gf2_times(mat: list[int], vec: int) -> int:
    out, i = 0, 0
    while vec:
        if vec & 1:
            out ^= mat[i]
        vec >>= 1
        i += 1
    return out


def _gf2_square(mat: list[int]) -> list[int]:
    return [_gf2_times(mat, mat[n]) for n in range(32)]


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC-32 of ``A + B`` from ``crc(A)``, ``crc(B)`` and ``len(B)`` (zlib's algorithm)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = _gf2_square(odd)
    odd = _gf2_square(even)
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


@lru_cache(maxsize=None)
def _crc_repeat(chunk: bytes, times: int) -> int:
    """CRC-32 of ``chunk * times`` by doubling, without building it."""
    result, result_len = 0, 0
    block, block_len = zlib.crc32(chunk), len(chunk)
    while times:
        if times & 1:
            result = crc32_combine(result, block, block_len) if result_len else block
            result_len += block_len
        block = crc32_combine(block, block, block_len)
        block_len *= 2
        times >>= 1
    return result


def zlib_repeat(chunk: bytes, times: int) -> bytes:
    """A zlib stream (PDF FlateDecode) inflating to ``chunk * times``."""
    # adler32 of the repeated chunk, computed without building it
    a, b = 1, 0
    per_a = sum(chunk) % 65521
    for _ in range(times):
        b = (b + len(chunk) * a + _adler_b_inc(chunk)) % 65521
        a = (a + per_a) % 65521
    return b"\x78\xda" + raw_deflate_repeat(chunk, times) + struct.pack(">I", (b << 16) | a)


@lru_cache(maxsize=None)
def _adler_b_inc(chunk: bytes) -> int:
    # contribution of one chunk to b when a starts at 0: sum over i of prefix sums
    s = t = 0
    for byte in chunk:
        s += byte
        t += s
    return t % 65521


@dataclass
class ZipMember:
    name: str
    data: bytes                 # what is stored (already compressed when method == 8)
    crc: int
    size: int                   # declared uncompressed size
    method: int = 8


def member(name: str, content: bytes) -> ZipMember:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return ZipMember(name, c.compress(content) + c.flush(), zlib.crc32(content), len(content))


def bomb_member(name: str, chunk: bytes, times: int, declared: int | None = None) -> ZipMember:
    """A member inflating to ``len(chunk) * times``; ``declared`` lies about the size."""
    real = len(chunk) * times
    return ZipMember(name, raw_deflate_repeat(chunk, times), _crc_repeat(chunk, times),
                     real if declared is None else declared)


def raw_zip(members: list[ZipMember]) -> bytes:
    """A zip written by hand: whatever sizes the members declare are written as they are."""
    out, central = io.BytesIO(), io.BytesIO()
    for m in members:
        name = m.name.encode("utf-8")
        offset = out.tell()
        out.write(struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, m.method, 0, 0x21, m.crc,
                              len(m.data), m.size & 0xFFFFFFFF, len(name), 0))
        out.write(name)
        out.write(m.data)
        central.write(struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, m.method, 0, 0x21, m.crc,
                                  len(m.data), m.size & 0xFFFFFFFF, len(name), 0, 0, 0, 0, 0o644 << 16, offset))
        central.write(name)
    cd = central.getvalue()
    start = out.tell()
    out.write(cd)
    out.write(struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(members), len(members), len(cd), start, 0))
    return out.getvalue()


def pdf_bytes(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from object bodies (numbered from 1), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, root, trailer_extra, xref))
    return out.getvalue()


def _stream(dict_body: bytes, data: bytes) -> bytes:
    return b"<< " + dict_body + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _pdf_escape(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1", "replace")


def text_pdf(lines: list[str], content_filter: bytes | None = None, content: bytes | None = None,
             extra_objects: list[bytes] = (), resources: bytes = b"") -> bytes:
    """A one-page PDF with a text layer (Helvetica), or with the given content stream."""
    if content is None:
        ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"] + [b"(" + _pdf_escape(t) + b") Tj T*" for t in lines] + [b"ET"]
        content = b"\n".join(ops)
    fil = b"/Filter /FlateDecode" if content_filter else b""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> " + resources + b">> >>",
            _stream(fil, content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", *extra_objects]
    return pdf_bytes(objs)


def _sentence(rnd: random.Random) -> str:
    who = rnd.choice(["Pole Aero", "Cluster Textile", "Agri Hub", "Maritime Tech", "Food Valley"])
    where = rnd.choice(["Lyon", "Rabat", "Porto", "Tunis", "Gdansk"])
    return f"{who} met partners in {where} in {rnd.randint(2015, 2025)}."


# -- docx / xlsx skeletons -------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT_DOCX = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" '
            'ContentType="application/octet-stream"/><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>').encode()
_RELS_DOCX = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
              '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              'relationships/officeDocument" Target="word/document.xml"/></Relationships>').encode()


def docx_document_xml(paragraphs: list[str], prolog: str = "") -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}<w:document xmlns:w="{_W}">'
            f"<w:body>{body}</w:body></w:document>").encode()


def docx_rels(targets: list[str]) -> bytes:
    rels = "".join(f'<Relationship Id="rIdX{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   f'relationships/image" Target="{t}"/>' for i, t in enumerate(targets))
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships">{rels}</Relationships>').encode()


def docx_members(document: ZipMember, extra: list[ZipMember] = ()) -> list[ZipMember]:
    return [member("[Content_Types].xml", _CT_DOCX), member("_rels/.rels", _RELS_DOCX), document, *extra]


_CT_XLSX = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>').encode()
_RELS_XLSX = _RELS_DOCX.replace(b"word/document.xml", b"xl/workbook.xml")
_WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
       'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name='
       '"Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>').encode()
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>').encode()
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="http://schemas.openxmlformats.org/'
               'spreadsheetml/2006/main"><sheetData>')
_SHEET_TAIL = "</sheetData></worksheet>"


def xlsx_row(cells: list[str]) -> str:
    return "<row>" + "".join(f'<c t="inlineStr"><is><t>{c}</t></is></c>' for c in cells) + "</row>"


def xlsx_members(sheet: ZipMember, shared: ZipMember | None = None, extra: list[ZipMember] = ()) -> list[ZipMember]:
    shared = shared or member("xl/sharedStrings.xml", b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://'
                              b'schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>')
    return [member("[Content_Types].xml", _CT_XLSX), member("_rels/.rels", _RELS_XLSX),
            member("xl/workbook.xml", _WB), member("xl/_rels/workbook.xml.rels", _WB_RELS), sheet, shared, *extra]


def billion_laughs(levels: int = 10, width: int = 10, root: str = "lolz", name: str = "lol") -> str:
    ents = [f'<!ENTITY {name}0 "lol">']
    for i in range(1, levels):
        ents.append(f'<!ENTITY {name}{i} "' + f"&{name}{i - 1};" * width + '">')
    return f"<!DOCTYPE {root} [" + "".join(ents) + "]>"


