"""Helpers every command uses: stderr lines by verbosity, and the one place errors are printed."""

from __future__ import annotations

import re
import sys
import traceback
from dataclasses import dataclass
from typing import Callable

import click


@dataclass
class _State:
    verbosity: int = 0  # -1 quiet, 0 normal, 1 verbose
    debug: bool = False

    def reset(self) -> None:
        self.verbosity, self.debug = 0, False


STATE = _State()


def err(msg: str) -> None:
    """A summary or note line on stderr (never data); nothing under ``--quiet``."""
    if STATE.verbosity >= 0:
        click.echo(mask(msg), err=True)


summary = err


def info(msg: str) -> None:
    """A line on stderr under ``--verbose`` only."""
    if STATE.verbosity > 0:
        click.echo(mask(msg), err=True)


def quiet() -> bool:
    return STATE.verbosity < 0


def progress_flag(flag: bool | None) -> bool | None:
    """The ``--progress/--no-progress`` value under ``--quiet`` (off)."""
    return False if quiet() else flag


def count_units(inputs) -> int | None:
    """How many units (documents or rejects) ``inputs`` hold, for the progress bar's total; None
    for stdin. Reads the input once more (cheap beside extraction; only when a bar shows)."""
    from extract.batch import read_units

    if "-" in inputs:
        return None
    return sum(1 for _ in read_units(inputs))


_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"]+")


def mask(msg: str) -> str:
    """``msg`` with the password of every URL in it hidden (extract.sinks.names.mask_url)."""
    if "://" not in msg:
        return msg
    from extract.sinks.names import mask_url

    def one(m: re.Match) -> str:
        url = m.group()
        tail = len(url) - len(url.rstrip(":,.;)]"))  # punctuation after the URL is the sentence's
        return mask_url(url[: len(url) - tail]) + url[len(url) - tail:]

    return _URL.sub(one, msg)


def one_line(exc: BaseException) -> str:
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    lines = [x.strip() for x in text.strip().splitlines() if x.strip()]
    return mask(lines[0] if lines else type(exc).__name__)


def error(msg: str) -> None:
    click.echo(f"newsx: error: {msg}", err=True)


DATABASE_MODULES = {"duckdb", "psycopg", "sqlite3", "pyarrow", "py4j", "pyspark"}  # their errors are the user's to read


def run_main(call: Callable[[], object]) -> int:
    """Run the click group (``standalone_mode=False``) and turn every outcome into an exit code
    and at most the usage line plus one error line on stderr."""
    try:
        rv = call()
        return rv if isinstance(rv, int) else 0
    except click.UsageError as exc:  # bad option or argument: exit 2 with the usage line
        if exc.ctx is not None:
            usage = exc.ctx.get_usage().splitlines()
            click.echo(" ".join(x.strip() for x in usage), err=True)
        error(mask(" ".join(exc.format_message().split())))
        return exc.exit_code
    except click.ClickException as exc:
        if STATE.debug:
            traceback.print_exc()
        error(mask(" ".join(exc.format_message().splitlines()[:1]) or type(exc).__name__))
        return exc.exit_code
    except (click.Abort, KeyboardInterrupt):
        click.echo("newsx: interrupted", err=True)
        return 130
    except BrokenPipeError:  # `newsx extract … | head`: the reader left; not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 141
    except SystemExit as exc:  # a library's SystemExit("needs the db extra …")
        if isinstance(exc.code, str):
            error(mask(exc.code.splitlines()[0]))
            return 1
        return 0 if exc.code is None else int(exc.code)
    except Exception as exc:  # noqa: BLE001 - the one place an error reaches the user
        if STATE.debug:
            traceback.print_exc()
        known = (isinstance(exc, (OSError, ValueError, LookupError, RuntimeError, ConnectionError))
                 or type(exc).__module__.split(".")[0].lstrip("_") in DATABASE_MODULES)
        hint = "" if known or STATE.debug else f" ({type(exc).__name__}: a bug? --debug shows the traceback)"
        error(one_line(exc) + hint)
        return 1
