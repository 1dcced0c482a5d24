"""Loader of the shipped park registry and administrative divisions (corpus/parks/).

The files are resolved relative to this module (../../corpus/parks), so nothing outside the
repository (e.g. /work/shared) is needed at run time.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from schemas.registry import Division, ParkEntry

PARKS_DIR = Path(__file__).resolve().parent.parent.parent / "corpus" / "parks"
REGISTRY_PATH = PARKS_DIR / "registry.jsonl"
DIVISIONS_PATH = PARKS_DIR / "divisions.jsonl"


def normalize_name(s: str) -> str:
    """Key used to compare park names and aliases: unify full-width brackets and dashes,
    drop whitespace (same rule as tools/build_registry.py `norm`)."""
    s = s.strip().replace("（", "(").replace("）", ")").replace("—", "-").replace("－", "-")
    return "".join(s.split())


def _load(path: Path, model):
    rows = []
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(model.model_validate(json.loads(line)))
            except (json.JSONDecodeError, ValidationError) as e:
                raise ValueError(f"{path}:{lineno}: bad {model.__name__} row: {e}") from e
    return rows


@lru_cache(maxsize=None)
def _registry(path: str) -> tuple[ParkEntry, ...]:
    return tuple(_load(Path(path), ParkEntry))


@lru_cache(maxsize=None)
def _divisions(path: str) -> tuple[Division, ...]:
    return tuple(_load(Path(path), Division))


def load_registry(path: str | Path | None = None) -> list[ParkEntry]:
    """All parks of the registry (validated; cached per path)."""
    return list(_registry(str(Path(path or REGISTRY_PATH).resolve())))


def load_divisions(path: str | Path | None = None) -> list[Division]:
    """Provinces, prefectures and county-level units (validated; cached per path)."""
    return list(_divisions(str(Path(path or DIVISIONS_PATH).resolve())))


@lru_cache(maxsize=None)
def _alias_index(path: str) -> dict[str, ParkEntry]:
    index: dict[str, ParkEntry] = {}
    for p in _registry(path):
        for name in (p.canonical, *p.aliases):
            key = normalize_name(name)
            other = index.get(key)
            if other is not None and other.id != p.id:
                raise ValueError(f"{path}: name {name!r} belongs to {other.id} and {p.id}")
            index[key] = p
    return index


def alias_index(path: str | Path | None = None) -> dict[str, ParkEntry]:
    """normalize_name(canonical or alias) -> park."""
    return _alias_index(str(Path(path or REGISTRY_PATH).resolve()))


def lookup(name: str, path: str | Path | None = None) -> ParkEntry | None:
    """The park whose canonical name or alias is `name`, else None."""
    return alias_index(path).get(normalize_name(name))
