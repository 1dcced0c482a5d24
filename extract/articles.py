"""The articles stage, above the pipeline: page → articles (``extract.intake.pages``) → the
pipeline on each article, its mentions in page offsets."""

from __future__ import annotations

from typing import Sequence

from extract.intake.pages import split_page
from extract.pipeline import Labels, extract_text
from schemas.pages import ArticleMention, ExtractedArticle
from schemas.records import Document, ExtractedDocument


def extract_pages(document: Document, *, labels: Labels = None) -> list[ExtractedArticle]:
    """Run the pipeline on every article of a page (split by `extract.intake.pages`): page
    offsets, the article's id and date."""
    page = document.text
    out = []
    for article in split_page(document):
        spans = []
        for m in extract_text(page[article.start : article.end], article.date, labels=labels, doc_id=article.id):
            data = m.model_dump()
            data.update(start=m.start + article.start, end=m.end + article.start, article_id=article.id)
            spans.append(ArticleMention.model_validate(data, context={"text": page}))
        out.append(ExtractedArticle(id=article.id, page_id=document.id, date=article.date, spans=spans))
    return out


def extract_page_documents(document: Document, *, labels: Labels = None
                           ) -> list[tuple[str, ExtractedDocument]]:
    """For ``newsx extract --pages``: one (article id, ExtractedDocument) per article; the
    document's id is the article id and its spans are in page offsets."""
    out = []
    for ex in extract_pages(document, labels=labels):
        spans = [m.model_dump(exclude={"article_id"}) for m in ex.spans]
        out.append((ex.id, ExtractedDocument.model_validate({"id": ex.id, "date": ex.date, "spans": spans})))
    return out
