"""``EvidenceIndex``: the evidence grouped by (actor, option) once, for many belief runs.

An assessment asks for beliefs several times over the same evidence (each force
run, each response design); without an index every ``beliefs_for`` call walks
all of it again. The index is immutable and passed in by the caller (never a
module-level cache). It is itself a ``Sequence[Evidence]`` in the original
order, so any function that takes the evidence list takes the index unchanged.

It also remembers what was derived from it: ``memo(context)`` is a table, per
context (``guarantor.beliefs.logodds`` uses what a belief reads of the scenario,
and the history), of results per (actor, option). A result is a pure function
of the pair's evidence and the context, so the index stays the same value; the
memo lives and dies with the index, whose lifetime the caller owns (one
command, one store revision of the dashboard).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from datetime import date
from typing import overload

from guarantor.domain.evidence import Evidence
from guarantor.domain.vocabulary import Option

__all__ = ["EvidenceIndex", "known"]

Pair = tuple[str, Option]


def _order(item: Evidence) -> tuple[date, str, str]:
    return (item.stated_on or date.min, item.source_key, item.provenance.ref)


class EvidenceIndex(Sequence[Evidence]):
    """All evidence, and for each (actor, option) its dated items in a stable order
    (date, source, reference; each pair sorted when first asked for) plus how many are
    undated."""

    __slots__ = ("_dated", "_items", "_memo", "_sorted", "_undated")

    def __init__(self, evidence: Iterable[Evidence]) -> None:
        self._items: tuple[Evidence, ...] = tuple(evidence)
        self._dated: dict[Pair, list[Evidence]] = {}
        self._undated: dict[Pair, int] = {}
        for item in self._items:
            pair = (item.actor, item.option)
            rows = self._dated.setdefault(pair, [])
            if item.stated_on is None:
                self._undated[pair] = self._undated.get(pair, 0) + 1
            else:
                rows.append(item)
        self._sorted: dict[Pair, tuple[Evidence, ...]] = {}  # filled as pairs are asked for
        self._memo: dict[Hashable, dict[Pair, object]] = {}

    @classmethod
    def of(cls, evidence: Iterable[Evidence]) -> EvidenceIndex:
        """``evidence`` itself when already an index, else a new index of it."""
        return evidence if isinstance(evidence, EvidenceIndex) else cls(evidence)

    def memo(self, context: Hashable) -> dict[Pair, object]:
        """The table of results per (actor, option) derived under ``context``."""
        return self._memo.setdefault(context, {})

    def pairs(self) -> Iterator[Pair]:
        """Every (actor, option) with evidence, dated or not."""
        return iter(self._dated)

    def known(self, actor: str, option: Option, as_of: date) -> tuple[list[Evidence], int]:
        """The pair's dated evidence up to ``as_of`` in the stable order, and how many undated."""
        pair = (actor, option)
        rows = self._sorted.get(pair)
        if rows is None:
            rows = self._sorted[pair] = tuple(sorted(self._dated.get(pair, ()), key=_order))
        return [e for e in rows if e.stated_on is not None and e.stated_on <= as_of], (
            self._undated.get((actor, option), 0)
        )

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Evidence: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Evidence]: ...
    def __getitem__(self, index: int | slice) -> Evidence | Sequence[Evidence]:
        return self._items[index]

    def __iter__(self) -> Iterator[Evidence]:
        return iter(self._items)


def known(
    evidence: Iterable[Evidence], actor: str, option: Option, as_of: date
) -> tuple[list[Evidence], int]:
    """The pair's dated evidence up to ``as_of`` (stable order), and how many undated."""
    if isinstance(evidence, EvidenceIndex):
        return evidence.known(actor, option, as_of)
    mine = [e for e in evidence if e.actor == actor and e.option is option]
    return EvidenceIndex(mine).known(actor, option, as_of)
