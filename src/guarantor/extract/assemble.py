"""Positions from the spans: pair each stance cue with its holder and options.

Per sentence, a stance cue takes the options after it up to the next cue of
its clause (a cue followed by "that" takes its whole clause and silences the
cues inside: "Meloni's proposal that NATO would provide ..."). Negation in
front of a cue flips support to oppose; a condition right after an option
makes that option's stance conditional; a sentence with a condition, an
option and a holder but no cue is a requirement ("any mission must be
coordinated with Russia"). Questions, indirect questions and sentences about
events before ``historical_before`` give nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from guarantor.extract.holders import Holder, SentenceView
from guarantor.extract.holding import STATE, HolderRules
from guarantor.extract.lexicon import Cue, Lexicon
from guarantor.extract.scope import ConditionScope
from guarantor.extract.spans import Annotated, Candidate, Hit

__all__ = ["Positioner"]

_RECIPIENT_OPTIONS = frozenset(
    {"security_guarantee", "collective_defense", "military_aid", "financial_aid", "air_support"}
)
_TIMED_THAT = re.compile(
    r"\s+(?:(?:on|this|last|again|also|publicly|repeatedly|earlier|today|yesterday|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|morning|evening)\s+){1,3}"
    r"that\s"
)
_FORCE_OPTIONS = frozenset({"ground_troops", "naval_support", "air_support"})
# A state's own stance is never conditional on itself (the US on a US backstop).
_SELF_CONDITION = {"us_backstop": "USA", "russia_consent": "RUS"}
_INFINITIVE_GAP = re.compile(r"^\s*(?:to\s+)?(?:be\s+)?$")


def _inside_options(doc: Annotated) -> None:
    """ "Ukraine's path to NATO": a name inside an option's words is its object."""
    starts = [o.start for o in doc.options]
    for mention in doc.mentions:
        if mention.role not in ("holder", "possessive"):
            continue
        i = bisect.bisect_right(starts, mention.start)
        for option in doc.options[max(0, i - 3) : i]:
            if option.start <= mention.start and mention.end <= option.end:
                mention.role = "modifier"
                break
        follows = doc.options[i : i + 1]
        if mention.role == "possessive" and follows and 0 <= follows[0].start - mention.end <= 3:
            forces = follows[0].label in _FORCE_OPTIONS  # "Bulgaria's navy will take part"
            mention.role = "owner" if forces else "modifier"  # "Ukraine's accession to NATO"


def _slice(hits: list[Hit], starts: list[int], lo: int, hi: int) -> list[Hit]:
    return hits[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


class Positioner:
    """Component: records ``Candidate`` positions, one per holder, option and stance."""

    name = "positions"

    def __init__(self, lexicon: Lexicon) -> None:
        self._lex = lexicon

    def __call__(self, doc: Annotated) -> Annotated:
        _inside_options(doc)
        starts = {
            "m": [m.start for m in doc.mentions],
            "o": [h.start for h in doc.options],
            "c": [h.start for h in doc.cues],
            "k": [h.start for h in doc.conditions],
            "a": [h.start for h in doc.anaphors],
        }
        previous: list[str] = []
        for index, sentence in enumerate(doc.sentences):
            lo, hi = sentence.start, sentence.end
            options = _slice(doc.options, starts["o"], lo, hi)
            if sentence.question or sentence.historical or sentence.framed_question >= 0:
                previous = sorted({o.label for o in options}) or previous
                continue
            cues = _slice(doc.cues, starts["c"], lo, hi)
            conditions = _slice(doc.conditions, starts["k"], lo, hi)
            anaphors = _slice(doc.anaphors, starts["a"], lo, hi)
            if (options or anaphors) and (cues or conditions):
                mentions = doc.mentions[
                    bisect.bisect_left(starts["m"], lo) : bisect.bisect_left(starts["m"], hi)
                ]
                view = SentenceView(doc, index, self._lex, mentions)
                options = self._clause_suppress(view, options)
                found = _SentenceRules(self._lex, view, options, cues, conditions, anaphors)
                doc.candidates.extend(found.run(previous))
            previous = sorted({o.label for o in options}) or previous
        return doc

    def _clause_suppress(self, view: SentenceView, options: list[Hit]) -> list[Hit]:
        rules = self._lex.clause_suppresses
        winners = [(view.clause(o.start), rules[o.label]) for o in options if o.label in rules]
        if not winners:
            return options
        return [
            hit
            for hit in options
            if not any(
                hit.label in losers and clause == view.clause(hit.start)
                for clause, losers in winners
            )
        ]


class _SentenceRules(HolderRules):
    def __init__(
        self,
        lexicon: Lexicon,
        view: SentenceView,
        options: list[Hit],
        cues: list[Hit],
        conditions: list[Hit],
        anaphors: list[Hit],
    ) -> None:
        self.lex, self.view = lexicon, view
        self.options, self.cues, self.conditions, self.anaphors = (
            options,
            cues,
            conditions,
            anaphors,
        )
        self.text = view.doc.text
        self.scope = ConditionScope(lexicon, view, conditions, anaphors)
        self.options = self.scope.own_options(options)
        self.cues = self.scope.stance_cues(cues)
        self.out: list[Candidate] = []
        self.used: set[int] = set()  # options some cue has taken

    def run(self, previous: list[str]) -> list[Candidate]:
        silenced_until = -1
        coholders = [c for c in self.cues if self.lex.cue_info[c.index].stance == "coholder"]
        for number, cue in enumerate(self.cues):
            info = self.lex.cue_info[cue.index]
            if cue.start < silenced_until or info.stance == "coholder":
                continue
            clause = self.view.clause(cue.start)
            governs = self._that_clause(cue) or self.text.startswith((" whether ", " if "), cue.end)
            inner = self._infinitive(cue, number)
            if inner is not None:
                inner_stance = self.lex.cue_info[inner.index].stance
                if info.stance == "support" and inner_stance in ("oppose", "uncertain"):
                    continue  # "decided to reject": the inner verb is the stance
                governs = True  # "refuses to support": the outer verb is the stance
                if info.stance == "oppose" and inner_stance == "oppose":
                    info = replace(info, stance="uncertain")  # "refused to rule out"
            if governs:
                silenced_until = clause[1]
            self._cue(cue, info, clause, governs, previous, coholders)
            if governs and not self.out and self._that_clause(cue):
                self._complement_subject(cue, info, clause, previous)
        self._requirement()
        return self.out

    def _infinitive(self, cue: Hit, number: int) -> Hit | None:
        """The next cue when it is this one's infinitive: "refuses to support"."""
        if number + 1 >= len(self.cues):
            return None
        following = self.cues[number + 1]
        gap = self.text[cue.end : following.start]
        linked = _INFINITIVE_GAP.match(gap) and (
            "to" in gap.split() or self.text.endswith("to", 0, cue.end)
        )
        return following if linked else None

    def _that_clause(self, cue: Hit) -> bool:
        """The cue takes a that-clause: "proposal that ...", "unlikely that ..."."""
        return (
            self.text.startswith(" that ", cue.end)
            or self.text.endswith("that", 0, cue.end)
            or bool(_TIMED_THAT.match(self.text, cue.end))  # "did not exclude on Monday that"
        )

    # -- one cue -----------------------------------------------------------
    def _cue(
        self,
        cue: Hit,
        info: Cue,
        clause: tuple[int, int],
        governs: bool,
        previous: list[str],
        coholders: list[Hit],
    ) -> None:
        options = self._options(cue, info, clause, governs, previous)
        if not options:
            return
        self.used.update(o.start for o in options)
        holders = self._holders(cue, info, clause)
        if not holders:
            return
        holders += self._coholders(coholders, clause)
        stance = self._stance(cue, info, clause)
        for holder in self._named_members(holders, cue, clause):
            for option in options:
                self._emit(holder, option, stance, info, cue)

    def _complement_subject(
        self, cue: Hit, info: Cue, clause: tuple[int, int], previous: list[str]
    ) -> None:
        """ "It is unlikely that Spain will send troops": the subject of the that-clause."""
        options = self._options(cue, info, clause, True, previous)
        holders = self.view.next_actor(cue.end)
        stance = self._stance(cue, info, clause)
        for holder in holders:
            if holder.mention is not None and holder.mention.role == "holder":
                for option in options:
                    self._emit(holder, option, stance, info, cue)

    def _options(
        self, cue: Hit, info: Cue, clause: tuple[int, int], governs: bool, previous: list[str]
    ) -> list[Hit]:
        if info.stance == "prefer":
            earlier = [c.end for c in self.cues if clause[0] <= c.end <= cue.start]
            begin = max([clause[0], *earlier])
            return [o for o in self.options if begin <= o.start < clause[1]]
        aside = self.view.relative(cue.start)
        if aside is not None:  # ", which cannot deploy troops abroad,": its own small clause
            clause = (clause[0], min(clause[1], aside[1]))
        later = [c.start for c in self.cues if cue.start < c.start < clause[1]]
        stop = clause[1] if governs or not later else later[0]
        if info.requirement:
            stop = clause[1]
        after = [o for o in self.options if cue.start <= o.start < stop]
        if after or info.option_after:
            return after or self._anaphoric(cue.start, stop, previous)
        anaphoric = self._anaphoric(cue.start, stop, previous)
        if anaphoric:
            return anaphoric
        in_relative = self.view.relative(cue.start) is not None
        if info.option_before or in_relative:
            before = [o for o in self.options if clause[0] <= o.start < cue.start]
            if not before:  # elided: "... was backed by France but rejected by Italy"
                before = [o for o in self.options if o.start < cue.start]
            return before[-1:]
        return []

    def _anaphoric(self, start: int, stop: int, previous: list[str]) -> list[Hit]:
        if len(previous) != 1:
            return []
        return [Hit(a.start, a.end, previous[0]) for a in self.anaphors if start <= a.start < stop]

    def _stance(self, cue: Hit, info: Cue, clause: tuple[int, int]) -> str:
        stance = info.stance
        if stance in ("uncertain", "prefer", "depends"):
            return stance
        start = max(clause[0], cue.start - self.lex.negation_window)
        start = max(start, self.text.rfind(",", start, cue.start) + 1)  # not across a comma
        window = self.text[start : cue.start]
        window = window[window.rfind(" that ") + 1 :]  # "does not hide that it wants"
        negated = bool(self.lex.negators.search(window))
        if info.negation_inside:
            negated = negated or bool(self.lex.negators.search(self.text, cue.start, cue.end))
        if not negated:
            return stance
        return "oppose" if stance == "support" else "uncertain"

    # -- recording -----------------------------------------------------------
    def _emit(self, holder: Holder, option: Hit, stance: str, info: Cue, cue: Hit) -> None:
        if stance == "prefer":
            than = self.text.find(" than ", cue.end, self.view.sentence.end)
            stance = "oppose" if 0 <= than < option.start else "support"
        if stance in ("support", "oppose") and (self._reversed(cue, option) != (option.index == 1)):
            stance = "oppose" if stance == "support" else "support"
        conditions = tuple(
            c for c in self.scope.for_option(option) if _SELF_CONDITION.get(c) != holder.actor
        )
        if stance == "depends":  # "will depend on a US backstop": conditional, else undecided
            stance = "conditional" if conditions else "uncertain"
        elif conditions and stance in ("support", "oppose", "uncertain"):
            stance = "conditional"
        else:
            conditions = ()
        self._add(holder, option.label, stance, conditions)
        if info.payment:
            self._payee(option)

    def _reversed(self, cue: Hit, option: Hit) -> bool:
        """ "demands that Ukraine renounce NATO membership": the option is turned around."""
        if option.start <= cue.end:
            return False
        between = self.text[max(cue.end, option.start - 60) : option.start]
        return bool(self.lex.reversers.search(between))

    def _payee(self, option: Hit) -> None:
        """The seller in "pay for American weapons" gives them on payment."""
        for mention in self.view.mentions:
            near = mention.end <= option.start and option.start - mention.end <= 2
            if near and mention.actor and mention.kind in ("adjective", "demonym"):
                holder = Holder(mention.actor, mention, "mention")
                self._add(holder, option.label, "conditional", ("payment",))

    def _requirement(self) -> None:
        """Actor + option + condition and no stance cue: a conditional position."""
        free = [o for o in self.options if o.start not in self.used]
        if not self.conditions or not free:
            return
        holders: list[Holder] = []
        for option in free:
            holders = holders or self.view.before(option.end, owners_ok=True)
        holders = holders or self.view.speaker()
        for holder in holders:
            for option in free:
                conditions = self.scope.for_option(option, sentence_wide=True)
                if conditions:
                    self._add(holder, option.label, "conditional", conditions)

    def _add(self, holder: Holder, option: str, stance: str, conditions: tuple[str, ...]) -> None:
        sentence = self.view.sentence
        actor = holder.actor
        speaker_actor = sentence.speaker.actor if sentence.speaker else None
        if (
            actor == "UKR"
            and option in _RECIPIENT_OPTIONS
            and speaker_actor
            and speaker_actor != "UKR"
            and STATE.match(speaker_actor)
            and holder.via != "speaker"
        ):
            actor = speaker_actor
        if option == "ground_troops" and actor in self.lex.foreign_troops_for:
            option = "western_troops_in_ukraine"
        claimed = (
            speaker_actor
            if speaker_actor
            and speaker_actor != actor
            and STATE.match(speaker_actor)
            and STATE.match(actor)
            else None
        )
        speaker = sentence.speaker_text
        if speaker is None and holder.mention is not None and holder.via != "coholder":
            speaker = holder.mention.text
        self.out.append(
            Candidate(
                sentence=self.view.index,
                actor=actor,
                option=option,
                stance=stance,
                conditions=conditions,
                speaker=speaker,
                claimed_by=claimed,
                analysis=sentence.analysis or holder.via == "coholder",
                inferred=holder.via in ("coholder", "after"),
            )
        )
