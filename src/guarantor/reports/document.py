"""The analyst's report as one data object: every section, every figure with its notes.

``build_report`` composes what the models already computed (the assessment,
the beliefs behind the force run, the questionnaire, the track record) and
attaches notes; it computes nothing new. The HTML and Markdown renderings, and
later the dashboard, read this object, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from functools import cached_property
from typing import Any

from guarantor import __version__
from guarantor.beliefs.logodds import Belief
from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import Scenario
from guarantor.domain.vocabulary import Option
from guarantor.registry import Registry
from guarantor.reports.assessment import Assessment, StoreSummary
from guarantor.reports.assumptions import Assumption, assumptions
from guarantor.reports.citing import Citer
from guarantor.reports.notes import Figure, Note
from guarantor.reports.payers import PaysSection, pays_section
from guarantor.reports.questions import QuestionnaireStatus
from guarantor.reports.reaction import ResponseSection, response_section
from guarantor.reports.sources import SourceRow, outlet_sources
from guarantor.reports.track import TrackRecord
from guarantor.reports.troops import TroopsSection, troops_section

__all__ = ["BoardCell", "BoardView", "ConditionLine", "Report", "build_report"]


@dataclass(frozen=True)
class ConditionLine:
    """A condition an actor ties a contribution to; sources are independent ones."""

    actor: str
    option: str
    condition: str
    sources: Figure


@dataclass(frozen=True)
class BoardCell:
    actor: str
    option: str
    stance: str
    sources: Figure  # independent sources of the winning stance; notes: the cell's positions
    grade: str | None
    contested: bool
    positions: int


@dataclass(frozen=True)
class BoardView:
    rule: str
    actors: tuple[str, ...]
    options: tuple[str, ...]
    cells: tuple[BoardCell, ...]

    def cell(self, actor: str, option: str) -> BoardCell | None:
        return next((c for c in self.cells if c.actor == actor and c.option == option), None)


@dataclass(frozen=True)
class Report:
    scenario: str
    as_of: date
    version: str
    store: StoreSummary
    evidence: dict[str, int]  # pieces of evidence by kind (ledger, store)
    conditions: tuple[ConditionLine, ...]
    board: BoardView
    troops: TroopsSection
    response: ResponseSection | None
    pays: PaysSection | None
    questionnaire: QuestionnaireStatus | None
    track: TrackRecord | None
    track_notes: tuple[str, ...]  # the backtest runs and the outcomes they score against
    sources: tuple[SourceRow, ...]
    assumptions: tuple[Assumption, ...]
    notes: tuple[Note, ...]

    def number(self, key: str) -> int:
        """A note's footnote number (1-based, in order of first citation)."""
        return self._numbers[key]

    @cached_property
    def _numbers(self) -> dict[str, int]:
        return {n.key: i for i, n in enumerate(self.notes, start=1)}

    def figures(self) -> dict[str, Figure]:
        """Every figure of the report by name (the test and API view of its numbers)."""
        return {f.name: f for f in _walk(self)}


def _walk(value: Any) -> Iterator[Figure]:
    if isinstance(value, Figure):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _walk(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _walk(item)


def _conditions(cite: Citer, assessment: Assessment, top: int) -> tuple[ConditionLine, ...]:
    lines = []
    for row in assessment.conditions[:top]:
        notes = cite.evidence_refs(row.actor, Option(row.option), row.refs)
        name = f"conditions.{row.actor}.{row.option}.{row.condition}"
        lines.append(
            ConditionLine(
                row.actor, row.option, row.condition, cite.figure(name, row.sources, "count", notes)
            )
        )
    return tuple(lines)


def _board(cite: Citer, assessment: Assessment) -> BoardView:
    board = assessment.board
    cells = tuple(
        BoardCell(
            actor=c.actor,
            option=c.option.value,
            stance=c.stance.value,
            sources=cite.figure(
                f"board.{c.actor}.{c.option.value}",
                c.sources,
                "count",
                cite.evidence(c.actor, c.option),
            ),
            grade=c.best_grade.code if c.best_grade else None,
            contested=c.contested,
            positions=c.positions,
        )
        for c in board.cells
    )
    options = tuple(o.value for o in board.options)
    return BoardView(board.rule, tuple(board.actors), options, cells)


def _track_notes(cite: Citer, track: TrackRecord | None) -> tuple[str, ...]:
    if track is None or not track.rows:
        return ()
    cutoffs = sorted({r.as_of.isoformat() for r in track.rows})
    note = Citer.model(
        f"backtest:{track.option}",
        f"backtest of {track.option} at {', '.join(cutoffs)} ({track.rule}, out-of-fold)",
        f"outcomes: {track.outcomes}; {track.folds} folds by state, stratified by outcome; "
        "baselines computed in the same run",
        f"guarantor backtest --as-of {cutoffs[-1]} --option {track.option}",
    )
    return cite.book.cite([note])


@dataclass(frozen=True)
class Inputs:
    """What the models produced for one scenario, ready to be reported."""

    registry: Registry
    evidence: Sequence[Evidence]
    scenario: Scenario
    assessment: Assessment
    beliefs: Mapping[str, Belief]  # each state's ground-troops belief (no US backstop)
    questionnaire: QuestionnaireStatus | None = None
    track: TrackRecord | None = None


def build_report(inputs: Inputs, *, top: int | None = None) -> Report:
    """Compose the report; ``top`` limits the rows of long tables (None: all)."""
    scenario, assessment = inputs.scenario, inputs.assessment
    params = assumptions(scenario, inputs.registry)
    cite = Citer(inputs.registry, inputs.evidence, params, scenario.as_of)
    conditions = _conditions(cite, assessment, top or 10)
    troops = troops_section(cite, assessment.who_sends, inputs.beliefs, top)
    response = response_section(cite, assessment.reaction, assessment.response)
    pays = pays_section(cite, assessment.who_pays, top)
    board = _board(cite, assessment)
    track_notes = _track_notes(cite, inputs.track)
    return Report(
        scenario=scenario.name,
        as_of=scenario.as_of,
        version=__version__,
        store=assessment.store,
        evidence=dict(assessment.evidence),
        conditions=conditions,
        board=board,
        troops=troops,
        response=response,
        pays=pays,
        questionnaire=inputs.questionnaire,
        track=inputs.track,
        track_notes=track_notes,
        sources=tuple(outlet_sources(inputs.evidence, scenario.as_of)),
        assumptions=tuple(params.values()),
        notes=cite.book.notes(),
    )
