"""Actors and the words that name them.

An actor is whoever can hold a position: a state (ISO 3166-1 alpha-3), an
organisation (``NATO``, ``EU``, ``G7``) or a loose group (``COALITION``,
``EUROPE``). Articles rarely use the code: they say "the Kremlin", "the
Poles", "Italian Prime Minister" or "Melloni". Each of those words is an
``Alias``; the people who speak for a state are ``OfficeHolder`` terms, so a
name can be resolved to the state it spoke for *on the date it spoke*.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "ALIAS_KINDS",
    "ORGANISATION_CODES",
    "Actor",
    "ActorKind",
    "Alias",
    "AliasKind",
    "OfficeHolder",
    "Resolution",
]

ActorKind = Literal["state", "organisation", "group"]

AliasKind = Literal[
    "name",
    "short",
    "demonym",
    "plural_nationals",
    "adjective",
    "capital",
    "seat",
    "office",
    "person",
    "transliteration",
    "misspelling",
]

ALIAS_KINDS: tuple[AliasKind, ...] = get_args(AliasKind)

ORGANISATION_CODES: tuple[str, ...] = ("NATO", "EU", "G7", "COALITION", "EUROPE")


class Alias(BaseModel):
    """One way of naming an actor in running text."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(min_length=1, description="the words as an article writes them")
    actor: str = Field(description="the actor code this text stands for")
    kind: AliasKind
    ambiguous: bool = Field(
        default=False,
        description="the text also names another actor or is a common word; needs context",
    )
    person: str | None = Field(
        default=None, description="for person aliases: the office holder's canonical name"
    )


class Actor(BaseModel):
    """A state, organisation or group that can hold a position."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(pattern=r"^([A-Z]{3}|NATO|EU|G7|COALITION|EUROPE)$")
    name: str = Field(min_length=1)
    kind: ActorKind
    aliases: tuple[Alias, ...] = ()


class OfficeHolder(BaseModel):
    """One person's term in one office of one actor."""

    model_config = ConfigDict(frozen=True)

    person: str = Field(min_length=1, description="canonical name, as the office spells it")
    actor: str
    office: str = Field(min_length=1)
    start: date
    end: date | None = Field(
        default=None, description="the day the term ended (the successor's first); None if serving"
    )
    variants: tuple[str, ...] = Field(
        default=(), description="common transliterations and spellings across outlets"
    )
    surname: str | None = Field(
        default=None, description="family name when it is not the last word ('von der Leyen')"
    )
    surname_alias: bool = Field(
        default=True, description="whether the surname alone names this person"
    )
    source: str = Field(min_length=1, description="where the term's dates come from")
    note: str | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> OfficeHolder:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    @property
    def family_name(self) -> str:
        return self.surname or self.person.split()[-1]

    def in_office(self, on: date) -> bool:
        """True on every day from ``start`` up to (not including) ``end``.

        The handover day belongs to the successor, so two consecutive terms
        never overlap.
        """
        return self.start <= on and (self.end is None or on < self.end)


class Resolution(BaseModel):
    """What a piece of text was resolved to, and how sure the match is."""

    model_config = ConfigDict(frozen=True)

    query: str
    actor: str
    alias: str = Field(description="the alias text that matched")
    kind: AliasKind
    score: float = Field(ge=0, le=100, description="100 for an exact match")
    fuzzy: bool
    ambiguous: bool = False
    alternatives: tuple[str, ...] = Field(
        default=(), description="other actor codes the same text can stand for"
    )
    person: str | None = None
    office: str | None = None
    in_office: bool | None = Field(
        default=None, description="None when no date was given or the alias is not a person"
    )
