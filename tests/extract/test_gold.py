"""The bar: triple F1 >= 0.85 on the seed gold of the shared corpus."""

from __future__ import annotations

from pathlib import Path

from guarantor.extract import extract_document
from guarantor.extract.evaluate import evaluate_corpus
from guarantor.ingest import read_document

THRESHOLD = 0.85


def test_seed_gold_f1_meets_the_bar(corpus_dir: Path) -> None:
    result = evaluate_corpus(
        corpus_dir / "gold" / "seeds.yaml",
        corpus_dir / "seeds",
        read=read_document,
        extractor=extract_document,
    )
    misses = [(m.document, m.actor, m.option, m.stance) for m in result.misses]
    false_hits = [(m.document, m.actor, m.option, m.stance) for m in result.false_hits]
    assert result.total.f1 >= THRESHOLD, f"F1 {result.total.f1:.3f}: {misses=} {false_hits=}"
    assert result.quotes_overlapping == result.quotes_matched
