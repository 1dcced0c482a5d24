"""DATE: calendar dates, months, quarters, half-years, years and ranges of them, as ISO 8601.

The document date (``Context.date``) resolves relative and year-less expressions; without it
they give nothing. See rules.py for the forms, normalize.py for the values, lexicon.py for
the tables, examples.json for the corpus and peers.py for the peer measurements.
"""


def count_unresolved(mentions) -> int:
    """How many DATE mentions keep an unknown year (``resolved`` false, value ``XXXX-…``): what a
    run summary reports for documents without a date (year-less dates kept, not resolved)."""
    return sum(1 for m in mentions if getattr(m.label, "value", m.label) == "DATE" and not m.value.resolved)
