"""The actor registry: who can hold a position, and every word that names them.

``load_actors()`` reads the bundled YAML (or a user's folder of the same
shape) once per process and returns an ``ActorIndex``; pass the index to
whatever needs it. ``ActorIndex.resolve`` turns a span of text into an actor:
exact aliases first (case-, accent- and punctuation-blind, a leading "the"
optional, a leading title such as "President" or "Italian Prime Minister"
dropped), then, only if asked, a fuzzy match for names that machine
translation garbled. The fuzzy step is deliberately narrow (see
``data/actors/fuzzy.yaml``): a one-word query must be capitalised, long
enough and close to a holder's surname; a longer name must match the surname
closely *and* the whole name well. It does not look inside longer text:
"Washington Post" or "Paris Agreement" are the extractor's to rule out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from guarantor.domain.actors import Actor, Alias, AliasKind, OfficeHolder, Resolution
from guarantor.errors import NotFoundError
from guarantor.registry.actor_aliases import alias_key, build_actors, fold, skeleton
from guarantor.registry.actor_data import FuzzyPolicy, read_actor_sources

__all__ = ["ActorIndex", "alias_key", "fold", "load_actors"]

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


@dataclass(frozen=True)
class _Candidate:
    alias: Alias
    score: float


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
        self._policy = fuzzy or FuzzyPolicy()
        self._not_names = {alias_key(w) for w in self._policy.not_names}
        self._exact: dict[str, list[Alias]] = defaultdict(list)
        for actor in actors:
            for alias in actor.aliases:
                self._exact[alias_key(alias.text)].append(alias)
        self._terms: dict[str, list[OfficeHolder]] = defaultdict(list)
        for holder in sorted(self._holders, key=lambda h: h.start):
            self._terms[holder.person].append(holder)
        self._titles = {
            key
            for key, group in self._exact.items()
            if any(a.kind in ("office", "adjective") for a in group)
        }
        self._titles |= set(_HONORIFICS) | {alias_key(t) for t in titles}
        self._titles |= {alias_key(h.office) for h in self._holders}
        self._people_one, self._people_many, self._places = self._fuzzy_tables()

    def _fuzzy_tables(self) -> tuple[list[Alias], list[Alias], list[Alias]]:
        one: list[Alias] = []
        many: list[Alias] = []
        places: list[Alias] = []
        place_kinds = ("name", "short", "capital", "transliteration", "misspelling")
        for group in self._exact.values():
            for alias in group:
                letters = len(alias_key(alias.text).replace(" ", ""))
                if alias.person is not None:
                    (many if " " in alias_key(alias.text) else one).append(alias)
                elif alias.kind in place_kinds and letters >= self._policy.place_min_length:
                    places.append(alias)
        return one, many, places

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
        """The actor a span of text stands for, or None."""
        key = alias_key(text)
        if not key:
            return None
        for candidate_key in (key, self._strip_titles(key)):
            if candidate_key and candidate_key in self._exact:
                group = [_Candidate(a, 100.0) for a in self._exact[candidate_key]]
                return self._choose(text, group, on, fuzzy=False)
        if not fuzzy:
            return None
        key = self._strip_titles(key) or key
        found = self._fuzzy_person(text, key) or self._fuzzy_place(text, key)
        return self._choose(text, found, on, fuzzy=True) if found else None

    def _strip_titles(self, key: str) -> str | None:
        """Drop a leading title or honorific: "italian prime minister giorgia meloni"."""
        words = key.split()
        for cut in range(len(words) - 1, 0, -1):
            if " ".join(words[:cut]) in self._titles:
                rest = " ".join(words[cut:])
                return rest if rest in self._exact else self._strip_titles(rest) or rest
        return None

    def _choose(
        self, query: str, found: list[_Candidate], on: date | None, *, fuzzy: bool
    ) -> Resolution | None:
        if not found:
            return None
        ranked = []
        for cand in found:
            term, serving = self._term_for(cand.alias, on)
            start = term.start if term is not None else date.min
            rank = (serving is True, _KIND_RANK[cand.alias.kind], start)
            ranked.append((rank, cand, term, serving))
        ranked.sort(key=lambda r: r[0], reverse=True)
        rank, best, term, serving = ranked[0]
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

    def _fuzzy_person(self, text: str, key: str) -> list[_Candidate]:
        words = [w for w in key.split() if w not in _HONORIFICS] or key.split()
        policy = self._policy
        if len(words) == 1:
            word = words[0]
            stripped = text.strip()
            if (
                len(word) < policy.min_length
                or not stripped[:1].isupper()
                or word in self._not_names
            ):
                return []
            target = skeleton(word)
            scored = []
            for alias in self._people_one:
                cand = skeleton(alias.text)
                # Garbled names keep their first and last letters ("Melloni",
                # "Zaharova"); English look-alikes mostly do not ("Coastal").
                if cand[0] != target[0] or cand[-1] != target[-1]:
                    continue
                if abs(len(cand) - len(target)) > 2:
                    continue
                score = fuzz.ratio(target, cand)
                if score >= policy.single_word_cutoff:
                    scored.append(_Candidate(alias, score))
            return self._ties(scored)
        full, last = skeleton(" ".join(words)), skeleton(words[-1])
        scored = []
        for alias in self._people_many:
            cand = skeleton(alias.text)
            if fuzz.ratio(last, cand.split()[-1]) < policy.surname_cutoff:
                continue
            score = fuzz.ratio(full, cand)
            if score >= policy.full_name_cutoff:
                scored.append(_Candidate(alias, score))
        return self._ties(scored)

    def _fuzzy_place(self, text: str, key: str) -> list[_Candidate]:
        policy = self._policy
        letters = len(key.replace(" ", ""))
        if letters < policy.place_min_length or not text.strip()[:1].isupper():
            return []
        target = skeleton(key)
        choices = {i: skeleton(a.text) for i, a in enumerate(self._places)}
        hits = process.extract(
            target, choices, scorer=fuzz.ratio, score_cutoff=policy.place_cutoff, limit=10
        )
        scored = [
            _Candidate(self._places[i], score)
            for _, score, i in hits
            if choices[i][:1] == target[:1] and choices[i].count(" ") == target.count(" ")
        ]
        return self._ties(scored)

    def _ties(self, scored: list[_Candidate]) -> list[_Candidate]:
        if not scored:
            return []
        top = max(c.score for c in scored)
        return [c for c in scored if c.score >= top - self._policy.tie_margin]


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
