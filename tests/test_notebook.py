"""The evaluation notebook runs end to end (nbclient), draws its figures into the notebook (inline
backend: image/png outputs, not Agg + plt.show() throwing them away), finds a CJK font for its
Chinese titles, and is stored without outputs."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NB = Path(__file__).resolve().parent.parent / "notebooks" / "evaluation.ipynb"
# What Debian's fonts-noto-cjk installs (.ci/run installs it when missing).
NOTO = glob.glob("/usr/share/fonts/**/NotoSansCJK*", recursive=True)


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NB, as_version=4)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook executed as on a fresh machine: an empty matplotlib config and font cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("MPLCONFIGDIR", str(tmp_path_factory.mktemp("mplconfig")))
    mp.delenv("MPLBACKEND", raising=False)
    nb = nbformat.read(NB, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=900, kernel_name="python3",
                                     resources={"metadata": {"path": str(NB.parent)}})
    try:
        client.execute()
    finally:
        mp.undo()
    return nb


def _outputs(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def test_notebook_prints_the_scores(executed):
    text = "".join(o.get("text", "") for o in _outputs(executed))
    assert "== dev" in text and "== test" in text and "overall" in text  # the score tables
    assert "== facts dev" in text and "== facts test" in text  # the fact scores, dev and test side by side


def test_figures_are_embedded(executed):
    images = [o for o in _outputs(executed) if o.get("output_type") == "display_data" and "image/png" in o.get("data", {})]
    assert len(images) >= 4  # errors by label and kind, value accuracy, F1 per source, facts
    assert all(len(o["data"]["image/png"]) > 5000 for o in images)  # base64 of a real plot, not an empty canvas


def test_the_cjk_font_is_found(executed):
    text = "".join(o.get("text", "") for o in _outputs(executed))
    line = next(x for x in text.splitlines() if x.startswith("CJK font: "))
    if not NOTO:
        pytest.skip("no Noto Sans CJK on this machine: apt install fonts-noto-cjk (.ci/run does)")
    assert line.startswith("CJK font: Noto Sans CJK"), line
    # no tofu: matplotlib warns "Glyph … missing from font(s)" when a Chinese character has no glyph
    assert "missing from font" not in text and "missing from current font" not in text
