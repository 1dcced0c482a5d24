"""Records of a newspaper page split into articles.

Every offset is half-open ``[start, end)`` in Python ``str`` indices of the page text exactly as
the user gave it (the same convention as `schemas.records.Mention`).
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from schemas.records import Mention

ArticleKind = Literal["report", "feature", "photo", "plain"]


class _Span(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0)
    end: int = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self):
        if self.end <= self.start:
            raise ValueError(f"end {self.end} must be greater than start {self.start}")
        return self


class Byline(_Span):
    """Who wrote the article, as printed (◎本报记者 张景阳 通讯员 王丽曼, or the credit in
    科技日报讯（记者龙跃梅 通讯员方斌 赖小琴）). ``others`` are names printed without a role."""

    raw: str = Field(min_length=1)
    reporters: list[str] = Field(default_factory=list, description="记者, 本报记者, 实习记者, 特约记者 …")
    correspondents: list[str] = Field(default_factory=list, description="通讯员, 特约通讯员")
    others: list[str] = Field(default_factory=list, description="names printed without a role")


class Caption(_Span):
    """A photo caption, as its own record: the whole caption with its credit (…王丽曼摄)."""

    text: str = Field(min_length=1)
    credit: str | None = Field(default=None, description="the credit as printed: 新华社记者 牟宇摄")
    photographers: list[str] = Field(default_factory=list)


class Article(BaseModel):
    """One item of a page. ``start``/``end`` cover its title, byline and body (section heads
    belong to the page); ``body_start``/``body_end`` cover the text after the title and byline."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^.+#[1-9]\d*$", description="<page_id>#<n>, n from 1 in page order")
    page_id: str = Field(min_length=1)
    kind: ArticleKind = Field(description="report: 讯/电 credit in the lead; feature: byline line; "
                                          "photo: a caption is the body; plain: none of these")
    section: str | None = Field(default=None, description="the page section head above it: 园镜头")
    headline: str | None = Field(default=None, description="the main title (主题); null for text before any title")
    subheadline: str | None = Field(default=None, description="the secondary title: 引题 printed above the "
                                                               "headline or 副题 below it")
    title_lines: list[str] = Field(default_factory=list, description="every title line in page order")
    byline: Byline | None = None
    dateline_date: _dt.date | None = Field(default=None, description="the date the lead opens with")
    date: _dt.date | None = Field(default=None, description="dateline date, else the page date: "
                                                            "resolves year-less dates")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    body_start: int = Field(ge=0)
    body_end: int = Field(ge=0)
    captions: list[Caption] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def title(self) -> str | None:
        """The whole title in reading order: 引题 主题 副题."""
        return " ".join(self.title_lines) or None

    @model_validator(mode="after")
    def _nested(self) -> "Article":
        if not self.start <= self.body_start <= self.body_end <= self.end:
            raise ValueError(f"body {self.body_start}-{self.body_end} is not inside the article "
                             f"{self.start}-{self.end}")
        for c in self.captions:
            if not self.start <= c.start < c.end <= self.end:
                raise ValueError(f"caption {c.start}-{c.end} is outside the article {self.start}-{self.end}")
        if self.byline is not None and not self.start <= self.byline.start < self.byline.end <= self.end:
            raise ValueError(f"byline {self.byline.start}-{self.byline.end} is outside the article")
        return self


class Page(BaseModel):
    """A page and its articles, in page order, disjoint."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    date: _dt.date | None = None
    source: str | None = None
    articles: list[Article] = Field(default_factory=list)

    @model_validator(mode="after")
    def _disjoint(self) -> "Page":
        for a, b in zip(self.articles, self.articles[1:]):
            if b.start < a.end:
                raise ValueError(f"articles {a.id} and {b.id} overlap")
        return self


class ArticleMention(Mention):
    """A mention found in an article: page offsets, and the id of the article it belongs to."""

    article_id: str = Field(min_length=1)


class ExtractedArticle(BaseModel):
    """The mentions of one article, in page offsets."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, description="the article id, <page_id>#<n>")
    page_id: str = Field(min_length=1)
    date: _dt.date | None = None
    spans: list[ArticleMention] = Field(default_factory=list)

    @model_validator(mode="after")
    def _same_article(self) -> "ExtractedArticle":
        for m in self.spans:
            if m.article_id != self.id:
                raise ValueError(f"mention {m.text!r} carries article {m.article_id!r}, not {self.id!r}")
        return self
