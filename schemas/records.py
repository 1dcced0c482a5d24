"""Record models: the contract of ANNOTATION.md as pydantic v2 types.

One type owns the offset convention: a `Mention` is half-open ``[start, end)`` in Python ``str``
indices of the document text exactly as the user gave it.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)

# Decimal in, string out: amounts never pass through float.
DecimalStr = Annotated[
    Decimal,
    PlainSerializer(lambda d: format(d, "f"), return_type=str, when_used="always"),
    Field(json_schema_extra={"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}),
]


class Label(str, Enum):
    MONEY = "MONEY"
    PERCENT = "PERCENT"
    DATE = "DATE"
    PARK = "PARK"


class Qualifier(str, Enum):
    """Qualifier of an amount or a share (MONEY, PERCENT)."""

    exact = "exact"
    approx = "approx"
    over = "over"
    at_least = "at_least"
    under = "under"
    at_most = "at_most"


class DateQualifier(str, Enum):
    exact = "exact"
    as_of = "as_of"
    since = "since"
    approx = "approx"


class PercentUnit(str, Enum):
    percent = "percent"
    pp = "pp"


class ParkLevel(str, Enum):
    national = "national"
    provincial = "provincial"
    other = "other"
    unknown = "unknown"


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_range(low: Decimal | None, high: Decimal | None, first: Decimal, name: str) -> None:
    if (low is None) != (high is None):
        raise ValueError("low and high go together: both set for a range, both null otherwise")
    if low is not None and high is not None:
        if low > high:
            raise ValueError(f"range low {low} is above high {high}")
        if first != low:
            raise ValueError(f"for a range, {name} is the low end ({low}), got {first}")


class MoneyValue(_Value):
    amount: DecimalStr
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code")
    qualifier: Qualifier = Qualifier.exact
    low: DecimalStr | None = None
    high: DecimalStr | None = None

    @model_validator(mode="after")
    def _range(self) -> "MoneyValue":
        _check_range(self.low, self.high, self.amount, "amount")
        return self


class PercentValue(_Value):
    value: DecimalStr = Field(description="the share as a fraction: 14.3% -> 0.143")
    qualifier: Qualifier = Qualifier.exact
    unit: PercentUnit = PercentUnit.percent
    low: DecimalStr | None = None
    high: DecimalStr | None = None

    @model_validator(mode="after")
    def _range(self) -> "PercentValue":
        _check_range(self.low, self.high, self.value, "value")
        return self


_ISO_PART = r"\d{4}(-(\d{2}(-\d{2})?|Q[1-4]|H[12]|W\d{2}))?"
# TIMEX3's unknown digits: a year-less date in a document without a date (1月2日 → XXXX-01-02,
# a bare 28日 → XXXX-XX-28).
_OPEN_PART = r"XXXX(-(\d{2}|XX)(-\d{2})?|-Q[1-4]|-H[12])?"


class DateValue(_Value):
    value: str = Field(
        pattern=rf"^(?:{_ISO_PART}(/{_ISO_PART})?|{_OPEN_PART}(/{_OPEN_PART})?)$",
        description="ISO 8601 at the text's granularity (2024-W01 for a week); A/B for a range; "
                    "XXXX where the text leaves the year out and no document date resolves it",
    )
    qualifier: DateQualifier = DateQualifier.exact
    resolved: bool = Field(True, description="false when the value keeps unknown digits (XXXX)")

    @model_validator(mode="after")
    def _resolved(self) -> "DateValue":
        if ("X" in self.value) == self.resolved:
            raise ValueError("resolved is false exactly when the value has unknown digits (XXXX)")
        return self


class ParkValue(_Value):
    canonical: str = Field(min_length=2)
    level: ParkLevel = ParkLevel.unknown
    province: str | None = None
    city: str | None = None
    id: str | None = Field(default=None, description="registry id when the park is in the registry")


VALUE_MODELS: dict[Label, type[_Value]] = {
    Label.MONEY: MoneyValue,
    Label.PERCENT: PercentValue,
    Label.DATE: DateValue,
    Label.PARK: ParkValue,
}
_TAG_OF = {model: label.value for label, model in VALUE_MODELS.items()}


def _value_tag(v: Any) -> str | None:
    if isinstance(v, BaseModel):
        return _TAG_OF.get(type(v))
    return None  # a raw dict is turned into its model by Mention._value_by_label first


AnyValue = Annotated[
    Union[
        Annotated[MoneyValue, Tag("MONEY")],
        Annotated[PercentValue, Tag("PERCENT")],
        Annotated[DateValue, Tag("DATE")],
        Annotated[ParkValue, Tag("PARK")],
    ],
    Discriminator(_value_tag),
]


class Mention(BaseModel):
    """One labelled span of a document, with its normalized value and the rule that found it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    label: Label
    text: str = Field(min_length=1)
    value: AnyValue
    rule: str | None = Field(default=None, description="name of the rule that produced it (null in gold)")

    @model_validator(mode="before")
    @classmethod
    def _value_by_label(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("value"), dict):
            label = data.get("label")
            try:
                model = VALUE_MODELS[Label(label)]
            except ValueError:
                return data  # the label error is reported by field validation
            data = {**data, "value": model.model_validate(data["value"])}
        return data

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> "Mention":
        text = (info.context or {}).get("text") if info is not None else None
        if text is not None and text[self.start : self.end] != self.text:
            raise ValueError(
                f"mention {self.text!r} at {self.start}-{self.end} is not the document text there "
                f"({text[self.start:self.end]!r})"
            )
        if self.end <= self.start:
            raise ValueError(f"end {self.end} must be greater than start {self.start}")
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"text {self.text!r} has length {len(self.text)} but the span is {self.end - self.start}"
            )
        if type(self.value) is not VALUE_MODELS[self.label]:
            raise ValueError(f"a {self.label.value} mention needs a {VALUE_MODELS[self.label].__name__}")
        return self

    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label.value)


class Document(BaseModel):
    """A document as given by the user. `date` resolves year-less dates."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    text: str
    date: _dt.date | None = None
    source: str | None = None
    title: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict, description="any other input fields, kept")


class ExtractedDocument(BaseModel):
    """A document with its mentions. The validator rejects a mention that is not
    ``text[start:end]`` and overlapping mentions of the same label."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    date: _dt.date | None = None
    text: str | None = Field(default=None, description="kept in gold files; optional in output")
    spans: list[Mention] = Field(default_factory=list)

    @model_validator(mode="after")
    def _offsets(self) -> "ExtractedDocument":
        if self.text is not None:
            for m in self.spans:
                if m.end > len(self.text):
                    raise ValueError(f"span {m.start}-{m.end} runs past the text (length {len(self.text)})")
                if self.text[m.start : m.end] != m.text:
                    raise ValueError(
                        f"span {m.start}-{m.end} says {m.text!r} but the text there is "
                        f"{self.text[m.start:m.end]!r}"
                    )
        return self


class GoldDocument(ExtractedDocument):
    """A hand-labelled document (format of ANNOTATION.md, plus the source fields)."""

    model_config = ConfigDict(extra="forbid")

    text: str
    source: str | None = None
    title: str | None = None
    issuer: str | None = None
    publisher: str | None = None
    province: str | None = None
    labels: list[Label] | None = Field(
        default=None,
        description="the labels this document was labelled for (null: all); the scorer ignores "
                    "predictions of other labels, so a PARK-only test set scores PARK alone")

    @field_validator("spans")
    @classmethod
    def _sorted_no_overlap(cls, spans: list[Mention]) -> list[Mention]:
        ordered = sorted(spans, key=lambda m: (m.start, m.end))
        for a, b in zip(ordered, ordered[1:]):
            if b.start < a.end:
                raise ValueError(f"spans overlap: {a.text!r}@{a.start}-{a.end} and {b.text!r}@{b.start}-{b.end}")
        return ordered


def check_mention(document: Document, mention: Mention) -> Mention:
    """Raise ValueError unless ``mention.text == document.text[start:end]``."""
    if document.text[mention.start : mention.end] != mention.text:
        raise ValueError(
            f"mention {mention.text!r} at {mention.start}-{mention.end} does not match the text of "
            f"document {document.id!r} ({document.text[mention.start:mention.end]!r})"
        )
    return mention


LabelName = Literal["MONEY", "PERCENT", "DATE", "PARK"]
