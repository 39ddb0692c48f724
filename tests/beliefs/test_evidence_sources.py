"""Evidence adapters: ledger rows and stored positions keep their provenance and source."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from guarantor.beliefs import evidence_from_ledger, evidence_from_positions, independent_sources
from guarantor.domain.grade import Grade
from guarantor.domain.history import LedgerPosition
from guarantor.domain.vocabulary import Condition, Option, Stance
from guarantor.store import StoredPosition


def ledger_row(row_id: str, outlet: str) -> LedgerPosition:
    return LedgerPosition(
        id=row_id,
        actor="DEU",
        option=Option.GROUND_TROOPS,
        stance=Stance.CONDITIONAL,
        conditions=(Condition.US_BACKSTOP,),
        stated_on=date(2025, 3, 1),
        outlet=outlet,
        source_url="https://example.org/a",
        paraphrase="Berlin would consider troops only with US cover.",
        reliability="B",
        credibility=2,
    )


def stored(
    document_id: int, cluster: int | None, outlet: str | None, **extra: object
) -> StoredPosition:
    values: dict[str, object] = {
        "document": f"https://news.example/{document_id}",
        "actor": "DEU",
        "option": Option.GROUND_TROOPS,
        "stance": Stance.OPPOSE,
        "quote": "Germany will not send soldiers.",
        "start": 0,
        "end": 31,
        "stated_on": "2025-05",
        "grade": Grade.parse("C3"),
        "extractor": "extract.rules.v1",
        "document_id": document_id,
        "cluster_id": cluster,
        "outlet_key": outlet,
        "published": date(2025, 6, 1),
    }
    values.update(extra)
    return StoredPosition(**values)  # type: ignore[arg-type]


def test_ledger_rows_keep_paraphrase_url_and_grade() -> None:
    [item] = evidence_from_ledger([ledger_row("deu-1", "Reuters")])
    assert item.provenance.kind == "ledger"
    assert item.provenance.ref == "deu-1"
    assert item.provenance.url == "https://example.org/a"
    assert item.grade.code == "B2"
    assert item.conditions == (Condition.US_BACKSTOP,)
    assert item.source_key == "outlet:reuters"


def test_stored_positions_keep_quote_and_month_dates() -> None:
    [item] = evidence_from_positions([stored(1, None, "dw")])
    assert item.provenance.kind == "store"
    assert item.provenance.text == "Germany will not send soldiers."
    assert item.stated_on == date(2025, 5, 15)
    undated = evidence_from_positions([stored(2, None, None, stated_on=None)])[0]
    assert undated.stated_on == date(2025, 6, 1)  # falls back to publication
    assert undated.source_key == "document:2"


def test_reports_sharing_a_cluster_or_an_outlet_are_one_source() -> None:
    items = [
        *evidence_from_positions(
            [
                stored(1, 7, "dw"),
                stored(2, 7, "afp"),
                stored(3, None, "afp"),
                stored(4, None, "bbc"),
            ]
        ),
        *evidence_from_ledger([ledger_row("x", "BBC"), ledger_row("y", "Le Monde")]),
    ]
    keys = [e.source_key for e in independent_sources(items)]
    # dw+afp (same cluster), afp's other story (same outlet): one source
    assert keys[0] == keys[1] == keys[2]
    # bbc in the store and BBC in the ledger: one source
    assert keys[3] == keys[4]
    assert len(set(keys)) == 3


def test_gather_evidence_reads_the_store_it_is_handed_beside_the_ledger(tmp_path: Path) -> None:
    import hashlib

    from guarantor.beliefs import gather_evidence
    from guarantor.domain import Document, Position
    from guarantor.store import Store

    text = "Berlin said on Monday that Germany will not send soldiers to Ukraine."
    quote = "Germany will not send soldiers"
    start = text.index(quote)
    url = f"sqlite:///{tmp_path / 'g.db'}"
    with Store.open(url) as store:
        doc = Document(
            source="a.txt",
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            outlet="Deutsche Welle",
            published=date(2025, 6, 2),
        )
        position = Position(
            document="a.txt",
            actor="DEU",
            option=Option.GROUND_TROOPS,
            stance=Stance.OPPOSE,
            quote=quote,
            start=start,
            end=start + len(quote),
            grade=Grade.parse("B2"),
            extractor="test.v1",
        )
        store.add_document(doc, [position], None)
        items = gather_evidence([ledger_row("deu-1", "Reuters")], store)
    kinds = sorted(e.provenance.kind for e in items)
    assert kinds == ["ledger", "store"]
    stored_item = next(e for e in items if e.provenance.kind == "store")
    assert stored_item.provenance.text == quote
    assert stored_item.stated_on == date(2025, 6, 2)
    assert len({e.source_key for e in items}) == 2
