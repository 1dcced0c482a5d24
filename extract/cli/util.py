"""Helpers every command uses."""

from __future__ import annotations

import click


def err(msg: str) -> None:
    """A line on stderr (summaries, rejects, notes: never data)."""
    click.echo(msg, err=True)
