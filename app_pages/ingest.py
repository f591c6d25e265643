"""Ingest: upload documents or spreadsheets, preview what would change, then load."""
import re
import tempfile
from pathlib import Path

import streamlit as st

from clusternet import api
from clusternet.app_pages.common import get_store, md, refresh, run_or_error, table

st.title("Ingest")
st.caption("Reports, press releases, newsletters (PDF, Word, HTML, text) or spreadsheets (CSV, XLSX, JSON, YAML).")
store = get_store()
uploads = st.file_uploader("Files", accept_multiple_files=True,
                           type=["pdf", "docx", "html", "htm", "txt", "md", "csv", "xlsx", "json", "jsonl", "yaml", "yml"])
if not uploads:
    st.stop()

names: dict[str, str] = {}


def save_uploads(folder: Path) -> list[Path]:
    """The uploads as files in ``folder`` (a folder of this run only, removed when it ends)."""
    paths = []
    for i, up in enumerate(uploads):
        # the uploaded name is only a hint: keep letters, digits, dot, dash; never a path
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(up.name).name).lstrip(".") or f"upload-{i}"
        path = folder / f"{i:03d}" / safe    # a folder per upload: the document keeps its own name
        path.parent.mkdir()
        path.write_bytes(up.getvalue())
        paths.append(path)
        names[str(path)] = Path(up.name).name
    return paths


def user_name(path) -> str:
    """The name the person gave the file (not the upload folder's safe copy)."""
    return names.get(str(path), Path(str(path)).name)


def _what(key: str) -> str:
    return api.relation_words(key) if key.isupper() else key


def show(result, *, preview: bool = True) -> None:
    """A load report as tables: per file, per kind of record (created / changed / left alone), problems."""
    if result is None:
        return
    will = ("will be created", "will change", "left alone") if preview else ("created", "changed", "left alone")
    st.markdown("**Files**")
    st.dataframe(table([{"file": user_name(f.path), "kind": f.kind or f.detected, "rows": f.rows,
                         will[0]: sum(f.summary.created.values()), will[1]: sum(f.summary.updated.values()),
                         will[2]: sum(f.summary.unchanged.values()), "problems": len(f.problems)}
                        for f in result.files]), hide_index=True, width="stretch")
    st.markdown("**What " + ("would change" if preview else "changed") + ", by kind of record**")
    st.dataframe(table([{"records": _what(r["key"]), will[0]: r["created"], will[1]: r["updated"],
                         will[2]: r["unchanged"]} for r in result.summary.rows()]), hide_index=True, width="stretch")
    problems = [{"file": user_name(p.file or f.path), "row": p.row if p.row is not None else "",
                 "column": p.field or "", "value": "" if p.value is None else str(p.value), "problem": p.reason}
                for f in result.files for p in f.problems]
    if problems:
        st.markdown(f"**Problems** ({len(problems)}): a file with a problem is not loaded at all.")
        st.dataframe(table(problems), hide_index=True, width="stretch")


def show_extraction(ex) -> None:
    """What the documents say, as tables: entities, relations with their evidence, figures."""
    entities = [{"name": e.name, "kind": e.label, "country": e.country or "", "confidence": round(e.confidence, 2)}
                for e in ex.entities]
    names = {e.id: e.name for e in ex.entities}
    relations = [{"from": names.get(r.source, r.source), "relation": api.relation_words(r.type),
                  "to": names.get(r.target, r.target), "confidence": round(r.confidence, 2),
                  "evidence": "; ".join(ev.text for ev in r.evidence[:2])} for r in ex.relations]
    facts = [{"about": names.get(f.subject, f.subject), "measure": f.measure, "value": f.value,
              "unit": f.unit or "", "country": f.country or ""} for f in ex.facts]
    for title, rows in (("Entities", entities), ("Relations", relations), ("Figures", facts)):
        st.markdown(f"**{title} found in the documents** ({len(rows)})")
        if rows:
            st.dataframe(table(rows), hide_index=True, width="stretch")


def preview_and_load(paths: list[Path]) -> None:
    """What the files say and would change; then, on the button, load them file by file."""
    st.subheader("Preview")
    docs = [p for p in paths if p.suffix.lower() in {".pdf", ".docx", ".html", ".htm", ".txt", ".md"}]
    if docs:
        with st.spinner("Extracting…"):
            extraction = run_or_error(api.extract, docs)
        if extraction is not None:
            show_extraction(extraction)
    st.markdown("Nothing is written until you press *Load into the store*.")
    with st.spinner("Checking what would change…"):
        show(run_or_error(api.ingest, store, paths, dry_run=True))

    if st.button("Load into the store", type="primary"):
        bar = st.progress(0.0, text="Loading…")
        with st.status("Loading files", expanded=True) as status:
            ok = True
            for i, p in enumerate(paths, 1):
                st.write(md(user_name(p)))
                report = run_or_error(api.ingest, store, [p])
                if report is None or not getattr(report, "ok", True):
                    ok = False
                show(report, preview=False)
                bar.progress(i / len(paths), text=f"{i} of {len(paths)} files")
            status.update(label="Loaded" if ok else "Loaded, with errors", state="complete" if ok else "error")
        refresh()


# Uploads live on disk only while this run reads them: nothing piles up across sessions.
with tempfile.TemporaryDirectory(prefix="clusternet-upload-") as tmp:
    preview_and_load(save_uploads(Path(tmp)))
