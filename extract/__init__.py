"""newsx: parks, money, percentages and dates from Chinese news, as validated records.

``extract.load()`` gives the spaCy pipeline (see ``extract.nlp``); spaCy is imported only then,
so ``import extract`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


def load(labels: Sequence[str] | None = None, **options) -> "Language":
    """A ``spacy.blank("zh")`` pipeline with the jieba tokenizer (park registry as user words) and
    the ``newsx`` component; options as in ``extract.nlp.load`` (segmenter, hmm, user_dict, registry)."""
    from extract import nlp

    return nlp.load(labels, **options)


def read(db_url: str, table: str = "mentions", prefix: str = ""):
    """A table newsx wrote, as a typed pandas DataFrame (Decimal amounts, dates): see
    ``extract.sinks.frame``."""
    from extract.sinks.frame import read as _read

    return _read(db_url, table, prefix)


def connect(db_url: str, read_only: bool = True):
    """A DB-API connection to a database newsx wrote, decimals exact in every engine (SQLite
    gets exact sum/total/avg returning Decimal): see ``extract.sinks.connect``."""
    from extract.sinks.connect import connect as _connect

    return _connect(db_url, read_only)


def to_frame(documents):
    """Extracted documents → a typed pandas DataFrame, one row per mention."""
    from extract.sinks.frame import to_frame as _to_frame

    return _to_frame(documents)
