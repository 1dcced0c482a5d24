"""Option and argument types shared by every command (the extract.cli package).

Two kinds of failure, two exit codes (extract/cli/__init__.py prints them):

* a value click can judge on its own (a label not in the list, a date that is not a date, a
  number out of range) is a usage error: exit 2, the usage line and one ``newsx: error:`` line;
* an input path that does not exist is :class:`MissingInput`: exit 1, one line naming the path.
"""

from __future__ import annotations

import datetime as dt
import os

import click


class MissingInput(click.ClickException):
    """An input named on the command line that is not there (exit 1, not a usage error)."""

    exit_code = 1


class DateType(click.DateTime):
    """``YYYY-MM-DD`` → :class:`datetime.date` (click.DateTime gives a datetime)."""

    name = "date"

    def __init__(self) -> None:
        super().__init__(formats=["%Y-%m-%d"])

    def get_metavar(self, param, ctx=None) -> str:  # click ≥ 8.2 passes ctx
        return "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        try:
            return super().convert(value, param, ctx).date()
        except click.BadParameter:
            self.fail(f"{value!r} is not a date (YYYY-MM-DD)", param, ctx)


DATE = DateType()


class CommaChoice(click.ParamType):
    """A comma-separated list of choices (``PARK,money``), case-insensitive, each checked; → a
    list of the canonical spellings in the order given, duplicates dropped."""

    name = "list"

    def __init__(self, choices) -> None:
        self.choices = list(choices)

    def get_metavar(self, param, ctx=None) -> str:
        return "[" + ",".join(self.choices) + "]"

    def convert(self, value, param, ctx):
        if isinstance(value, list):
            return value
        canon = {c.upper(): c for c in self.choices}
        out: list[str] = []
        for part in str(value).split(","):
            key = part.strip().upper()
            if not key:
                continue
            if key not in canon:
                self.fail(f"{part.strip()!r} is not one of {', '.join(self.choices)}", param, ctx)
            if canon[key] not in out:
                out.append(canon[key])
        if not out:
            self.fail("give at least one of " + ", ".join(self.choices), param, ctx)
        return out


def _label_names() -> list[str]:
    from extract.registry import labels

    return labels()


class _Labels(CommaChoice):
    def __init__(self) -> None:  # the registry's labels, read when first needed
        pass

    @property
    def choices(self):  # type: ignore[override]
        return _label_names()


LABELS = _Labels()


class InputPath(click.ParamType):
    """A local input (file or folder) that must exist; ``-`` (stdin) and ``scheme://`` URLs
    (Spark reads hdfs://, s3a:// …) pass unchecked. A missing path is :class:`MissingInput`."""

    name = "path"

    def __init__(self, dir_okay: bool = True, file_okay: bool = True, urls: bool = False) -> None:
        self.dir_okay, self.file_okay, self.urls = dir_okay, file_okay, urls

    def convert(self, value, param, ctx):
        value = os.fspath(value)
        if value == "-" or (self.urls and "://" in value):
            return value
        if not os.path.lexists(value):
            what = "file or folder" if self.dir_okay and self.file_okay else ("folder" if self.dir_okay else "file")
            raise MissingInput(f"{value}: no such {what}")
        if os.path.exists(value):
            if os.path.isdir(value) and not self.dir_okay:
                raise MissingInput(f"{value}: is a folder, not a file")
            if not os.path.isdir(value) and not self.file_okay:
                raise MissingInput(f"{value}: is a file, not a folder")
        return value  # a dangling link exists as a name: the reader rejects it with its reason


INPUT = InputPath()
FILE = InputPath(dir_okay=False)
FOLDER = InputPath(file_okay=False)
INPUT_OR_URL = InputPath(urls=True)


class TablePrefix(click.ParamType):
    """``--table-prefix``: what extract.sinks.names.check_prefix accepts (a usage error otherwise)."""

    name = "prefix"

    def convert(self, value, param, ctx):
        from extract.sinks.names import check_prefix

        try:
            return check_prefix(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class KeyValue(click.ParamType):
    """``KEY=VALUE`` → (key, value)."""

    name = "key=value"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        key, sep, val = str(value).partition("=")
        if not sep or not key.strip():
            self.fail(f"{value!r} is not KEY=VALUE", param, ctx)
        return key.strip(), val


def parse_date(ctx, param, value):  # a click callback, kept for callers outside the CLI
    """--date YYYY-MM-DD → datetime.date (None when not given)."""
    return None if value is None else DATE.convert(value, param, ctx)


class ConfigFile(click.ParamType):
    """A pipeline config file (TOML or JSON, ``extract.config``), read and validated."""

    name = "file"

    def convert(self, value, param, ctx):
        from extract.config import ConfigError, PipelineConfig

        if isinstance(value, PipelineConfig):
            return value
        try:
            return PipelineConfig.from_file(value)
        except ConfigError as exc:
            self.fail(str(exc), param, ctx)


CONFIG = ConfigFile()
CONFIG_HELP = ("Pipeline config (TOML or JSON: labels, per-label options, precedence; see extract/config.py); "
               "--labels replaces its labels.")


def pipeline_config(config, labels):
    """The config a command runs with: ``--config`` (or the defaults) with ``--labels`` applied."""
    from extract.config import ConfigError, PipelineConfig

    try:
        return PipelineConfig.of(config, labels=labels)
    except ConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="'--labels'") from None
