"""Names and database URLs, checked before they reach a statement: the one home of what
every sink (sql.py, postgres.py) and the readers (connect.py, frame.py) check.

A user-given name (table prefix, PostgreSQL schema) must match a strict pattern; a URL must
name a registered sink (``extract.sinks.registry``); a URL shown in a message has its passwords masked.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

NAME = re.compile(r"[a-z_][a-z0-9_]{0,40}\Z")  # \Z, not $: "$" also matches before a final newline


def check_name(name: str) -> str:
    if not isinstance(name, str) or not NAME.match(name):
        raise ValueError(f"invalid name {name!r}: use lower-case letters, digits and _ (max 41)")
    return name


def check_prefix(prefix: str) -> str:
    """A table prefix: empty, or what a strict name may start with (``news_``)."""
    if prefix and not (isinstance(prefix, str) and NAME.match(prefix + "x")):
        raise ValueError(f"invalid name {prefix!r} for a table prefix: use lower-case letters, digits and _ "
                         "(max 40), starting with a letter or _")
    return prefix or ""


def qualifier(prefix: str = "", schema: str | None = None) -> str:
    """What goes before a table's base name: ``schema.prefix`` — both checked."""
    return (f"{check_name(schema)}." if schema else "") + check_prefix(prefix)


def split_url(url: str) -> tuple[str, str | None]:
    """The libpq URL without our ``schema`` parameter, and that schema (checked), if any."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = None
    kept = []
    for key, value in query:
        if key == "schema":
            schema = check_name(value)
        else:
            kept.append((key, value))
    return urlunsplit(parts._replace(query=urlencode(kept))), schema


def mask_url(url: str) -> str:
    """The URL with every password hidden: ``user:***@`` in the userinfo, ``password=***`` (and
    any other secret-like parameter) in the query. Safe to print or put in an error."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable URL>"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, host = netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}:***@{host}" if ":" in userinfo else f"{user}@{host}"
    query = parse_qsl(parts.query, keep_blank_values=True)
    secret = re.compile(r"pass|pwd|secret|token|key", re.I)
    masked = urlencode([(k, "***" if secret.search(k) else v) for k, v in query], safe="*")
    out = f"{parts.scheme}://{netloc}{parts.path}" if parts.scheme else f"{netloc}{parts.path}"
    return out + (f"?{masked}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def check_url(url: str) -> str:
    """Raise ValueError for a URL no registered sink understands (before any work starts): an
    unknown scheme (the message lists the known ones, ``extract.sinks.registry``) or a URL its
    sink's check refuses. The message shows the scheme only, never the rest (it may hold a
    password)."""
    from extract.sinks import registry

    scheme = registry.scheme_of(url)
    if scheme not in registry.SINKS:
        shown = scheme if scheme is not None else "?"
        raise ValueError(f"unsupported database URL scheme {shown[:20]!r}: known schemes: "
                         f"{', '.join(registry.schemes())} (sqlite:///FILE, duckdb:///FILE, postgresql://…)")
    registry.check(scheme, url)
    return url


def check_file_url(url: str) -> str:
    """A file engine's URL: ``scheme:///PATH`` (three slashes, then a path)."""
    scheme, _, rest = url.partition("://")
    if not rest.startswith("/") or not rest[1:]:
        raise ValueError(f"a {scheme[:20]} URL names a file: {scheme[:20]}:///PATH")
    return url
