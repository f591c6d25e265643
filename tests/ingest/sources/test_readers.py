"""Readers: every format gives text with exact offsets; bad input gives one clear InputError."""
from __future__ import annotations

import io

import pytest

from clusternet.graph.errors import InputError, InputTooLarge
from clusternet.ingest.sources.readers import Limits, read_document


def _text_pdf(text: str) -> bytes:
    """A minimal one-page PDF with a text layer, offsets of the xref computed exactly."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_plain_text_offsets_and_id(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("The Olive Cluster (Tunisia) met its partners in Rabat and signed an agreement.", encoding="utf-8")
    doc = read_document(p)
    assert doc.text[4:17] == "Olive Cluster"
    assert doc.id.startswith("doc:") and doc.chars == len(doc.text) and doc.language == "en"
    assert read_document(p).id == doc.id  # stable


@pytest.mark.parametrize("content, reason", [(b"", "file is empty"), (b"  \n\t \n", "only whitespace")])
def test_empty_and_whitespace_files(tmp_path, content, reason):
    p = tmp_path / "e.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=reason) as err:
        read_document(p)
    assert "e.txt" in str(err.value)


def test_binary_file_named_txt(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError, match="binary"):
        read_document(p)


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", b""), ("utf-16-be", b""), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-16-be", b"\xfe\xff")])
def test_utf16_text_is_read_with_or_without_bom(tmp_path, encoding, bom):
    # Windows "Unicode text" exports; some tools leave the byte-order mark out
    text = "Le Pôle Textile de Monastir (Tunisie) a signé une convention avec Techtera.\n"
    p = tmp_path / "export.txt"
    p.write_bytes(bom + text.encode(encoding))
    doc = read_document(p)
    assert doc.text.strip() == text.strip()
    assert doc.text[doc.text.index("Techtera"):][:8] == "Techtera"


def test_truncated_utf16_is_a_clear_error(tmp_path):
    p = tmp_path / "cut.txt"
    p.write_bytes(b"\xff\xfe" + "Pôle Textile\n".encode("utf-16-le") + b"\x3d\xd8")   # half a surrogate pair
    with pytest.raises(InputError, match="UTF-16") as err:
        read_document(p)
    assert "cut.txt" in str(err.value)


def test_mixed_encodings_are_read_and_flagged(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_bytes("Pôle Véhicule du Futur\n".encode("utf-8") + "Région Valenciana et Côte\n".encode("cp1252"))
    doc = read_document(p)
    assert "Région Valenciana" in doc.text and "Pôle" in doc.text
    assert any(w.startswith("mixed encodings") for w in doc.warnings)


def test_legacy_encoding_detected(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes(("Le pôle de compétitivité a signé une convention avec les entreprises de la région. " * 5).encode("cp1252"))
    doc = read_document(p)
    assert "compétitivité" in doc.text
    assert doc.warnings  # not UTF-8: said so


def test_non_english_document_is_flagged_with_its_language(tmp_path):
    p = tmp_path / "fr.txt"
    p.write_text("Le Pôle Textile de Monastir (Tunisie) a signé une convention avec les entreprises de la région "
                 "et des partenaires du Maroc pour les marchés du Sud.", encoding="utf-8")
    doc = read_document(p)
    assert doc.language == "fr"
    assert any("French" in w for w in doc.warnings)


def test_size_limit_refused_before_parsing(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"cluster partnership text\n" * 5000)
    with pytest.raises(InputTooLarge, match="over the"):
        read_document(p, Limits(max_bytes=50_000))


def test_twenty_megabyte_text_is_read_within_the_default_limit(tmp_path):
    # decided: the default limit is 25 MB, so a 20 MB text is read (extraction then works in chunks)
    p = tmp_path / "twenty.txt"
    line = b"The Olive Cluster (Tunisia) met partners in Rabat and signed an agreement with the region.\n"
    p.write_bytes(line * (20 * 1024 * 1024 // len(line)))
    doc = read_document(p)
    assert doc.chars > 19 * 1024 * 1024 and doc.text.startswith("The Olive Cluster")


def test_markdown_table_rows_have_exact_spans(tmp_path):
    p = tmp_path / "t.md"
    p.write_text("Intro\n\n| Country | Events |\n|---|---|\n| Morocco | 5 |\n", encoding="utf-8")
    doc = read_document(p)
    row = doc.tables[0].rows[1]
    assert row.cells == ("Morocco", "5") and doc.text[row.start:row.end] == "| Morocco | 5 |"


def test_html_main_text_only_and_tables(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<html><body><nav>Home | News</nav><script>var x=1;</script><main><h1>Pôle Alpha</h1>"
                 "<p>The pole met <b>Beta Cluster</b>.</p><table><tr><th>Country</th><th>Events</th></tr>"
                 "<tr><td>Morocco</td><td>5</td></tr></table></main><footer class='footer'>© 2021</footer></body></html>",
                 encoding="utf-8")
    doc = read_document(p)
    assert "Home" not in doc.text and "var x" not in doc.text and "2021" not in doc.text
    assert "The pole met Beta Cluster." in doc.text
    row = doc.tables[0].rows[1]
    assert row.cells == ("Morocco", "5") and doc.text[row.start:row.end] == "Morocco\t5"


def test_a_news_list_of_several_articles_keeps_every_article(tmp_path):
    p = tmp_path / "news.html"
    p.write_text("<html><body><nav>Home | News</nav><h1>Cluster news</h1>"
                 "<article><h2>New members</h2><p>Alpha Robotics joined the cluster.</p></article>"
                 "<article><h2>Award</h2><p>Beta Sensing won the Ocean Award.</p></article>"
                 "<footer class='footer'>© 2025</footer></body></html>", encoding="utf-8")
    doc = read_document(p)
    assert "Alpha Robotics joined the cluster." in doc.text and "Beta Sensing won the Ocean Award." in doc.text
    assert "Home" not in doc.text and "2025" not in doc.text


def test_a_story_with_teasers_of_other_stories_keeps_the_story(tmp_path):
    p = tmp_path / "story.html"
    p.write_text("<html><body><div class='top'>Login | Subscribe</div>"
                 "<article><h1>Alpha Cluster joins BlueLink</h1><p>Alpha Cluster joined the partnership.</p></article>"
                 "<div class='related'><h3>Read also</h3><article><p>Gamma Cluster signs MoU.</p></article>"
                 "<article><p>Omega Forum 2026 opens.</p></article></div></body></html>", encoding="utf-8")
    doc = read_document(p)
    assert "Alpha Cluster joined the partnership." in doc.text
    assert "Gamma Cluster" not in doc.text and "Login" not in doc.text


def test_html_that_is_almost_all_markup_is_flagged(tmp_path):
    p = tmp_path / "markup.html"
    p.write_text("<html><body>" + "<div class='x'><span></span></div>" * 3000 + "<p>Tiny text.</p></body></html>")
    doc = read_document(p)
    assert doc.text.strip() == "Tiny text."
    assert any(w.startswith("mostly markup") for w in doc.warnings)


def test_html_without_text_and_html_node_cap(tmp_path):
    p = tmp_path / "none.html"
    p.write_text("<html><body><script>1</script><nav>menu</nav></body></html>")
    with pytest.raises(InputError, match="no readable text"):
        read_document(p)
    q = tmp_path / "deep.html"
    q.write_text("<div>" * 2000)
    with pytest.raises(InputTooLarge, match="elements"):
        read_document(q, Limits(max_html_nodes=1000))


def test_pdf_text_layer_and_pages(tmp_path):
    p = tmp_path / "ok.pdf"
    p.write_bytes(_text_pdf("The Olive Cluster met partners in Tunisia"))
    doc = read_document(p)
    assert "Olive Cluster" in doc.text
    s, e = doc.pages[0]
    assert doc.text[s:e].strip() == doc.text.strip()


def test_truncated_pdf(tmp_path):
    p = tmp_path / "cut.pdf"
    p.write_bytes(_text_pdf("Hello cluster")[:120])
    with pytest.raises(InputError, match="damaged or truncated PDF|no text layer"):
        read_document(p)


def test_encrypted_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    w.append(PdfReader(io.BytesIO(_text_pdf("secret cluster"))))
    w.encrypt("s3cret")
    p = tmp_path / "locked.pdf"
    with p.open("wb") as fh:
        w.write(fh)
    with pytest.raises(InputError, match="encrypted"):
        read_document(p)


def test_image_only_pdf_says_no_text_layer(tmp_path):
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=612, height=792)
    p = tmp_path / "scan.pdf"
    with p.open("wb") as fh:
        w.write(fh)
    with pytest.raises(InputError, match="no text layer"):
        read_document(p)


def test_pdf_page_cap(tmp_path):
    from pypdf import PdfWriter

    w = PdfWriter()
    for _ in range(5):
        w.add_blank_page(width=100, height=100)
    p = tmp_path / "many.pdf"
    with p.open("wb") as fh:
        w.write(fh)
    with pytest.raises(InputTooLarge, match="pages"):
        read_document(p, Limits(max_pdf_pages=3))


def test_docx_paragraphs_tables_and_zip_limit(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("The Olive Cluster (Tunisia) joined the partnership.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(1, 0).text, t.cell(1, 1).text = "Country", "Events", "Morocco", "5"
    p = tmp_path / "r.docx"
    d.save(p)
    doc = read_document(p)
    assert doc.text.startswith("The Olive Cluster")
    row = doc.tables[0].rows[1]
    assert doc.text[row.start:row.end] == "Morocco\t5"
    with pytest.raises(InputTooLarge, match="zip member"):
        read_document(p, Limits(max_zip_member_bytes=100))


def test_not_a_docx_and_unknown_suffix(tmp_path):
    p = tmp_path / "fake.docx"
    p.write_bytes(b"plain text pretending")
    with pytest.raises(InputError, match="not a valid DOCX"):
        read_document(p)
    q = tmp_path / "data.xyz"
    q.write_text("x")
    with pytest.raises(InputError, match="unsupported document type"):
        read_document(q)
