"""The main text of an HTML page, via trafilatura; nothing is ever fetched."""

from __future__ import annotations

from typing import Any

from guarantor.errors import IngestError
from guarantor.ingest.raw import RawArticle

__all__ = ["extract_html"]


def extract_html(html: str, source: str) -> RawArticle:
    """Title, date, site name, canonical URL and main text of ``html``."""
    import trafilatura  # heavy import: only paid for when HTML is ingested

    try:
        result: Any = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise IngestError(f"HTML could not be parsed: {exc}", path=source) from None
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise IngestError("no main text found in the HTML page", path=source)
    return RawArticle(
        source=source,
        text=text,
        title=getattr(result, "title", None) or None,
        url=getattr(result, "url", None) or None,
        outlet=getattr(result, "sitename", None) or None,
        published=getattr(result, "date", None) or None,
    )
