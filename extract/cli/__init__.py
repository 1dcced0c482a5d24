"""The command line: thin — parses arguments, calls the library. Data on stdout, everything else on stderr.

One module per command group (``extract.cli.run`` …), registered in ``LAZY_COMMANDS``."""

from __future__ import annotations

import click

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
    return click.Option(["--registry"], multiple=True, type=click.Path(exists=True, dir_okay=False),
                        expose_value=False, callback=_use_registry, is_eager=True,
                        help="Extra park registry (JSONL rows of schemas/registry.py ParkEntry), used beside "
                             "the shipped one; repeatable.")


class _LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx, name):
        cmd = self._get_command(ctx, name)
        if cmd is not None and name in REGISTRY_COMMANDS and not any(p.name == "registry" for p in cmd.params):
            cmd.params.append(_registry_option())
        return cmd

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
        return super().get_command(ctx, name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option("0.1.0", prog_name="newsx")
def main() -> None:
    """newsx — parks, money, percentages and dates from Chinese news, as validated records."""

