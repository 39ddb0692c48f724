"""The shared vocabulary: grades, positions and their invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from guarantor.domain import Condition, Grade, Option, Position, Stance


@given(st.sampled_from("ABCDEF"), st.integers(1, 6))
def test_grade_code_round_trips(letter: str, number: int) -> None:
    grade = Grade(reliability=letter, credibility=number)
    assert Grade.parse(grade.code) == grade
    assert 0 <= grade.rank() <= 35


def test_grade_rank_orders_a1_best() -> None:
    assert Grade.parse("A1").rank() < Grade.parse("B1").rank() < Grade.parse("B2").rank()


@pytest.mark.parametrize("bad", ["G1", "A7", "A0", "", "AA"])
def test_bad_grade_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        Grade.parse(bad)


def _position(**changes: object) -> Position:
    fields: dict[str, object] = {
        "document": "a.txt",
        "actor": "POL",
        "option": Option.GROUND_TROOPS,
        "stance": Stance.OPPOSE,
        "quote": "Poland will not send troops.",
        "start": 0,
        "end": 28,
        "grade": Grade.parse("F2"),
        "extractor": "test.v1",
    }
    fields.update(changes)
    return Position(**fields)  # type: ignore[arg-type]


def test_position_serialises_grade_as_code() -> None:
    data = _position().model_dump(mode="json")
    assert data["grade"] == "F2"
    assert data["option"] == "ground_troops"


def test_conditions_only_with_conditional_stance() -> None:
    with pytest.raises(ValidationError):
        _position(conditions=(Condition.US_BACKSTOP,))
    ok = _position(stance=Stance.CONDITIONAL, conditions=(Condition.US_BACKSTOP,))
    assert ok.conditions == (Condition.US_BACKSTOP,)


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValidationError):
        _position(start=10, end=5)
