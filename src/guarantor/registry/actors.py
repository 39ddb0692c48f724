"""The actor registry: who can hold a position, and every word that names them.

``load_actors()`` reads the bundled YAML (or a user's folder of the same
shape) once per process and returns an ``ActorIndex``; pass the index to
whatever needs it. ``ActorIndex.resolve`` turns a span of text into an actor:

1. the whole span as an exact alias (case-, accent- and punctuation-blind,
   leading "the", "a senior", "many" ignored);
2. a person's name after a title ("German Defence Minister Boris Pistorius",
   "Chancellor Merz");
3. if ``fuzzy``, a garbled name, whole or after a title ("US Secretary of
   State Mark Rubio"), under the limits of ``data/actors/fuzzy.yaml``;
4. a title whose holder's name is unreadable ("UK Prime Minister Kirm");
5. if ``fuzzy``, a misspelt actor or place name ("Lithuanja").

A person's resolution carries the term that explains it on the date given,
so former officials are recognised and marked ``in_office=False``. The
resolver judges a span, it does not search inside text: "Washington Post"
and "Paris Agreement" resolve to nothing, but an extractor that matches
"Washington" inside them must rule them out itself.

Limits, on purpose:

- exact aliases are case-blind ("turkey" resolves to TUR); a caller reading
  running text must require the capitals an alias is written with;
- a one-word fuzzy query needs a capital, five letters, the surname's first
  and last letters and a score of 88, so very short or badly broken forms
  ("Kirm" for Keir) do not resolve alone; "UK Prime Minister Kirm" still
  resolves to GBR through the title;
- only people in ``office_holders.yaml`` resolve: legislators, party figures
  and commentators do not, which is what ANNOTATION.md asks (they do not
  speak for the state); terms marked "approximate" in the file's notes may
  be a few days off.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from guarantor.domain.actors import Actor, Alias, AliasKind, OfficeHolder, Resolution
from guarantor.errors import NotFoundError
from guarantor.registry.actor_aliases import alias_key, build_actors, fold
from guarantor.registry.actor_data import FuzzyPolicy, read_actor_sources
from guarantor.registry.actor_match import Candidate, FuzzyMatcher, Word, split_words

__all__ = ["ActorIndex", "alias_key", "closest_actors", "fold", "load_actors", "resolve_actor"]

# When one text names several actors and no date decides, prefer the kind
# that most often carries that meaning in the news ("Brussels": the EU's seat
# over Belgium's capital).
_KIND_RANK: dict[AliasKind, int] = {
    "name": 10,
    "short": 9,
    "person": 8,
    "transliteration": 7,
    "seat": 6,
    "office": 5,
    "capital": 4,
    "adjective": 3,
    "plural_nationals": 2,
    "demonym": 2,
    "misspelling": 1,
}

# Words that may precede a name without changing who it is.
_HONORIFICS = (
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lord",
    "dame",
    "madam",
    "gen",
    "general",
    "admiral",
    "marshal",
)

# Words that may open a span without naming anyone: "a senior Polish official",
# "many European governments".
_QUALIFIERS = frozenset(
    {"the", "a", "an", "many", "some", "several", "most", "all", "other", "both"}
    | {"senior", "top", "high", "ranking", "unnamed", "anonymous", "leading", "key"}
)
# Nouns that end a title ("... spokesman", "... Foreign Minister") and the
# words that may come before them ("press", "deputy foreign").
_ROLE_WORDS = frozenset(
    {"president", "minister", "ministry", "secretary", "chancellor", "premier", "pm"}
    | {"taoiseach", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador"}
    | {"adviser", "advisor", "aide", "chief", "commander", "director", "head", "leader"}
    | {"leaders", "leadership", "representative", "commissioner", "chairman", "chair"}
    | {"official", "officials", "diplomat", "diplomats", "government", "administration"}
    | {"cabinet", "authorities", "delegation", "negotiators", "parliament", "lawmakers"}
    | {"military", "army", "staff", "office", "general", "councillor"}
)
_ROLE_MODIFIERS = frozenset(
    {"foreign", "defence", "defense", "prime", "deputy", "vice", "press", "special"}
    | {"national", "security", "armed", "forces", "affairs", "of", "the", "for", "and"}
)


class ActorIndex:
    """Actors, aliases and office holders, with lookups by code, text and date."""

    def __init__(
        self,
        actors: list[Actor],
        holders: list[OfficeHolder],
        fuzzy: FuzzyPolicy | None = None,
        titles: tuple[str, ...] = (),
    ) -> None:
        self._actors = {a.code: a for a in actors}
        self._holders = list(holders)
        self._exact: dict[str, list[Alias]] = defaultdict(list)
        for actor in actors:
            for alias in actor.aliases:
                self._exact[alias_key(alias.text)].append(alias)
        self._terms: dict[str, list[OfficeHolder]] = defaultdict(list)
        for holder in sorted(self._holders, key=lambda h: h.start):
            self._terms[holder.person].append(holder)
        offices = {alias_key(t) for t in titles} | {alias_key(h.office) for h in holders}
        self._titles = offices | set(_HONORIFICS)
        self._titles |= {k for k, g in self._exact.items() if any(a.kind == "office" for a in g)}
        self._matcher = FuzzyMatcher(self.aliases(), fuzzy or FuzzyPolicy())

    # -- plain lookups -------------------------------------------------------
    def get(self, code: str) -> Actor:
        try:
            return self._actors[code.upper()]
        except KeyError:
            raise NotFoundError(
                f"no actor with code {code!r}; expected one of {', '.join(sorted(self._actors))}"
            ) from None

    def all(self) -> list[Actor]:
        return list(self._actors.values())

    def aliases(self) -> list[Alias]:
        return [alias for actor in self._actors.values() for alias in actor.aliases]

    def office_holders(self) -> list[OfficeHolder]:
        return list(self._holders)

    def terms_of(self, person: str) -> list[OfficeHolder]:
        """Every term of the person with this canonical name, oldest first."""
        return list(self._terms.get(person, []))

    # -- people and dates ----------------------------------------------------
    def holder_on(self, person_text: str, on: date | None = None) -> OfficeHolder | None:
        """The term the named person was serving on ``on``; None if out of office.

        Without a date, the person's latest term (current or last). The name
        may be any alias of the person, or a garbled form the fuzzy rules accept.
        """
        resolution = self.resolve(person_text, on=on)
        if resolution is None or resolution.person is None:
            return None
        terms = self._terms[resolution.person]
        if on is None:
            return _latest(terms)
        serving = [t for t in terms if t.in_office(on)]
        return serving[0] if serving else None

    def _term_for(self, alias: Alias, on: date | None) -> tuple[OfficeHolder | None, bool | None]:
        """The term that explains a person alias on a date, and whether it was served then."""
        if alias.person is None:
            return None, None
        terms = [t for t in self._terms[alias.person] if t.actor == alias.actor]
        if on is None:
            return _latest(terms), None
        serving = [t for t in terms if t.in_office(on)]
        if serving:
            return serving[0], True
        before = [t for t in terms if t.start <= on]
        return (before[-1] if before else terms[0]), False

    # -- resolution ----------------------------------------------------------
    def resolve(
        self, text: str, *, on: date | None = None, fuzzy: bool = True
    ) -> Resolution | None:
        """The actor a span of text stands for, or None (see the module's steps)."""
        words = split_words(text)
        while words and words[0].key in _QUALIFIERS:
            words = words[1:]
        if not words:
            return None
        found = self._exact_group(_join(words)) or self._titled_person(words)
        if found:
            return self._choose(text, found, on, fuzzy=False)
        if fuzzy:
            found = self._fuzzy_person(words)
            if found:
                return self._choose(text, found, on, fuzzy=True)
        found = self._title_prefix(words)
        if found:
            return self._choose(text, found, on, fuzzy=False)
        if fuzzy:
            found = self._matcher.place(words)
            if found:
                return self._choose(text, found, on, fuzzy=True)
        return None

    def _exact_group(self, key: str) -> list[Candidate]:
        return [Candidate(a, 100.0) for a in self._exact.get(key, [])]

    def _is_title(self, words: list[Word]) -> bool:
        """Whether words read as a title: "us secretary of state", "kremlin spokesman"."""
        if not words:
            return False
        return _join(words) in self._titles or words[-1].key in _ROLE_WORDS | set(_HONORIFICS)

    def _titled_person(self, words: list[Word]) -> list[Candidate]:
        """An exact person alias at the end: "Defence Minister Boris Pistorius"."""
        for cut in range(1, len(words)):
            tail = words[cut:]
            group = [c for c in self._exact_group(_join(tail)) if c.alias.person]
            if group and (len(tail) > 1 or self._is_title(words[:cut])):
                return group
        return []

    def _fuzzy_person(self, words: list[Word]) -> list[Candidate]:
        """A garbled name, alone or after a title."""
        found = self._matcher.person(words)
        for size in (2, 1):
            if found or len(words) <= size:
                break
            if self._is_title(words[:-size]):
                found = self._matcher.person(words[-size:])
        return found

    def _title_prefix(self, words: list[Word]) -> list[Candidate]:
        """A title followed by a name nobody can read: "UK Prime Minister Kirm".

        An office alias may be followed by capitalised words (a name); other
        aliases ("White House", "American") only by a title word, so that
        "American football" or "Washington Post" stay unresolved.
        """
        for cut in range(len(words) - 1, 0, -1):
            group = self._exact_group(_join(words[:cut]))
            if not group:
                continue
            rest = words[cut:]
            lead = [w.key for w in rest[:4]]
            while lead and lead[0] in _ROLE_MODIFIERS:
                lead = lead[1:]
            starts_with_title = bool(lead) and lead[0] in _ROLE_WORDS
            is_office = any(c.alias.kind == "office" for c in group)
            if starts_with_title or (is_office and all(w.capital for w in rest)):
                return group
        return []

    def _choose(
        self, query: str, found: list[Candidate], on: date | None, *, fuzzy: bool
    ) -> Resolution:
        """The best candidate: in office on the date, then by kind, then most recent."""
        ranked = []
        for cand in found:
            term, serving = self._term_for(cand.alias, on)
            start = term.start if term is not None else date.min
            rank = (serving is True, _KIND_RANK[cand.alias.kind], start)
            ranked.append((rank, cand, term, serving))
        ranked.sort(key=lambda r: r[0], reverse=True)
        _, best, term, serving = ranked[0]
        actors = list(dict.fromkeys(r[1].alias.actor for r in ranked))
        decided = on is not None and sum(1 for r in ranked if r[3] is True) == 1
        return Resolution(
            query=query,
            actor=best.alias.actor,
            alias=best.alias.text,
            kind=best.alias.kind,
            score=round(best.score, 1),
            fuzzy=fuzzy,
            ambiguous=(len(actors) > 1 or best.alias.ambiguous) and not decided,
            alternatives=tuple(a for a in actors if a != best.alias.actor),
            person=best.alias.person,
            office=term.office if term is not None else None,
            in_office=serving,
        )


def _join(words: list[Word]) -> str:
    return " ".join(w.key for w in words)


def _latest(terms: list[OfficeHolder]) -> OfficeHolder:
    """The current term (the longest-held if several), else the last one to end."""
    return max(terms, key=lambda t: (t.end is None, t.end or date.max, -t.start.toordinal()))


@lru_cache(maxsize=4)
def _load(folder: str | None) -> ActorIndex:
    sources = read_actor_sources(Path(folder) if folder else None)
    titles = tuple(sources.office_titles)
    return ActorIndex(build_actors(sources), sources.holders, sources.fuzzy, titles)


def load_actors(folder: Path | None = None) -> ActorIndex:
    """The actor index from the bundled data (or ``folder``), built once per process."""
    return _load(str(folder) if folder is not None else None)


def closest_actors(index: ActorIndex, text: str, limit: int = 3) -> list[str]:
    """Up to ``limit`` actors whose code, name or an alias is nearest ``text``, as 'CODE (Name)'."""
    choices = {alias.text: alias.actor for alias in index.aliases()}
    choices.update({a.code: a.code for a in index.all()})
    keys = list(choices)
    found: list[str] = []
    for _text, _score, position in process.extract(text, keys, scorer=fuzz.WRatio, limit=20):
        code = choices[keys[position]]
        label = f"{code} ({index.get(code).name})"
        if label not in found:
            found.append(label)
    return found[:limit]


def resolve_actor(text: str, index: ActorIndex | None = None, *, on: date | None = None) -> str:
    """The actor code ``text`` names (a code, name, demonym, capital, office or holder).

    Raises NotFoundError naming the closest actors when nothing resolves, so an
    unknown name is an error and never a default answer.
    """
    index = index or load_actors()
    code = text.strip().upper()
    if code in {a.code for a in index.all()}:
        return code
    found = index.resolve(text, on=on)
    if found is None:
        near = ", ".join(closest_actors(index, text))
        raise NotFoundError(
            f"{text!r} does not name any known actor; closest: {near} "
            "(`guarantor actors` lists them all)"
        )
    return found.actor
