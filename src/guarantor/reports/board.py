"""The position board: actors x options, the stance the evidence supports in each cell.

The rule is deliberately simple so an analyst can redo it by hand: in each
cell every stance counts its *independent* sources (near-duplicate copies and
repeats from one outlet are one source); the stance with the most sources
wins, ties going to the better best grade and then to the more recent
statement. Other stances are kept beside the winner, never dropped, and a cell
where support and opposition both have sources is marked contested.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from guarantor.domain.evidence import Evidence
from guarantor.domain.grade import Grade
from guarantor.domain.vocabulary import Option, Stance

__all__ = ["BOARD_RULE", "Board", "Cell", "StanceTally", "position_board"]

BOARD_RULE = "board.most_sources.v1"


@dataclass
class StanceTally:
    """The evidence for one stance in one cell."""

    stance: Stance
    sources: set[str] = field(default_factory=set)
    positions: int = 0
    best_grade: Grade | None = None
    latest: date | None = None

    def add(self, item: Evidence) -> None:
        self.sources.add(item.source_key)
        self.positions += 1
        if self.best_grade is None or item.grade.rank() < self.best_grade.rank():
            self.best_grade = item.grade
        if item.stated_on and (self.latest is None or item.stated_on > self.latest):
            self.latest = item.stated_on

    def sort_key(self) -> tuple[int, int, int]:
        rank = self.best_grade.rank() if self.best_grade else 99
        return (-len(self.sources), rank, -(self.latest or date.min).toordinal())


@dataclass(frozen=True)
class Cell:
    actor: str
    option: Option
    stance: Stance
    sources: int
    best_grade: Grade | None
    positions: int
    contested: bool
    tallies: tuple[StanceTally, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "actor": self.actor,
            "option": self.option.value,
            "stance": self.stance.value,
            "sources": self.sources,
            "best_grade": self.best_grade.code if self.best_grade else None,
            "positions": self.positions,
            "contested": self.contested,
            "stances": {
                t.stance.value: {
                    "sources": len(t.sources),
                    "positions": t.positions,
                    "best_grade": t.best_grade.code if t.best_grade else None,
                    "latest": t.latest.isoformat() if t.latest else None,
                }
                for t in self.tallies
            },
        }


@dataclass(frozen=True)
class Board:
    cells: tuple[Cell, ...]
    rule: str = BOARD_RULE

    @property
    def actors(self) -> list[str]:
        return sorted({c.actor for c in self.cells})

    @property
    def options(self) -> list[Option]:
        present = {c.option for c in self.cells}
        return [o for o in Option if o in present]

    def cell(self, actor: str, option: Option) -> Cell | None:
        for c in self.cells:
            if c.actor == actor and c.option is option:
                return c
        return None

    def as_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "cells": [c.as_dict() for c in self.cells]}


def _cell(actor: str, option: Option, tallies: dict[Stance, StanceTally]) -> Cell:
    ordered = sorted(tallies.values(), key=StanceTally.sort_key)
    winner = ordered[0]
    contested = Stance.SUPPORT in tallies and Stance.OPPOSE in tallies
    return Cell(
        actor=actor,
        option=option,
        stance=winner.stance,
        sources=len(winner.sources),
        best_grade=winner.best_grade,
        positions=sum(t.positions for t in ordered),
        contested=contested,
        tallies=tuple(ordered),
    )


def position_board(evidence: Iterable[Evidence], *, as_of: date | None = None) -> Board:
    """Tally evidence (stated on or before ``as_of`` when given) into board cells."""
    grid: dict[tuple[str, Option], dict[Stance, StanceTally]] = defaultdict(dict)
    for item in evidence:
        if as_of is not None and item.stated_on is not None and item.stated_on > as_of:
            continue
        tallies = grid[(item.actor, item.option)]
        tallies.setdefault(item.stance, StanceTally(item.stance)).add(item)
    option_order = {o: i for i, o in enumerate(Option)}
    cells = [_cell(a, o, t) for (a, o), t in grid.items()]
    cells.sort(key=lambda c: (c.actor, option_order[c.option]))
    return Board(cells=tuple(cells))
