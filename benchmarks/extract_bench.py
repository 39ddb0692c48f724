"""Extraction throughput in words/s on one core, against a spaCy mention tagger in the same run.

Corpus: the shared seed articles (``$GUARANTOR_SHARED/corpus/seeds`` or
``../shared/corpus/seeds``) repeated as separate documents until at least
``--words`` words (default 1,000,000). Where the shared corpus is absent, a
few sentences written for this benchmark stand in, and the output says so.

Ours: ``guarantor.extract`` default pipeline, the full extraction (sentences,
mentions with fuzzy names, options, stances, conditions, attribution,
graded positions).

Baseline ("spaCy EntityRuler"): ``spacy.blank("en")`` + ``sentencizer`` +
``entity_ruler`` loaded with the same actor aliases as phrase patterns
(matched on the lower-cased text), run with ``nlp.pipe``; it only tags
mentions, so it does a fraction of the work. Pipeline construction is timed
separately for both and not counted in throughput.

    python -m benchmarks extract [--words N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from guarantor.domain import Document
from guarantor.extract import EXTRACTOR_NAME, build_pipeline
from guarantor.extract.mentions import alias_entries
from guarantor.registry.actors import load_actors

TARGET_WORDS_PER_SECOND = 50_000
STAND_IN = (
    "Spain is ready to send troops to Ukraine once a ceasefire holds, the Spanish Defence "
    "Minister said. Poland does not plan to deploy its soldiers. The Kremlin categorically "
    "rejects any NATO troops in Ukraine. Melloni is cautious about sending soldiers.\n\n"
    "According to Politico, Germany will provide air defence systems. Which country would "
    "send troops? Nobody knows yet, officials in Brussels said."
)


def seed_texts() -> tuple[list[tuple[str, str]], str]:
    """(name, text) of the seed articles, and where they came from."""
    shared = Path(
        os.environ.get("GUARANTOR_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
    )
    folder = shared / "corpus" / "seeds"
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        return [("stand-in.txt", STAND_IN)], "stand-in sentences (shared corpus not found)"
    return [(f.name, f.read_text(encoding="utf-8")) for f in files], str(folder)


def corpus(words: int) -> tuple[list[Document], int, str]:
    texts, origin = seed_texts()
    documents: list[Document] = []
    total = 0
    while total < words:
        for name, text in texts:
            n = len(documents)
            documents.append(Document(source=f"{n}-{name}", text=text, content_hash=str(n)))
            total += len(text.split())
    return documents, total, origin


def run_ours(documents: list[Document]) -> dict[str, float]:
    started = time.perf_counter()
    pipeline = build_pipeline()
    pipeline(documents[0])  # compile once, warm caches
    built = time.perf_counter() - started
    started = time.perf_counter()
    positions = sum(len(pipeline(doc)) for doc in documents)
    return {"build_s": built, "seconds": time.perf_counter() - started, "items": positions}


def run_spacy(documents: list[Document]) -> dict[str, float]:
    import spacy

    started = time.perf_counter()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    entries = alias_entries(load_actors())
    ruler.add_patterns([{"label": e.actor, "pattern": e.text} for e in entries])  # type: ignore[attr-defined]
    built = time.perf_counter() - started
    started = time.perf_counter()
    mentions = sum(len(doc.ents) for doc in nlp.pipe(d.text for d in documents))
    return {"build_s": built, "seconds": time.perf_counter() - started, "items": mentions}


def measure(words: int = 1_000_000) -> dict[str, Any]:
    """Both pipelines over the same documents; throughput, counts and the ratio."""
    documents, words, origin = corpus(words)
    ours = run_ours(documents)
    baseline = run_spacy(documents)
    result: dict[str, Any] = {
        "extractor": EXTRACTOR_NAME,
        "corpus": origin,
        "documents": len(documents),
        "words": words,
        "ours_words_per_s": round(words / ours["seconds"]),
        "ours_positions": int(ours["items"]),
        "ours_build_s": round(ours["build_s"], 2),
        "spacy_words_per_s": round(words / baseline["seconds"]),
        "spacy_mentions": int(baseline["items"]),
        "spacy_build_s": round(baseline["build_s"], 2),
        "ratio_ours_to_spacy": round(baseline["seconds"] / ours["seconds"], 2),
        "target_words_per_s": TARGET_WORDS_PER_SECOND,
    }
    result["meets_target"] = result["ours_words_per_s"] >= TARGET_WORDS_PER_SECOND
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks extract")
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.words)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>22}: {value}")
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
