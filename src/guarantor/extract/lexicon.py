"""The extractor's vocabularies, read from ``guarantor/data/lexicons/*.yaml``.

Patterns live in data files so that an analyst can add a cue without
touching code; this module only reads them and compiles each family into
regular expressions once, so the pipeline never compiles per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from guarantor.errors import ValidationError
from guarantor.extract.regex_scan import syntax_characters
from guarantor.extract.triggers import TriggeredPattern, TriggerIndex
from guarantor.yamlio import load_yaml_file

__all__ = [
    "Cue",
    "Lexicon",
    "bundled_lexicon_dir",
    "compile_alternative",
    "expand_names",
    "load_lexicon",
    "negator_pattern",
    "quote_tolerant",
]

_FLAGS = re.IGNORECASE


def bundled_lexicon_dir() -> Path:
    return Path(str(resources.files("guarantor") / "data" / "lexicons"))


@dataclass(frozen=True)
class Cue:
    """One stance cue: what it signals and where its holder and option stand."""

    stance: str
    holder_after: bool = False
    option_after: bool = False
    option_before: bool = False
    negation_inside: bool = False
    requirement: bool = False
    payment: bool = False
    owner_holds: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Compiled patterns; one instance is shared by every pipeline component."""

    options: tuple[tuple[str, TriggeredPattern], ...]
    converse: tuple[tuple[str, TriggeredPattern], ...]
    amounts: re.Pattern[str]
    amount_window: int
    suppresses: dict[str, frozenset[str]]
    clause_suppresses: dict[str, frozenset[str]]
    drop_after: re.Pattern[str]
    recipient_after: dict[str, re.Pattern[str]]
    anaphors: TriggeredPattern
    foreign_troops_for: frozenset[str]
    cues: TriggeredPattern
    cue_info: tuple[Cue, ...]
    negators: re.Pattern[str]
    reversers: re.Pattern[str]
    negation_window: int
    conditions: TriggeredPattern
    condition_keys: tuple[str, ...]
    reporting: re.Pattern[str]
    analysis_verbs: re.Pattern[str]
    analysis_groups: re.Pattern[str]
    outlet_anaphors: re.Pattern[str]
    outlets: tuple[str, ...]
    object_prepositions: frozenset[str]
    recipient_verbs: frozenset[str]
    place_nouns: re.Pattern[str]
    place_prepositions: frozenset[str]
    fallback_prepositions: frozenset[str]
    modifier_nouns: re.Pattern[str]
    official_nouns: re.Pattern[str]
    office_of: re.Pattern[str]
    stance_nouns: re.Pattern[str]
    role_titles: str
    role_names: TriggeredPattern
    not_a_voice: re.Pattern[str]
    question_frames: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    pronouns: dict[str, frozenset[str]]
    definite_persons: re.Pattern[str]
    collective_subjects: tuple[tuple[str, re.Pattern[str]], ...]
    historical_before: int


def _bounded(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


# What may stand where a cue pattern has a space: quotation marks of any
# language inside a phrase (`would be "part of" any`, `was «inacceptable»`)
# or a line break in wrapped text.
_GAP = r"(?:[ \u00a0\"“”„«»‘’']{1,3}|\n)"


def quote_tolerant(pattern: str) -> str:
    """``pattern`` with every literal space widened to ``_GAP``.

    Spaces inside a character class or a look-behind (which must keep a
    fixed width) stay as they are.
    """
    out: list[str] = []
    groups: list[bool] = []  # per open group: is it a look-behind?
    for i, char, bare in syntax_characters(pattern):
        if bare and char == "(":
            groups.append(pattern.startswith(("(?<=", "(?<!"), i))
        elif bare and char == ")" and groups:
            groups.pop()
        elif bare and char == " " and not any(groups):
            out.append(_GAP)
            continue
        out.append(char)
    return "".join(out)


def _tolerant(pattern: str) -> str:
    return _bounded(quote_tolerant(pattern))


def compile_alternative(
    pattern: str, *, tolerant: bool = False, bounded: bool = True, flags: int = _FLAGS
) -> re.Pattern[str]:
    """One pattern (or one alternative of it) compiled on its own as its family compiles it:
    word boundaries added when ``bounded``, spaces widened to ``_GAP`` when ``tolerant``
    (options, converse, anaphors, stance cues, conditions). For counting where it occurs."""
    if tolerant:
        pattern = quote_tolerant(pattern)
    return re.compile(_bounded(pattern) if bounded else pattern, flags)


def negator_pattern(negator: str) -> str:
    """A negator as a regex: "n't" is glued to its verb, every other one is a word."""
    return re.escape(negator) if negator == "n't" else _bounded(negator)


def expand_names(pattern: str, names: dict[str, str]) -> str:
    """``pattern`` with every ``{SHORT}`` of the conditions' ``names`` replaced by its list."""
    for short, expansion in names.items():
        pattern = pattern.replace("{" + short + "}", expansion)
    return pattern


def _compile(pattern: str, path: Path, what: str, flags: int = _FLAGS) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValidationError(f"bad regular expression in {what}: {exc}", path=path) from exc


def _words(value: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in value.split("|") if w.strip())


def _read(path: Path) -> dict[str, Any]:
    data = load_yaml_file(path, error=ValidationError).data
    if not isinstance(data, dict):
        raise ValidationError("lexicon must be a mapping", path=path, line=1)
    return data


def _alternation(
    named: list[tuple[str, str]], path: Path, what: str, index: TriggerIndex
) -> TriggeredPattern:
    """One regex of many alternatives (named groups say which matched), gated by first words."""
    parts = [f"(?P<{name}>{_tolerant(pattern)})" for name, pattern in named]
    _compile("|".join(parts), path, what)  # report a bad pattern with its file
    return TriggeredPattern(parts, _FLAGS, index)


def _family(patterns: list[str], path: Path, what: str, index: TriggerIndex) -> TriggeredPattern:
    parts = [_tolerant(p) for p in patterns]
    _compile("|".join(parts), path, what)
    return TriggeredPattern(parts, _FLAGS, index)


def _options(data: dict[str, Any], path: Path, index: TriggerIndex) -> dict[str, Any]:
    options = tuple(
        (
            key,
            _family(list(patterns), path, f"option {key}", index),
        )
        for key, patterns in data["options"].items()
    )
    return {
        "options": options,
        "converse": tuple(
            (key, _family(list(patterns), path, f"converse {key}", index))
            for key, patterns in (data.get("converse") or {}).items()
        ),
        "amounts": _compile(str(data["amounts"]), path, "amounts", 0),
        "amount_window": int(data.get("amount_window", 40)),
        "suppresses": {k: frozenset(v) for k, v in (data.get("suppresses") or {}).items()},
        "clause_suppresses": {
            k: frozenset(v) for k, v in (data.get("clause_suppresses") or {}).items()
        },
        "drop_after": _compile(
            "(?:" + "|".join(_bounded(w) for w in data["drop_after"]) + r")\W*(?:\w+\W+)?$",
            path,
            "drop_after",
        ),
        "recipient_after": {
            k: _compile("(?:" + "|".join(_bounded(w) for w in v) + r")\W+$", path, k)
            for k, v in (data.get("recipient_after") or {}).items()
        },
        "anaphors": _family(list(data["anaphors"]), path, "anaphors", index),
        "foreign_troops_for": frozenset(data.get("foreign_troops_for") or ()),
    }


def _stances(data: dict[str, Any], path: Path, index: TriggerIndex) -> dict[str, Any]:
    named, info = [], []
    for i, cue in enumerate(data["cues"]):
        named.append((f"c{i}", str(cue["pattern"])))
        info.append(
            Cue(
                stance=str(cue["stance"]),
                holder_after=cue.get("holder") == "after",
                option_after=cue.get("option") == "after",
                option_before=cue.get("option") == "before",
                negation_inside=cue.get("negation") == "inside",
                requirement=bool(cue.get("requirement")),
                payment=bool(cue.get("payment")),
                owner_holds=bool(cue.get("owner")),
            )
        )
    negators = "|".join(negator_pattern(n) for n in data["negators"])
    return {
        "cues": _alternation(named, path, "stance cues", index),
        "cue_info": tuple(info),
        "negators": _compile(negators, path, "negators"),
        "reversers": _compile(
            rf"(?<!\w)(?:{data['reversers']})\s+(?:[\w'’-]+\s+){{0,2}}$", path, "reversers"
        ),
        "negation_window": int(data.get("negation_window", 40)),
    }


def _conditions(data: dict[str, Any], path: Path, index: TriggerIndex) -> dict[str, Any]:
    names = {k: str(v) for k, v in (data.get("names") or {}).items()}
    named: list[tuple[str, str]] = []
    keys: list[str] = []
    for key, patterns in data["conditions"].items():
        for pattern in patterns:
            named.append((f"k{len(keys)}", expand_names(pattern, names)))
            keys.append(key)
    return {
        "conditions": _alternation(named, path, "conditions", index),
        "condition_keys": tuple(keys),
    }


def _attribution(data: dict[str, Any], path: Path, index: TriggerIndex) -> dict[str, Any]:
    def bounded(key: str, flags: int = _FLAGS) -> re.Pattern[str]:
        return _compile(_bounded(str(data[key])), path, key, flags)

    return {
        "reporting": bounded("reporting_verbs"),
        "analysis_verbs": bounded("analysis_verbs"),
        "analysis_groups": bounded("analysis_groups"),
        "outlet_anaphors": bounded("outlet_anaphors"),
        "outlets": tuple(str(o) for o in data["outlets"]),
        "object_prepositions": _words(str(data["object_prepositions"])),
        "recipient_verbs": _words(str(data.get("recipient_verbs", ""))),
        "place_nouns": _compile(
            rf"\b(?:{data.get('place_nouns', '(?!)')})\s+$", path, "place_nouns"
        ),
        "place_prepositions": _words(str(data.get("place_prepositions", ""))),
        "fallback_prepositions": _words(str(data["fallback_prepositions"])),
        "modifier_nouns": _compile(rf"^\W{{0,2}}(?:{data['modifier_nouns']})\b", path, "modifiers"),
        "official_nouns": _compile(rf"^\s+(?:{data['official_nouns']})\b", path, "officials"),
        "stance_nouns": _compile(
            rf"^\s+(?:\w+\s+)?(?:{data['stance_nouns']})\b", path, "stance_nouns"
        ),
        "office_of": _compile(
            rf"\b(?:{data['official_nouns']}|{data['role_titles']})\s+of\s+(?:the\s+)?$",
            path,
            "official_nouns",
        ),
        "role_titles": str(data["role_titles"]),
        "role_names": TriggeredPattern(
            [
                rf"(?i:\b(?:{data['role_titles']}))\s+"
                r"((?:[A-Z][a-zà-ÿ'’-]+\s+){0,2}[A-Z][a-zà-ÿ'’-]{2,})"
            ],
            0,
            index,
        ),
        "not_a_voice": bounded("not_a_voice"),
        "question_frames": bounded("question_frames"),
        "clause_breaks": _compile(str(data["clause_breaks"]), path, "clause_breaks"),
        "pronouns": {k: _words(str(v)) for k, v in data["pronouns"].items()},
        "definite_persons": bounded("definite_persons"),
        "collective_subjects": tuple(
            (actor, _compile(_bounded(str(p)), path, actor))
            for actor, p in data["collective_subjects"].items()
        ),
        "historical_before": int(data["historical_before"]),
    }


def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Read and compile the lexicons of ``directory`` (default: the bundled ones)."""
    return _load(directory or bundled_lexicon_dir())


@lru_cache(maxsize=4)
def _load(directory: Path) -> Lexicon:
    parts: dict[str, Any] = {}
    index = TriggerIndex()  # one first-word scan per text, shared by this lexicon's patterns
    for name, build in (
        ("options.yaml", _options),
        ("stances.yaml", _stances),
        ("conditions.yaml", _conditions),
        ("attribution.yaml", _attribution),
    ):
        path = directory / name
        try:
            parts.update(build(_read(path), path, index))
        except KeyError as exc:
            raise ValidationError(f"missing key {exc.args[0]!r}", path=path) from exc
    return Lexicon(**parts)
