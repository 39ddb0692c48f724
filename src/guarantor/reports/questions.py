"""Where Washington's six questions stand: who answered, who did not, each aggregate.

A reading of ``guarantor.questionnaire.summarise`` (what ``guarantor
questionnaire summary`` prints) over the store's answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from guarantor.domain.registry import State
from guarantor.questionnaire import addressees, headline, load_answers, summarise
from guarantor.store import Store

__all__ = ["QuestionRow", "QuestionnaireStatus", "questionnaire_status"]


@dataclass(frozen=True)
class QuestionRow:
    id: str
    title: str
    governments: int  # governments whose current answer addresses it
    aggregate: str  # one line, as `questionnaire summary` prints it
    responses: tuple[int, ...]  # stored response ids the answers come from


@dataclass(frozen=True)
class QuestionnaireStatus:
    form: str
    asked: int
    respondents: tuple[str, ...]
    not_answered: tuple[str, ...]
    responses: int
    superseded: tuple[int, ...]
    examples_only: bool  # every stored response is marked as an invented example
    questions: tuple[QuestionRow, ...]


def questionnaire_status(store: Store, states: Iterable[State]) -> QuestionnaireStatus:
    """The aggregate of the store's current answers, against the governments asked."""
    asked = addressees(states)
    filed, current = load_answers(store)
    summary = summarise(current, filed, asked)
    return QuestionnaireStatus(
        form=summary["form"],
        asked=len(asked),
        respondents=tuple(summary["respondents"]),
        not_answered=tuple(summary["not_answered"]),
        responses=summary["responses"],
        superseded=tuple(summary["superseded"]),
        examples_only=summary["examples_only"],
        questions=tuple(
            QuestionRow(
                id=q["id"],
                title=q["title"],
                governments=len(q["answers"]),
                aggregate=headline(q),
                responses=tuple(dict.fromkeys(a["response"] for a in q["answers"])),
            )
            for q in summary["questions"]
        ),
    )
