"""`guarantor corpus lexicon-usage`: which lexicon alternatives occur in which texts."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from guarantor.cli.app import app
from guarantor.errors import ValidationError
from guarantor.extract.corpus import load_corpus
from guarantor.extract.lexicon import bundled_lexicon_dir
from guarantor.extract.lexicon_usage import (
    _FAMILIES,
    NOT_PATTERNS,
    Alternative,
    count_usage,
    lexicon_alternatives,
    python_strings,
    split_alternatives,
)
from guarantor.yamlio import load_yaml_file

REPO = Path(__file__).resolve().parents[2]
TEXTS = [
    "The minister said Poland does not rule\nout sending troops.",
    "A troopship left the harbour.",
]


def _alternative(family: str, text: str) -> Alternative:
    found = [a for a in lexicon_alternatives() if a.family == family and a.text == text]
    assert len(found) == 1, (family, text)
    return found[0]


def test_split_keeps_groups_classes_and_escapes_whole() -> None:
    assert split_alternatives(r"a b|(?:c|d) e|[|x]|\|f|(?<=g|h)i") == [
        "a b",
        "(?:c|d) e",
        "[|x]",
        r"\|f",
        "(?<=g|h)i",
    ]


@given(st.lists(st.text(alphabet="ab ?()", min_size=1), min_size=1, max_size=5))
def test_split_undoes_a_join_of_plain_words(words: list[str]) -> None:
    parts = [w.replace("(", "").replace(")", "").replace("?", "") or "x" for w in words]
    assert split_alternatives("|".join(parts)) == parts


def test_alternatives_are_counted_as_their_family_compiles_them() -> None:
    said = _alternative("reporting_verbs", "said")
    # a cue's space also matches a line break (quote tolerance)
    rule_out = _alternative("cues", "do(?:es)? not rule out")
    # word boundaries: "troops" counts, "troopship" does not
    troops = _alternative("options.ground_troops", "troops?")
    counts = {u.alternative.text: u.documents for u in count_usage([said, rule_out, troops], TEXTS)}
    assert counts == {"said": 1, "do(?:es)? not rule out": 1, "troops?": 1}


def test_an_alternative_matching_nothing_counts_zero() -> None:
    usage = count_usage([_alternative("reporting_verbs", "told")], TEXTS)
    assert [u.documents for u in usage] == [0]
    assert usage[0].as_dict() == {
        "file": "attribution.yaml",
        "family": "reporting_verbs",
        "alternative": "told",
        "documents": 0,
    }


def test_the_names_of_conditions_are_counted_one_by_one() -> None:
    bundestag = _alternative("names.PARL", "Bundestag")
    assert count_usage([bundestag], ["The Bundestag must approve it."])[0].documents == 1


def test_python_strings_joins_a_literal_written_across_lines() -> None:
    source = 'TEXT = (\n    "a pact would be wiser "\n    "than troops"\n)\nOTHER = 1\n'
    assert python_strings(source) == "a pact would be wiser than troops"


def test_command_reports_unused_alternatives(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "fixture.py").write_text(f"T = ({TEXTS[1]!r})\n", encoding="utf-8")
    dev = REPO / "corpus" / "real" / "dev.yaml"
    args = ["corpus", "lexicon-usage", str(dev), "--texts", str(tmp_path / "texts")]
    args += ["--texts", str(tmp_path / "fixture.py"), "--unused", "--format", "json"]
    env = {"GUARANTOR_CORPUS_CACHE": str(tmp_path / "empty-cache")}
    result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 2
    assert data["missing_texts"] == len(load_corpus(dev))
    unused = {(r["family"], r["alternative"]) for r in data["rows"]}
    assert ("reporting_verbs", "told") in unused
    assert ("reporting_verbs", "said") not in unused
    assert data["unused"] == len(data["rows"]) < data["alternatives"]
    assert sum(f["alternatives"] for f in data["per_file"].values()) == data["alternatives"]


def test_every_key_of_every_lexicon_file_is_counted_or_declared_no_pattern() -> None:
    """A family added to a lexicon file must be added to the count too, not skipped unseen."""
    for file, families in _FAMILIES.items():
        keys = set(load_yaml_file(bundled_lexicon_dir() / file, error=ValidationError).data)
        counted = {key for key, _shape, _style in families}
        assert keys - counted == NOT_PATTERNS[file], file
    assert {p.name for p in bundled_lexicon_dir().glob("*.yaml")} == set(_FAMILIES)
