"""The dashboard tests' small world: the token, the planted article, the scenario."""

from __future__ import annotations

from pathlib import Path

from guarantor.beliefs.scenarios import parse_scenario
from guarantor.settings import load_settings
from guarantor.web import Desk

TOKEN = "test-token-0123456789"
PLANTED = (
    "Paris, 4 March 2025.\n\n"
    "<script>document.title='pwned'</script> France is ready to send troops to Ukraine, "
    "President Emmanuel Macron said on Tuesday.\n"
)
SMALL = "name: small\ntrials: 4000\nresponse:\n  brief_replications: 40\n"


def make_desk(folder: Path, token: str | None = TOKEN) -> Desk:
    settings = load_settings(db=f"sqlite:///{folder / 'desk.db'}").model_copy(
        update={"extractor": "extract.rules.v1"}
    )
    scenario = parse_scenario(SMALL, folder / "small.yaml")
    return Desk(settings, scenario, token, folder / "scenarios")
