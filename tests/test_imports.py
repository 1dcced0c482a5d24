"""The shape of the package, read from its source with `ast` (nothing is imported):

- no import cycle among extract modules, counting imports inside functions too (a lazy import
  that closes a cycle still ties the two modules to each other);
- the layers below the pipeline — intake, the numeral parser and each label's folder — never
  import the pipeline, the evaluator or click: they are pure and know nothing above them.
  (A label's measurement on other projects' cases runs the pipeline: it lives in
  ``extract/evaluate/peers/``.)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "extract"
PURE = ("extract.intake", "extract.numeral", "extract.date", "extract.money", "extract.percent")
ABOVE = ("extract.pipeline", "extract.evaluate", "click")


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def imported(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports, anywhere in its source (a submodule named in
    ``from pkg import sub`` counts as ``pkg.sub``; relative imports are resolved)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            subs = {f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES}
            out |= subs
            if len(subs) < len(node.names):
                out.add(base)
    out.discard(name)
    return out


GRAPH = {name: {m for m in imported(name, path) if m in MODULES} for name, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == v:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_lazy_and_relative_imports():
    assert "extract.pipeline" in GRAPH["extract.evaluate"]  # a lazy import inside predict()
    assert "extract.sinks.sql" in GRAPH["extract.sinks.postgres"]


def test_no_import_cycle_among_extract_modules():
    assert _cycles(GRAPH) == []


@pytest.mark.parametrize("layer", PURE)
def test_pure_layers_import_nothing_above_them(layer):
    bad = {
        name: sorted(m for m in imported(name, path) if any(m == a or m.startswith(a + ".") for a in ABOVE))
        for name, path in MODULES.items()
        if name == layer or name.startswith(layer + ".")
    }
    assert any(n == layer or n.startswith(layer + ".") for n in MODULES), layer
    assert {n: b for n, b in bad.items() if b} == {}
