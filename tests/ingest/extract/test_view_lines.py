"""The reading view blanks line-local markup only where it can be, with the whole-text result."""
from pathlib import Path

from clusternet.ingest.extract import view

SEEDS = Path("/work/shared/corpus/seeds")
EDGES = ["@handle at start\nmail a.b@c.org\n", "x\n[link](http://a.b) and ]\n]start\n[\nend]",
         "Mulhouse.nThe text\n.nA\nwww.x.org\nhttps://x.y/z\n", "no markup at all\n\n", "@\n@@a\n a@b.c@d.e",
         "**Bold** *em*\n*start\nend*\n# Head\n- item\n&amp; &nbsp;",
         "[Home](/) · [News](/news)\n# Head\nHome | Contact\n"]


def _whole_text_view(text: str) -> str:
    """The blanking as one pass of every pattern over the whole text, then the same line joining."""
    v = text
    for rx in view._BLANKS:
        v = rx.sub(view._blank, v)
    return v


def test_line_local_blanking_equals_whole_text_blanking():
    texts = EDGES + ([p.read_text(encoding="utf-8", errors="replace") for p in sorted(SEEDS.iterdir())]
                     if SEEDS.is_dir() else [])
    for t in texts:
        blanked = t
        for i, rx in enumerate(view._BLANKS):
            blanked = (view._sub_lines(rx, blanked, view._LINE_LOCAL[i]) if i in view._LINE_LOCAL
                       else rx.sub(view._blank, blanked))
        assert blanked == _whole_text_view(t), t[:80]


def test_urls_and_mails_are_still_blanked():
    v = view.make_view("Write to info@alpha.eu or see https://alpha.eu now.")
    assert "@" not in v and "https" not in v and v.startswith("Write to") and v.endswith("now.")


def test_an_abbreviated_word_inside_a_name_ends_no_sentence():
    from clusternet.ingest.extract.mentions import build_context

    t = "The members are Kraken Univ. Marine Lab (Norway) and the Dept. of Industry. They met in May."
    assert [t[s.start:s.end] for s in build_context(t).sents] == [
        "The members are Kraken Univ. Marine Lab (Norway) and the Dept. of Industry.", "They met in May."]
