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
