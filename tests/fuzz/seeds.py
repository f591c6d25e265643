"""Small valid files that seed the fuzzing corpus of each reader (tests/fuzz/corpus/<reader>/).

Each seed is a real file a user could give clusternet, kept to a few hundred bytes so the
fuzzer mutates structure rather than bulk. ``python tests/fuzz/seeds.py`` (re)writes the
``seed-*`` files; inputs the fuzzer found are kept beside them under other names.

>>> sorted(SEEDS) == sorted(["text", "html", "pdf", "docx", "csv", "xlsx", "json", "yaml"])
True
>>> all(data for files in SEEDS.values() for data in files().values())
True
"""
from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"

_ROWS = [["name", "country", "city", "members"], ["Pôle Techtera", "FR", "Lyon", "120"],
         ["Cluster Maroc Numeric", "MA", "Rabat", "85"], ["Gdańsk Maritime", "PL", "Gdańsk", ""]]
_PROSE = ("The cluster Techtera signed a partnership with Cluster Maroc Numeric in Rabat in 2023. "
          "Both clusters count about 200 members.")


def _text() -> dict[str, bytes]:
    md = f"# Annual report\n\n{_PROSE}\n\n| name | country |\n|---|---|\n| Techtera | FR |\n| Agri Hub | MA |\n"
    return {"seed-plain.txt": _PROSE.encode(), "seed-table.md": md.encode(),
            "seed-cp1252.txt": "Le pôle a signé une convention à Lyon.\r\n".encode("cp1252"),
            "seed-utf16.txt": _PROSE.encode("utf-16")}


def _html() -> dict[str, bytes]:
    page = ("<!DOCTYPE html><html><head><title>News</title><script>var x=1;</script></head><body>"
            "<nav class='menu'>Home</nav><main><h1>Partnership</h1><p>" + _PROSE + "</p>"
            "<table><tr><th>name</th><th>country</th></tr><tr><td>Techtera</td><td>FR</td></tr></table>"
            "<!-- note --><div id='cookie-banner'>Accept</div></main><footer>Contact</footer></body></html>")
    return {"seed-page.html": page.encode(),
            "seed-fragment.html": b"<p>Agri Hub met <b>Food Valley</b> in Porto.<br>Next year: Tunis.</p>"}


def _pdf(content: bytes, flate: bool = False) -> bytes:
    """A one-page PDF (Helvetica text layer) with a correct cross-reference table."""
    stream = zlib.compress(content) if flate else content
    filt = b"/Filter /FlateDecode " if flate else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< " + filt + b"/Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % off for off in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _pdfs() -> dict[str, bytes]:
    ops = b"BT /F1 12 Tf 72 720 Td 14 TL (The cluster met partners in Lyon.) Tj T* (Second line.) Tj ET"
    tj = b"BT /F1 10 Tf 1 0 0 1 72 700 Tm [(Agri) -250 (Hub)] TJ 0 -14 Td <4C796F6E> Tj ET"
    return {"seed-text.pdf": _pdf(ops), "seed-flate.pdf": _pdf(tj, flate=True)}


def _zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():  # a fixed date: the same bytes on every run
            zf.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


_PKG = "http://schemas.openxmlformats.org/package/2006/"
_OFF = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


def _types(overrides: dict[str, str]) -> str:
    parts = "".join(f'<Override PartName="{p}" ContentType="application/vnd.openxmlformats-officedocument.{t}"/>'
                    for p, t in overrides.items())
    return (f'{_XML}<Types xmlns="{_PKG}content-types"><Default Extension="rels" ContentType="application/'
            f'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f"{parts}</Types>")


def _rels(targets: dict[str, str]) -> str:
    rels = "".join(f'<Relationship Id="rId{i}" Type="{_OFF}{kind}" Target="{target}"/>'
                   for i, (target, kind) in enumerate(targets.items(), 1))
    return f'{_XML}<Relationships xmlns="{_PKG}relationships">{rels}</Relationships>'


def _docx() -> dict[str, bytes]:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    table = "<w:tbl>" + "".join("<w:tr>" + "".join(cell.format(c) for c in row[:2]) + "</w:tr>"
                                for row in _ROWS[:3]) + "</w:tbl>"
    body = (f'{_XML}<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>{_PROSE}</w:t></w:r></w:p>{table}'
            '<w:p><w:r><w:t xml:space="preserve">Next </w:t></w:r><w:r><w:tab/><w:t>meeting</w:t></w:r></w:p>'
            "</w:body></w:document>")
    members = {"[Content_Types].xml": _types({"/word/document.xml": "wordprocessingml.document.main+xml"}),
               "_rels/.rels": _rels({"word/document.xml": "officeDocument"}), "word/document.xml": body}
    return {"seed-report.docx": _zip(members)}


def _xlsx() -> dict[str, bytes]:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strings = [c for row in _ROWS for c in row[:3]]
    sst = f'{_XML}<sst xmlns="{main}">' + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>"
    rows = []
    for r, row in enumerate(_ROWS, 1):
        cells = [f'<c r="{"ABC"[i]}{r}" t="s"><v>{(r - 1) * 3 + i}</v></c>' for i in range(3)]
        if r > 1:
            cells.append(f'<c r="D{r}"><f>SUM(1,2)</f><v>{row[3] or 0}</v></c>')
        rows.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    sheet = f'{_XML}<worksheet xmlns="{main}"><sheetData>{"".join(rows)}</sheetData></worksheet>'
    book = (f'{_XML}<workbook xmlns="{main}" xmlns:r="{_OFF[:-14]}relationships"><sheets>'
            '<sheet name="Clusters" sheetId="1" r:id="rId1"/></sheets></workbook>')
    members = {"[Content_Types].xml": _types({"/xl/workbook.xml": "spreadsheetml.sheet.main+xml",
                                              "/xl/worksheets/sheet1.xml": "spreadsheetml.worksheet+xml",
                                              "/xl/sharedStrings.xml": "spreadsheetml.sharedStrings+xml"}),
               "_rels/.rels": _rels({"xl/workbook.xml": "officeDocument"}),
               "xl/workbook.xml": book,
               "xl/_rels/workbook.xml.rels": _rels({"worksheets/sheet1.xml": "worksheet",
                                                     "sharedStrings.xml": "sharedStrings"}),
               "xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst}
    return {"seed-clusters.xlsx": _zip(members)}


def _csv() -> dict[str, bytes]:
    comma = "".join(",".join(f'"{c}"' if " " in c else c for c in row) + "\r\n" for row in _ROWS)
    semi = "".join(";".join(row) + "\n" for row in _ROWS)
    return {"seed-comma.csv": comma.encode(), "seed-semicolon-cp1252.csv": semi.encode("cp1252", "replace"),
            "seed-tab.tsv": "".join("\t".join(row) + "\n" for row in _ROWS).encode("utf-8-sig"),
            "seed-gzip.csv": gzip.compress(comma.encode(), mtime=0)}


def _json() -> dict[str, bytes]:
    import json

    records = [dict(zip(_ROWS[0], row)) for row in _ROWS[1:]]
    graph = {"nodes": [{"id": "c1", "labels": ["Cluster"], "properties": {"name": "Techtera"}}],
             "relationships": []}
    return {"seed-list.json": json.dumps(records, ensure_ascii=False).encode(),
            "seed-kind.json": json.dumps({"clusters": records[:2]}).encode(),
            "seed-graph.json": json.dumps(graph).encode(),
            "seed-types.json": ('[{"name": "P\\u00f4le \\"T\\"", "members": 1.5e3, "active": true, "site": null, '
                                '"tags": ["a", {"b": [1, -0.0]}], "founded": "2019-05-01"}]').encode(),
            "seed-lines.jsonl": "".join(json.dumps(r) + "\n" for r in records).encode()}


def _yaml() -> dict[str, bytes]:
    listing = "".join(f"- name: {row[0]}\n  country: {row[1]}\n  members: {row[3] or 'null'}\n" for row in _ROWS[1:])
    anchors = "clusters:\n  - &t {name: Techtera, country: FR, tags: [textile, 'Lyon']}\n  - *t\n  - name: |\n      Agri\n      Hub\n"
    types = ("clusters:\n  - name: Techtera\n    founded: 2019-05-01\n    updated: 2024-03-01T10:00:00Z\n"
             "    members: 0x7B\n    share: 1.5e3\n    active: yes\n    website: ~\n    ratio: .inf\n"
             "    tags: !!set {textile: null}\n    logo: !!binary R0lGODlh\n    order: !!omap [{a: 1}, {b: 2}]\n")
    return {"seed-list.yaml": listing.encode(), "seed-anchors.yaml": anchors.encode(), "seed-types.yaml": types.encode()}


SEEDS = {"text": _text, "html": _html, "pdf": _pdfs, "docx": _docx, "csv": _csv, "xlsx": _xlsx,
         "json": _json, "yaml": _yaml}


def write_seeds(root: Path = CORPUS) -> int:
    """Write every seed file under ``root/<reader>/``; returns how many were written."""
    n = 0
    for reader, build in SEEDS.items():
        folder = root / reader
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in build().items():
            (folder / name).write_bytes(data)
            n += 1
    return n


if __name__ == "__main__":
    print(f"wrote {write_seeds()} seed files under {CORPUS}")
