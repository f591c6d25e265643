"""The safe readers: encodings, delimiters, formats and hostile files (ingest/tabular.py)."""
import codecs
import gzip
import json

import openpyxl
import pytest

from clusternet.graph.errors import InputError, InputTooLarge
from clusternet.ingest.sources.tabular import open_table

ROWS = "name;country;city\nPôle Techtera;France;Lyon\nAsociación Textil;España;València\n"


def rows_of(path, **kw):
    t = open_table(path, **kw)
    return t, [r.values for r in t.rows]


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("cp1252", b""),
                                          ("utf-16", b""), ("utf-16-le", b""), ("utf-16-le", codecs.BOM_UTF16_LE)])
def test_encodings_spreadsheets_write_are_read(tmp_path, encoding, bom):
    p = tmp_path / "c.csv"
    p.write_bytes(bom + ROWS.encode(encoding))
    t, rows = rows_of(p)
    assert t.columns == ["name", "country", "city"]
    assert rows[0] == {"name": "Pôle Techtera", "country": "France", "city": "Lyon"}
    assert rows[1]["city"] == "València"


@pytest.mark.parametrize("delim", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path, delim):
    p = tmp_path / "c.csv"
    p.write_text(ROWS.replace(";", delim), encoding="utf-8")
    t, rows = rows_of(p)
    assert t.delimiter == delim and rows[1]["name"] == "Asociación Textil"


def test_quoted_multiline_cells_keep_line_numbers_and_spans(tmp_path):
    text = 'name,description\nA,"two\nlines"\nB,one\n'
    p = tmp_path / "c.csv"
    p.write_text(text, encoding="utf-8", newline="")
    t = open_table(p)
    rows = list(t.rows)
    assert [r.line for r in rows] == [2, 4]
    assert rows[0].values["description"] == "two\nlines"
    assert text[rows[0].start:rows[0].end] == 'A,"two\nlines"'
    assert text[rows[1].start:rows[1].end] == "B,one"
    assert t.text == text


def test_gzip_is_transparent(tmp_path):
    p = tmp_path / "c.csv.gz"
    p.write_bytes(gzip.compress(ROWS.encode("utf-8")))
    assert rows_of(p)[1][0]["name"] == "Pôle Techtera"


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary"),
])
def test_empty_and_binary_files_are_refused(tmp_path, content, reason):
    p = tmp_path / "c.csv"
    p.write_bytes(content)
    with pytest.raises(InputError, match=reason) as err:
        list(open_table(p).rows)
    assert "c.csv" in str(err.value)


def test_xlsx_values_and_formula_cells(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["name", "country", "website"])
    ws.append(["Techtera", "FR", "www.techtera.org"])
    ws.append(["Evil", "FR", '=HYPERLINK("http://evil.example","click")'])
    p = tmp_path / "clusters.xlsx"
    wb.save(p)
    t = open_table(p)
    rows = list(t.rows)
    assert t.format == "xlsx" and rows[0].values["name"] == "Techtera" and not rows[0].problems
    assert rows[1].line == 3 and "website" not in rows[1].values
    assert rows[1].problems and "formula" in rows[1].problems[0].reason
    assert rows[1].problems[0].field == "website" and rows[1].problems[0].row == 3


def test_json_yaml_and_jsonl_rows(tmp_path):
    recs = [{"name": "Techtera", "country": "FR"}, {"name": "ATEVAL", "country": "ES"}]
    (tmp_path / "a.json").write_text(json.dumps({"clusters": recs}))
    t, rows = rows_of(tmp_path / "a.json")
    assert t.kind_hint == "clusters" and rows == recs
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in recs))
    t = open_table(tmp_path / "a.jsonl")
    assert [r.line for r in t.rows] == [1, 2]
    (tmp_path / "a.yaml").write_text("- name: Techtera\n  country: FR\n- name: ATEVAL\n  country: ES\n")
    t = open_table(tmp_path / "a.yaml")
    assert [(r.line, r.values) for r in t.rows] == [(1, recs[0]), (3, recs[1])]


def test_deeply_nested_json_is_refused_before_parsing(tmp_path):
    p = tmp_path / "deep.json"
    p.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputTooLarge, match="nested deeper"):
        open_table(p)
    p = tmp_path / "deep.jsonl"
    p.write_text('{"a": ' * 100_000 + "1" + "}" * 100_000 + "\n")
    with pytest.raises(InputTooLarge):
        open_table(p)


def test_yaml_alias_bomb_and_python_tags_are_refused(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    (tmp_path / "bomb.yaml").write_text(bomb)
    with pytest.raises(InputTooLarge, match="alias"):
        open_table(tmp_path / "bomb.yaml")
    (tmp_path / "tag.yaml").write_text('- !!python/object/apply:os.system ["echo pwned"]\n')
    with pytest.raises(InputError, match="tag not allowed"):
        open_table(tmp_path / "tag.yaml")


def test_200k_rows_stream(tmp_path):
    p = tmp_path / "big.csv"
    with open(p, "w", encoding="utf-8") as fh:
        fh.write("name,country\n")
        for i in range(200_000):
            fh.write(f"Org {i},FR\n")
    t = open_table(p)
    n = last = 0
    for r in t.rows:
        n, last = n + 1, r.line
    assert n == 200_000 and last == 200_001
    assert t.text is None  # too big to keep: not held in memory
