"""Fuzzy matching of garbled names, with the guards that keep it honest.

Machine translation mangles names ("Melloni", "Volodimir Zelenski", "Caroline
Levit"). The matcher forgives that, but only under the limits of
``data/actors/fuzzy.yaml``: a one-word query must be capitalised, long
enough, keep the surname's first and last letters and be neither a listed
look-alike nor a holder's given name; a longer name must match a holder's
surname closely and the whole name well. Scores are rapidfuzz ratios on a phonetic skeleton.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from guarantor.domain.actors import Alias
from guarantor.registry.actor_aliases import alias_key, fold, skeleton
from guarantor.registry.actor_data import FuzzyPolicy

__all__ = ["Candidate", "FuzzyMatcher", "Word", "split_words"]

_PLACE_KINDS = ("name", "short", "capital", "transliteration", "misspelling")


@dataclass(frozen=True)
class Word:
    """One folded word of a query, and whether the writer capitalised it."""

    key: str
    capital: bool


@dataclass(frozen=True)
class Candidate:
    alias: Alias
    score: float


def split_words(text: str) -> list[Word]:
    """Folded words with their capitalisation: "Jean-Pierre" -> jean, pierre (both capital)."""
    words: list[Word] = []
    for token in text.split():
        capital = token.lstrip("\"'“‘(")[:1].isupper()
        words.extend(Word(part, capital) for part in fold(token).split())
    return words


def _join(words: list[Word]) -> str:
    return " ".join(w.key for w in words)


class FuzzyMatcher:
    """Fuzzy lookups over the person and place aliases of an index."""

    def __init__(self, aliases: list[Alias], policy: FuzzyPolicy) -> None:
        self.policy = policy
        self._not_names = {alias_key(w) for w in policy.not_names}
        self._one: list[tuple[str, Alias]] = []
        self._many: list[tuple[str, str, Alias]] = []
        places: list[Alias] = []
        for alias in aliases:
            key = alias_key(alias.text)
            if alias.person is not None:
                skel = skeleton(alias.text)
                if " " in key:
                    self._many.append((skel, skel.split()[-1], alias))
                else:
                    self._one.append((skel, alias))
            elif alias.kind in _PLACE_KINDS and len(key.replace(" ", "")) >= (
                policy.place_min_length
            ):
                places.append(alias)
        # A holder's given name is a name, not a garbled surname: "Martin" must
        # not reach Sanna Marin, nor "Michael" Charles Michel.
        self._not_names |= {key.split()[0] for _, _, a in self._many for key in [alias_key(a.text)]}
        self._places = places
        self._place_skeletons = [skeleton(a.text) for a in places]

    def person(self, words: list[Word]) -> list[Candidate]:
        """People whose name the words could be a garbled form of."""
        if not words:
            return []
        if len(words) == 1:
            return self._ties(self._one_word(words[0]))
        full, last = skeleton(_join(words)), skeleton(words[-1].key)
        scored = []
        for cand, cand_last, alias in self._many:
            if fuzz.ratio(last, cand_last) < self.policy.surname_cutoff:
                continue
            score = fuzz.ratio(full, cand)
            if score >= self.policy.full_name_cutoff:
                scored.append(Candidate(alias, score))
        return self._ties(scored)

    def _one_word(self, word: Word) -> list[Candidate]:
        policy = self.policy
        if len(word.key) < policy.min_length or not word.capital or word.key in self._not_names:
            return []
        target = skeleton(word.key)
        scored = []
        for cand, alias in self._one:
            # Garbled names keep their first and last letters ("Melloni",
            # "Zaharova"); English look-alikes mostly do not ("Coastal").
            if cand[0] != target[0] or cand[-1] != target[-1]:
                continue
            if abs(len(cand) - len(target)) > 2:
                continue
            score = fuzz.ratio(target, cand)
            if score >= policy.single_word_cutoff:
                scored.append(Candidate(alias, score))
        return scored

    def place(self, words: list[Word]) -> list[Candidate]:
        """Actor and place names the words could be a misspelling of."""
        key = _join(words)
        if len(key.replace(" ", "")) < self.policy.place_min_length or not words[0].capital:
            return []
        target = skeleton(key)
        hits = process.extract(
            target,
            self._place_skeletons,
            scorer=fuzz.ratio,
            score_cutoff=self.policy.place_cutoff,
            limit=10,
        )
        scored = [
            Candidate(self._places[i], score)
            for choice, score, i in hits
            if choice[:1] == target[:1]
            and choice[-1:] == target[-1:]
            and choice.count(" ") == target.count(" ")
        ]
        return self._ties(scored)

    def _ties(self, scored: list[Candidate]) -> list[Candidate]:
        if not scored:
            return []
        top = max(c.score for c in scored)
        return [c for c in scored if c.score >= top - self.policy.tie_margin]
