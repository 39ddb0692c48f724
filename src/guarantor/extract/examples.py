"""Annotated articles -> training and evaluation examples for the stance model (no torch here).

An ``Example`` is one document after the rule pipeline ran: its sentences,
the pairs worth classifying, the labels gold gives them, and what scoring
needs (gold triples per document). Real corpus articles come with offsets; the
seed and invented sets (quote-based gold) are located by finding each quote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from guarantor.domain import Document
from guarantor.extract import Pipeline
from guarantor.extract.candidates import Pair, PairFinder, SentenceInput
from guarantor.extract.corpus import CorpusArticle, gold_for, read_cached
from guarantor.extract.evaluate import GoldPosition, load_gold
from guarantor.extract.gold import GoldSpan
from guarantor.extract.labels import Labels, label_pairs
from guarantor.extract.spans import Annotated

__all__ = ["Example", "build_examples", "corpus_sources", "quote_gold_sources"]

Source = tuple[str, Document, list[GoldSpan], list[GoldPosition], str]


@dataclass
class Example:
    """One document ready for the model: rule-annotated, with pairs and labels."""

    name: str
    style: str
    annotated: Annotated
    inputs: list[SentenceInput]
    pairs: list[Pair]
    labels: list[Labels]
    gold: list[GoldPosition]
    uncovered: int


def _annotate(pipeline: Pipeline, document: Document) -> Annotated:
    doc = Annotated(document=document, text=document.text)
    for component in pipeline.components:
        doc = component(doc)
    return doc


def build_examples(sources: Iterable[Source], pipeline: Pipeline) -> list[Example]:
    """Run the rule pipeline (its positioner included) and label each document's pairs."""
    finder = PairFinder()
    examples = []
    for name, document, spans, gold, style in sources:
        annotated = _annotate(pipeline, document)
        inputs, pairs = finder(annotated)
        labels, uncovered = label_pairs(pairs, annotated.sentences, spans)
        examples.append(Example(name, style, annotated, inputs, pairs, labels, gold, uncovered))
    return examples


def corpus_sources(
    articles: Sequence[CorpusArticle], read: Callable[[CorpusArticle, str], Document]
) -> list[Source]:
    """Real articles whose texts are in the cache (the caller checks none are missing)."""
    out: list[Source] = []
    for article in articles:
        text = read_cached(article)
        if text is None:
            continue
        out.append(
            (
                article.url,
                read(article, text),
                list(article.positions),
                gold_for(article, text),
                article.style,
            )
        )
    return out


def quote_gold_sources(
    gold_path: Path, folder: Path, read: Callable[[Path], Document], style: str
) -> list[Source]:
    """A quote-based gold file (seeds, invented sets): quotes located in their texts."""
    out: list[Source] = []
    for name, golds in load_gold(gold_path).items():
        document = read(folder / name)
        spans = []
        for g in golds:
            start = document.text.find(g.quote) if g.quote else -1
            if start >= 0:
                spans.append(
                    GoldSpan(g.actor, g.option, g.stance, start, start + len(g.quote), g.conditions)
                )
        out.append((f"{folder.name}/{name}", document, spans, list(golds), style))
    return out
