"""The command line: thin — parses arguments, calls the library. Data on stdout, everything else on stderr.

One module per command group (``extract.cli.run`` …), registered in ``LAZY_COMMANDS``.

Conventions every command follows (tests/test_cli_errors.py holds one row per case):

* exit 0: done; data alone on stdout, every summary, note and progress bar on stderr;
* exit 1: ``newsx: error: …`` — one line on stderr: an input that is not there (named), a
  database that cannot be reached, a URL or a name the library refuses, a bad input file;
  no traceback unless ``--debug`` (or ``NEWSX_DEBUG=1``); passwords in URLs are masked;
* exit 2: a bad option or argument (click judges it): click's usage line, then ``newsx: error: …``;
* exit 130: interrupted (Ctrl-C);
* ``-q/--quiet``: no summary, notes nor progress (errors still); ``-v/--verbose``: more notes.
  Both, and ``--debug``, go before or after the command name.
"""

from __future__ import annotations

import os
import sys

import click

from extract.cli import util
from extract.version import VERSION

# One module per command group, loaded only when called (import cost stays low).
LAZY_COMMANDS: dict[str, str] = {
    "extract": "extract.cli.extract:extract",
    "run": "extract.cli.run:run",
    "score": "extract.cli.score:score",
    "gold": "extract.cli.gold:gold",
    "peers": "extract.cli.peers:peers",
    "render": "extract.cli.render:render_command",
    "spark": "extract.cli.spark:spark_command",
    "split": "extract.cli.split:split_command",
}


def _use_registry(ctx, param, value):  # a click callback: validate and use the user's park registries
    if value:
        from extract.park.registry import add_user_registry

        try:
            add_user_registry(*value)
        except (OSError, ValueError) as exc:
            raise click.BadParameter(str(exc).splitlines()[0]) from None


REGISTRY_COMMANDS = {"extract", "run", "render", "score"}


def _registry_option() -> click.Option:
    from extract.cli.options import FILE

    return click.Option(["--registry"], multiple=True, type=FILE,
                        expose_value=False, callback=_use_registry, is_eager=True,
                        help="Extra park registry (JSONL rows of schemas/registry.py ParkEntry), used beside "
                             "the shipped one; repeatable.")


def _set_verbosity(level: int):
    def callback(ctx, param, value):
        if value:
            util.STATE.verbosity = level
    return callback


def _set_debug(ctx, param, value):
    if value:
        util.STATE.debug = True


def common_options() -> list[click.Option]:
    """``-q/--quiet``, ``-v/--verbose`` and ``--debug``, accepted by the group and every command."""
    return [
        click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=_set_verbosity(-1),
                     help="No summary, notes nor progress on stderr (errors still)."),
        click.Option(["-v", "--verbose"], is_flag=True, expose_value=False, callback=_set_verbosity(1),
                     help="More notes on stderr."),
        click.Option(["--debug"], is_flag=True, expose_value=False, callback=_set_debug,
                     help="A traceback with every error."),
    ]


def add_common(cmd: click.Command, name: str | None = None) -> click.Command:
    names = {p.name for p in cmd.params}
    if "quiet" not in names:
        cmd.params.extend(common_options())
    if name in REGISTRY_COMMANDS and "registry" not in names:
        cmd.params.append(_registry_option())
    return cmd


class NewsxGroup(click.Group):
    """A group whose commands all take the common options (nested groups use it too)."""

    def get_command(self, ctx, name):
        cmd = super().get_command(ctx, name)
        return add_common(cmd) if cmd is not None else None


class _LazyGroup(NewsxGroup):
    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx, name):
        cmd = self._get_command(ctx, name)
        return add_common(cmd, name) if cmd is not None else None

    def _get_command(self, ctx, name):
        if name in LAZY_COMMANDS and name not in self.commands:
            import importlib

            module, _, attr = LAZY_COMMANDS[name].partition(":")
            try:
                return getattr(importlib.import_module(module), attr)
            except (ModuleNotFoundError, AttributeError) as exc:
                why = f"the {name!r} command is not available: {exc}"

                def unavailable() -> None:
                    raise click.ClickException(why)

                return click.Command(name, callback=unavailable, help=f"(unavailable: {exc})")
        return click.Group.get_command(self, ctx, name)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """click's main with newsx's error conventions (the module docstring); ``standalone_mode=False``
        behaves as click's (exceptions propagate)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        args = list(sys.argv[1:] if args is None else args)
        util.STATE.reset()
        util.STATE.debug = "--debug" in args[: args.index("--")] if "--" in args else "--debug" in args
        util.STATE.debug = util.STATE.debug or os.environ.get("NEWSX_DEBUG", "") not in ("", "0")
        sys.exit(util.run_main(lambda: super(_LazyGroup, self).main(
            args, prog_name, complete_var, standalone_mode=False, **extra)))


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             params=common_options())
@click.version_option(VERSION, prog_name="newsx")
def main() -> None:
    """newsx — parks, money, percentages and dates from Chinese news, as validated records."""
