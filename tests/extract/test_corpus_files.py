"""Reading corpus files: every bad record is named with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from guarantor.errors import InputError, ValidationError
from guarantor.extract.corpus import (
    agreement,
    check_corpus,
    evaluate_articles,
    load_corpus,
    select_articles,
)

GOOD = """\
- url: https://a.test/1
  outlet: a.test
  date: 2025-03-02
  query: troops
  sha256: {sha}
  chars: 100
  style: news
  split: {split}
  positions:
  - actor: POL
    option: ground_troops
    stance: oppose
    start: 0
    end: 40
"""
SHA = "a" * 64


def _write(tmp_path: Path, text: str, name: str = "c.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    (article,) = load_corpus(_write(tmp_path, GOOD.format(sha=SHA, split="dev")))
    assert article.positions[0].triple == ("POL", "ground_troops", "oppose")
    assert article.source.endswith(":1")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("end: 40", "end: 140"), "not within the text's 100 characters"),
        (("option: ground_troops", "option: tanks"), "bad value"),
        (("actor: POL", "actor: poland"), "ISO alpha-3"),
        (("style: news", "style: gossip"), "style 'gossip'"),
        (("sha256: " + SHA, "sha256: xyz"), "64 lowercase hex"),
        (("date: 2025-03-02", "date: March"), "is not YYYY-MM"),
        (("    start: 0\n", "    start: 0\n    quote: copied text\n"), "unknown position keys"),
    ],
)
def test_each_bad_value_is_named_with_file_and_line(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    text = GOOD.format(sha=SHA, split="dev").replace(*change)
    with pytest.raises(ValidationError, match=message) as caught:
        load_corpus(_write(tmp_path, text))
    assert "c.yaml:1" in str(caught.value)


def test_an_outlet_in_two_splits_and_a_repeated_url_are_problems(tmp_path: Path) -> None:
    one = load_corpus(_write(tmp_path, GOOD.format(sha=SHA, split="dev"), "a.yaml"))
    two = load_corpus(_write(tmp_path, GOOD.format(sha="b" * 64, split="test"), "b.yaml"))
    problems = check_corpus(one + two)
    assert any("outlet a.test is in splits ['dev', 'test']" in p for p in problems)
    assert any("appears 2 times" in p for p in problems)


def test_agreement_of_an_annotator_with_itself_is_one(tmp_path: Path) -> None:
    articles = load_corpus(_write(tmp_path, GOOD.format(sha=SHA, split="dev")))
    assert agreement(articles, articles).total.f1 == 1.0


def test_agreement_counts_a_different_stance_as_a_disagreement(tmp_path: Path) -> None:
    first = load_corpus(_write(tmp_path, GOOD.format(sha=SHA, split="dev"), "a.yaml"))
    other = GOOD.format(sha=SHA, split="dev").replace("stance: oppose", "stance: uncertain")
    second = load_corpus(_write(tmp_path, other, "b.yaml"))
    result = agreement(first, second)
    assert (result.total.tp, result.total.fp, result.total.fn) == (0, 1, 1)


def test_missing_texts_stop_an_evaluation_and_name_the_restore_procedure(
    tmp_path: Path,
) -> None:
    articles = load_corpus(_write(tmp_path, GOOD.format(sha=SHA, split="dev")))
    with pytest.raises(InputError, match=r"not in the cache .*docs/corpus.md"):
        evaluate_articles(
            articles,
            read=lambda a, t: None,
            extractor=lambda d: [],
            cache=tmp_path,  # type: ignore[arg-type,return-value]
        )


def test_a_release_trains_on_the_split_as_it_stood_then_sampled_by_seed() -> None:
    rounds = list(range(10))  # two annotation rounds: 0-5, then 6-9 appended
    assert select_articles(rounds, 6, 1.0, seed=1) == [0, 1, 2, 3, 4, 5]
    assert select_articles(rounds, None, 1.0, seed=1) == rounds
    half = select_articles(rounds, 6, 0.5, seed=1)
    assert len(half) == 3 and set(half) <= set(range(6))
    assert half == select_articles(rounds, 6, 0.5, seed=1)  # same seed, same sample
