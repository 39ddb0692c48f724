"""The position board counts independent sources and never drops a stance."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from guarantor.domain.evidence import Evidence, Provenance
from guarantor.domain.grade import Grade
from guarantor.domain.vocabulary import Option, Stance
from guarantor.reports.board import position_board


def _ev(
    actor: str = "POL",
    stance: Stance = Stance.OPPOSE,
    source: str = "s1",
    grade: str = "C3",
    on: date | None = date(2025, 3, 1),
    option: Option = Option.GROUND_TROOPS,
) -> Evidence:
    return Evidence(
        actor=actor,
        option=option,
        stance=stance,
        grade=Grade.parse(grade),
        stated_on=on,
        source_key=source,
        provenance=Provenance(kind="ledger", ref=f"{source}-{stance}", text="paraphrase"),
    )


def test_near_duplicates_count_once() -> None:
    board = position_board(
        [
            _ev(stance=Stance.SUPPORT, source="cluster-1"),
            _ev(stance=Stance.SUPPORT, source="cluster-1"),
            _ev(stance=Stance.SUPPORT, source="cluster-1"),
            _ev(stance=Stance.OPPOSE, source="a"),
            _ev(stance=Stance.OPPOSE, source="b"),
        ]
    )
    cell = board.cell("POL", Option.GROUND_TROOPS)
    assert cell is not None
    assert cell.stance is Stance.OPPOSE
    assert cell.sources == 2
    assert cell.positions == 5
    assert cell.contested


def test_tie_goes_to_better_grade() -> None:
    board = position_board(
        [_ev(stance=Stance.SUPPORT, grade="B2", source="x"), _ev(stance=Stance.OPPOSE, grade="E5")]
    )
    cell = board.cell("POL", Option.GROUND_TROOPS)
    assert cell is not None and cell.stance is Stance.SUPPORT
    assert cell.best_grade == Grade.parse("B2")


def test_as_of_excludes_later_statements() -> None:
    board = position_board(
        [_ev(on=date(2024, 1, 1)), _ev(stance=Stance.SUPPORT, on=date(2026, 1, 1), source="z")],
        as_of=date(2025, 1, 1),
    )
    cell = board.cell("POL", Option.GROUND_TROOPS)
    assert cell is not None and cell.stance is Stance.OPPOSE and not cell.contested


@given(
    st.lists(
        st.tuples(st.sampled_from(list(Stance)), st.sampled_from(["a", "b", "c", "d"])),
        min_size=1,
        max_size=20,
    )
)
def test_every_stance_is_kept_and_winner_has_most_sources(
    votes: list[tuple[Stance, str]],
) -> None:
    board = position_board([_ev(stance=s, source=k) for s, k in votes])
    cell = board.cell("POL", Option.GROUND_TROOPS)
    assert cell is not None
    assert {t.stance for t in cell.tallies} == {s for s, _ in votes}
    assert cell.positions == len(votes)
    assert all(cell.sources >= len(t.sources) for t in cell.tallies)
