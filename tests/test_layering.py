"""The library's layering: graph/ and ingest/ never import the CLI or the app, and their
modules import each other without cycles (deferred imports inside functions count too).

ingest/extract/ is being rewritten elsewhere and is left out of the cycle check.
"""
import ast
from pathlib import Path
from paths import ROOT  # noqa: E402

LIBRARY = ("graph", "ingest")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["clusternet", *parts])


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The package modules ``path`` imports, at any depth of its code."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                out.add(name)
    return out


def library_graph() -> dict[str, set[str]]:
    files = [p for top in LIBRARY for p in (ROOT / top).rglob("*.py")]
    known = {module_name(p) for p in files} | {"clusternet.cli", "clusternet.app", "clusternet.app_pages"}
    return {module_name(p): imports_of(p, known) - {module_name(p)} for p in files}


def test_the_library_never_imports_the_cli_or_the_app():
    offenders = sorted(f"{m} -> {d}" for m, deps in library_graph().items() for d in deps
                       if d.split(".")[1] in ("cli", "app", "app_pages"))
    assert offenders == []


def test_library_modules_import_each_other_without_cycles():
    graph = {m: {d for d in deps if ".ingest.extract" not in d}
             for m, deps in library_graph().items() if ".ingest.extract" not in m}
    cycles, state = [], {}

    def visit(m, path):
        state[m] = "open"
        for d in sorted(graph.get(m, ())):
            if state.get(d) == "open":
                cycles.append(path[path.index(d):] + [d])
            elif d not in state:
                visit(d, path + [d])
        state[m] = "done"

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    # a package importing its own submodule, or a submodule its package, is one cycle too
    assert cycles == []
