"""No new long function in extract/: over ``MAX_LINES`` lines or ``MAX_BRANCHES`` branches.

Read with `ast` (nothing is imported). The functions that were already over a limit when the
rule came in are listed, with their size then, in ``tests/long_functions.txt``; the test fails
when a function not on the list goes over a limit, when a listed one grows past its listed size,
and when a listed one no longer is long (take it off the list: the list only shrinks). ``python tests/test_function_size.py`` rewrites the list —
for taking entries off, never for letting a new long function in.

A branch is a decision point: ``if``/``elif``, a conditional expression, ``for``, ``while``, an
``except``, a ``case``, a comprehension's ``if``, and each extra operand of ``and``/``or``.
A nested function counts in its own right and not in the function around it.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "extract"
ALLOWLIST = Path(__file__).resolve().parent / "long_functions.txt"
MAX_LINES = 50
MAX_BRANCHES = 20
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def branches(function: ast.AST) -> int:
    """The decision points of ``function``'s own body (nested functions left out)."""
    count = 0
    todo = list(ast.iter_child_nodes(function))
    while todo:
        node = todo.pop()
        if isinstance(node, (*_FUNCTIONS, ast.Lambda)):
            continue
        if isinstance(node, (ast.If, ast.IfExp, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler,
                             ast.match_case)):
            count += 1
        elif isinstance(node, ast.BoolOp):
            count += len(node.values) - 1
        elif isinstance(node, ast.comprehension):
            count += len(node.ifs)
        todo.extend(ast.iter_child_nodes(node))
    return count


def functions(path: Path) -> list[tuple[str, int, int]]:
    """(qualified name, lines, branches) of every function in ``path``."""
    out: list[tuple[str, int, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, _FUNCTIONS):
                name = prefix + child.name
                out.append((name, child.end_lineno - child.lineno + 1, branches(child)))
                visit(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)), "")
    return out


def long_functions() -> dict[str, tuple[int, int]]:
    """``path::name`` → (lines, branches) of every function over a limit."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for name, lines, count in functions(path):
            if lines > MAX_LINES or count > MAX_BRANCHES:
                found[f"{rel}::{name}"] = (lines, count)
    return found


def read_allowlist() -> dict[str, str]:
    out = {}
    for line in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, size = line.partition(" ")
            out[key] = size.strip()
    return out


def write_allowlist() -> None:
    rows = [f"{key} lines={lines} branches={count}" for key, (lines, count) in sorted(long_functions().items())]
    ALLOWLIST.write_text(
        f"# Functions in extract/ over {MAX_LINES} lines or {MAX_BRANCHES} branches when the rule came in\n"
        "# (tests/test_function_size.py). Split one and take it off; never add one.\n" + "\n".join(rows) + "\n",
        encoding="utf-8")


def test_branches_are_counted_per_function():
    tree = ast.parse("def f(x):\n    if x and x > 1 or x < -1:\n        return [y for y in x if y]\n"
                     "    def g():\n        if x:\n            pass\n    for _ in x:\n        pass\n")
    (f,) = tree.body
    assert branches(f) == 1 + 2 + 1 + 1  # if, two extra operands, the comprehension's if, for
    assert branches(f.body[1]) == 1


def test_no_new_long_function():
    allowed = read_allowlist()
    new = {key: size for key, size in long_functions().items() if key not in allowed}
    assert new == {}, (f"split these (limits: {MAX_LINES} lines, {MAX_BRANCHES} branches): "
                       + ", ".join(f"{k} lines={n} branches={b}" for k, (n, b) in new.items()))


def test_the_allowlist_only_lists_long_functions():
    stale = sorted(set(read_allowlist()) - set(long_functions()))
    assert stale == [], f"no longer long (or gone): take them off {ALLOWLIST.name}: {stale}"


def test_a_listed_function_does_not_grow():
    grown, found = [], long_functions()
    for key, size in read_allowlist().items():
        now = found.get(key)
        if now is None:
            continue
        listed = dict(part.split("=") for part in size.split())
        if now[0] > int(listed["lines"]) or now[1] > int(listed["branches"]):
            grown.append(f"{key} lines={now[0]} branches={now[1]} (listed {size})")
    assert grown == [], "a listed long function grew; split it instead: " + ", ".join(grown)


if __name__ == "__main__":
    write_allowlist()
    sys.exit(0)
