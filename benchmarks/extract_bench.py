"""Extraction throughput in words/s on one core: the hybrid extractor, rules only, and a spaCy
mention tagger, all in the same run over the same documents.

Corpus: the real-article corpus texts from the corpus cache (docs/corpus.md), else
the shared seed articles (``$GUARANTOR_SHARED/corpus/seeds`` or
``../shared/corpus/seeds``), repeated as separate documents until at least
``--words`` words (default 1,000,000). Where neither is present, a few
sentences written for this benchmark stand in, and the output says so.

Ours: ``extract.hybrid.v1`` (rules find pairs, the int8 ONNX stance model on one
thread decides; its throughput is the headline) and ``extract.rules.v1``
(the full rule extraction: sentences, mentions with fuzzy names, options,
stances, conditions, attribution, graded positions). Peak memory is the
process's maximum resident set after the runs.

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
import resource
import sys
import time
from pathlib import Path
from typing import Any

from guarantor.domain import Document
from guarantor.extract import EXTRACTOR_NAME, HYBRID_NAME, build_pipeline, pipeline_for
from guarantor.extract.corpus import SPLITS, load_corpus, read_cached
from guarantor.extract.mentions import alias_entries
from guarantor.registry.actors import load_actors

TARGET_WORDS_PER_SECOND = 15_000  # the hybrid extractor, one core
TARGET_PEAK_MB = 500
STAND_IN = (
    "Spain is ready to send troops to Ukraine once a ceasefire holds, the Spanish Defence "
    "Minister said. Poland does not plan to deploy its soldiers. The Kremlin categorically "
    "rejects any NATO troops in Ukraine. Melloni is cautious about sending soldiers.\n\n"
    "According to Politico, Germany will provide air defence systems. Which country would "
    "send troops? Nobody knows yet, officials in Brussels said."
)


def real_texts() -> list[tuple[str, str]]:
    """(url, text) of the real corpus articles whose texts are in the cache."""
    root = Path(__file__).resolve().parents[1] / "corpus" / "real"
    out = []
    for split in SPLITS:
        path = root / f"{split}.yaml"
        for article in load_corpus(path) if path.is_file() else []:
            text = read_cached(article)
            if text is not None:
                out.append((article.url, text))
    return out


def seed_texts() -> tuple[list[tuple[str, str]], str]:
    """(name, text) of the real corpus or the seed articles, and where they came from."""
    real = real_texts()
    if real:
        return real, f"real corpus ({len(real)} articles from the corpus cache)"
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


def run_ours(documents: list[Document], name: str = EXTRACTOR_NAME) -> dict[str, float]:
    started = time.perf_counter()
    pipeline = build_pipeline() if name == EXTRACTOR_NAME else pipeline_for(name)
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
    hybrid = run_ours(documents, HYBRID_NAME)
    ours = run_ours(documents)
    baseline = run_spacy(documents)
    result: dict[str, Any] = {
        "extractor": pipeline_for(HYBRID_NAME).extractor,
        "corpus": origin,
        "documents": len(documents),
        "words": words,
        "hybrid_words_per_s": round(words / hybrid["seconds"]),
        "hybrid_positions": int(hybrid["items"]),
        "hybrid_build_s": round(hybrid["build_s"], 2),
        "rules_words_per_s": round(words / ours["seconds"]),
        "ratio_hybrid_to_rules": round(ours["seconds"] / hybrid["seconds"], 3),
        "ours_words_per_s": round(words / ours["seconds"]),
        "ours_positions": int(ours["items"]),
        "ours_build_s": round(ours["build_s"], 2),
        "spacy_words_per_s": round(words / baseline["seconds"]),
        "spacy_mentions": int(baseline["items"]),
        "spacy_build_s": round(baseline["build_s"], 2),
        "ratio_ours_to_spacy": round(baseline["seconds"] / ours["seconds"], 2),
        "target_words_per_s": TARGET_WORDS_PER_SECOND,
    }
    result["ratio_hybrid_to_spacy"] = round(baseline["seconds"] / hybrid["seconds"], 3)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result["target_peak_mb"] = TARGET_PEAK_MB
    result["meets_target"] = (
        result["hybrid_words_per_s"] >= TARGET_WORDS_PER_SECOND
        and result["peak_rss_mb"] <= TARGET_PEAK_MB
    )
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
