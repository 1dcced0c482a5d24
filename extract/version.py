"""The newsx version: one owner. pyproject.toml is the single source; an installed package reads
it from its metadata, and a checkout that is not installed reads pyproject.toml itself."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

UNKNOWN = "0+unknown"  # neither installed nor beside its pyproject.toml


def _version() -> str:
    try:
        return version("newsx")
    except PackageNotFoundError:
        pass
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        import tomllib

        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    except (OSError, KeyError, ValueError):
        return UNKNOWN


VERSION = _version()
