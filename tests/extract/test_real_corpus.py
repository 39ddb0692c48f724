"""The real-article corpus: its files always, its texts where the cache holds them."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from guarantor.extract.corpus import (
    SPLITS,
    CorpusArticle,
    check_corpus,
    corpus_stats,
    load_corpus,
    read_cached,
)

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "corpus" / "real"
SHARED = Path(os.environ.get("GUARANTOR_SHARED", ROOT.parent / "shared"))


def _all() -> list[CorpusArticle]:
    return [a for split in SPLITS for a in load_corpus(REAL / f"{split}.yaml")]


def test_every_split_file_loads_with_its_own_split() -> None:
    for split in SPLITS:
        articles = load_corpus(REAL / f"{split}.yaml")
        assert articles, split
        assert {a.split for a in articles} == {split}


def test_sizes_meet_the_corpus_brief() -> None:
    articles = _all()
    counts = Counter(a.split for a in articles)
    assert counts["train"] >= 150 and counts["dev"] >= 40 and counts["test"] >= 50
    assert len(articles) >= 240
    assert len({a.outlet for a in articles}) >= 80


def test_no_outlet_in_two_splits_no_repeated_url_or_text() -> None:
    assert check_corpus(_all()) == []


def test_offsets_lie_within_the_text_and_spans_are_short_enough_to_be_quotes() -> None:
    for article in _all():
        for g in article.positions:
            assert 0 <= g.start < g.end <= article.chars, article.url
            assert g.end - g.start <= 2000, article.url


def test_some_articles_state_no_position_and_every_option_and_stance_occurs() -> None:
    stats = corpus_stats(_all())["all"]
    assert stats["without_positions"] >= 10
    assert len(stats["options"]) == 11
    assert set(stats["stances"]) == {"support", "oppose", "conditional", "uncertain"}


def test_both_annotators_cover_exactly_the_dev_and_test_articles() -> None:
    for split in ("dev", "test"):
        gold = {a.url for a in load_corpus(REAL / f"{split}.yaml")}
        for who in ("a", "b"):
            theirs = {a.url for a in load_corpus(REAL / "annotators" / who / f"{split}.yaml")}
            assert theirs == gold, (who, split)


@pytest.mark.skipif(
    not (SHARED / "tools" / "reserved-check").is_file(), reason="../shared/tools is absent"
)
def test_no_article_is_reserved_for_outside_evaluation() -> None:
    urls = [a.url for a in _all()]
    done = subprocess.run(
        [str(SHARED / "tools" / "reserved-check"), *urls], capture_output=True, text=True
    )
    assert "RESERVED" not in done.stdout


def _cached() -> list[CorpusArticle]:
    articles = _all()
    present = [a for a in articles if read_cached(a) is not None]
    if len(present) < len(articles):
        pytest.skip(
            f"{len(articles) - len(present)} corpus texts are not in the cache: "
            "restore them as docs/corpus.md says (guarantor corpus restore)"
        )
    return present


def test_cached_texts_match_their_hashes_lengths_and_spans() -> None:
    for article in _cached():
        text = read_cached(article)
        assert text is not None and len(text) == article.chars
        for g in article.positions:
            assert text[g.start : g.end].strip(), article.url


def test_corpus_files_in_this_repository_hold_no_article_text() -> None:
    # the gold keeps offsets only: no quote, no excerpt
    for path in REAL.rglob("*.yaml"):
        body = path.read_text(encoding="utf-8")
        assert "quote:" not in body and "excerpt" not in body, path


def test_restore_copies_matching_texts_only(tmp_path: Path) -> None:
    from guarantor.extract.corpus import restore_texts, text_sha256

    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "a.txt").write_text("one article", encoding="utf-8")
    (saved / "b.txt").write_text("something else", encoding="utf-8")
    article = CorpusArticle(
        url="https://x.test/a",
        outlet="x.test",
        date=None,
        query="q",
        sha256=text_sha256("one article"),
        chars=11,
        style="news",
        split="train",
        positions=(),
    )
    missing = CorpusArticle(
        url="https://x.test/b",
        outlet="x.test",
        date=None,
        query="q",
        sha256="0" * 64,
        chars=3,
        style="news",
        split="train",
        positions=(),
    )
    have, lacking = restore_texts([saved], [article, missing], tmp_path / "cache")
    assert have == [article] and lacking == [missing]
    assert read_cached(article, tmp_path / "cache") == "one article"
    shutil.copyfile(saved / "b.txt", tmp_path / "cache" / f"{article.sha256}.txt")
    with pytest.raises(Exception, match="does not match its sha256"):
        read_cached(article, tmp_path / "cache")
