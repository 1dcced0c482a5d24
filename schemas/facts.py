"""Fact records: the contract of corpus/FACTS.md as pydantic v2 types.

A fact links mentions into one row: who (a park or a group of parks), what (an indicator), when
(a period), how much (a value) and how it changed. Offsets are half-open ``[start, end)`` in
Python ``str`` indices of the original text, like `schemas.records.Mention`; validated against the
text when it is passed as validation context: ``Fact.model_validate(d, context={"text": text})``.
Amounts, fractions and change values are Decimals serialized as strings.
"""

from __future__ import annotations

import datetime as _dt
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from schemas.records import _ISO_PART, DecimalStr, Qualifier


class SubjectKind(str, Enum):
    park = "park"
    park_group = "park_group"


class ResolvedBy(str, Enum):
    explicit = "explicit"
    anaphor = "anaphor"
    carried = "carried"
    headline = "headline"


class PeriodKind(str, Enum):
    flow = "flow"
    stock = "stock"


class ValueLabel(str, Enum):
    MONEY = "MONEY"
    PERCENT = "PERCENT"
    COUNT = "COUNT"


class ChangeBasis(str, Enum):
    yoy = "yoy"
    mom = "mom"
    vs_prior_period = "vs_prior_period"
    vs_year_end = "vs_year_end"
    two_year_avg = "two_year_avg"
    vs_benchmark = "vs_benchmark"


class ChangeMetric(str, Enum):
    percent = "percent"
    pp = "pp"
    multiple = "multiple"
    abs = "abs"


class PriceBasis(str, Enum):
    nominal = "nominal"
    real = "real"


class Modality(str, Enum):
    actual = "actual"
    preliminary = "preliminary"
    forecast = "forecast"
    target = "target"


class Scope(str, Enum):
    above_size = "规模以上"
    above_quota = "限额以上"


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_span(info: ValidationInfo | None, start: int | None, end: int | None, what: str,
                surface: str | None = None) -> None:
    """``start``/``end`` go together, are ordered and inside the text; ``surface`` is what the
    text must hold there."""
    if (start is None) != (end is None):
        raise ValueError(f"{what}: start and end go together")
    if start is None or end is None:
        return
    if start < 0 or end <= start:
        raise ValueError(f"{what}: bad offsets {start}-{end}")
    text = (info.context or {}).get("text") if info is not None else None
    if text is None:
        return
    if end > len(text):
        raise ValueError(f"{what}: {start}-{end} runs past the text (length {len(text)})")
    if surface is not None and text[start:end] != surface:
        raise ValueError(f"{what}: {surface!r} at {start}-{end} is not the text there ({text[start:end]!r})")


class Subject(_Part):
    kind: SubjectKind
    canonical: str = Field(min_length=1)
    park_id: str | None = Field(default=None, description="registry id where the park is in the registry")
    region: str | None = Field(default=None, description="group only: 全国, a province or a city")
    count: int | None = Field(default=None, ge=0, description="group only, where written: 178家国家高新区 → 178")
    start: int | None = Field(default=None, description="the mention naming it in this sentence; null if carried")
    end: int | None = None
    resolved_by: ResolvedBy = ResolvedBy.explicit

    @model_validator(mode="after")
    def _span(self, info: ValidationInfo) -> "Subject":
        _check_span(info, self.start, self.end, "subject")
        if self.kind is SubjectKind.park and (self.region is not None or self.count is not None):
            raise ValueError("region and count are for a park_group subject")
        return self


class Indicator(_Part):
    id: str = Field(min_length=1, description="canonical id of FACTS.md, or 'other' (scored on text)")
    text: str = Field(min_length=1, description="the indicator as written")
    start: int
    end: int
    scope: Scope | None = None

    @model_validator(mode="after")
    def _span(self, info: ValidationInfo) -> "Indicator":
        _check_span(info, self.start, self.end, "indicator", self.text)
        return self


class Period(_Part):
    value: str = Field(pattern=rf"^{_ISO_PART}(/{_ISO_PART})?$", description="DATE value form")
    kind: PeriodKind = PeriodKind.flow
    start: int | None = Field(default=None, description="the DATE mention; null when inherited")
    end: int | None = None

    @model_validator(mode="after")
    def _span(self, info: ValidationInfo) -> "Period":
        _check_span(info, self.start, self.end, "period")
        return self


class FactValue(_Part):
    label: ValueLabel
    start: int
    end: int
    amount: DecimalStr | None = Field(default=None, description="MONEY: exact base units; COUNT: the number")
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    value: DecimalStr | None = Field(default=None, description="PERCENT: the fraction")
    unit: str | None = Field(default=None, description="COUNT: the measure word (家, 个, 项 …)")
    qualifier: Qualifier = Qualifier.exact

    @model_validator(mode="after")
    def _by_label(self, info: ValidationInfo) -> "FactValue":
        _check_span(info, self.start, self.end, "value")
        if self.label is ValueLabel.MONEY and (self.amount is None or self.currency is None):
            raise ValueError("a MONEY value needs amount and currency")
        if self.label is ValueLabel.PERCENT and self.value is None:
            raise ValueError("a PERCENT value needs value (the fraction)")
        if self.label is ValueLabel.COUNT and (self.amount is None or not self.unit):
            raise ValueError("a COUNT value needs amount and unit")
        return self


class Change(_Part):
    basis: ChangeBasis
    metric: ChangeMetric
    value: DecimalStr = Field(description="signed; percent and pp as fractions")
    benchmark: str | None = None
    price_basis: PriceBasis | None = None
    start: int
    end: int

    @model_validator(mode="after")
    def _span(self, info: ValidationInfo) -> "Change":
        _check_span(info, self.start, self.end, "change")
        return self


class Share(_Part):
    value: DecimalStr = Field(description="the fraction of the whole")
    of: str | None = Field(default=None, description="the whole: 全国, 全省 …")
    start: int
    end: int

    @model_validator(mode="after")
    def _span(self, info: ValidationInfo) -> "Share":
        _check_span(info, self.start, self.end, "share")
        return self


class Fact(BaseModel):
    """One atomic statement about a park or a group of parks (corpus/FACTS.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subject: Subject
    segment: str | None = Field(default=None, description="a sub-population: 规模以上工业企业, 高新技术企业 …")
    indicator: Indicator
    period: Period | None = None
    value: FactValue | None = Field(default=None, description="null: a change-only or share-only fact")
    changes: list[Change] = Field(default_factory=list)
    share: Share | None = None
    modality: Modality = Modality.actual
    sentence: tuple[int, int]
    rule: str | None = Field(default=None, description="the rule that produced it (null in gold)")
    tags: list[str] = Field(default_factory=list, description="gold only: respectively, qizhong")

    @model_validator(mode="after")
    def _whole(self, info: ValidationInfo) -> "Fact":
        a, b = self.sentence
        _check_span(info, a, b, "sentence")
        if self.value is None and not self.changes and self.share is None:
            raise ValueError("a fact needs a value, a change or a share")
        return self


class FactDocument(BaseModel):
    """A fact gold line: {"id", "date", "text", "facts"} plus the source fields."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1)
    date: _dt.date | None = None
    text: str
    facts: list[Fact] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _facts_in_context(cls, data: Any) -> Any:
        # Each fact is checked against this document's text.
        if isinstance(data, dict) and isinstance(data.get("text"), str) and isinstance(data.get("facts"), list):
            data = {**data, "facts": [f if isinstance(f, Fact) else Fact.model_validate(f, context={"text": data["text"]})
                                      for f in data["facts"]]}
        return data
