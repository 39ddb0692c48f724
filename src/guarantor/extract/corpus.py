"""Real articles as gold: metadata and offset-based positions in the repository, texts in a cache.

Real reporting cannot be copied into the project, so a corpus file
(``corpus/real/{train,dev,test}.yaml``) keeps, per article, where the text came
from (``url``, ``outlet``, ``date``, the ``query`` that finds it, ``style``), how
to recognise it (``sha256`` and ``chars`` of the text exactly as the search tool
returned it), its ``split`` and its gold positions as character offsets into that
text. The texts themselves live in a cache outside the repository, one file per
article named by its hash (``$GUARANTOR_CORPUS_CACHE``, default
``~/.cache/guarantor/corpus/``); ``docs/corpus.md`` says how to restore it.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from guarantor.domain import Condition, Document, Grade, Option, Position, Stance
from guarantor.errors import InputError, ValidationError
from guarantor.extract.evaluate import Evaluation, GoldPosition, score, score_thresholds
from guarantor.extract.gold import GoldSpan
from guarantor.yamlio import load_yaml_file

__all__ = [
    "SPLITS",
    "STYLES",
    "CorpusArticle",
    "GoldSpan",
    "agreement",
    "cache_dir",
    "check_corpus",
    "corpus_stats",
    "evaluate_articles",
    "gold_for",
    "is_offset_gold",
    "load_corpus",
    "read_cached",
    "restore_texts",
    "select_articles",
    "text_sha256",
]

T = TypeVar("T")

SPLITS = ("train", "dev", "test")
STYLES = frozenset(
    [
        "wire",
        "news",
        "analysis",
        "opinion",
        "official",
        "live_blog",
        "state_media",
        "machine_translated",
        "aggregator",
        "regional",
        "interview",
    ]
)
ORGANISATIONS = frozenset({"NATO", "EU", "G7", "COALITION", "EUROPE"})
_ISO3 = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
_ARTICLE_KEYS = frozenset(
    [
        "url",
        "outlet",
        "date",
        "query",
        "rank",
        "sha256",
        "chars",
        "style",
        "split",
        "positions",
        "note",
    ]
)
_POSITION_KEYS = frozenset(
    [
        "actor",
        "option",
        "stance",
        "conditions",
        "start",
        "end",
        "speaker",
        "claimed_by",
        "reported_by",
        "analysis",
        "stated_on",
        "note",
    ]
)
RESTORE_HINT = "restore the texts as docs/corpus.md says (guarantor corpus restore)"


@dataclass(frozen=True)
class CorpusArticle:
    """One real article: provenance, fingerprint, split and gold positions."""

    url: str
    outlet: str
    date: str | None
    query: str
    sha256: str
    chars: int
    style: str
    split: str
    positions: tuple[GoldSpan, ...]
    source: str = ""  # the corpus file and line it was read from

    @property
    def name(self) -> str:
        return self.url


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_dir() -> Path:
    """Where restored texts live: ``$GUARANTOR_CORPUS_CACHE`` or ``~/.cache/guarantor/corpus``."""
    given = os.environ.get("GUARANTOR_CORPUS_CACHE")
    return Path(given).expanduser() if given else Path.home() / ".cache" / "guarantor" / "corpus"


def is_offset_gold(path: Path) -> bool:
    """True for a real-article corpus file (items carry ``sha256``), False for quote-based gold."""
    try:
        head = path.read_text(encoding="utf-8")[:4000]
    except OSError:
        return False
    return bool(re.search(r"^\s*-?\s*sha256:", head, re.MULTILINE))


def _actor(value: Any, where: str, path: Path, line: int) -> str:
    text = str(value or "")
    if text in ORGANISATIONS or _ISO3.fullmatch(text):
        return text
    raise ValidationError(
        f"{where}: expected an ISO alpha-3 code or one of {sorted(ORGANISATIONS)}, got {text!r}",
        path=path,
        line=line,
    )


def _position(raw: Any, chars: int, path: Path, line: int) -> GoldSpan:
    if not isinstance(raw, dict):
        raise ValidationError("expected a position mapping", path=path, line=line)
    unknown = set(raw) - _POSITION_KEYS
    if unknown:
        raise ValidationError(f"unknown position keys {sorted(unknown)}", path=path, line=line)
    try:
        option = Option(raw["option"]).value
        stance = Stance(raw["stance"]).value
        conditions = frozenset(Condition(c).value for c in raw.get("conditions") or ())
        start, end = int(raw["start"]), int(raw["end"])
    except KeyError as exc:
        raise ValidationError(f"missing key {exc.args[0]!r}", path=path, line=line) from exc
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"bad value: {exc}", path=path, line=line) from exc
    if not 0 <= start < end <= chars:
        raise ValidationError(
            f"offsets {start}..{end} are not within the text's {chars} characters",
            path=path,
            line=line,
        )
    if conditions and stance != Stance.CONDITIONAL.value:
        raise ValidationError(
            "conditions on a stance that is not conditional", path=path, line=line
        )
    stated_on = raw.get("stated_on")
    if stated_on is not None and not _DATE.fullmatch(str(stated_on)):
        raise ValidationError(f"stated_on {stated_on!r} is not YYYY-MM[-DD]", path=path, line=line)
    claimed = raw.get("claimed_by")
    return GoldSpan(
        actor=_actor(raw.get("actor"), "actor", path, line),
        option=option,
        stance=stance,
        start=start,
        end=end,
        conditions=conditions,
        speaker=raw.get("speaker"),
        claimed_by=_actor(claimed, "claimed_by", path, line) if claimed else None,
        reported_by=raw.get("reported_by"),
        analysis=bool(raw.get("analysis", False)),
        stated_on=str(stated_on) if stated_on is not None else None,
    )


def _article(raw: Any, path: Path, line: int) -> CorpusArticle:
    if not isinstance(raw, dict):
        raise ValidationError("expected an article mapping", path=path, line=line)
    unknown = set(raw) - _ARTICLE_KEYS
    if unknown:
        raise ValidationError(f"unknown article keys {sorted(unknown)}", path=path, line=line)
    for key in ("url", "outlet", "query", "sha256", "chars", "style", "split"):
        if raw.get(key) in (None, ""):
            raise ValidationError(f"missing key {key!r}", path=path, line=line)
    if not re.fullmatch(r"[0-9a-f]{64}", str(raw["sha256"])):
        raise ValidationError("sha256 must be 64 lowercase hex digits", path=path, line=line)
    if raw["style"] not in STYLES:
        raise ValidationError(
            f"style {raw['style']!r} not in {sorted(STYLES)}", path=path, line=line
        )
    if raw["split"] not in SPLITS:
        raise ValidationError(f"split {raw['split']!r} not in {SPLITS}", path=path, line=line)
    date = raw.get("date")
    if date is not None and not _DATE.fullmatch(str(date)):
        raise ValidationError(f"date {date!r} is not YYYY-MM[-DD]", path=path, line=line)
    chars = int(raw["chars"])
    positions = raw.get("positions") or []
    if not isinstance(positions, list):
        raise ValidationError("positions must be a list", path=path, line=line)
    return CorpusArticle(
        url=str(raw["url"]),
        outlet=str(raw["outlet"]),
        date=str(date) if date is not None else None,
        query=str(raw["query"]),
        sha256=str(raw["sha256"]),
        chars=chars,
        style=str(raw["style"]),
        split=str(raw["split"]),
        positions=tuple(_position(p, chars, path, line) for p in positions),
        source=f"{path}:{line}",
    )


def load_corpus(path: Path) -> list[CorpusArticle]:
    """Read and validate one corpus file (a list of article mappings)."""
    loaded = load_yaml_file(path, error=ValidationError)
    data = loaded.data
    if not isinstance(data, list):
        raise ValidationError("expected a list of articles", path=path, line=1)
    return [_article(item, path, loaded.line_of(i) or 0) for i, item in enumerate(data)]


def check_corpus(articles: Sequence[CorpusArticle]) -> list[str]:
    """Problems across files: repeated URLs or hashes, an outlet in two splits."""
    problems = []
    for key in ("url", "sha256"):
        counts = Counter(getattr(a, key) for a in articles)
        problems += [f"{key} {value} appears {n} times" for value, n in counts.items() if n > 1]
    splits: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        splits[article.outlet].add(article.split)
    problems += [
        f"outlet {outlet} is in splits {sorted(found)}"
        for outlet, found in sorted(splits.items())
        if len(found) > 1
    ]
    return problems


def read_cached(article: CorpusArticle, cache: Path | None = None) -> str | None:
    """The article's text from the cache, or None when absent; a wrong hash is an error."""
    path = (cache or cache_dir()) / f"{article.sha256}.txt"
    if not path.is_file():
        return None
    text = path.read_bytes().decode("utf-8")
    if text_sha256(text) != article.sha256:
        raise InputError(f"cached text does not match its sha256 ({article.url})", path=path)
    return text


def gold_for(article: CorpusArticle, text: str) -> list[GoldPosition]:
    """The article's gold positions in the scorer's form, quotes cut from the text."""
    return [
        GoldPosition(g.actor, g.option, g.stance, g.conditions, text[g.start : g.end])
        for g in article.positions
    ]


def restore_texts(
    folders: Iterable[Path], articles: Sequence[CorpusArticle], cache: Path | None = None
) -> tuple[list[CorpusArticle], list[CorpusArticle]]:
    """Copy every ``*.txt`` under ``folders`` whose hash is an article's into the cache.

    Returns (restored now or already there, still missing).
    """
    target = cache or cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    wanted = {a.sha256: a for a in articles}
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.txt")) if Path(folder).is_dir() else [folder]:
            digest = text_sha256(Path(path).read_bytes().decode("utf-8", errors="replace"))
            if digest in wanted and not (target / f"{digest}.txt").exists():
                shutil.copyfile(path, target / f"{digest}.txt")
    have = [a for a in articles if (target / f"{a.sha256}.txt").is_file()]
    missing = [a for a in articles if not (target / f"{a.sha256}.txt").is_file()]
    return have, missing


def corpus_stats(articles: Sequence[CorpusArticle]) -> dict[str, Any]:
    """Counts per split: articles, outlets, styles, positions per option and per stance."""
    out: dict[str, Any] = {}
    for split in (*SPLITS, "all"):
        chosen = [a for a in articles if split in ("all", a.split)]
        spans = [g for a in chosen for g in a.positions]
        out[split] = {
            "articles": len(chosen),
            "outlets": len({a.outlet for a in chosen}),
            "without_positions": sum(1 for a in chosen if not a.positions),
            "positions": len(spans),
            "styles": dict(sorted(Counter(a.style for a in chosen).items())),
            "options": dict(sorted(Counter(g.option for g in spans).items())),
            "stances": dict(sorted(Counter(g.stance for g in spans).items())),
        }
    return out


def evaluate_articles(
    articles: Sequence[CorpusArticle],
    *,
    read: Callable[[CorpusArticle, str], Document],
    extractor: Callable[[Document], list[Position]],
    cache: Path | None = None,
    thresholds: Sequence[float] = (),
    threshold: float | None = None,
) -> Evaluation:
    """Extract every article from its cached text and score it, with a per-style breakdown.

    A missing text is an error naming the restore procedure: a score over part of a
    split would not be comparable with anyone else's.
    """
    gold: dict[str, list[GoldPosition]] = {}
    found: dict[str, list[Position]] = {}
    texts: dict[str, str] = {}
    missing = []
    for article in articles:
        text = read_cached(article, cache)
        if text is None:
            missing.append(article)
            continue
        texts[article.name] = text
        gold[article.name] = gold_for(article, text)
        found[article.name] = extractor(read(article, text))
    if missing:
        raise InputError(
            f"{len(missing)} of {len(articles)} article texts are not in the cache "
            f"{cache or cache_dir()} (first: {missing[0].url}); {RESTORE_HINT}"
        )
    styles = {a.name: a.style for a in articles}
    return score_thresholds(gold, found, thresholds, threshold, texts, styles)


def agreement(first: Sequence[CorpusArticle], second: Sequence[CorpusArticle]) -> Evaluation:
    """Triple agreement of two annotators on the same articles: the first as gold.

    F1 is symmetric, so which annotator is 'gold' changes precision and recall only.
    """
    by_url = {a.url: a for a in second}
    gold = {a.url: [GoldPosition(*g.triple, g.conditions) for g in a.positions] for a in first}
    other: dict[str, list[Position]] = {}
    for article in first:
        twin = by_url.get(article.url)
        if twin is None:
            raise InputError(f"{article.url} is annotated by one annotator only")
        other[article.url] = [_as_position(article.url, g) for g in twin.positions]
    return score(gold, other, styles={a.url: a.style for a in first})


def _as_position(document: str, span: GoldSpan) -> Position:
    return Position(
        document=document,
        actor=span.actor,
        option=Option(span.option),
        stance=Stance(span.stance),
        conditions=tuple(Condition(c) for c in sorted(span.conditions)),
        speaker=span.speaker,
        quote="",
        start=span.start,
        end=span.end,
        grade=Grade(reliability="F", credibility=6),
        extractor="annotator",
    )


def select_articles(
    articles: Sequence[T], first: int | None, fraction: float, seed: int
) -> list[T]:
    """The train articles a run uses: the first ``first`` in file order (annotation rounds
    are appended, so that is the split as it stood at an earlier release), then a seeded
    sample of ``fraction`` of them (a learning curve)."""
    chosen = list(articles[:first] if first is not None else articles)
    if fraction < 1.0:
        chosen = random.Random(seed).sample(chosen, max(1, round(fraction * len(chosen))))
    return chosen
