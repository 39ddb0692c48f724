"""guarantor backtest: scores, outcomes (from evidence or a file), folds, the track record."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.beliefs.backtest import World, folds, run_backtest
from guarantor.beliefs.outcomes import outcomes_after, read_outcomes, score
from guarantor.beliefs.trackrecord import beats_every_baseline, beats_v1
from guarantor.domain.evidence import Evidence, Provenance
from guarantor.domain.grade import Grade
from guarantor.domain.scenario import LogoddsV2, Scenario
from guarantor.domain.vocabulary import Option, Stance
from guarantor.errors import InputError
from guarantor.registry import load_registry

FIT = Path(__file__).resolve().parents[2] / "src/guarantor/data/beliefs/fit.json"


def said(actor: str, stance: Stance, day: date | None, ref: str = "r") -> Evidence:
    return Evidence(
        actor=actor,
        option=Option.GROUND_TROOPS,
        stance=stance,
        grade=Grade.parse("B2"),
        stated_on=day,
        source_key=f"outlet:{ref}",
        provenance=Provenance(kind="ledger", ref=ref, text="ours", url=f"https://x/{ref}"),
    )


def test_scores_on_known_forecasts() -> None:
    perfect = score([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])
    assert perfect.auc == 1.0 and perfect.n == 4
    assert perfect.brier == pytest.approx((0.01 + 0.04 + 0.04 + 0.01) / 4, abs=1e-4)
    assert score([0.5, 0.5], [1, 0]).auc == 0.5  # ties count half
    assert score([0.3, 0.7], [1, 0]).auc == 0.0
    assert score([0.4], [1]).auc is None  # one class: no AUC


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(0.01, 0.99), st.integers(0, 1)), min_size=2, max_size=30))
def test_auc_is_unchanged_by_a_monotone_recalibration(pairs: list[tuple[float, int]]) -> None:
    p = [x for x, _ in pairs]
    y = [o for _, o in pairs]
    assert score(p, y).auc == score([x**3 for x in p], y).auc


def test_outcome_is_the_latest_decided_stance_after_the_cutoff() -> None:
    cutoff = date(2025, 3, 31)
    evidence = [
        said("AAA", Stance.OPPOSE, date(2025, 2, 1), "a0"),  # before: not an outcome
        said("AAA", Stance.SUPPORT, date(2025, 9, 1), "a1"),
        said("BBB", Stance.CONDITIONAL, date(2025, 5, 1), "b1"),
        said("BBB", Stance.OPPOSE, date(2025, 12, 1), "b2"),
        said("CCC", Stance.UNCERTAIN, date(2025, 9, 1), "c1"),  # undecided: none
        said("DDD", Stance.SUPPORT, None, "d1"),  # undated: never an outcome
    ]
    actors = ["AAA", "BBB", "CCC", "DDD"]
    found = {o.actor: o for o in outcomes_after(evidence, Option.GROUND_TROOPS, cutoff, actors)}
    assert {a: o.outcome for a, o in found.items()} == {"AAA": 1, "BBB": 0}
    assert found["AAA"].source == "https://x/a1"


def test_an_outcomes_file_is_validated_with_file_and_line(tmp_path: Path) -> None:
    good = tmp_path / "o.csv"
    good.write_text(
        "actor,option,outcome,date,source\n"
        "gbr,ground_troops,committed,2026-01-06,https://example.org/a\n"
        "POL,ground_troops,0,2025-09-04,https://example.org/b\n"
    )
    rows = read_outcomes(good)
    assert [(r.actor, r.outcome) for r in rows] == [("GBR", 1), ("POL", 0)]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "actor,option,outcome,date,source\n"
        "GBR,ground_troops,1,2026-01-06,x\n"
        "POL,ground_troops,maybe,2025-09-04,y\n"
    )
    with pytest.raises(InputError, match="maybe") as error:
        read_outcomes(bad)
    assert f"{bad}:3" in str(error.value)
    with pytest.raises(InputError, match="header"):
        (tmp_path / "h.csv").write_text("who,what\n")
        read_outcomes(tmp_path / "h.csv")


def test_folds_are_stratified_and_deterministic() -> None:
    outcomes = {f"S{i:02d}": i % 3 == 0 for i in range(20)}
    dealt = folds({a: int(v) for a, v in outcomes.items()})
    assert dealt == folds({a: int(v) for a, v in outcomes.items()})
    for fold in range(5):
        members = [a for a, f in dealt.items() if f == fold]
        assert 1 <= sum(outcomes[a] for a in members) <= 2


def test_backtest_json_keeps_its_contract_on_the_bundled_data() -> None:
    world = World(load_registry(), _ledger_evidence(), Scenario())
    result = run_backtest(world, date(2025, 3, 31), Option.GROUND_TROOPS).as_json()
    for key in ("as_of", "option", "n", "auc", "brier", "log_loss", "baselines", "actors"):
        assert key in result
    assert set(result["baselines"]) == {"prior_only", "naive_count", "last_stance"}
    assert set(result["other_rules"]) == {"beliefs.logodds.v1"}
    scored = [*result["baselines"].values(), *result["other_rules"].values()]
    assert all(set(s) == {"auc", "brier", "log_loss"} for s in scored)
    assert result["n"] == len(result["actors"]) >= 20
    assert {"actor", "p", "outcome"} <= set(result["actors"][0])
    assert all(0 < row["p"] < 1 for row in result["actors"])


def test_the_bar_is_the_naive_baselines_and_v1_is_judged_apart() -> None:
    def scores(auc: float, brier: float) -> dict[str, float]:
        return {"auc": auc, "brier": brier, "log_loss": 0.6}

    result = {
        "auc": 0.80,
        "brier": 0.18,
        "baselines": {
            "prior_only": scores(0.5, 0.25),
            "naive_count": scores(0.7, 0.20),
            "last_stance": scores(0.7, 0.19),
        },
        "other_rules": {"beliefs.logodds.v1": scores(0.82, 0.19)},
    }
    assert beats_every_baseline(result) and not beats_v1(result)
    result["baselines"]["last_stance"] = scores(0.7, 0.18)  # a tie is not a win
    assert not beats_every_baseline(result)


def test_the_shipped_v2_parameters_are_the_committed_fit() -> None:
    record = json.loads(FIT.read_text())
    assert record["fitted"]["parameters"] == LogoddsV2().model_dump()
    assert record["ground_beats_every_baseline"] == all(
        beats_every_baseline(b) for b in record["backtests"] if b["option"] == "ground_troops"
    )


def _ledger_evidence() -> list[Evidence]:
    from guarantor.beliefs import evidence_from_ledger, independent_sources

    return independent_sources(evidence_from_ledger(load_registry().ledger))
