"""Footnotes: every number in a report names the evidence or assumption behind it.

A ``Figure`` is a number with the keys of its notes; a ``NoteBook`` collects
the notes while a report is built, in the order they are first cited, so the
HTML and the Markdown renderings number them the same way. Notes carry text,
never markup: renderers escape it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from guarantor.domain.evidence import Evidence
from guarantor.reports.assumptions import Assumption

__all__ = [
    "Figure",
    "Note",
    "NoteBook",
    "NoteKind",
    "Unit",
    "assumption_note",
    "evidence_note",
]

NoteKind = Literal["evidence", "assumption", "registry", "model"]
Unit = Literal["probability", "share", "troops", "usd", "hours", "count", "score"]


@dataclass(frozen=True)
class Note:
    """One footnote: what a number rests on, with where to check it."""

    key: str
    kind: NoteKind
    title: str
    text: str = ""  # the quote or paraphrase, the parameter's help, the model's account
    source: str = ""  # outlet, grade and date; or the reference of a parameter
    url: str | None = None


@dataclass(frozen=True)
class Figure:
    """A number as reported: its raw value, its unit and the notes it rests on."""

    name: str
    value: float | None
    unit: Unit
    notes: tuple[str, ...] = ()


class NoteBook:
    """Notes in order of first citation; citing a note twice keeps one copy."""

    def __init__(self) -> None:
        self._notes: dict[str, Note] = {}

    def cite(self, notes: Iterable[Note]) -> tuple[str, ...]:
        keys = []
        for note in notes:
            self._notes.setdefault(note.key, note)
            keys.append(note.key)
        return tuple(dict.fromkeys(keys))

    def figure(
        self, name: str, value: float | None, unit: Unit, notes: Iterable[Note] = ()
    ) -> Figure:
        return Figure(name, value, unit, self.cite(notes))

    def notes(self) -> tuple[Note, ...]:
        return tuple(self._notes.values())


def evidence_note(item: Evidence) -> Note:
    """A position: the quote (store) or paraphrase (ledger), who said it, where and when."""
    p = item.provenance
    said = f"{item.actor} {item.option.value}: {item.stance.value}"
    if item.conditions:
        said += " if " + ", ".join(c.value for c in item.conditions)
    parts = [
        p.outlet or "outlet not found",
        f"grade {item.grade.code}",
        item.stated_on.isoformat() if item.stated_on else "undated",
    ]
    if p.speaker:
        parts.insert(0, p.speaker)
    return Note(
        key=f"evidence:{p.ref}:{item.actor}:{item.option.value}",
        kind="evidence",
        title=f"{p.ref} ({said})",
        text=f"Our paraphrase, not a quote: {p.text}" if p.kind == "ledger" else p.text,
        source="; ".join(parts),
        url=p.url if p.url and p.url.startswith(("http://", "https://")) else None,
    )


def assumption_note(assumption: Assumption) -> Note:
    """A parameter: its value here, what it means and where its default comes from."""
    return Note(
        key=f"assumption:{assumption.name}",
        kind="assumption",
        title=f"{assumption.name} = {assumption.value_text}",
        text=assumption.help,
        source=assumption.reference or "no reference given",
    )
