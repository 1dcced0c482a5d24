"""The version has one source, pyproject.toml: the package metadata carries it, a checkout that
is not installed reads the file, and every place that shows a version shows that one."""

from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError
from pathlib import Path

from click.testing import CliRunner

import extract.version as version_module
from extract.cli import main
from extract.evaluate.formats import model_version
from extract.version import VERSION

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
DECLARED = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]


def test_the_version_is_pyprojects():
    assert VERSION == DECLARED


def test_every_place_shows_the_same_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"newsx, version {DECLARED}"
    assert model_version() == f"newsx {DECLARED}"


def test_a_checkout_that_is_not_installed_reads_pyproject(monkeypatch):
    def missing(name):
        raise PackageNotFoundError(name)

    monkeypatch.setattr(version_module, "version", missing)
    assert version_module._version() == DECLARED
