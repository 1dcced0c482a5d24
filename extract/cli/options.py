"""Option parsers shared by every command (the extract.cli package)."""

from __future__ import annotations

import datetime as dt

import click


def parse_date(ctx, param, value):  # a click callback
    """--date YYYY-MM-DD → datetime.date (None when not given)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD") from None
