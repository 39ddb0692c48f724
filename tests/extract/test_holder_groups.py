"""Holder groups: the unit the document-level loss of the stance model is computed on."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from guarantor.domain import Document
from guarantor.extract import default_pipeline
from guarantor.extract.candidates import Pair, PairFinder
from guarantor.extract.evaluate import GoldPosition
from guarantor.extract.holder_groups import holder_groups
from guarantor.extract.labels import OPTIONS, STANCES
from guarantor.extract.spans import Annotated

TEXT = (
    "Poland will not send troops to Ukraine, Prime Minister Donald Tusk said on Tuesday. "
    "France and Britain said they are ready to deploy a reassurance force. "
    "It would also help secure the Black Sea."
)


@dataclass
class _Doc:
    pairs: list[Pair]
    gold: list[GoldPosition]


def _pairs() -> list[Pair]:
    doc = Annotated(document=Document(source="t", text=TEXT, content_hash="h"), text=TEXT)
    for component in default_pipeline().components:
        doc = component(doc)
    return PairFinder()(doc)[1]


def test_a_holders_pairs_in_one_document_form_one_group_and_documents_stay_apart() -> None:
    pairs = _pairs()
    gold = [GoldPosition("FRA", "naval_support", "support")]
    docs = [_Doc(pairs, gold), _Doc(pairs, [])]
    owners = [(e, p) for e in range(2) for p in range(len(pairs))]
    groups = holder_groups(docs, owners)
    actors = [pairs[p].actor for _, p in owners]
    for a in range(len(owners)):
        for b in range(len(owners)):
            same = owners[a][0] == owners[b][0] and actors[a] == actors[b]
            assert (groups.group[a] == groups.group[b]) == same
    assert sorted(n for rows in groups.members() for n in rows) == list(range(len(owners)))
    assert sum(len(p.spans) == 0 for p in pairs if p.actor == "FRA") >= 1  # named before, too


def test_gold_marks_only_its_own_holders_cell_in_its_own_document() -> None:
    pairs = _pairs()
    docs = [_Doc(pairs, [GoldPosition("FRA", "naval_support", "support")]), _Doc(pairs, [])]
    owners = [(e, p) for e in range(2) for p in range(len(pairs))]
    groups = holder_groups(docs, owners)
    france = next(n for n, (e, p) in enumerate(owners) if e == 0 and pairs[p].actor == "FRA")
    target = groups.targets[groups.group[france]]
    assert target[OPTIONS.index("naval_support"), STANCES.index("support")] == 1.0
    assert target.sum() == 1.0
    assert groups.targets.sum() == 1.0  # Poland, Britain and the second document hold nothing
    assert groups.targets.dtype == np.float32
