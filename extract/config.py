"""What a pipeline is built from: one ``PipelineConfig`` for the CLI, Python, spaCy and Spark.

- ``labels``: the labels to extract, in the registry's names (None: every registered label);
- ``options``: per-label options, passed to that label's extractor when it is built
  (``{"PARK": {"use_registry": false}}``) — an unknown option is an error naming the label;
- ``precedence``: the one table that decides which label wins when candidates of two labels
  cover spans of equal length (the longer span always wins; inside a label, a rule's own
  ``priority`` breaks ties). None: the registry's order;
- ``extras``: options every extractor sees in ``Context.extras`` (``date_calendar_words``).

A config comes from keywords, a dict, or a TOML / JSON file (``newsx … --config FILE``)::

    labels = ["PARK", "MONEY"]
    precedence = ["MONEY", "PERCENT", "DATE", "PARK"]
    [options.PARK]
    use_registry = true

It is a frozen pydantic model: validated once, hashable by :meth:`PipelineConfig.key`, and
picklable, so worker processes and Spark executors build the same pipeline from it.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any, Sequence

from pydantic import BaseModel, ConfigDict, field_validator, model_validator


class ConfigError(ValueError):
    """A config that names an unknown label or option, or a file that cannot be read as one."""


class PipelineConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    labels: tuple[str, ...] | None = None
    options: dict[str, dict[str, Any]] = {}
    precedence: tuple[str, ...] | None = None
    extras: dict[str, Any] = {}

    @field_validator("labels", "precedence")
    @classmethod
    def _known_labels(cls, names: tuple[str, ...] | None) -> tuple[str, ...] | None:
        from extract import registry

        if names is None:
            return None
        unknown = [n for n in names if n not in registry.labels()]
        if unknown:
            raise ValueError(f"unknown labels {unknown}; known: {', '.join(registry.labels())}")
        if len(set(names)) != len(names):
            raise ValueError(f"a label is named twice in {list(names)}")
        return tuple(names)

    @field_validator("options")
    @classmethod
    def _known_option_labels(cls, options: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        from extract import registry

        unknown = [n for n in options if n not in registry.labels()]
        if unknown:
            raise ValueError(f"options for unknown labels {unknown}; known: {', '.join(registry.labels())}")
        for label, given in options.items():
            registry.check_options(label, given)
        return options

    @model_validator(mode="after")
    def _precedence_covers_labels(self) -> "PipelineConfig":
        if self.precedence is not None:
            missing = [n for n in self.active_labels() if n not in self.precedence]
            if missing:
                raise ValueError(f"precedence leaves out {missing}: list every label extracted")
        return self

    # -- reading ----------------------------------------------------------------------------

    @classmethod
    def of(cls, config: "PipelineConfig | dict | str | Path | None" = None,
           labels: Sequence[str] | None = None) -> "PipelineConfig":
        """A config from ``config`` (a config, a dict or a file path; None: the defaults), with
        ``labels`` (when given) replacing its labels — what a ``--labels`` flag does."""
        if isinstance(config, PipelineConfig):
            base = config
        elif config is None:
            base = cls()
        elif isinstance(config, dict):
            base = cls._validated(config, "config")
        else:
            base = cls.from_file(config)
        if labels is None:
            return base
        return cls._validated({**base.model_dump(), "labels": list(labels)}, "labels")

    @classmethod
    def from_file(cls, path: str | Path) -> "PipelineConfig":
        """A config from a ``.toml`` or ``.json`` file."""
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"cannot read config {path}: {exc.strerror or exc}") from None
        try:
            data = json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config {path} is not valid {'JSON' if path.suffix.lower() == '.json' else 'TOML'}: "
                              f"{str(exc).splitlines()[0]}") from None
        if not isinstance(data, dict):
            raise ConfigError(f"config {path}: expected a table of settings")
        return cls._validated(data, str(path))

    @classmethod
    def _validated(cls, data: dict, where: str) -> "PipelineConfig":
        from pydantic import ValidationError

        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            at = ".".join(str(p) for p in first["loc"])
            message = first["msg"].removeprefix("Value error, ")
            raise ConfigError(f"{where}: {at + ': ' if at else ''}{message}") from None

    # -- using ------------------------------------------------------------------------------

    def active_labels(self) -> tuple[str, ...]:
        """The labels extracted, in the registry's order when none were chosen."""
        from extract import registry

        return self.labels if self.labels is not None else tuple(registry.labels())

    def label_note(self) -> str:
        """The labels for a note on stderr: the chosen ones, or ``all``."""
        return ",".join(self.labels) if self.labels is not None else "all"

    def rank(self) -> dict[str, int]:
        """Label → its place in the precedence table (lower wins an equal-length tie)."""
        from extract import registry

        order = self.precedence if self.precedence is not None else tuple(registry.labels())
        return {label: i for i, label in enumerate(order)}

    def key(self) -> str:
        """A stable string naming this config (caches, run fingerprints)."""
        return json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


def as_config(labels: "Sequence[str] | PipelineConfig | None") -> PipelineConfig:
    """A config from what the pipeline's functions take: a list of labels, a config, or None."""
    if isinstance(labels, PipelineConfig):
        return labels
    return PipelineConfig.of(labels=None if labels is None else list(labels))
