"""The hostile-input corpus, generated (no committed blobs): 200+ files of 17 kinds.

Each file is built from a seed, so a failure names a file that can be rebuilt exactly:
``generate_corpus(tmp_dir, seed=0)`` returns a list of :class:`Hostile` records (path,
kind, what outcome is acceptable, and the text a file *should* decode to when it is a
legitimate-but-awkward encoding).

Bombs are built without spending the memory they claim (see builders.py): a zip member
or PDF stream that inflates to gigabytes takes a megabyte on disk, and a zip's declared
sizes can be honest (refused by the size check) or a lie (must be caught by the reader).

    >>> import tempfile, pathlib
    >>> files = generate_corpus(pathlib.Path(tempfile.mkdtemp()))
    >>> len(files) >= 200, len({f.kind for f in files}) >= 12
    (True, True)
"""
from __future__ import annotations

import io
import json
import random
import zlib
from dataclasses import dataclass
from pathlib import Path

from builders import (  # noqa: F401 - some re-exported for the tests
    MB, ZipMember, _SHEET_HEAD, _SHEET_TAIL, _crc_repeat, _deflate_block, _sentence, _stream, billion_laughs,
    bomb_member, crc32_combine, docx_document_xml, docx_members, docx_rels, member, pdf_bytes, raw_zip,
    text_pdf, xlsx_members, xlsx_row, zlib_repeat)


# outcomes a file may have: REJECT = a ClusternetError naming the file; WARN = accepted
# only with a warning/problem said; DECODE = accepted, and then the text must be exactly
# the original (a wrong guess must come with a warning); BOUNDED = accepted is fine, if
# nothing expanded (entity/alias bombs read literally)
REJECT, WARN, DECODE, BOUNDED = "reject", "reject-or-warn", "decode-or-warn", "bounded"


@dataclass(frozen=True)
class Hostile:
    path: Path
    kind: str
    expect: str
    original: str | None = None     # for DECODE: what the text really says
    marker: Path | None = None      # for code-execution payloads: must never appear


# -- the kinds ---------------------------------------------------------------------------------
SUFFIXES_ALL = [".txt", ".md", ".html", ".pdf", ".docx", ".csv", ".tsv", ".xlsx", ".json", ".jsonl", ".yaml",
                ".htm", ".yml"]


def gen_empty(d, rnd, i):
    suffix = SUFFIXES_ALL[i % len(SUFFIXES_ALL)]
    body = b"" if i < len(SUFFIXES_ALL) else rnd.choice([b" ", b"\n\n", b"\t \r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
    p = d / f"empty-{i}{suffix}"
    p.write_bytes(body)
    return Hostile(p, "empty", REJECT)


def gen_truncated_pdf(d, rnd, i):
    full = text_pdf([_sentence(rnd) for _ in range(rnd.randint(1, 6))])
    stream_end = full.index(b"endstream")
    cut = rnd.randint(0, stream_end - 1)  # cut before the text stream is whole: no text can survive
    p = d / f"truncated-{i}.pdf"
    p.write_bytes(full[:cut])
    return Hostile(p, "truncated-pdf", REJECT)


def gen_encrypted_pdf(d, rnd, i):
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf([_sentence(rnd)]))))
    w.encrypt(user_password=f"secret-{rnd.randint(1000, 9999)}", owner_password=f"owner-{i}",
              algorithm=rnd.choice(["RC4-40", "RC4-128"]))
    buf = io.BytesIO()
    w.write(buf)
    p = d / f"encrypted-{i}.pdf"
    p.write_bytes(buf.getvalue())
    return Hostile(p, "encrypted-pdf", REJECT)


def gen_image_only_pdf(d, rnd, i):
    wd, ht = rnd.randint(1, 64), rnd.randint(1, 64)
    pixels = bytes(rnd.randrange(256) for _ in range(wd * ht))
    image = _stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                    b"/BitsPerComponent 8" % (wd, ht), pixels)
    content = b"q 400 0 0 400 100 200 cm /Im0 Do Q"
    p = d / f"image-only-{i}.pdf"
    p.write_bytes(text_pdf([], content=content, extra_objects=[image], resources=b"/XObject << /Im0 6 0 R >> "))
    return Hostile(p, "image-only-pdf", REJECT)


def gen_text_named_pdf(d, rnd, i):
    body = rnd.choice([_sentence(rnd), "%PD" + _sentence(rnd), "PDF-1.4 " + _sentence(rnd), "<html>%PDF</html>",
                       "\n".join(_sentence(rnd) for _ in range(50))])
    p = d / f"text-named-{i}.pdf"
    p.write_text(body, encoding="utf-8")
    return Hostile(p, "text-named-pdf", REJECT)


def gen_pdf_flate_bomb(d, rnd, i):
    mb = rnd.choice([512, 1024, 2048])
    chunk = rnd.choice([b"\0", b" ", b"BT ET ", b"0 0 m "]) * 4096
    chunk = (chunk * (MB // len(chunk) + 1))[:MB]
    bomb = zlib_repeat(chunk, mb)
    where = i % 4
    p = d / f"flate-bomb-{i}.pdf"
    if where == 0:      # the page's content stream
        data = text_pdf([], content=bomb, content_filter=b"flate")
    elif where == 1:    # an image the page draws
        image = _stream(b"/Type /XObject /Subtype /Image /Width 32768 /Height 32768 /ColorSpace /DeviceGray "
                        b"/BitsPerComponent 8 /Filter /FlateDecode", bomb)
        data = text_pdf([], content=b"q 1 0 0 1 0 0 cm /Im0 Do Q", extra_objects=[image],
                        resources=b"/XObject << /Im0 6 0 R >> ")
    elif where == 2:    # a form XObject holding text operators
        form = _stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode", bomb)
        data = text_pdf([], content=b"/Fm0 Do", extra_objects=[form], resources=b"/XObject << /Fm0 6 0 R >> ")
    else:               # several bombed streams in one array of contents
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 4 0 R 4 0 R] >>",
                _stream(b"/Filter /FlateDecode", bomb)]
        data = pdf_bytes(objs)
    p.write_bytes(data)
    return Hostile(p, "pdf-flate-bomb", REJECT)


def gen_docx_zip_bomb(d, rnd, i):
    text = docx_document_xml([_sentence(rnd)])
    variant = i % 5
    if variant == 0:    # document.xml itself inflates to GBs, honestly declared
        pad = b"<w:p/>" * (MB // 6) + b"<w:p/>"[: MB % 6]
        doc = bomb_member("word/document.xml", pad, rnd.choice([1024, 2048]))
        members = docx_members(doc)
    elif variant == 1:  # an extra member inflating to GBs
        members = docx_members(member("word/document.xml", text),
                               [bomb_member("word/media/blob.bin", b"\0" * MB, rnd.choice([1024, 3000]))])
    elif variant == 2:  # under the per-member size cap, but a 1000:1 ratio
        members = docx_members(member("word/document.xml", text),
                               [bomb_member("word/media/blob.bin", b"\0" * MB, rnd.choice([120, 180]))])
    elif variant == 3:  # the header lies: declares 4 KB, inflates to 1 GB
        pad = b"<w:p/>" * (MB // 6) + b"<w:p/>"[: MB % 6]
        members = docx_members(bomb_member("word/document.xml", pad, 1024, declared=4096))
    else:               # many members, each under every per-member check, referenced (loaded)
        n, size = (rnd.choice([3000, 6000]), 4) if i % 2 == 0 else (rnd.choice([400, 600]), 14)
        blobs = [bomb_member(f"word/media/m{k}.bin", b"\0" * 65536, size) for k in range(n)]
        rels = member("word/_rels/document.xml.rels", docx_rels([f"media/m{k}.bin" for k in range(n)]))
        members = docx_members(member("word/document.xml", text), [rels, *blobs])
    p = d / f"zip-bomb-{i}.docx"
    p.write_bytes(raw_zip(members))
    return Hostile(p, "docx-zip-bomb", REJECT)


def gen_xlsx_zip_bomb(d, rnd, i):
    variant = i % 5
    head = _SHEET_HEAD.format(prolog="").encode()
    rows = (xlsx_row(["name", "country"]) + xlsx_row(["Cluster X", "FR"])).encode()
    if variant in (0, 1):  # a sheet of valid rows inflating to hundreds of MB / GBs
        unit = xlsx_row([f"Cluster {rnd.randint(1, 9)}", "FR"]).encode()
        chunk = (unit * (MB // len(unit) + 1))[:MB // len(unit) * len(unit)]
        times = rnd.choice([300, 450]) if variant == 0 else 2048
        body = bomb_member("xl/worksheets/sheet1.xml", chunk, times)
        # the stored stream holds only the rows: wrap it so the XML is whole
        sheet = ZipMember(body.name, _concat_deflate([head + rows, None, _SHEET_TAIL.encode()], chunk, times),
                          0, len(head) + len(rows) + len(chunk) * times + len(_SHEET_TAIL))
        sheet.crc = _crc_parts([head + rows, (chunk, times), _SHEET_TAIL.encode()])
        members = xlsx_members(sheet)
    elif variant == 2:  # the header lies about the sheet's size
        unit = xlsx_row(["Cluster", "FR"]).encode()
        chunk = (unit * (MB // len(unit) + 1))[:MB // len(unit) * len(unit)]
        members = xlsx_members(bomb_member("xl/worksheets/sheet1.xml", chunk, 800, declared=2048))
    elif variant == 3:  # shared strings inflating hugely
        members = xlsx_members(member("xl/worksheets/sheet1.xml", head + rows + _SHEET_TAIL.encode()),
                               bomb_member("xl/sharedStrings.xml", b" " * MB, rnd.choice([700, 1500])))
    else:               # thousands of members
        n = rnd.choice([4000, 8000])
        members = xlsx_members(member("xl/worksheets/sheet1.xml", head + rows + _SHEET_TAIL.encode()),
                               extra=[bomb_member(f"xl/media/m{k}.bin", b"\0" * 65536, 4) for k in range(n)])
    p = d / f"zip-bomb-{i}.xlsx"
    p.write_bytes(raw_zip(members))
    return Hostile(p, "xlsx-zip-bomb", REJECT)


def _concat_deflate(parts, chunk: bytes, times: int) -> bytes:
    """Raw deflate of ``parts[0] + chunk*times + parts[2]`` (independent full-flush blocks)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(parts[0]) + c.flush(zlib.Z_FULL_FLUSH)
    c2 = zlib.compressobj(9, zlib.DEFLATED, -15)
    last = c2.compress(parts[2]) + c2.flush()
    return first + _deflate_block(chunk) * times + last


def _crc_parts(parts) -> int:
    crc, total = 0, 0
    for part in parts:
        data_crc, n = (_crc_repeat(*part), len(part[0]) * part[1]) if isinstance(part, tuple) else \
            (zlib.crc32(part), len(part))
        crc = crc32_combine(crc, data_crc, n) if total else data_crc
        total += n
    return crc


def gen_json_deep(d, rnd, i):
    depth = rnd.choice([100_000, 100_000, 250_000])
    variant = i % 4
    if variant == 0:
        body = "[" * depth + "]" * depth
    elif variant == 1:
        body = '{"a":' * depth + "1" + "}" * depth
    elif variant == 2:  # a legitimate record first, the deep one after
        body = '[{"name": "Cluster A", "country": "FR"}, ' + "[" * depth + "]" * depth + "]"
    else:               # unclosed
        body = "[" * depth
    suffix = ".jsonl" if i % 3 == 2 and variant != 2 else ".json"
    if suffix == ".jsonl":
        body = '{"name": "Cluster A"}\n' + body.replace("\n", "") + "\n"
    p = d / f"deep-{i}{suffix}"
    p.write_text(body, encoding="utf-8")
    return Hostile(p, "json-deep", REJECT)


def gen_yaml_alias_bomb(d, rnd, i):
    width, levels = rnd.choice([(9, 9), (10, 10), (20, 7), (5, 16)])
    variant = i % 3
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for k in range(1, levels):
        lines.append(f"a{k}: &a{k} [" + ", ".join([f"*a{k - 1}"] * width) + "]")
    if variant == 1:  # mapping form
        lines = ["a0: &a0 {" + ", ".join(f"k{j}: lol" for j in range(width)) + "}"]
        for k in range(1, levels):
            lines.append(f"a{k}: &a{k} {{" + ", ".join(f"k{j}: *a{k - 1}" for j in range(width)) + "}")
    if variant == 2:  # a records list whose one field is the bomb
        lines.append(f"records:\n  - {{name: Cluster A, sectors: *a{levels - 1}}}")
    p = d / f"alias-bomb-{i}.{rnd.choice(['yaml', 'yml'])}"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Hostile(p, "yaml-alias-bomb", REJECT)


def gen_yaml_python_tag(d, rnd, i):
    marker = d / f"pwned-{i}"
    cmd = f"touch {marker}"
    payloads = [
        f"!!python/object/apply:os.system [{json.dumps(cmd)}]",
        f"!!python/object/apply:subprocess.check_output [[sh, -c, {json.dumps(cmd)}]]",
        f"!!python/object/new:subprocess.Popen [[sh, -c, {json.dumps(cmd)}]]",
        f"!!python/object/apply:builtins.exec [\"open({str(marker)!r}, 'w')\"]",
        "!!python/name:os.system",
        "!!python/module:os",
        "!!python/object:pathlib.Path {}",
        f"!!python/object/apply:os.system {{args: [{json.dumps(cmd)}]}}",
        f"tag:yaml.org,2002:python/object/apply:os.system [{json.dumps(cmd)}]",
        f"!<tag:yaml.org,2002:python/object/apply:os.system> [{json.dumps(cmd)}]",
    ]
    payload = payloads[i % len(payloads)]
    if payload.startswith("tag:"):
        body = f"%TAG !py! tag:yaml.org,2002:python/\n---\n- name: !py!object/apply:os.system [{json.dumps(cmd)}]\n"
    else:
        body = f"- name: Cluster A\n  country: FR\n- name: {payload}\n"
    p = d / f"python-tag-{i}.yaml"
    p.write_text(body, encoding="utf-8")
    return Hostile(p, "yaml-python-tag", REJECT, marker=marker)


def gen_xml_entities(d, rnd, i):
    levels = rnd.choice([9, 10, 12])
    dtd = billion_laughs(levels, 10)
    variant = i % 7
    if variant == 0:
        p = d / f"laughs-{i}.xml"
        p.write_text(f'<?xml version="1.0"?>{dtd}<lolz>&lol{levels - 1};</lolz>', encoding="utf-8")
        return Hostile(p, "xml-entity-expansion", REJECT)
    if variant in (1, 2):  # inside a Word document's document.xml
        paras = [_sentence(rnd), f"&lol{levels - 1};"] if variant == 1 else [f"&lol{levels - 1};"]
        doc = docx_document_xml(paras, prolog=billion_laughs(levels, 10, root="w:document"))
        p = d / f"laughs-{i}.docx"
        p.write_bytes(raw_zip(docx_members(member("word/document.xml", doc))))
        return Hostile(p, "xml-entity-expansion", BOUNDED if variant == 1 else REJECT)
    if variant == 3:  # in an XHTML page
        p = d / f"laughs-{i}.{rnd.choice(['html', 'xhtml', 'htm'])}"
        p.write_text(f'<?xml version="1.0"?>{billion_laughs(levels, 10, root="html")}<html><body><p>'
                     f"{_sentence(rnd)} &lol{levels - 1};</p></body></html>", encoding="utf-8")
        return Hostile(p, "xml-entity-expansion", BOUNDED)
    if variant == 4:  # external entity (file disclosure) in a Word document
        prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        doc = docx_document_xml([_sentence(rnd), "&xxe;"], prolog=prolog)
        p = d / f"xxe-{i}.docx"
        p.write_bytes(raw_zip(docx_members(member("word/document.xml", doc))))
        return Hostile(p, "xml-entity-expansion", BOUNDED)
    # XLSX: in the sheet or in the shared strings
    head = _SHEET_HEAD.format(prolog=billion_laughs(levels, 10, root="worksheet")) if variant == 5 else \
        _SHEET_HEAD.format(prolog="")
    rows = xlsx_row(["name", "country"]) + xlsx_row([f"&lol{levels - 1};" if variant == 5 else "x", "FR"])
    sheet = member("xl/worksheets/sheet1.xml", (head + rows + _SHEET_TAIL).encode())
    shared = None
    if variant == 6:
        shared = member("xl/sharedStrings.xml", (f'<?xml version="1.0"?>{billion_laughs(levels, 10, root="sst")}'
                                                 '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                                                 f'main" count="1" uniqueCount="1"><si><t>&lol{levels - 1};</t></si>'
                                                 '</sst>').encode())
    p = d / f"laughs-{i}.xlsx"
    p.write_bytes(raw_zip(xlsx_members(sheet, shared)))
    return Hostile(p, "xml-entity-expansion", REJECT)


def gen_csv_nul(d, rnd, i):
    rows = ["name,country"] + [f"Cluster {k},FR" for k in range(rnd.randint(1, 40))]
    variant = i % 4
    text = "\n".join(rows) + "\n"
    data = text.encode()
    if variant == 0:
        data = data.replace(b"Cluster 0", b"Clus\x00ter 0", 1)
    elif variant == 1:
        data = b"\x00" * rnd.randint(1, 64) + data
    elif variant == 2:  # NUL only after the first 64 KB
        pad = "".join(f"Filler {k},FR\n" for k in range(8000)).encode()
        data = data + pad + b"Bad\x00Row,FR\n"
    else:
        data = data.replace(b",", b"\x00,")
    p = d / f"nul-{i}.{rnd.choice(['csv', 'tsv', 'csv'])}"
    p.write_bytes(data)
    return Hostile(p, "csv-nul", WARN)


def gen_csv_huge_field(d, rnd, i):
    variant = i % 3
    big = "".join(rnd.choice("abcdefghij ") for _ in range(1024)) * 1024   # 1 MB
    if variant == 0:     # a quoted field that never closes
        body = f'name,country\nCluster A,FR\n"{big}\nCluster B,DE\n'
    elif variant == 1:   # a 1 MB name
        body = f"name,country\n{big.replace(' ', '_')},FR\n"
    else:                # 1 MB of one field on the header line
        body = f"name{big.replace(' ', '')},country\nCluster A,FR\n"
    p = d / f"huge-field-{i}.csv"
    p.write_text(body, encoding="utf-8")
    return Hostile(p, "csv-huge-field", WARN)


def gen_binary_named_text(d, rnd, i):
    heads = [b"\x7fELF\x02\x01\x01", b"\x89PNG\r\n\x1a\n", b"MZ\x90\x00", b"\xff\xd8\xff\xe0", b"GIF89a",
             b"\x1f\x8b\x08\x00", b"", b"SQLite format 3\x00"]
    data = heads[i % len(heads)] + bytes(rnd.randrange(256) for _ in range(rnd.randint(200, 20000)))
    suffix = [".txt", ".md", ".csv", ".json", ".yaml", ".html", ".tsv", ".jsonl"][i % 8]
    if heads[i % len(heads)].startswith(b"\x1f\x8b"):
        suffix = ".csv.gz"
    p = d / f"binary-{i}{suffix}"
    p.write_bytes(data)
    return Hostile(p, "binary-named-text", REJECT)


def gen_html_deep(d, rnd, i):
    variant = i % 5
    n = [1_000_000, 1_000_000, 400_000, 50_000, 5_000][variant]
    tag = rnd.choice(["div", "span", "b", "p", "table"])
    body = f"<{tag}>" * n + _sentence(rnd) + (f"</{tag}>" * n if i % 2 else "")
    p = d / f"deep-{i}.html"
    p.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return Hostile(p, "html-deep-nesting", WARN if n < 500_000 else REJECT)


_SAMPLES = {
    "fr": "Le pôle de compétitivité Techtera a signé un accord à Besançon avec l'université.",
    "de": "Der Cluster für Präzisionstechnik in Müller-Straße traf Partner aus Österreich.",
    "ja": "クラスターは東京で欧州のパートナーと会議を開きました。",
    "pl": "Klaster z Gdańska podpisał umowę z partnerem z Łodzi.",
}


def gen_wrong_encoding(d, rnd, i):
    variant = i % 6
    if variant == 0:      # UTF-16 without a BOM
        text = _SAMPLES[rnd.choice(["fr", "de", "pl"])] + "\n" + _sentence(rnd) + "\n"
        suffix = rnd.choice([".txt", ".md", ".csv"])
        if suffix == ".csv":
            text = "name,country\n" + "".join(f"{w},FR\n" for w in text.split()[:4])
        data = text.encode(rnd.choice(["utf-16-le", "utf-16-be"]))
    elif variant == 1:    # Windows-1252 in an HTML page that declares UTF-8
        text = _SAMPLES[rnd.choice(["fr", "de"])]
        suffix = ".html"
        data = (f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>').encode("cp1252")
    elif variant == 2:    # Shift-JIS
        text = _SAMPLES["ja"]
        suffix = rnd.choice([".txt", ".md"])
        data = (text + "\n").encode("shift_jis")
    elif variant == 3:    # mixed: UTF-8 lines and cp1252 lines
        a, b = _SAMPLES["fr"], _SAMPLES["de"]
        text = a + "\n" + b + "\n"
        suffix = rnd.choice([".txt", ".csv"])
        if suffix == ".csv":
            text = f"name,country\n{a.split()[3]},FR\n{b.split()[3]},DE\n"
            x, y = text.split("\n", 2)[1:3]
            data = ("name,country\n" + x + "\n").encode() + (y + "\n").encode("cp1252")
        else:
            data = a.encode() + b"\n" + b.encode("cp1252") + b"\n"
    elif variant == 4:    # UTF-32 without a BOM
        text = _SAMPLES["pl"] + "\n"
        suffix = ".txt"
        data = text.encode("utf-32-le")
    else:                 # cp1252 JSON/YAML (declared nowhere)
        text = _SAMPLES["fr"]
        suffix = rnd.choice([".json", ".yaml"])
        if suffix == ".json":
            data = json.dumps([{"name": text[:40], "country": "FR"}], ensure_ascii=False).encode("cp1252")
        else:
            data = f"- name: {text[:40]}\n  country: FR\n".encode("cp1252")
        text = text[:40]
    p = d / f"encoding-{i}{suffix}"
    p.write_bytes(data)
    return Hostile(p, "wrong-encoding", DECODE, original=text)


KINDS = {  # kind -> (generator, variants)
    "empty": (gen_empty, 18),
    "truncated-pdf": (gen_truncated_pdf, 14),
    "encrypted-pdf": (gen_encrypted_pdf, 10),
    "image-only-pdf": (gen_image_only_pdf, 10),
    "text-named-pdf": (gen_text_named_pdf, 10),
    "pdf-flate-bomb": (gen_pdf_flate_bomb, 8),
    "docx-zip-bomb": (gen_docx_zip_bomb, 10),
    "xlsx-zip-bomb": (gen_xlsx_zip_bomb, 10),
    "json-deep": (gen_json_deep, 12),
    "yaml-alias-bomb": (gen_yaml_alias_bomb, 12),
    "yaml-python-tag": (gen_yaml_python_tag, 10),
    "xml-entity-expansion": (gen_xml_entities, 14),
    "csv-nul": (gen_csv_nul, 12),
    "csv-huge-field": (gen_csv_huge_field, 9),
    "binary-named-text": (gen_binary_named_text, 18),
    "html-deep-nesting": (gen_html_deep, 10),
    "wrong-encoding": (gen_wrong_encoding, 18),
}


def generate_corpus(dest: Path, seed: int = 0, kinds: dict | None = None) -> list[Hostile]:
    """Write the corpus into ``dest`` (created); the same seed gives the same bytes."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for kind, (gen, n) in (kinds or KINDS).items():
        rnd = random.Random(f"{seed}:{kind}")
        for i in range(n):
            out.append(gen(dest, rnd, i))
    return out
