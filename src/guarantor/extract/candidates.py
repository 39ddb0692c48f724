"""Which (holder, sentence) pairs are worth classifying, and what the stance model reads of each.

Rules find what rules do well: sentences, actor mentions (aliases, garbled
names, office holders), the speaker of each sentence, option and cue words,
and the rule pipeline's own reading of the sentence. A ``Pair`` is one
candidate holder in one sentence: every actor named in it and the sentence's
speaker, each asked separately, so one sentence with several actors gets an
answer per actor. The model reads the sentence once (with the end of the
previous sentence as context: options named only by reference, "such a force",
take their meaning from there) and looks at each holder through the tokens of
its own mentions, plus a few features listed in ``FEATURES``.

Training and inference build pairs and features here, the same way, so the
model never sees an input it was not trained on.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from guarantor.domain import Option, Stance
from guarantor.extract.spans import Annotated, Candidate, Mention, Sentence

__all__ = ["FEATURES", "Pair", "PairFinder", "SentenceInput", "mark_mentions"]

CONTEXT_CHARS = 240  # of the previous sentence, kept as context (its end)
MAX_SENTENCE_CHARS = 700  # a longer "sentence" is cut: the model reads few tokens
_OPTIONS = [o.value for o in Option]
_STANCES = [s.value for s in Stance]
FEATURES = (
    ["speaker", "named", "previous", "quoted", "analysis", "question", "historical"]
    + ["organisation", "option_in_sentence", "cue_in_sentence"]
    + [f"rule:{o}:{s}" for o in _OPTIONS for s in _STANCES]
    + [f"option_word:{o}" for o in _OPTIONS]
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(frozen=True)
class SentenceInput:
    """What the encoder reads for one sentence: the sentence and the previous one's end."""

    index: int
    start: int  # offset of ``text`` in the document
    text: str
    context: str


@dataclass
class Pair:
    """One candidate holder in one sentence."""

    sentence: int
    actor: str
    spans: list[tuple[int, int]]  # its mentions, offsets into the document
    features: np.ndarray
    rules: tuple[Candidate, ...] = field(default=())
    speaker: str | None = None
    is_speaker: bool = False


def _holders(
    mentions: Sequence[Mention], speaker: Mention | None, previous: Sequence[str]
) -> dict[str, list[Mention]]:
    """Actors named in the sentence, its speaker, and those named in the sentence before
    (a holder often stands there: "The Netherlands ... It will also send ships")."""
    holders: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.actor and mention.voice:
            holders.setdefault(mention.actor, []).append(mention)
    if speaker is not None and speaker.actor:
        holders.setdefault(speaker.actor, [])
    for actor in previous:
        holders.setdefault(actor, [])
    return holders


def _features(
    sentence: Sentence,
    actor: str,
    named: bool,
    rules: Sequence[Candidate],
    words: set[str],
    hits: tuple[bool, bool, bool],
) -> np.ndarray:
    vector = np.zeros(len(FEATURES), dtype=np.float32)
    speaker = sentence.speaker.actor if sentence.speaker else None
    flags = {
        "speaker": speaker == actor,
        "named": named,
        "previous": hits[0],
        "option_in_sentence": hits[1],
        "cue_in_sentence": hits[2],
        "quoted": sentence.quoted,
        "analysis": sentence.analysis,
        "question": sentence.question or sentence.framed_question >= 0,
        "historical": sentence.historical,
        "organisation": not (len(actor) == 3 and actor.isupper()),
    }
    for name, on in flags.items():
        vector[_INDEX[name]] = float(on)
    for candidate in rules:
        vector[_INDEX[f"rule:{candidate.option}:{candidate.stance}"]] = 1.0
    for word in words:
        vector[_INDEX[f"option_word:{word}"]] = 1.0
    return vector


class PairFinder:
    """Finds the sentences worth reading and their pairs, after the rule pipeline ran."""

    def __call__(self, doc: Annotated) -> tuple[list[SentenceInput], list[Pair]]:
        starts = [m.start for m in doc.mentions]
        option_starts = [h.start for h in doc.options]
        cue_starts = [h.start for h in doc.cues]
        anaphor_starts = [h.start for h in doc.anaphors]
        by_sentence: dict[int, list[Candidate]] = {}
        for candidate in doc.candidates:
            by_sentence.setdefault(candidate.sentence, []).append(candidate)
        inputs: list[SentenceInput] = []
        pairs: list[Pair] = []
        previous: list[str] = []
        for index, sentence in enumerate(doc.sentences):
            lo, hi = sentence.start, min(sentence.end, sentence.start + MAX_SENTENCE_CHARS)
            options = doc.options[
                bisect.bisect_left(option_starts, lo) : bisect.bisect_left(option_starts, hi)
            ]
            cued = bisect.bisect_left(cue_starts, lo) < bisect.bisect_left(cue_starts, hi)
            anaphoric = bisect.bisect_left(anaphor_starts, lo) < bisect.bisect_left(
                anaphor_starts, hi
            )
            mentions = doc.mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
            named_here = [m.actor for m in mentions if m.actor and m.voice]
            before, previous = previous, list(dict.fromkeys(named_here))
            if not (options or cued or anaphoric or named_here):
                continue
            holders = _holders(mentions, sentence.speaker, before)
            if not holders:
                continue
            inputs.append(self._input(doc, index, lo, hi))
            words = {h.label for h in options}
            rules = by_sentence.get(index, [])
            for actor, named in holders.items():
                mine = tuple(c for c in rules if c.actor == actor)
                is_speaker = bool(sentence.speaker and sentence.speaker.actor == actor)
                hits = (not named and not is_speaker, bool(options), cued)
                pairs.append(
                    Pair(
                        sentence=index,
                        actor=actor,
                        spans=[(m.start, m.end) for m in named],
                        features=_features(sentence, actor, bool(named), mine, words, hits),
                        rules=mine,
                        speaker=sentence.speaker_text if is_speaker else None,
                        is_speaker=is_speaker,
                    )
                )
        return inputs, pairs

    @staticmethod
    def _input(doc: Annotated, index: int, lo: int, hi: int) -> SentenceInput:
        context = ""
        if index > 0:
            prev = doc.sentences[index - 1]
            context = doc.text[max(prev.start, prev.end - CONTEXT_CHARS) : prev.end]
        return SentenceInput(index=index, start=lo, text=doc.text[lo:hi], context=context)


def mark_mentions(text: str, lo: int, hi: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text[lo:hi]`` with each span inside it in ``[[ ]]`` (the linear baseline's view)."""
    out, at = [], lo
    for start, end in sorted(spans):
        if start < at or end > hi:
            continue
        out += [text[at:start], "[[ ", text[start:end], " ]]"]
        at = end
    out.append(text[at:hi])
    return "".join(out)
