"""The vocabulary of DESIGN.md as typed models. Imports nothing of ours."""

from guarantor.domain.vocabulary import Condition, Option, Stance
from guarantor.domain.actors import Actor, Alias, OfficeHolder, Resolution
from guarantor.domain.grade import Grade
from guarantor.domain.documents import Document
from guarantor.domain.positions import Position

__all__ = [
    "Actor",
    "Alias",
    "OfficeHolder",
    "Resolution",
    "Condition", "Document", "Grade", "Option", "Position", "Stance"]
