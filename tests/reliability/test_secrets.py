"""Secrets and names (issue 19, item 6): passwords masked wherever a URL is printed, never echoed
in errors; name checks anchored (a final newline is not a name); user strings escaped in HTML
for their context (text, attribute, CSS)."""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

import pytest
from urllib.parse import quote

from extract.sinks.names import check_name, check_prefix, check_url, mask_url
from pg_server import postgres_server_url, postgres_url  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("url, secret, shown", [
    ("postgresql://admin:s3cr3t@db:5432/news", "s3cr3t", "postgresql://admin:***@db:5432/news"),
    ("postgresql://admin@db/news?password=s3cr3t", "s3cr3t", "postgresql://admin@db/news?password=***"),
    ("postgresql://db/news?sslmode=require&PASSWORD=s3cr3t&schema=x", "s3cr3t",
     "postgresql://db/news?sslmode=require&PASSWORD=***&schema=x"),
    ("postgresql://a:p%40ss@db/news", "p%40ss", "postgresql://a:***@db/news"),
    ("postgresql://a:pw@db/news?sslpassword=k&token=t2", "t2", "postgresql://a:***@db/news?sslpassword=***&token=***"),
    ("sqlite:///out/x.sqlite", None, "sqlite:///out/x.sqlite"),
])
def test_mask_url(url, secret, shown):
    assert mask_url(url) == shown
    if secret:
        assert secret not in mask_url(url)


@pytest.mark.parametrize("url", ["postgresq://admin:pw123@host/db", "mysql://root:pw123@h/x", "pw123", "://pw123"])
def test_a_bad_url_is_not_echoed(url):
    with pytest.raises(ValueError) as err:
        check_url(url)
    assert "pw123" not in str(err.value) and "unsupported database URL" in str(err.value)


@pytest.mark.parametrize("name", ["nl\n", "a\nb", "x\r", "news\n\n", "A", "a-b", "a b", "é", "", "1x", "a" * 42])
def test_names_are_anchored(name):
    with pytest.raises(ValueError, match="invalid name"):
        check_name(name)
    with pytest.raises(ValueError, match="invalid name"):
        check_url(f"postgresql://u@h/db?schema={quote(name)}")  # %0A: the case
    if name:
        with pytest.raises(ValueError, match="invalid name"):
            check_prefix(name)


def test_cli_prints_no_password(tmp_path, postgres_url):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "增长7.11%"}) + "\n", encoding="utf-8")
    url = postgres_url.replace("postgres@", "postgres:hunter2pw@") + "?password=hunter2pw"
    done = subprocess.run([sys.executable, "-m", "extract.cli", "run", str(src), "--db", url, "--out",
                           str(tmp_path / "o"), "--no-progress"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "hunter2pw" not in done.stdout + done.stderr
    assert "database: postgresql://postgres:***@" in done.stderr and "password=***" in done.stderr


def test_unreachable_server_is_one_line_without_password(tmp_path):
    pytest.importorskip("psycopg")
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "x"}) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "extract.cli", "run", str(src), "--db",
                           "postgresql://admin:hunter2pw@127.0.0.1:1/db?password=hunter2pw", "--out",
                           str(tmp_path / "o"), "--no-progress"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "hunter2pw" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "cannot connect to postgresql://admin:***@127.0.0.1:1/db" in done.stderr


EVIL = '</style><script>alert("x")</script>"\'&<b>'


def test_render_escapes_every_context():
    from extract.render import Page, css_string, render_html
    from schemas.records import Document

    page = render_html([Page(Document(id=EVIL, text=EVIL + "增长7.11%", title=EVIL), [], None)],
                       title=EVIL, labels=["PERCENT", EVIL])
    assert "<script>alert" not in page and "</style><script>" not in page
    style = page[page.index("<style>") + 7: page.index("</style>")]
    assert "<" not in style and css_string(EVIL) in style
    assert f'data-doc-id="{html.escape(EVIL, quote=True)}"' in page
    assert html.escape(EVIL) in page
