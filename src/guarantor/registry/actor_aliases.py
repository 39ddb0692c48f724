"""Build every alias of every actor, and check that no text is silently shared.

Three sources of aliases: the records of states.yaml / organisations.yaml,
office titles generated from each state's adjectives ("Italian" + "Prime
Minister"), and the names of office holders (full name, variants, surname).
A text that names two actors must say so (``ambiguous``); for data aliases
the file has to flag it, for people it is flagged here (the same person
served two actors, like Rutte; two people share a surname, like Harris).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from guarantor.domain.actors import Actor, Alias, AliasKind, OfficeHolder
from guarantor.errors import ValidationError
from guarantor.registry.actor_data import ALIAS_KEYS, ActorRecord, ActorSources

__all__ = ["alias_key", "build_actors", "fold", "skeleton"]

_SPECIAL = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss"}
    | {"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d"}
)
_POSSESSIVE = re.compile(r"['’`´]s\b")
_NON_WORD = re.compile(r"[\W_]+")
_SOUNDS = (
    ("sch", "sh"),
    ("c", "k"),
    ("kh", "h"),
    ("ph", "f"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("q", "k"),
    ("x", "ks"),
    ("ou", "u"),
)
_DOUBLES = re.compile(r"(\w)\1+")
SURNAME_MIN_LETTERS = 4


def fold(text: str) -> str:
    """Case-, accent- and punctuation-blind form: "the Élysée's" -> "the elysee"."""
    text = text.translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _POSSESSIVE.sub("", text).replace(".", "")
    return _NON_WORD.sub(" ", text).strip()


def alias_key(text: str) -> str:
    """The lookup key: folded, without a leading "the"."""
    key = fold(text)
    return key[4:] if key.startswith("the ") else key


def skeleton(text: str) -> str:
    """A rough phonetic form so transliterations compare as equal.

    "Zakharova"/"Zaharova", "Zelenskyy"/"Zelenski", "Caroline"/"Karoline"
    all reduce to the same letters; fuzzy scores are computed on this.
    """
    key = alias_key(text)
    for old, new in _SOUNDS:
        key = key.replace(old, new)
    return _DOUBLES.sub(r"\1", key)


def _record_aliases(record: ActorRecord, titles: list[str]) -> list[Alias]:
    flagged = {alias_key(t) for t in record.ambiguous}
    seen: dict[str, Alias] = {}
    for kind in ALIAS_KEYS:
        for text in record.texts(kind):
            key = alias_key(text)
            if key and key not in seen:
                seen[key] = Alias(text=text, actor=record.code, kind=kind, ambiguous=key in flagged)
    if record.kind == "state":
        for adjective in record.adjective:
            for title in titles:
                text = f"{adjective} {title}"
                seen.setdefault(alias_key(text), Alias(text=text, actor=record.code, kind="office"))
    unknown = flagged - set(seen)
    if unknown:
        raise ValidationError(
            f"ambiguous: {sorted(unknown)} are not aliases of {record.code}; "
            "expected texts listed under the record's other keys",
            path=record.path,
            line=record.line,
        )
    return list(seen.values())


def _check_shared(records: list[ActorRecord], aliases: list[Alias]) -> None:
    """A data alias shared by two actors must be flagged ambiguous in both records."""
    by_key: dict[str, list[Alias]] = defaultdict(list)
    for alias in aliases:
        by_key[alias_key(alias.text)].append(alias)
    where = {r.code: r for r in records}
    for key, group in by_key.items():
        codes = sorted({a.actor for a in group})
        if len(codes) < 2:
            continue
        for alias in group:
            if not alias.ambiguous:
                record = where[alias.actor]
                others = [c for c in codes if c != alias.actor]
                raise ValidationError(
                    f"alias {alias.text!r} of {alias.actor} also names {', '.join(others)}; "
                    f"expected it under 'ambiguous' (key {key!r}) or removed",
                    path=record.path,
                    line=record.line,
                )


def _person_texts(holder: OfficeHolder) -> list[tuple[str, AliasKind]]:
    texts: list[tuple[str, AliasKind]] = [(holder.person, "person")]
    texts += [(v, "transliteration") for v in holder.variants]
    surname = holder.family_name
    letters = len(alias_key(surname).replace(" ", ""))
    if holder.surname_alias and letters >= SURNAME_MIN_LETTERS and surname != holder.person:
        texts.append((surname, "person"))
    return texts


def _person_aliases(
    holders: list[OfficeHolder], taken: dict[str, str], lines: list[tuple[str, int]]
) -> list[Alias]:
    """Aliases of the people, flagged ambiguous where they name several actors or people."""
    entries: dict[tuple[str, str, str], tuple[str, AliasKind]] = {}
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for index, holder in enumerate(holders):
        for text, kind in _person_texts(holder):
            key = alias_key(text)
            other = taken.get(key)
            if other is not None and other != holder.actor:
                path, line = lines[index] if index < len(lines) else ("office_holders.yaml", 0)
                raise ValidationError(
                    f"{holder.person}: {text!r} is already an alias of {other}; "
                    "expected surname_alias: false or a different variant",
                    path=path,
                    line=line,
                )
            entries.setdefault((key, holder.actor, holder.person), (text, kind))
            owners[key].add((holder.actor, holder.person))
    return [
        Alias(text=text, actor=actor, kind=kind, person=person, ambiguous=len(owners[key]) > 1)
        for (key, actor, person), (text, kind) in entries.items()
    ]


def _line_of(sources: ActorSources, index: int) -> tuple[str, int]:
    lines = sources.holder_lines
    return lines[index] if index < len(lines) else ("office_holders.yaml", 0)


def build_actors(sources: ActorSources) -> list[Actor]:
    """Actors with all their aliases, after the ambiguity checks."""
    data_aliases: list[Alias] = []
    for record in sources.actors:
        data_aliases += _record_aliases(record, sources.office_titles)
    _check_shared(sources.actors, data_aliases)
    taken = {alias_key(a.text): a.actor for a in data_aliases}
    people = _person_aliases(sources.holders, taken, sources.holder_lines)
    by_actor: dict[str, list[Alias]] = defaultdict(list)
    for alias in data_aliases + people:
        by_actor[alias.actor].append(alias)
    codes = {r.code for r in sources.actors}
    for index, holder in enumerate(sources.holders):
        if holder.actor not in codes:
            path, line = _line_of(sources, index)
            raise ValidationError(
                f"{holder.person}: unknown actor {holder.actor!r}; expected a code of states.yaml "
                "or organisations.yaml",
                path=path,
                line=line,
            )
    seen: set[str] = set()
    actors = []
    for record in sources.actors:
        if record.code in seen:
            raise ValidationError(
                f"actor {record.code} is defined twice", path=record.path, line=record.line
            )
        seen.add(record.code)
        actors.append(
            Actor(
                code=record.code,
                name=record.name,
                kind=record.kind,
                aliases=tuple(by_actor[record.code]),
            )
        )
    return actors
