"""The hybrid extractors: pairs, the decision rule, the released models and the fallback."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.domain import Document
from guarantor.extract import (
    EXTRACTOR_NAME,
    HYBRID_MODELS,
    HYBRID_NAME,
    default_pipeline,
    extract_document,
    model_folder,
    pipeline_for,
)
from guarantor.extract.candidates import FEATURES, PairFinder
from guarantor.extract.hybrid import decide
from guarantor.extract.labels import CONDITIONS, OPTIONS
from guarantor.extract.spans import Annotated
from guarantor.extract.stance_model import ModelFiles, verify_card

TEXT = (
    "Poland will not send troops to Ukraine, Prime Minister Donald Tusk said on Tuesday. "
    "France and Britain said they are ready to deploy a reassurance force. "
    "It would also help secure the Black Sea."
)


def _annotated(text: str = TEXT) -> Annotated:
    doc = Annotated(document=Document(source="t", text=text, content_hash="h"), text=text)
    for component in default_pipeline().components:
        doc = component(doc)
    return doc


def test_each_actor_in_a_sentence_is_its_own_pair_marked_by_its_own_mentions() -> None:
    inputs, pairs = PairFinder()(_annotated())
    second = [p for p in pairs if p.sentence == 1]
    assert {p.actor for p in second} >= {"FRA", "GBR"}
    spans = {p.actor: p.spans for p in second}
    assert spans["FRA"] != spans["GBR"]
    assert all(len(p.features) == len(FEATURES) for p in pairs)
    assert {s.index for s in inputs} == {p.sentence for p in pairs}


def test_a_holder_named_in_the_sentence_before_is_a_candidate() -> None:
    _, pairs = PairFinder()(_annotated())
    third = {p.actor: p for p in pairs if p.sentence == 2}
    assert "FRA" in third and not third["FRA"].spans
    assert third["FRA"].features[FEATURES.index("previous")] == 1.0


def _probs(n: int, option: int, stance: int, p: float) -> tuple[np.ndarray, np.ndarray]:
    stances = np.zeros((n, len(OPTIONS), 5))
    stances[:, :, 0] = 1.0
    stances[0, option] = [1 - p] + [0.0] * 4
    stances[0, option, stance] = p
    return stances, np.zeros((n, len(CONDITIONS)))


def test_decide_records_the_stance_with_its_confidence_at_the_threshold() -> None:
    doc = _annotated()
    _, pairs = PairFinder()(doc)
    k = OPTIONS.index("ground_troops")
    stances, conds = _probs(len(pairs), k, 2, 0.7)  # oppose
    found = decide(doc, pairs, stances, conds, threshold=0.5)
    assert [(c.actor, c.option, c.stance, c.confidence) for c in found] == [
        (pairs[0].actor, "ground_troops", "oppose", 0.7)
    ]
    assert decide(doc, pairs, stances, conds, threshold=0.75) == []


def test_a_conditional_stance_takes_the_condition_head_else_the_rules() -> None:
    doc = _annotated()
    _, pairs = PairFinder()(doc)
    stances, conds = _probs(len(pairs), 0, 3, 0.9)  # conditional
    conds[0, CONDITIONS.index("us_backstop")] = 0.8
    (found,) = decide(doc, pairs, stances, conds)
    assert found.stance == "conditional" and found.conditions == ("us_backstop",)


@settings(max_examples=40, deadline=None)
@given(
    low=st.floats(0.05, 0.95),
    high=st.floats(0.05, 0.95),
    seed=st.integers(0, 2**16),
)
def test_a_higher_threshold_never_adds_a_position(low: float, high: float, seed: int) -> None:
    low, high = sorted((low, high))
    doc = _annotated()
    _, pairs = PairFinder()(doc)
    rng = np.random.default_rng(seed)
    stances = rng.dirichlet(np.ones(5), size=(len(pairs), len(OPTIONS)))
    conds = rng.random((len(pairs), len(CONDITIONS)))
    fewer = {(c.actor, c.option, c.stance) for c in decide(doc, pairs, stances, conds, high)}
    more = {(c.actor, c.option, c.stance) for c in decide(doc, pairs, stances, conds, low)}
    assert fewer <= more


def test_missing_model_files_fall_back_to_the_rules_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("guarantor.extract.model_folder", lambda name=HYBRID_NAME: tmp_path)
    pipeline_for.cache_clear()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pipeline = pipeline_for(HYBRID_NAME, 0.41)
        assert pipeline.extractor == EXTRACTOR_NAME
        assert any("extracting with extract.rules.v1" in str(w.message) for w in caught)
    finally:
        pipeline_for.cache_clear()


def test_an_unknown_extractor_name_is_an_error() -> None:
    from guarantor.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="unknown extractor"):
        pipeline_for("extract.magic.v9")


def test_an_unknown_hybrid_has_no_model_folder() -> None:
    from guarantor.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="unknown hybrid extractor"):
        model_folder("extract.hybrid.v9")


every_release = pytest.mark.parametrize("name", list(HYBRID_MODELS))


@every_release
def test_each_released_model_is_small_and_its_card_matches_its_files(name: str) -> None:
    files = ModelFiles(model_folder(name))
    assert files.present(), f"{name}: model files missing in {files.folder}"
    assert files.encoder.stat().st_size + files.head.stat().st_size <= 30 * 1024 * 1024
    card = json.loads(files.card.read_text(encoding="utf-8"))
    assert card["features"] == FEATURES and card["name"] == name
    assert verify_card(files) == []


@every_release
def test_hybrid_positions_carry_confidence_and_the_rules_do_not(name: str) -> None:
    document = Document(source="t", text=TEXT, content_hash="h")
    hybrid = extract_document(document, extractor=name)
    rules = extract_document(document, extractor=EXTRACTOR_NAME)
    assert hybrid and all(p.extractor == name for p in hybrid)
    assert all(p.confidence is not None and 0 <= p.confidence <= 1 for p in hybrid)
    assert all(p.confidence is None for p in rules)


def test_running_the_hybrid_extractor_never_imports_torch() -> None:
    code = (
        "import sys\n"
        "from guarantor.domain import Document\n"
        "from guarantor.extract import extract_document\n"
        f"extract_document(Document(source='t', text={TEXT!r}, content_hash='h'), "
        f"extractor={HYBRID_NAME!r})\n"
        "print('torch' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


@every_release
def test_hybrid_scores_at_least_the_bar_on_the_seed_gold(name: str, corpus_dir: Path) -> None:
    from functools import partial

    from guarantor.extract.evaluate import evaluate_corpus
    from guarantor.ingest import read_document

    result = evaluate_corpus(
        corpus_dir / "gold" / "seeds.yaml",
        corpus_dir / "seeds",
        read=read_document,
        extractor=partial(extract_document, extractor=name),
    )
    assert result.total.f1 >= 0.85


def test_commands_default_to_the_hybrid_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    from guarantor.settings import load_settings

    monkeypatch.delenv("GUARANTOR_EXTRACTOR", raising=False)
    assert load_settings().extractor == HYBRID_NAME
