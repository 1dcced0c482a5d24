"""Record models of newsx and their JSON Schema export."""

from schemas.records import (
    AnyValue,
    DateQualifier,
    DateValue,
    Document,
    ExtractedDocument,
    GoldDocument,
    Label,
    Mention,
    MoneyValue,
    ParkLevel,
    ParkValue,
    PercentUnit,
    PercentValue,
    Qualifier,
    VALUE_MODELS,
    check_mention,
)

__all__ = [
    "AnyValue", "DateQualifier", "DateValue", "Document", "ExtractedDocument", "GoldDocument",
    "Label", "Mention", "MoneyValue", "ParkLevel", "ParkValue", "PercentUnit", "PercentValue",
    "Qualifier", "VALUE_MODELS", "check_mention",
]
