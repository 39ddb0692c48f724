"""The vocabulary of DESIGN.md as typed models. Imports nothing of ours."""

from guarantor.domain.actors import Actor, Alias, OfficeHolder, Resolution
from guarantor.domain.documents import Document
from guarantor.domain.evidence import Evidence, Provenance
from guarantor.domain.grade import Grade
from guarantor.domain.positions import Position
from guarantor.domain.scenario import Scenario
from guarantor.domain.vocabulary import Condition, Option, Stance

__all__ = [
    "Actor",
    "Alias",
    "Condition",
    "Document",
    "Evidence",
    "Grade",
    "OfficeHolder",
    "Option",
    "Position",
    "Provenance",
    "Resolution",
    "Scenario",
    "Stance",
]
