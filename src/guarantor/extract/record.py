"""Candidates -> graded ``Position``s, and regrading by corroboration.

Information credibility (the digit of the Admiralty grade) comes from how
directly the article reports the stance; this table is the default and is
documented in ``CREDIBILITY``:

====  =====================================================================
2     the state's own voice on record: a named official, office or the
      government as a body, quoted or reported
3     second hand: an anonymous official, one state describing another's
      stance (``claimed_by``), or a statement relayed from another outlet
4     analysis: an outlet's own view ("Politico believes") or the author's
      inference (a silent co-holder, a holder found only after the cue)
====  =====================================================================

``regrade`` then improves credibility when independent outlets (different
near-duplicate clusters *and* different outlets) report the same triple:
each extra independent source lowers the digit by one, down to 1
("confirmed by other sources").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from guarantor.domain import Condition, Grade, Option, Position, Stance
from guarantor.extract.spans import Annotated, Candidate

__all__ = [
    "CREDIBILITY",
    "Recorder",
    "SourcedPosition",
    "corroborated",
    "credibility_of",
    "regrade",
]

CREDIBILITY = {"on_record": 2, "second_hand": 3, "analysis": 4}
_ANONYMOUS = re.compile(
    r"\b(?:an?|one|two|three|several|senior|anonymous|unnamed)\b.*\b(?:officials?|diplomats?|sources?)\b"
    r"|\bofficials\b|\bdiplomats\b|anonymity",
    re.IGNORECASE,
)


def credibility_of(candidate: Candidate, reported_by: str | None) -> int:
    """The credibility digit for one candidate, by the table above."""
    if candidate.analysis or candidate.inferred:
        return CREDIBILITY["analysis"]
    anonymous = candidate.speaker is not None and bool(_ANONYMOUS.search(candidate.speaker))
    if anonymous or candidate.claimed_by or reported_by:
        return CREDIBILITY["second_hand"]
    return CREDIBILITY["on_record"]


class Recorder:
    """Component: turns candidates into ``Position``s with quote, grade and date."""

    name = "record"

    def __init__(self, extractor: str, reliability: str = "F") -> None:
        self._extractor = extractor
        self._reliability = reliability

    def __call__(self, doc: Annotated) -> Annotated:
        seen: set[tuple[int, str, str, str]] = set()
        for candidate in doc.candidates:
            key = (candidate.sentence, candidate.actor, candidate.option, candidate.stance)
            if key in seen:
                continue
            seen.add(key)
            doc.positions.append(self._position(doc, candidate))
        return doc

    def _position(self, doc: Annotated, candidate: Candidate) -> Position:
        sentence = doc.sentences[candidate.sentence]
        reported_by = sentence.reported_by
        return Position(
            document=doc.document.source,
            actor=candidate.actor,
            option=Option(candidate.option),
            stance=Stance(candidate.stance),
            conditions=tuple(Condition(c) for c in candidate.conditions),
            speaker=candidate.speaker,
            claimed_by=candidate.claimed_by,
            reported_by=reported_by,
            analysis=candidate.analysis,
            quote=doc.text[sentence.start : sentence.end],
            start=sentence.start,
            end=sentence.end,
            stated_on=sentence.stated_on,
            grade=Grade(
                reliability=self._reliability,
                credibility=credibility_of(candidate, reported_by),
            ),
            extractor=self._extractor,
            confidence=candidate.confidence,
        )


@dataclass(frozen=True)
class SourcedPosition:
    """A position with where it came from: its near-duplicate cluster and outlet."""

    position: Position
    cluster: str
    outlet: str | None


def regrade(items: Iterable[SourcedPosition]) -> list[Position]:
    """Lower the credibility digit by one per extra independent source of the same triple.

    Sources are independent when both their near-duplicate cluster and their
    outlet differ; an unknown outlet counts as its own.
    """
    rows: Sequence[SourcedPosition] = list(items)
    by_triple: dict[tuple[str, str, str], list[SourcedPosition]] = defaultdict(list)
    for row in rows:
        by_triple[row.position.triple].append(row)
    result = []
    for row in rows:
        group = by_triple[row.position.triple]
        clusters = {r.cluster for r in group}
        outlets = {r.outlet or f"?{r.cluster}" for r in group}
        independent = min(len(clusters), len(outlets))
        new_grade = corroborated(row.position.grade, independent)
        result.append(row.position.model_copy(update={"grade": new_grade}))
    return result


def corroborated(grade: Grade, independent: int) -> Grade:
    """The grade with its credibility digit lowered by one per extra independent source."""
    credibility = max(1, grade.credibility - (max(independent, 1) - 1))
    return Grade(reliability=grade.reliability, credibility=credibility)
