"""On how many texts each alternative of the lexicons occurs (``guarantor corpus lexicon-usage``).

A lexicon pattern is an alternation (``rejects|rejected|...``) and a family is
a list of them; an alternative that occurs in no article of any corpus is dead
weight that every reader of the lexicon has to get past. This module splits
every pattern of every family at its top-level ``|`` and counts, per
alternative, the texts in which it occurs, compiled as its family compiles it
(``lexicon.compile_alternative``: same flags, word boundaries, quote
tolerance). An occurrence is counted wherever the alternative matches on its
own, whatever its neighbours in the alternation or the context in which the
pipeline tries it; so a count of 0 means the alternative cannot have fired,
and deleting it changes no result on those texts.

Outlet names are not counted: they are a list of names (merged with
``data/outlets.csv``), not patterns.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guarantor.errors import ValidationError
from guarantor.extract.lexicon import (
    bundled_lexicon_dir,
    compile_alternative,
    expand_names,
    negator_pattern,
)
from guarantor.extract.regex_scan import syntax_characters
from guarantor.yamlio import load_yaml_file

__all__ = [
    "NOT_PATTERNS",
    "Alternative",
    "Usage",
    "count_usage",
    "lexicon_alternatives",
    "python_strings",
    "split_alternatives",
]

# How each family is compiled: "tolerant" (quote-tolerant and bounded), "bounded",
# "word" (a literal word, bounded), "plain" (as written), "negator".
_FAMILIES: dict[str, tuple[tuple[str, str, str], ...]] = {
    # file: ((key, shape, style), ...); shape: "list", "lists" (a mapping of lists),
    # "string", "strings" (a mapping of strings), "words" ('a|b' of literal words), "cues"
    "options.yaml": (
        ("options", "lists", "tolerant"),
        ("converse", "lists", "tolerant"),
        ("anaphors", "list", "tolerant"),
        ("amounts", "string", "plain_case"),
        ("drop_after", "list", "bounded"),
        ("recipient_after", "lists", "bounded"),
    ),
    "stances.yaml": (
        ("cues", "cues", "tolerant"),
        ("negators", "list", "negator"),
        ("reversers", "string", "bounded"),
    ),
    "conditions.yaml": (
        ("names", "strings", "tolerant"),
        ("conditions", "lists", "tolerant"),
    ),
    "attribution.yaml": (
        ("reporting_verbs", "string", "bounded"),
        ("analysis_verbs", "string", "bounded"),
        ("analysis_groups", "string", "bounded"),
        ("outlet_anaphors", "string", "bounded"),
        ("object_prepositions", "words", "word"),
        ("recipient_verbs", "words", "word"),
        ("place_nouns", "string", "bounded"),
        ("place_prepositions", "words", "word"),
        ("fallback_prepositions", "words", "word"),
        ("modifier_nouns", "string", "bounded"),
        ("official_nouns", "string", "bounded"),
        ("stance_nouns", "string", "bounded"),
        ("role_titles", "string", "bounded"),
        ("not_a_voice", "string", "bounded"),
        ("question_frames", "string", "bounded"),
        ("clause_breaks", "string", "plain"),
        ("pronouns", "strings", "word"),
        ("definite_persons", "string", "bounded"),
        ("collective_subjects", "strings", "bounded"),
    ),
}


# Keys of the lexicon files that hold settings, actor codes or option names, not patterns.
NOT_PATTERNS = {
    "options.yaml": frozenset(
        {"amount_window", "clause_suppresses", "suppresses", "foreign_troops_for"}
    ),
    "stances.yaml": frozenset({"negation_window"}),
    "conditions.yaml": frozenset(),
    "attribution.yaml": frozenset({"historical_before", "outlets"}),
}


@dataclass(frozen=True)
class Alternative:
    """One top-level alternative of one lexicon pattern, and the regex that finds it."""

    file: str  # e.g. "options.yaml"
    family: str  # e.g. "options.ground_troops", "cues", "reporting_verbs"
    pattern: str  # the lexicon entry it belongs to, as written there
    text: str  # the alternative, as written
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Usage:
    """An alternative and the number of texts in which it occurs."""

    alternative: Alternative
    documents: int

    def as_dict(self) -> dict[str, Any]:
        alt = self.alternative
        return {
            "file": alt.file,
            "family": alt.family,
            "alternative": alt.text,
            "documents": self.documents,
        }


def split_alternatives(pattern: str) -> list[str]:
    """``pattern`` cut at every ``|`` outside a group, a character class and an escape."""
    parts: list[str] = []
    start, depth = 0, 0
    for i, char, bare in syntax_characters(pattern):
        if not bare:
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _regex(alternative: str, style: str, names: dict[str, str]) -> re.Pattern[str]:
    if style == "tolerant":
        return compile_alternative(expand_names(alternative, names), tolerant=True)
    if style == "negator":
        return compile_alternative(negator_pattern(alternative), bounded=False)
    if style == "word":
        return compile_alternative(re.escape(alternative.strip()))
    if style == "plain":
        return compile_alternative(alternative, bounded=False)
    if style == "plain_case":
        return compile_alternative(alternative, bounded=False, flags=0)
    return compile_alternative(alternative)


def _entries(value: Any, key: str, shape: str) -> Iterator[tuple[str, str]]:
    """(family, pattern) for every pattern of one key of a lexicon file (none if it is absent)."""
    if value is None:
        return
    if shape in ("string", "words"):
        yield key, str(value)
    elif shape == "list":
        yield from ((key, str(p)) for p in value)
    elif shape == "cues":
        yield from ((key, str(cue["pattern"])) for cue in value)
    elif shape == "strings":
        yield from ((f"{key}.{name}", str(p)) for name, p in value.items())
    else:  # "lists"
        for name, patterns in value.items():
            yield from ((f"{key}.{name}", str(p)) for p in patterns)


def _pieces(pattern: str, family: str) -> list[str]:
    if family.startswith("names."):  # '(?:US|U\.S\.|...)': the list inside the group
        pattern = pattern.removeprefix("(?:").removesuffix(")")
    return split_alternatives(pattern)


def lexicon_alternatives(directory: Path | None = None) -> list[Alternative]:
    """Every top-level alternative of every pattern of the lexicons in ``directory``."""
    directory = directory or bundled_lexicon_dir()
    found: list[Alternative] = []
    for file, families in _FAMILIES.items():
        path = directory / file
        data = load_yaml_file(path, error=ValidationError).data
        names = {k: str(v) for k, v in (data.get("names") or {}).items()}
        for key, shape, style in families:
            for family, pattern in _entries(data.get(key), key, shape):
                for piece in _pieces(pattern, family):
                    try:
                        regex = _regex(piece, style, names)
                    except re.error as exc:
                        raise ValidationError(
                            f"bad regular expression in {family} ({piece!r}): {exc}", path=path
                        ) from exc
                    found.append(Alternative(file, family, pattern, piece, regex))
    return found


def count_usage(alternatives: Iterable[Alternative], texts: Iterable[str]) -> list[Usage]:
    """Per alternative, on how many of ``texts`` it matches at least once."""
    corpus = list(texts)
    return [
        Usage(alt, sum(1 for text in corpus if alt.regex.search(text) is not None))
        for alt in alternatives
    ]


def python_strings(source: str) -> str:
    """The string literals of a Python module (a test's fixture texts), one paragraph each.

    Read through ``ast``, so literals written across lines as adjacent pieces
    ("... would be wiser " / "than troops.") come back as the one text they are."""
    literals = [
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    return "\n\n".join(literals)
