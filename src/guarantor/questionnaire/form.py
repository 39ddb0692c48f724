"""The six questions as a versioned form: the one source for every rendering.

Washington's 2025 questionnaire to European governments (reported by Reuters,
see corpus seed 004) asked six things; each question here carries its prompt in
our own words and the structured fields an answer fills in. The YAML, Markdown
and HTML forms, the validator and the web form all read these definitions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "FORM_VERSION",
    "QUESTIONS",
    "AttackResponse",
    "Deploy",
    "Enabler",
    "Field",
    "Horizon",
    "Question",
    "SanctionMeasure",
    "SupplyKind",
    "question",
]

FORM_VERSION = "questionnaire.six.v1"


class Enabler(StrEnum):
    """What a government may need from the US to take part."""

    AIR_COVER = "air_cover"
    AIR_DEFENCE = "air_defence"
    INTELLIGENCE_SURVEILLANCE = "intelligence_surveillance"
    LOGISTICS = "logistics"
    COMMAND_AND_CONTROL = "command_and_control"
    POLITICAL_BACKSTOP = "political_backstop"


class Horizon(StrEnum):
    SHORT_TERM = "short_term"
    LONG_TERM = "long_term"


class Deploy(StrEnum):
    """Whether a government will deploy troops to Ukraine as part of a settlement."""

    YES = "yes"
    NO = "no"
    CONDITIONAL = "conditional"
    UNDECIDED = "undecided"


class AttackResponse(StrEnum):
    """Responses to an attack on the force, weakest first: the response model's
    ``ResponseKind`` values (a test keeps them aligned) plus an Article 4/5 step.
    ``military_aid`` is emergency military aid to Ukraine.
    """

    CONSULTATIONS = "consultations"
    SANCTIONS = "sanctions"
    MILITARY_AID = "military_aid"
    AIR_POWER = "air_power"
    NAVAL_ACTION = "naval_action"
    GROUND_REINFORCEMENT = "ground_reinforcement"
    ARTICLE_4_5 = "article_4_5"


class SupplyKind(StrEnum):
    """What a capability offer is, in the registry's pledge kinds."""

    EQUIPMENT = "equipment"
    AIR_DEFENCE = "air_defence"
    AIRCRAFT = "aircraft"
    SHIPS = "ships"
    MONEY = "money"


class SanctionMeasure(StrEnum):
    NEW_PACKAGE = "new_package"
    ENERGY_IMPORTS = "energy_imports"
    SHADOW_FLEET = "shadow_fleet"
    PRICE_CAP_ENFORCEMENT = "price_cap_enforcement"
    SECONDARY_SANCTIONS = "secondary_sanctions"
    EXPORT_CONTROLS = "export_controls"
    FINANCIAL_SECTOR = "financial_sector"
    FROZEN_ASSETS = "frozen_assets"
    ANTI_CIRCUMVENTION = "anti_circumvention"


@dataclass(frozen=True)
class Field:
    """One structured field of an answer: its key, help and allowed values."""

    name: str
    help: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    number: int
    title: str
    prompt: str
    fields: tuple[Field, ...]


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


_TEXT = Field("text", "free text: anything the fields cannot say")

QUESTIONS: tuple[Question, ...] = (
    Question(
        "us_support",
        1,
        "US support needed",
        "Which US contributions does your government need before it takes part, "
        "in the first months and over the long run?",
        (
            Field("enablers", "list of {enabler, horizon}", _values(Enabler)),
            Field("horizon", "short_term or long_term, per enabler", _values(Horizon)),
            _TEXT,
        ),
    ),
    Question(
        "participants",
        2,
        "Other participants",
        "Which European or third countries could take part, or already do?",
        (Field("countries", "names or ISO alpha-3 codes of states"), _TEXT),
    ),
    Question(
        "troops",
        3,
        "Troops in Ukraine",
        "Will your government deploy troops to Ukraine as part of a settlement? "
        "How many, in what role, where, for how long, on what conditions?",
        (
            Field(
                "offers",
                "list of {country, deploy, number, role, location, "
                "duration_months, conditions}; country defaults to the sole signatory",
            ),
            Field("deploy", "per offer", _values(Deploy)),
            Field("conditions", "per offer: the registry's condition keys"),
            _TEXT,
        ),
    ),
    Question(
        "attack_response",
        4,
        "If the force is attacked",
        "If Russia attacks these forces, what should the US, allies and partners be ready to do?",
        (Field("responses", "list of responses", _values(AttackResponse)), _TEXT),
    ),
    Question(
        "capabilities",
        5,
        "Capabilities for Ukraine",
        "What capabilities, equipment and maintenance will your government give "
        "Ukraine to strengthen its hand and press Russia?",
        (
            Field(
                "items", "list of {item, kind, quantity, unit, maintenance}", _values(SupplyKind)
            ),
            _TEXT,
        ),
    ),
    Question(
        "sanctions",
        6,
        "Sanctions",
        "What will your government do to tighten sanctions on Russia and their enforcement?",
        (Field("measures", "list of measures", _values(SanctionMeasure)), _TEXT),
    ),
)


def question(question_id: str) -> Question:
    """The question with this id (a KeyError names the known ones)."""
    for found in QUESTIONS:
        if found.id == question_id:
            return found
    raise KeyError(f"no question {question_id!r}; expected one of {[q.id for q in QUESTIONS]}")
