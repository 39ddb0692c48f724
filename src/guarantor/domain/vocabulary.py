"""Options, stances and conditions: the keys of corpus/ANNOTATION.md."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Condition", "Context", "Option", "Stance"]


class Option(StrEnum):
    """What a position is about."""

    GROUND_TROOPS = "ground_troops"
    AIR_SUPPORT = "air_support"
    NAVAL_SUPPORT = "naval_support"
    MONITORING = "monitoring"
    SECURITY_GUARANTEE = "security_guarantee"
    COLLECTIVE_DEFENSE = "collective_defense"
    NATO_MEMBERSHIP = "nato_membership"
    MILITARY_AID = "military_aid"
    FINANCIAL_AID = "financial_aid"
    SANCTIONS = "sanctions"
    WESTERN_TROOPS_IN_UKRAINE = "western_troops_in_ukraine"


class Stance(StrEnum):
    SUPPORT = "support"
    OPPOSE = "oppose"
    CONDITIONAL = "conditional"
    UNCERTAIN = "uncertain"


class Condition(StrEnum):
    """What a conditional stance waits for."""

    US_BACKSTOP = "us_backstop"
    CEASEFIRE_FIRST = "ceasefire_first"
    PARLIAMENT_APPROVAL = "parliament_approval"
    RUSSIA_CONSENT = "russia_consent"
    MANDATE = "mandate"
    CLEAR_MISSION = "clear_mission"
    PAYMENT = "payment"
    QUID_PRO_QUO = "quid_pro_quo"
    COLLECTIVE_DECISION = "collective_decision"


class Context(StrEnum):
    """What a statement about sending forces was about: the war now, or a mission after it.

    A refusal to send troops into a war under way (the February 2024 debate) answers
    a different question from a refusal to join a force after a ceasefire."""

    WARTIME = "wartime"
    POST_CEASEFIRE = "post_ceasefire"
