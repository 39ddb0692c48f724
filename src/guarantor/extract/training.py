"""One command from annotated corpus to released model: ``guarantor train-extractor``.

Reads the real corpus (train and dev splits; test is never read here), builds
examples with the rule pipeline, optionally adds the seed and invented sets,
trains (``train``), compares on dev against rules only and the linear baseline
when asked, exports the chosen epoch and writes the model card. Needs the
``train`` extra (torch, transformers, scikit-learn, the MiniLM wheel).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guarantor.domain import Document
from guarantor.extract import default_pipeline
from guarantor.extract.corpus import CorpusArticle, load_corpus, read_cached, select_articles
from guarantor.extract.evaluate import score
from guarantor.extract.examples import Example, build_examples, corpus_sources, quote_gold_sources
from guarantor.extract.release import export, model_card
from guarantor.extract.train import TrainConfig, predict, score_predictions, train

__all__ = ["ExtraSet", "TrainingRun", "run_training"]

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


@dataclass(frozen=True)
class ExtraSet:
    """A quote-based gold set added to training (the seeds, the invented sets)."""

    gold: Path
    folder: Path
    style: str


@dataclass(frozen=True)
class TrainingRun:
    corpus: Path
    out: Path | None
    config: TrainConfig
    fraction: float = 1.0
    first: int | None = None  # train on the first N articles of train.yaml (an earlier round)
    extra: tuple[ExtraSet, ...] = ()
    compare: bool = False


def _split(corpus: Path, name: str) -> list[CorpusArticle]:
    articles = load_corpus(corpus / f"{name}.yaml")
    missing = [a for a in articles if read_cached(a) is None]
    if missing:
        from guarantor.errors import InputError

        raise InputError(
            f"{len(missing)} {name} texts are not in the corpus cache; restore them first "
            "(docs/corpus.md)"
        )
    return articles


def _rules_f1(examples: Sequence[Example]) -> float:
    from guarantor.extract.record import Recorder

    found = {}
    for ex in examples:
        doc = ex.annotated
        doc.positions = []
        found[ex.name] = Recorder("extract.rules.v1")(doc).positions
    return score({ex.name: ex.gold for ex in examples}, found).total.f1


def run_training(
    run: TrainingRun,
    read: Callable[[CorpusArticle, str], Document],
    read_path: Callable[[Path], Document],
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Train, compare, export; returns the summary that the model card also records."""
    pipeline = default_pipeline()
    train_articles = select_articles(
        _split(run.corpus, "train"), run.first, run.fraction, run.config.seed
    )
    dev_articles = _split(run.corpus, "dev")
    sources = corpus_sources(train_articles, read)
    for extra in run.extra:
        sources += quote_gold_sources(extra.gold, extra.folder, read_path, extra.style)
    train_set = build_examples(sources, pipeline)
    # the rule positioner's candidates are features; keep a copy for the rules-only score
    dev_set = build_examples(corpus_sources(dev_articles, read), pipeline)
    summary: dict[str, Any] = {
        "train_documents": len(train_set),
        "train_real_articles": len(train_articles),
        "dev_articles": len(dev_set),
        "train_pairs": sum(len(e.pairs) for e in train_set),
        "gold_triples_no_pair_can_carry": {
            "train": sum(e.uncovered for e in train_set),
            "dev": sum(e.uncovered for e in dev_set),
        },
    }
    if run.compare:
        summary["dev_rules_f1"] = round(_rules_f1(dev_set), 4)
        dev_set = build_examples(corpus_sources(dev_articles, read), pipeline)
        from guarantor.extract.baseline import LinearBaseline

        baseline = LinearBaseline(run.config.seed).fit(train_set)
        guesses = baseline.predict(dev_set)
        summary["dev_linear_f1"] = {
            str(t): round(score_predictions(dev_set, guesses, t).total.f1, 4) for t in THRESHOLDS
        }
        log(json.dumps({k: summary[k] for k in ("dev_rules_f1", "dev_linear_f1")}))
    net, result = train(train_set, dev_set, run.config, log)
    from guarantor.extract.stance_model import load_tokenizer
    from guarantor.extract.train import base_model_dir

    tokenizer = load_tokenizer(base_model_dir() / "tokenizer.json")
    probs = predict(net, tokenizer, dev_set)
    thresholds = []
    for t in THRESHOLDS:
        counts = score_predictions(dev_set, probs, t).total.as_dict()
        thresholds.append({"threshold": t, **counts})
    summary.update(history=result.history, best_epoch=result.best_epoch, dev_thresholds=thresholds)
    if run.out is not None:
        export(net, run.out)
        data = {
            "corpus": str(run.corpus),
            "extra_sets": [str(e.gold) for e in run.extra],
            "fraction": run.fraction,
            "first": run.first,
            **{k: v for k, v in summary.items() if k not in ("history", "dev_thresholds")},
        }
        card = model_card(run.out, run.config, result, data, thresholds)
        (run.out / "card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return summary
