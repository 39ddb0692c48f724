"""What a report cites, looked up in one place: evidence by actor and option or by
reference, parameters by name, registry rows by id, and model runs.

A ``Citer`` wraps the ``NoteBook`` of one report; every lookup that would have
to guess (an unknown parameter name, an unknown registry id) raises, so a
figure can never footnote something that does not exist.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from guarantor.domain.evidence import Evidence
from guarantor.domain.vocabulary import Option
from guarantor.registry import Registry
from guarantor.reports.assumptions import Assumption
from guarantor.reports.notes import Figure, Note, NoteBook, Unit, assumption_note, evidence_note

__all__ = ["Citer"]


class Citer:
    """Notes for one report, and figures that cite them."""

    def __init__(
        self,
        registry: Registry,
        evidence: Sequence[Evidence],
        assumptions: Mapping[str, Assumption],
        as_of: date,
    ) -> None:
        self.book = NoteBook()
        self.registry = registry
        self.assumptions = assumptions
        self.as_of = as_of
        self._by_pair: dict[tuple[str, Option], list[Evidence]] = defaultdict(list)
        for item in evidence:
            if item.stated_on is None or item.stated_on <= as_of:
                self._by_pair[(item.actor, item.option)].append(item)

    def figure(
        self, name: str, value: float | None, unit: Unit, notes: Iterable[Note] = ()
    ) -> Figure:
        return self.book.figure(name, value, unit, notes)

    def param(self, *names: str) -> list[Note]:
        """Notes for named parameters (scenario dotted names or ``registry.factors.X``)."""
        return [assumption_note(self.assumptions[name]) for name in names]

    def param_group(self, key: str, title: str, *names: str) -> Note:
        """One note for the parameters a whole run rests on: name, value and reference of each."""
        rows = [self.assumptions[name] for name in names]
        return Note(
            key=f"assumption-group:{key}",
            kind="assumption",
            title=title + ": " + ", ".join(f"{a.name} = {a.value_text}" for a in rows),
            text="; ".join(f"{a.name}: {a.help}" for a in rows),
            source="; ".join(f"{a.name}: {a.reference or 'no reference given'}" for a in rows),
        )

    def evidence(self, actor: str, option: Option) -> list[Note]:
        """Every position of ``actor`` on ``option`` stated by the as-of date."""
        return [evidence_note(e) for e in self._by_pair.get((actor, option), [])]

    def evidence_refs(self, actor: str, option: Option, refs: Iterable[str]) -> list[Note]:
        """The positions of ``actor`` on ``option`` that come from the given references."""
        wanted = set(refs)
        return [
            evidence_note(e)
            for e in self._by_pair.get((actor, option), [])
            if e.provenance.ref in wanted
        ]

    def registry_row(self, row_id: str) -> Note:
        """A registry row by id (``guarantor registry show ID``), with its source."""
        kind, row = self.registry.find(row_id)
        source = str(getattr(row, "source", ""))
        title = str(getattr(row, "name", "") or row_id)
        return Note(
            key=f"registry:{row_id}",
            kind="registry",
            title=f"{kind} {row_id}" + (f": {title}" if title != row_id else ""),
            text=str(getattr(row, "paraphrase", "") or getattr(row, "notes", "") or ""),
            source=source,
            url=source if source.startswith(("http://", "https://")) else None,
        )

    @staticmethod
    def model(key: str, title: str, text: str, source: str = "") -> Note:
        """A model run or rule: what was run, with which seed and settings."""
        return Note(key=f"model:{key}", kind="model", title=title, text=text, source=source)
