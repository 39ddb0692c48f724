"""Per-state base rates from history (``beliefs.logodds.v2``): what a state did before.

Two sourced registry tables feed them: ``missions`` (did the state take part in
earlier multinational missions of the option's kind: IFOR/SFOR, KFOR, ISAF,
EUFOR Althea, UNIFIL on land; Atalanta and UNIFIL's maritime task force at
sea) and ``meetings`` (did it attend the coalition of the willing's meetings).
Only what was known by ``as_of`` counts: missions of earlier years, meetings
held on or before the day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from guarantor.domain.history import MeetingAttendance, MissionFamily, MissionRecord
from guarantor.domain.vocabulary import Option

__all__ = ["FAMILY", "History", "Record"]

FAMILY: dict[Option, MissionFamily] = {
    Option.GROUND_TROOPS: MissionFamily.LAND,
    Option.WESTERN_TROOPS_IN_UKRAINE: MissionFamily.LAND,
    Option.AIR_SUPPORT: MissionFamily.AIR,
    Option.NAVAL_SUPPORT: MissionFamily.MARITIME,
}


@dataclass(frozen=True)
class Record:
    """One state's history as of a day: the two shares the v2 prior reads."""

    missions: float  # share of the kind's earlier missions it took part in
    missions_seen: int  # how many missions that share is over
    meetings: float  # share of the coalition's meetings held so far that it attended
    meetings_seen: int

    def describe(self) -> str:
        return (
            f"took part in {self.missions:.0%} of {self.missions_seen} earlier missions; "
            f"attended {self.meetings:.0%} of {self.meetings_seen} coalition meetings"
        )


@dataclass(frozen=True)
class History:
    """The registry's missions and meetings, read as of a day."""

    missions: tuple[MissionRecord, ...] = ()
    meetings: tuple[MeetingAttendance, ...] = ()

    @classmethod
    def of(
        cls, missions: Iterable[MissionRecord], meetings: Iterable[MeetingAttendance]
    ) -> History:
        return cls(tuple(missions), tuple(meetings))

    def _mission_share(
        self, actor: str, family: MissionFamily | None, day: date
    ) -> tuple[float, int]:
        known = [m for m in self.missions if m.year <= day.year]
        kind = [m for m in known if m.family is family]
        chosen = kind or known  # no mission of this kind recorded: all kinds
        names = {m.mission for m in chosen}
        took = {m.mission for m in chosen if m.actor == actor and m.took_part}
        return (len(took) / len(names) if names else 0.0), len(names)

    def _meeting_share(self, actor: str, day: date) -> tuple[float, int]:
        held = {(m.meeting, m.held_on) for m in self.meetings if m.held_on <= day}
        went = {
            (m.meeting, m.held_on)
            for m in self.meetings
            if m.held_on <= day and m.actor == actor and m.attended
        }
        return (len(went) / len(held) if held else 0.0), len(held)

    def record(self, actor: str, option: Option, day: date) -> Record:
        """The state's shares for ``option``'s kind of mission, as known on ``day``."""
        missions, seen = self._mission_share(actor, FAMILY.get(option), day)
        meetings, held = self._meeting_share(actor, day)
        return Record(missions, seen, meetings, held)
