"""DATE: calendar dates, months, quarters, half-years, years and ranges of them, as ISO 8601.

The document date (``Context.date``) resolves relative and year-less expressions; without it
they give nothing. See rules.py for the forms, normalize.py for the values, lexicon.py for
the tables, examples.json for the corpus and peers.py for the peer measurements.
"""
