"""Attribution: speaker, outlet cited, outlet analysis, statement dates."""

from __future__ import annotations

from collections.abc import Callable

from guarantor.domain import Position
from guarantor.extract.attribution import stated_on


def test_stated_on_reads_month_and_day() -> None:
    assert stated_on("Back in February 2024, Paris hosted talks.") == "2024-02"
    assert stated_on("On 3 March 2025 the leaders met.") == "2025-03-03"
    assert stated_on("Last week they met.") is None


def test_speaker_after_the_quote_and_claimed_by(extract: Callable[[str], list[Position]]) -> None:
    text = "“Austria and Ireland want to send troops,” the Slovak Prime Minister said."
    positions = extract(text)
    assert {(p.actor, p.claimed_by) for p in positions} == {("AUT", "SVK"), ("IRL", "SVK")}
    assert all(p.speaker and "Slovak Prime Minister" in p.speaker for p in positions)


def test_first_person_in_a_quote_is_the_speaker(extract: Callable[[str], list[Position]]) -> None:
    positions = extract("“We will not send soldiers,” Belgian Defence Minister said on Monday.")
    assert [(p.actor, p.stance.value) for p in positions] == [("BEL", "oppose")]


def test_outlet_analysis_and_reported_by(extract: Callable[[str], list[Position]]) -> None:
    analysis = extract("Bloomberg believes that Portugal will not send troops.")
    assert [(p.actor, p.reported_by, p.analysis) for p in analysis] == [("PRT", "Bloomberg", True)]
    relayed = extract("Latvia is ready to send troops, Reuters reported.")
    assert [(p.reported_by, p.analysis) for p in relayed] == [("Reuters", False)]


def test_the_publication_refers_to_the_last_outlet(
    extract: Callable[[str], list[Position]],
) -> None:
    text = "Reuters saw the memo. As noted by the publication, Croatia backs sanctions."
    assert [p.reported_by for p in extract(text)] == ["Reuters"]


def test_recalled_positions_carry_their_date(extract: Callable[[str], list[Position]]) -> None:
    text = "In March 2024, Lithuania said it was ready to send troops."
    assert [p.stated_on for p in extract(text)] == ["2024-03"]
