"""Peer test suites (other projects' own cases, in ``../shared/peers``), run against newsx.

Each label that measures itself on peers has an adapter module in this package (``date.py``,
``money.py``, ``percent.py``) with ``SUITES: dict[str, Callable[[Path], SuiteResult]]`` keyed by
the JSONL file stem — here, above the pipeline, not in the label folders, which stay pure (a
label folder's own ``peers.py`` is still found through the registry). The runner discovers them
by listing the package, so it knows no label by name. Every case is either
passed, failed, or excluded with a reason — nothing is dropped silently.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from extract import registry


@dataclass
class SuiteResult:
    name: str
    passed: list[str] = field(default_factory=list)  # case ids
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (id, text, what went wrong)
    excluded: list[tuple[str, str, str]] = field(default_factory=list)  # (id, text, reason)

    @property
    def in_scope(self) -> int:
        return len(self.passed) + len(self.failed)

    @property
    def rate(self) -> float:
        return len(self.passed) / self.in_scope if self.in_scope else 0.0

    def record(self, cid: str, text: str, why: str | None) -> None:
        """File a case read in scope: passed when ``why`` is None, else failed with ``why``."""
        if why:
            self.failed.append((cid, text, why))
        else:
            self.passed.append(cid)

    def as_dict(self) -> dict:
        return {
            "suite": self.name, "passed": len(self.passed), "failed": len(self.failed),
            "excluded": len(self.excluded), "in_scope": self.in_scope, "rate": round(self.rate, 4),
            "failures": [list(f) for f in self.failed], "exclusions": [list(e) for e in self.excluded],
        }


def read_cases(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def in_scope(result: SuiteResult, path: Path, reason: Callable[[dict], str | None]) -> Iterator[dict]:
    """The cases of ``path`` that ``reason`` leaves in scope; the others go to ``result.excluded``
    with the reason it gives."""
    for case in read_cases(path):
        why = reason(case)
        if why:
            result.excluded.append((case["id"], case["text"], why))
        else:
            yield case


def suites() -> dict[str, Callable[[Path], SuiteResult]]:
    """All suite runners: the adapters in this package, and any ``extract/<label>/peers.py``."""
    names = [f"{__name__}.{m.name}" for m in pkgutil.iter_modules(__path__)]
    packages = {target.split(":")[0].rsplit(".", 1)[0] for target in registry.EXTRACTORS.values()}
    packages.add("extract.numeral")
    found: dict[str, Callable[[Path], SuiteResult]] = {}
    for name in [*sorted(names), *(f"{package}.peers" for package in sorted(packages))]:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        found.update(module.SUITES)
    return found


def run_all(directory: Path) -> list[SuiteResult]:
    """Run every suite whose file exists in ``directory`` (the ../shared/peers folder)."""
    results = []
    for name, run in sorted(suites().items()):
        path = directory / f"{name}.jsonl"
        if path.exists():
            results.append(run(path))
    return results
