"""HTML pages: the main text and metadata via trafilatura, without any network access."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from guarantor.errors import IngestError
from guarantor.ingest import RawArticle, iter_articles
from guarantor.ingest.html import extract_html

PARAGRAPH = (
    "Defence ministers from a dozen European countries discussed on Tuesday how a "
    "reassurance force for Ukraine could be staffed, rotated and paid for after a ceasefire."
)
PAGE = f"""<!doctype html>
<html><head>
<title>Ministers weigh a reassurance force | Example News</title>
<meta property="og:title" content="Ministers weigh a reassurance force">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://www.example-news.org/2025/03/force">
<meta property="article:published_time" content="2025-03-24T08:00:00Z">
<script src="https://tracker.invalid/t.js"></script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers weigh a reassurance force</h1>
<p>{PARAGRAPH}</p>
<p>{PARAGRAPH.replace("Tuesday", "Wednesday")}</p>
<p>{PARAGRAPH.replace("a dozen", "several")}</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingest tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.usefixtures("no_network")
def test_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = list(iter_articles([str(path)], max_bytes=100_000))
    assert isinstance(article, RawArticle)
    assert PARAGRAPH in article.text
    assert "All rights reserved" not in article.text
    assert "Home" not in article.text.split("\n")[0]
    assert article.title == "Ministers weigh a reassurance force"
    assert article.outlet == "Example News"
    assert article.published == "2025-03-24"
    assert article.source == str(path)


@pytest.mark.usefixtures("no_network")
def test_page_without_text_is_an_error() -> None:
    with pytest.raises(IngestError, match="no main text"):
        extract_html(
            "<html><head><title>x</title></head><body><script>var a;</script></body></html>",
            "e.html",
        )
