"""The annotated document that flows through the extraction pipeline.

Each component reads the spans earlier ones recorded and adds its own; a
span is a pair of character offsets into ``Annotated.text``, so quotes can
always be cut back out of the original text exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guarantor.domain import Document, Position

__all__ = ["Annotated", "Candidate", "Hit", "Mention", "Sentence"]


@dataclass(slots=True)
class Mention:
    """A span naming an actor (or a pronoun/title standing for one)."""

    start: int
    end: int
    actor: str | None
    kind: str
    text: str
    person: str | None = None
    role: str = "holder"  # holder | object | modifier | possessive
    preposition: str | None = None
    voice: bool = True  # False for former officials, commentators
    plural: bool = False


@dataclass(slots=True)
class Hit:
    """A matched cue: an option, a stance cue, a condition or an outlet."""

    start: int
    end: int
    label: str
    index: int = 0  # which cue of the lexicon matched (stance cues)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    question: bool = False
    quoted: bool = False  # the sentence opens with a quotation mark
    speaker: Mention | None = None
    speaker_text: str | None = None
    speaker_at: int = -1  # where the reporting verb stands
    reported_by: str | None = None
    analysis: bool = False
    stated_on: str | None = None
    historical: bool = False
    framed_question: int = -1  # offset after which the sentence is an indirect question


@dataclass(slots=True)
class Candidate:
    """A position before it becomes a ``Position``: found, not yet graded."""

    sentence: int
    actor: str
    option: str
    stance: str
    conditions: tuple[str, ...] = ()
    speaker: str | None = None
    claimed_by: str | None = None
    analysis: bool = False
    inferred: bool = False
    anonymous: bool = False
    confidence: float | None = None  # the learned model's probability; None from rules


@dataclass
class Annotated:
    document: Document
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    options: list[Hit] = field(default_factory=list)
    anaphors: list[Hit] = field(default_factory=list)
    cues: list[Hit] = field(default_factory=list)
    conditions: list[Hit] = field(default_factory=list)
    outlets: list[Hit] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
