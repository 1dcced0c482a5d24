"""Every name a lexicon defines is used: a table or fragment nobody reads is a second owner in
waiting (a rule writes the words again, and the two drift apart). Read with `ast`, nothing is
imported; a use anywhere in the package counts, the definition itself does not."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "extract"
LEXICONS = sorted(PACKAGE.rglob("lexicon.py"))


def _used_names(root: Path = PACKAGE) -> set[str]:
    used: set[str] = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                used.add(node.id)
            elif isinstance(node, ast.Attribute):
                used.add(node.attr)
            elif isinstance(node, ast.alias):
                used.add(node.name)
    return used


def _defined(path: Path) -> list[str]:
    names = []
    for st in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(st, ast.Assign):
            names += [t.id for t in st.targets if isinstance(t, ast.Name)]
        elif isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name):
            names.append(st.target.id)
        elif isinstance(st, (ast.FunctionDef, ast.ClassDef)):
            names.append(st.name)
    return [n for n in names if not n.startswith("__")]


def test_there_are_lexicons():
    assert {p.parent.name for p in LEXICONS} >= {"numeral", "date", "money", "percent", "park", "facts"}


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.parent.name)
def test_every_lexicon_name_is_used(path):
    used = _used_names()
    unused = [n for n in _defined(path) if n not in used]
    assert not unused, f"{path.relative_to(PACKAGE.parent)} defines names nothing reads: {unused}"


def test_an_unused_name_is_caught(tmp_path):
    # The check itself, on a package of two modules: a name nobody loads is reported, a name
    # composed into another fragment or imported elsewhere is not.
    (tmp_path / "lexicon.py").write_text("A = 'x'\nB = A + 'y'\nC = 'z'\nD = 1\n", encoding="utf-8")
    (tmp_path / "rules.py").write_text("from lexicon import B\nimport lexicon as L\nprint(L.C)\n",
                                       encoding="utf-8")
    used = _used_names(tmp_path)
    assert [n for n in _defined(tmp_path / "lexicon.py") if n not in used] == ["D"]
