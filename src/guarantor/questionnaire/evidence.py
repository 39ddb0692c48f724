"""Answers as the models' evidence: pledges and official positions graded A1.

A government's written answer is the best evidence there is of its intent:
source reliability A (the government itself) and credibility 1 (confirmed in
writing). Only each signatory's current answer speaks; superseded ones are kept
in the store but no longer vote.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from guarantor.domain.evidence import Evidence, Provenance
from guarantor.domain.grade import Grade
from guarantor.domain.registry import Pledge, PledgeKind
from guarantor.domain.response import ResponseKind
from guarantor.domain.vocabulary import Condition, Option, Stance
from guarantor.questionnaire.book import Filed, load_answers
from guarantor.questionnaire.form import AttackResponse, Deploy, SupplyKind
from guarantor.questionnaire.response import TroopOffer
from guarantor.registry import Registry
from guarantor.store import Store

__all__ = [
    "OFFICIAL_GRADE",
    "answer_evidence",
    "answer_pledges",
    "with_answers",
    "with_stored_answers",
]

OFFICIAL_GRADE = Grade(reliability="A", credibility=1)

_DEPLOY_STANCE = {
    Deploy.YES: Stance.SUPPORT,
    Deploy.NO: Stance.OPPOSE,
    Deploy.CONDITIONAL: Stance.CONDITIONAL,
    Deploy.UNDECIDED: Stance.UNCERTAIN,
}
# the response model's own mapping to belief options, plus Article 4/5 -> collective defence
_RESPONSE_OPTION: dict[AttackResponse, Option] = {
    AttackResponse(kind.value): kind.option for kind in ResponseKind if kind.option is not None
}
_RESPONSE_OPTION[AttackResponse.ARTICLE_4_5] = Option.COLLECTIVE_DEFENSE


def _source(item: Filed) -> str:
    return f"questionnaire:{item.id}"


def _offer_text(offer: TroopOffer) -> str:
    parts = [f"deploy {offer.deploy.value}"]
    if offer.number is not None:
        parts.append(f"{offer.number:,} troops")
    parts += [x for x in (offer.role, offer.location) if x]
    if offer.duration_months is not None:
        parts.append(f"{offer.duration_months} months")
    if offer.conditions:
        parts.append("if " + ", ".join(c.value for c in offer.conditions))
    return "; ".join(parts)


def _vote(
    item: Filed,
    actor: str,
    option: Option,
    stance: Stance,
    text: str,
    conditions: tuple[Condition, ...] = (),
) -> Evidence:
    who = "collective answer" if item.response.collective else "answer"
    return Evidence(
        actor=actor,
        option=option,
        stance=stance,
        conditions=conditions if stance is Stance.CONDITIONAL else (),
        grade=OFFICIAL_GRADE,
        stated_on=item.response.answered_on,
        source_key=f"{_source(item)}:{actor}",
        provenance=Provenance(
            kind="questionnaire",
            ref=f"{_source(item)} ({item.source})",
            text=f"official written {who} to the six questions: {text}",
            speaker=item.response.signed_by,
        ),
    )


def _votes(item: Filed, actor: str) -> Iterator[Evidence]:
    answers = item.response.answers
    offer = item.response.offers_by_country().get(actor)
    if offer is not None:
        stance = _DEPLOY_STANCE[offer.deploy]
        yield _vote(item, actor, Option.GROUND_TROOPS, stance, _offer_text(offer), offer.conditions)
    ready = (
        {_RESPONSE_OPTION[r] for r in answers.attack_response.responses if r in _RESPONSE_OPTION}
        if answers.attack_response
        else set()
    )
    for option in sorted(ready - {Option.GROUND_TROOPS}):
        yield _vote(
            item,
            actor,
            option,
            Stance.SUPPORT,
            f"ready for {option.value} if the force is attacked",
        )
    items = answers.capabilities.items if answers.capabilities else ()
    for option in sorted(
        {Option.FINANCIAL_AID if i.kind is SupplyKind.MONEY else Option.MILITARY_AID for i in items}
    ):
        yield _vote(
            item, actor, option, Stance.SUPPORT, "offers " + ", ".join(i.item for i in items)
        )
    if answers.sanctions and answers.sanctions.measures:
        measures = ", ".join(m.value for m in answers.sanctions.measures)
        yield _vote(
            item, actor, Option.SANCTIONS, Stance.SUPPORT, f"will tighten sanctions: {measures}"
        )


def answer_evidence(current: Mapping[str, Filed]) -> list[Evidence]:
    """Each signatory's current answer as A1 positions, one source per response and actor."""
    return [vote for actor, item in current.items() for vote in _votes(item, actor)]


def _pledge(item: Filed, actor: str, suffix: str, **values: object) -> Pledge:
    return Pledge.model_validate(
        {
            "id": f"Q{item.id}-{actor}-{suffix}",
            "actor": actor,
            "pledged_on": item.response.answered_on,
            "source_url": f"{_source(item)} ({item.source})",
            **values,
        }
    )


def _pledges(item: Filed, actor: str) -> Iterator[Pledge]:
    offer = item.response.offers_by_country().get(actor)
    if offer is not None and offer.deploy in (Deploy.YES, Deploy.CONDITIONAL):
        yield _pledge(
            item,
            actor,
            "troops",
            kind=PledgeKind.TROOPS,
            amount=offer.number,
            unit="troops",
            description=_offer_text(offer),
            conditions=offer.conditions,
        )
    if not item.response.collective:  # items of a joint answer are not one state's pledge
        capabilities = item.response.answers.capabilities
        for number, supply in enumerate(capabilities.items if capabilities else ()):
            yield _pledge(
                item,
                actor,
                f"item{number}",
                kind=PledgeKind(supply.kind.value),
                amount=supply.quantity,
                unit=supply.unit,
                description=supply.item,
            )


def answer_pledges(current: Mapping[str, Filed]) -> list[Pledge]:
    """Troop offers (each signatory's own) and, for single answers, capability offers."""
    return [pledge for actor, item in current.items() for pledge in _pledges(item, actor)]


def with_answers(
    registry: Registry, evidence: list[Evidence], current: Mapping[str, Filed]
) -> tuple[Registry, list[Evidence]]:
    """The registry and evidence with the current answers added, for the forces model."""
    pledges = answer_pledges(current)
    return replace(registry, pledges=[*registry.pledges, *pledges]), [
        *evidence,
        *answer_evidence(current),
    ]


def with_stored_answers(
    registry: Registry, evidence: list[Evidence], store: Store
) -> tuple[Registry, list[Evidence]]:
    """``with_answers`` for the answers kept in ``store``."""
    _filed, current = load_answers(store)
    return with_answers(registry, evidence, current)
