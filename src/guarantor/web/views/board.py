"""The position board as a grid, and one cell opened onto its positions and quotes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from guarantor.domain.evidence import Evidence
from guarantor.domain.vocabulary import Option
from guarantor.reports.board import Board, position_board
from guarantor.reports.evidence import evidence_row

__all__ = ["board_grid", "cell_detail"]

CELL_ROWS = 100  # positions shown under an opened cell; the evidence browser pages the rest


def board_grid(board: Board, as_of: date) -> dict[str, Any]:
    """Actors x options; each cell the board's own dict (stance, sources, best grade)."""
    options = board.options
    index = {(c.actor, c.option): c for c in board.cells}
    return {
        "rule": board.rule,
        "as_of": as_of.isoformat(),
        "options": [o.value for o in options],
        "rows": [
            {
                "actor": actor,
                "cells": [
                    index[(actor, o)].as_dict() if (actor, o) in index else None for o in options
                ],
            }
            for actor in board.actors
        ],
    }


def cell_detail(
    actor: str, option: Option, evidence: Sequence[Evidence], as_of: date
) -> dict[str, Any]:
    """The cell's tally (the board's rule on the cell's own evidence) and its positions,
    each with the quote it rests on; evidence after ``as_of`` is left out, as on the board."""
    used = [e for e in evidence if e.stated_on is None or e.stated_on <= as_of]
    board = position_board(used, as_of=as_of)
    cell = board.cell(actor, option)
    ordered = sorted(
        used,
        key=lambda e: (e.stance.value, -(e.stated_on.toordinal() if e.stated_on else 0)),
    )
    return {
        "actor": actor,
        "option": option.value,
        "as_of": as_of.isoformat(),
        "cell": cell.as_dict() if cell else None,
        "total": len(used),
        "positions": [evidence_row(e) for e in ordered[:CELL_ROWS]],
    }
