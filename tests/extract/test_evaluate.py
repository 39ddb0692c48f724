"""Scoring as corpus/ANNOTATION.md says: per-document triple sets, micro-averaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from guarantor.domain import Condition, Grade, Option, Position, Stance
from guarantor.errors import ValidationError
from guarantor.extract.evaluate import GoldPosition, load_gold, score

TEXT = "Oslo will send troops. Bern refuses sanctions. Rome waits for a ceasefire."


def _position(actor: str, option: str, stance: str, quote: str, *conditions: str) -> Position:
    start = TEXT.find(quote)
    return Position(
        document="a.txt",
        actor=actor,
        option=Option(option),
        stance=Stance(stance),
        conditions=tuple(Condition(c) for c in conditions),
        quote=quote,
        start=max(start, 0),
        end=max(start, 0) + len(quote),
        grade=Grade(reliability="F", credibility=2),
        extractor="test",
    )


def test_triples_are_sets_and_counts_are_micro_averaged() -> None:
    gold = {
        "a.txt": [
            GoldPosition("NOR", "ground_troops", "support", quote="Oslo will send troops."),
            GoldPosition("NOR", "ground_troops", "support", quote="Oslo will send troops."),
            GoldPosition("CHE", "sanctions", "oppose", quote="Bern refuses sanctions."),
            GoldPosition(
                "ITA",
                "ground_troops",
                "conditional",
                frozenset({"ceasefire_first"}),
                "Rome waits for a ceasefire.",
            ),
        ],
        "b.txt": [GoldPosition("POL", "sanctions", "support")],
    }
    found = {
        "a.txt": [
            _position("NOR", "ground_troops", "support", "Oslo will send troops."),
            _position("NOR", "ground_troops", "support", "Oslo will send troops."),
            _position(
                "ITA", "ground_troops", "conditional", "Rome waits for a ceasefire.", "mandate"
            ),
            _position("CHE", "sanctions", "support", "Bern refuses sanctions."),
        ]
    }
    result = score(gold, found, {"a.txt": TEXT})
    assert (result.total.tp, result.total.fp, result.total.fn) == (2, 1, 2)
    assert result.total.precision == pytest.approx(2 / 3)
    assert result.total.recall == pytest.approx(2 / 4)
    assert result.per_option["sanctions"].fn == 2
    assert result.per_actor["NOR"].tp == 1
    assert (result.conditions_matched, result.conditions_correct) == (1, 0)
    assert (result.quotes_matched, result.quotes_overlapping) == (2, 2)
    assert {(m.document, m.actor) for m in result.misses} == {("a.txt", "CHE"), ("b.txt", "POL")}
    assert [(m.actor, m.stance) for m in result.false_hits] == [("CHE", "support")]
    data = result.as_dict()
    assert {"precision", "recall", "f1", "per_option", "per_actor", "conditions", "quotes"} <= set(
        data
    )
    assert data["f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), abs=1e-4)


def test_load_gold_reads_the_file_format(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(
        "- doc: a.txt\n  positions:\n    - actor: DEU\n      option: ground_troops\n"
        "      stance: conditional\n      conditions: [parliament_approval]\n"
        "      quote: 'x'\n- doc: b.txt\n  positions: []\n",
        encoding="utf-8",
    )
    gold = load_gold(path)
    assert gold["b.txt"] == []
    [item] = gold["a.txt"]
    assert item.triple == ("DEU", "ground_troops", "conditional")
    assert item.conditions == frozenset({"parliament_approval"})


def test_bad_gold_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(
        "- doc: a.txt\n  positions:\n    - actor: DEU\n"
        "      option: tanks\n      stance: support\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as error:
        load_gold(path)
    assert f"{path}:3" in str(error.value)
    assert "tanks" in str(error.value)


def test_misses_come_in_the_same_order_every_run() -> None:
    """Not in set order (which changes with Python's hash seed): sorted by triple."""
    actors = ["NOR", "CHE", "ITA", "POL", "FRA", "DEU", "GBR", "DNK"]
    gold = {"a.txt": [GoldPosition(a, "sanctions", "support") for a in actors]}
    result = score(gold, {}, {"a.txt": TEXT})
    assert [m.actor for m in result.misses] == sorted(actors)
