"""The database sinks, one line per URL scheme — like the extractors' ``extract.registry``.

Adding a sink is one module (a class that satisfies :class:`extract.sinks.base.Sink`, made from
``(url, table_prefix)``) plus one line: in ``SINKS`` below, or ``register_sink("scheme", Factory)``
from anywhere (a plugin, a test). ``extract.sinks.open_sink(url)`` dispatches on the scheme
before ``://``; ``extract.sinks.names.check_url`` refuses a scheme not registered, naming the
known ones, before any work starts.

An entry is ``module:attr`` (imported when a URL of its scheme is first checked or opened, so a
run without DuckDB never imports it) or the factory itself, optionally with a ``check``: a
callable that raises ValueError for a URL of its scheme the factory could not open (checked
before any work; the message must not echo the URL, which may hold a password).
"""

from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from extract.sinks.base import SinkFactory


class SinkEntry(NamedTuple):
    factory: "str | SinkFactory"  # "module:attr" or a callable (url, prefix) → Sink
    check: "str | Callable[[str], Any] | None" = None  # "module:attr" or a callable(url); ValueError: refused


SINKS: dict[str, SinkEntry] = {
    "sqlite": SinkEntry("extract.sinks.sql:open_sqlite", "extract.sinks.names:check_file_url"),
    "duckdb": SinkEntry("extract.sinks.sql:open_duckdb", "extract.sinks.names:check_file_url"),
    "postgresql": SinkEntry("extract.sinks.postgres:open_postgres", "extract.sinks.names:split_url"),
    "postgres": SinkEntry("extract.sinks.postgres:open_postgres", "extract.sinks.names:split_url"),
}

SCHEME = re.compile(r"[a-z][a-z0-9+.-]{0,19}\Z")  # RFC 3986 scheme characters, lower case, short


def register_sink(scheme: str, factory: "str | SinkFactory", check: "str | Callable[[str], Any] | None" = None) -> None:
    """Make ``scheme://…`` URLs open ``factory(url, table_prefix)`` (replacing an earlier entry
    for the scheme). ``check``: see the module docstring."""
    if not isinstance(scheme, str) or not SCHEME.match(scheme):
        raise ValueError(f"invalid sink scheme {scheme!r}: lower-case letters, digits, + . - (max 20)")
    SINKS[scheme] = SinkEntry(factory, check)


def schemes() -> list[str]:
    return list(SINKS)


def scheme_of(url: Any) -> str | None:
    """The scheme of ``url`` (the text before ``://``), or None when it has none."""
    if not isinstance(url, str) or "://" not in url:
        return None
    return url.split("://", 1)[0]


def _resolve(target: Any) -> Any:
    if not isinstance(target, str):
        return target
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def factory(scheme: str) -> "SinkFactory":
    """The factory registered for ``scheme`` (KeyError naming the known schemes otherwise)."""
    try:
        entry = SINKS[scheme]
    except KeyError:
        raise KeyError(f"no sink for scheme {scheme!r}; known: {', '.join(SINKS)}") from None
    return _resolve(entry.factory)


def check(scheme: str, url: str) -> None:
    """Run the scheme's URL check, if it has one (ValueError: refused)."""
    target = SINKS[scheme].check
    if target is not None:
        _resolve(target)(url)
