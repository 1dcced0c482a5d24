"""The seed report opened in headless Chromium: it renders, with every highlight in the DOM.

Skips cleanly when no Chromium binary exists (CI installs Debian's `chromium` and
`fonts-noto-cjk`). With NEWSX_UPDATE_DOCS=1 the screenshot also replaces docs/seed-report.png.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from extract.render import build_pages, chromium, find_chromium, render_html

from render.test_render_html import LABELS, SEED, parse  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DOCS_IMAGE = ROOT / "docs" / "seed-report.png"

pytestmark = pytest.mark.skipif(find_chromium() is None, reason="no chromium binary (apt-get install chromium)")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def cjk_font_installed() -> bool:
    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    return bool(out.strip())


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    pages = build_pages([str(SEED)], gold_files=[str(SEED)], labels=LABELS)
    path = tmp_path_factory.mktemp("report") / "seed-report.html"
    path.write_text(render_html(pages, title="newsx — seed page", labels=LABELS), encoding="utf-8")
    return path, pages


def test_seed_report_renders_in_headless_chromium(seed_page):
    path, pages = seed_page
    (page,) = pages
    counts = page.counts()
    dom = chromium(path, dump_dom=True)
    # the inline script ran in the browser and counted the highlights it found
    m = re.search(r'data-newsx-rendered="(\d+)"', dom)
    assert m, "the page's script did not run"
    assert int(m.group(1)) == counts["mentions"] > 0
    assert int(re.search(r'data-newsx-misses="(\d+)"', dom).group(1)) == counts["miss"]
    p = parse(dom)
    assert len(p.of("mention")) == counts["mentions"]
    assert len(p.of("miss-tag")) == counts["miss"]
    assert sum(e["data-status"] == "spurious" for e in p.of("mention")) == counts["spurious"]
    assert p.text == [page.document.text]


def test_seed_report_screenshot(seed_page, tmp_path):
    path, _ = seed_page
    shot = tmp_path / "seed-report.png"
    chromium(path, screenshot=shot, width=1280, height=1600)
    assert png_size(shot) == (1280, 1600)
    assert shot.stat().st_size > 20_000, "a blank page compresses to almost nothing"
    if not cjk_font_installed():
        pytest.skip("no CJK font (apt-get install fonts-noto-cjk): glyphs would be boxes")
    if os.environ.get("NEWSX_UPDATE_DOCS"):  # taller, so the README's image reaches a miss
        DOCS_IMAGE.parent.mkdir(exist_ok=True)
        chromium(path, screenshot=DOCS_IMAGE, width=1280, height=3000)
