"""The shared numeral parser: every label reads numbers through it."""

from extract.numeral.parse import (
    MODES,
    NumeralError,
    Quantity,
    parse_number,
    parse_quantity,
    parse_subunits,
    parse_yuan,
)

__all__ = [
    "MODES", "NumeralError", "Quantity", "parse_number", "parse_quantity", "parse_subunits", "parse_yuan",
]
