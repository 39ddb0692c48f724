"""The shared seed articles ingest cleanly, with the metadata their first and last lines give."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from guarantor.runs import ingest_paths
from guarantor.settings import load_settings
from guarantor.store import Store


def test_seed_articles(corpus_dir: Path, store: Store) -> None:
    seeds = corpus_dir / "seeds"
    summary = ingest_paths([str(seeds)], store, settings=load_settings())
    n_files = len(list(seeds.glob("*.txt")))
    assert (summary.stored, summary.failed) == (n_files, 0)
    docs = {Path(d.source).name[:3]: d for d in store.documents()}
    assert docs["003"].published == date(2025, 8, 25)
    assert docs["003"].outlet_key == "novinky.cz"  # "Právo Daily" in the closing signature
    assert docs["004"].published == date(2025, 3, 24)
    assert docs["004"].outlet_key == "vsedelo.com"
    assert {d.language for d in docs.values()} == {"en"}
    again = ingest_paths([str(seeds)], store, settings=load_settings())
    assert (again.stored, again.duplicates) == (0, n_files)
