"""Score extracted positions against a gold file, as corpus/ANNOTATION.md's Scoring says.

Per document, gold and extracted positions are reduced to sets of
(actor, option, stance) triples (repeats count once) and compared; counts are
summed over documents (micro average) and also split per option and per
actor. Conditions are scored on matched ``conditional`` triples; quotes by
whether an extracted quote overlaps a gold quote of the matched triple.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guarantor.domain import Condition, Document, Option, Position, Stance
from guarantor.errors import InputError, ValidationError
from guarantor.yamlio import load_yaml_file

__all__ = [
    "Counts",
    "Evaluation",
    "GoldPosition",
    "Miss",
    "evaluate_corpus",
    "load_gold",
    "score",
    "score_thresholds",
]

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class GoldPosition:
    """One hand-coded position; only the scored fields are kept."""

    actor: str
    option: str
    stance: str
    conditions: frozenset[str] = frozenset()
    quote: str = ""

    @property
    def triple(self) -> Triple:
        return (self.actor, self.option, self.stance)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Miss:
    """A gold triple not extracted, or an extracted triple not in the gold."""

    document: str
    actor: str
    option: str
    stance: str
    quote: str


@dataclass
class Evaluation:
    """The whole score; ``as_dict`` is the JSON the CLI prints."""

    total: Counts = field(default_factory=Counts)
    per_option: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_actor: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_stance: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_style: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    conditions_matched: int = 0
    conditions_correct: int = 0
    quotes_matched: int = 0
    quotes_overlapping: int = 0
    misses: list[Miss] = field(default_factory=list)
    false_hits: list[Miss] = field(default_factory=list)
    documents: int = 0
    at_thresholds: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "documents": self.documents,
            "precision": round(self.total.precision, 4),
            "recall": round(self.total.recall, 4),
            "f1": round(self.total.f1, 4),
            "counts": self.total.as_dict(),
            "per_option": {k: v.as_dict() for k, v in sorted(self.per_option.items())},
            "per_actor": {k: v.as_dict() for k, v in sorted(self.per_actor.items())},
            "per_stance": {k: v.as_dict() for k, v in sorted(self.per_stance.items())},
            "per_style": {k: v.as_dict() for k, v in sorted(self.per_style.items())},
            "conditions": {
                "matched_conditional": self.conditions_matched,
                "correct": self.conditions_correct,
                "accuracy": ratio(self.conditions_correct, self.conditions_matched),
            },
            "quotes": {
                "matched": self.quotes_matched,
                "overlapping": self.quotes_overlapping,
                "overlap_rate": ratio(self.quotes_overlapping, self.quotes_matched),
            },
            "thresholds": self.at_thresholds,
            "misses": [m.__dict__ for m in self.misses],
            "false_hits": [m.__dict__ for m in self.false_hits],
        }


def _gold_position(raw: Any, path: Path, line: int) -> GoldPosition:
    if not isinstance(raw, dict):
        raise ValidationError("expected a mapping with actor, option, stance", path=path, line=line)
    try:
        option = Option(raw["option"]).value
        stance = Stance(raw["stance"]).value
        conditions = frozenset(Condition(c).value for c in raw.get("conditions") or ())
        actor = str(raw["actor"])
    except KeyError as exc:
        raise ValidationError(f"missing key {exc.args[0]!r}", path=path, line=line) from exc
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"unknown vocabulary value: {exc}", path=path, line=line) from exc
    return GoldPosition(actor, option, stance, conditions, str(raw.get("quote") or ""))


def load_gold(path: Path) -> dict[str, list[GoldPosition]]:
    """Read a gold YAML file: a list of ``{doc, positions: [...]}`` items."""
    loaded = load_yaml_file(path, error=ValidationError)
    data = loaded.data
    if not isinstance(data, list):
        raise ValidationError("expected a list of {doc, positions} items", path=path, line=1)
    gold: dict[str, list[GoldPosition]] = {}
    for index, item in enumerate(data):
        line = loaded.line_of(index) or 1
        if not isinstance(item, dict) or "doc" not in item:
            raise ValidationError("expected an item with a 'doc' key", path=path, line=line)
        positions = item.get("positions") or []
        if not isinstance(positions, list):
            where = loaded.line_of(index, "positions") or line
            raise ValidationError("expected a list under 'positions'", path=path, line=where)
        gold.setdefault(str(item["doc"]), []).extend(
            _gold_position(p, path, loaded.line_of(index, "positions", n) or line)
            for n, p in enumerate(positions)
        )
    return gold


def _overlaps(quote: str, golds: Iterable[str], text: str) -> bool:
    """True when ``quote``'s span in ``text`` overlaps a gold quote's span."""
    start = text.find(quote) if quote else -1
    for gold in golds:
        g_start = text.find(gold) if gold else -1
        if start >= 0 and g_start >= 0:
            if start < g_start + len(gold) and g_start < start + len(quote):
                return True
        elif quote and gold and (quote in gold or gold in quote):
            return True
    return False


def _score_document(
    result: Evaluation,
    name: str,
    text: str,
    gold: Sequence[GoldPosition],
    found: Sequence[Position],
    style: str | None = None,
) -> None:
    gold_triples = {g.triple for g in gold}
    found_triples = {p.triple for p in found}
    for triple in sorted(gold_triples | found_triples):  # same order every run
        actor, option, stance = triple
        cell = "tp" if triple in gold_triples and triple in found_triples else None
        cell = cell or ("fn" if triple in gold_triples else "fp")
        cells = [result.total, result.per_option[option], result.per_actor[actor]]
        cells.append(result.per_stance[stance])
        if style:
            cells.append(result.per_style[style])
        for counts in cells:
            setattr(counts, cell, getattr(counts, cell) + 1)
        if cell == "fn":
            quote = next(g.quote for g in gold if g.triple == triple)
            result.misses.append(Miss(name, *triple, quote=quote))
        elif cell == "fp":
            quote = next(p.quote for p in found if p.triple == triple)
            result.false_hits.append(Miss(name, *triple, quote=quote))
        else:
            _score_match(result, text, triple, gold, found)


def _score_match(
    result: Evaluation,
    text: str,
    triple: Triple,
    gold: Sequence[GoldPosition],
    found: Sequence[Position],
) -> None:
    golds = [g for g in gold if g.triple == triple]
    founds = [p for p in found if p.triple == triple]
    result.quotes_matched += 1
    gold_quotes = [g.quote for g in golds]
    if any(_overlaps(p.quote, gold_quotes, text) for p in founds):
        result.quotes_overlapping += 1
    if triple[2] == Stance.CONDITIONAL.value:
        result.conditions_matched += 1
        wanted = frozenset().union(*(g.conditions for g in golds))
        got = frozenset().union(*(frozenset(c.value for c in p.conditions) for p in founds))
        if wanted == got:
            result.conditions_correct += 1


def score(
    gold: Mapping[str, Sequence[GoldPosition]],
    extracted: Mapping[str, Sequence[Position]],
    texts: Mapping[str, str] | None = None,
    styles: Mapping[str, str] | None = None,
) -> Evaluation:
    """Compare per document; ``texts`` (by document name) locate quotes for overlap,
    ``styles`` (by document name) add a per-style breakdown."""
    result = Evaluation()
    for name in sorted(set(gold) | set(extracted)):
        result.documents += 1
        text = (texts or {}).get(name, "")
        style = (styles or {}).get(name)
        _score_document(result, name, text, gold.get(name, ()), extracted.get(name, ()), style)
    return result


Extractor = Callable[[Document], list[Position]]


def score_thresholds(
    gold: Mapping[str, Sequence[GoldPosition]],
    extracted: Mapping[str, Sequence[Position]],
    thresholds: Sequence[float],
    threshold: float | None = None,
    texts: Mapping[str, str] | None = None,
    styles: Mapping[str, str] | None = None,
) -> Evaluation:
    """Score at ``threshold`` (keeping positions whose confidence reaches it; rule positions,
    without confidence, always count), with overall figures at each of ``thresholds``."""

    def kept(t: float | None) -> dict[str, list[Position]]:
        return {
            name: [p for p in found if t is None or p.confidence is None or p.confidence >= t]
            for name, found in extracted.items()
        }

    result = score(gold, kept(threshold), texts, styles)
    for t in sorted(thresholds):
        counts = score(gold, kept(t)).total
        result.at_thresholds.append({"threshold": t, **counts.as_dict()})
    return result


def evaluate_corpus(
    gold_path: Path,
    corpus_dir: Path,
    *,
    read: Callable[[Path], Document],
    extractor: Extractor,
    thresholds: Sequence[float] = (),
    threshold: float | None = None,
) -> Evaluation:
    """Extract every gold document from ``corpus_dir`` and score it (see ``score_thresholds``)."""
    gold = load_gold(gold_path)
    extracted: dict[str, list[Position]] = {}
    texts: dict[str, str] = {}
    for name in gold:
        path = corpus_dir / name
        if not path.is_file():
            raise InputError(f"document {name!r} named in the gold file is missing", path=path)
        document = read(path)
        texts[name] = document.text
        extracted[name] = extractor(document)
    return score_thresholds(gold, extracted, thresholds, threshold, texts)
