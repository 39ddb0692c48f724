"""Evidence: one stated position as the belief rule sees it, wherever it came from.

Positions extracted from articles and the registry's bundled ledger differ in
shape; the belief rule needs only what they share, plus the two things it
must never lose: which independent source it counts as, and where to look it up.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from guarantor.domain.grade import Grade
from guarantor.domain.vocabulary import Condition, Context, Option, Stance

__all__ = ["Evidence", "Provenance"]


class Provenance(BaseModel):
    """Where a piece of evidence can be checked: a document and quote, or a ledger row."""

    model_config = ConfigDict(frozen=True)

    kind: str = Field(description="'store' (an ingested document) or 'ledger' (bundled data)")
    ref: str = Field(description="document path/URL or ledger row id")
    text: str = Field(description="the quote (store) or our one-line paraphrase (ledger)")
    outlet: str | None = None
    url: str | None = None
    speaker: str | None = None


class Evidence(BaseModel):
    """One vote-worthy statement: actor, option, stance, conditions, grade and date."""

    model_config = ConfigDict(frozen=True)

    actor: str
    option: Option
    stance: Stance
    conditions: tuple[Condition, ...] = ()
    grade: Grade
    stated_on: date | None = Field(default=None, description="when it was said or published")
    analysis: bool = Field(default=False, description="an outlet's own analysis, not a statement")
    claimed_by: str | None = Field(default=None, description="another actor describing it")
    context: Context | None = Field(
        default=None,
        description="sending forces into the war under way, or a mission after a ceasefire; "
        "None when the source does not tell",
    )
    source_key: str = Field(
        description="independent-source key: near-duplicate cluster or outlet; one vote each"
    )
    provenance: Provenance

    @property
    def reliability(self) -> str:
        return self.grade.reliability

    @property
    def credibility(self) -> int:
        return self.grade.credibility
