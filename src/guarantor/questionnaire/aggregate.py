"""The aggregate answer to each question across governments.

Each signatory counts once, through its current answer: a collective answer
signed by three governments counts three times, once for each, and a revision
replaces its author's earlier answer. The summary is one JSON-ready object so
the table, Markdown and JSON cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from guarantor.domain.registry import State
from guarantor.questionnaire.book import Filed
from guarantor.questionnaire.form import FORM_VERSION, QUESTIONS, AttackResponse, Deploy

__all__ = ["addressees", "headline", "summarise"]

_NOT_EUROPEAN = frozenset({"USA", "CAN"})


def addressees(states: Iterable[State]) -> list[str]:
    """Whom the questionnaire went to: European NATO or EU members in the registry.

    Assumption (Reuters, March 2025, corpus seed 004): Washington sent it to
    European governments; the registry's NATO and EU members less the US and Canada.
    """
    return sorted(
        s.iso3 for s in states if (s.nato_member or s.eu_member) and s.iso3 not in _NOT_EUROPEAN
    )


def _answer(item: Filed, actor: str, question: str) -> dict[str, Any] | None:
    if question == "troops":
        offer = item.response.offers_by_country().get(actor)
        text = item.response.answers.troops.text if item.response.answers.troops else None
        if offer is None and text is None:
            return None
        return {"offer": offer.model_dump(mode="json") if offer else None, "text": text}
    part = getattr(item.response.answers, question)
    return part.model_dump(mode="json") if part is not None else None


def _ranked(counter: Counter[str]) -> list[dict[str, Any]]:
    return [
        {"value": k, "count": n} for k, n in sorted(counter.items(), key=lambda i: (-i[1], i[0]))
    ]


def _us_support(answers: list[dict[str, Any]]) -> dict[str, Any]:
    needs = [n for a in answers for n in a["answer"]["enablers"]]
    by_horizon = {
        h: _ranked(Counter(n["enabler"] for n in needs if n["horizon"] == h))
        for h in ("short_term", "long_term")
    }
    # an enabler needed in both horizons counts once per government
    once = Counter(e for a in answers for e in {n["enabler"] for n in a["answer"]["enablers"]})
    return {"enablers": _ranked(once), "by_horizon": by_horizon}


def _troops(answers: list[dict[str, Any]]) -> dict[str, Any]:
    offers = [(a["actor"], a["answer"]["offer"]) for a in answers if a["answer"]["offer"]]
    willing = [(actor, o) for actor, o in offers if o["deploy"] in (Deploy.YES, Deploy.CONDITIONAL)]
    conditions = Counter(c for _, o in willing for c in o["conditions"])
    return {
        "total_offered": sum(o["number"] or 0 for _, o in willing),
        "unconditional": sum(o["number"] or 0 for _, o in willing if not o["conditions"]),
        "by_deploy": dict(sorted(Counter(o["deploy"] for _, o in offers).items())),
        "conditions": _ranked(conditions),
        "offers": [
            {
                "actor": actor,
                "number": o["number"],
                "deploy": o["deploy"],
                "conditions": o["conditions"],
            }
            for actor, o in willing
        ],
    }


def _attack(answers: list[dict[str, Any]], respondents: int) -> dict[str, Any]:
    support = Counter(r for a in answers for r in set(a["answer"]["responses"]))
    return {
        "support": [{"response": r.value, "count": support[r.value]} for r in AttackResponse],
        "majority": [r.value for r in AttackResponse if support[r.value] * 2 > respondents],
        "of_respondents": respondents,
    }


def _capabilities(answers: list[dict[str, Any]]) -> dict[str, Any]:
    totals: Counter[tuple[str, str, str]] = Counter()
    seen: set[int] = set()
    for a in answers:  # a collective answer's items are offered once, not once per signatory
        if a["response"] in seen:
            continue
        seen.add(a["response"])
        for item in a["answer"]["items"]:
            totals[(item["item"], item["kind"], item["unit"])] += item["quantity"] or 0
    rows = [
        {"item": i, "kind": k, "unit": u, "quantity": q} for (i, k, u), q in sorted(totals.items())
    ]
    return {"items": rows}


def _counted(answers: list[dict[str, Any]], key: str) -> dict[str, Any]:
    return {key: _ranked(Counter(v for a in answers for v in set(a["answer"][key])))}


def _aggregate(question: str, answers: list[dict[str, Any]], respondents: int) -> dict[str, Any]:
    if question == "us_support":
        return _us_support(answers)
    if question == "troops":
        return _troops(answers)
    if question == "attack_response":
        return _attack(answers, respondents)
    if question == "capabilities":
        return _capabilities(answers)
    return _counted(answers, "countries" if question == "participants" else "measures")


def summarise(
    current: Mapping[str, Filed], filed: Iterable[Filed], asked: Iterable[str]
) -> dict[str, Any]:
    """``respondents``, ``not_answered``, ``revisions`` and, per question, answers and aggregate."""
    respondents = sorted(current)
    questions = []
    for q in QUESTIONS:
        answers = []
        for actor in respondents:
            item = current[actor]
            answer = _answer(item, actor, q.id)
            if answer is not None:
                answers.append(
                    {
                        "actor": actor,
                        "response": item.id,
                        "collective": item.response.collective,
                        "answer": answer,
                    }
                )
        questions.append(
            {
                "id": q.id,
                "title": q.title,
                "answers": answers,
                "aggregate": _aggregate(q.id, answers, len(respondents)),
            }
        )
    all_filed = list(filed)
    return {
        "form": FORM_VERSION,
        "respondents": respondents,
        "not_answered": sorted(set(asked) - set(respondents)),
        "responses": len(all_filed),
        "superseded": sorted(
            f.id for f in all_filed if f.id not in {c.id for c in current.values()}
        ),
        "examples_only": bool(all_filed) and all(f.response.example for f in all_filed),
        "questions": questions,
    }


def _top(rows: list[dict[str, Any]], n: int = 4) -> str:
    return ", ".join(f"{r['value']} {r['count']}" for r in rows[:n]) or "-"


def headline(question: dict[str, Any]) -> str:
    """One line for a question's aggregate (tables and Markdown)."""
    agg = question["aggregate"]
    match question["id"]:
        case "us_support":
            return "most needed: " + _top(agg["enablers"])
        case "participants":
            return "named: " + _top(agg["countries"])
        case "troops":
            conditions = _top(agg["conditions"])
            return (
                f"{agg['total_offered']:,} troops offered ({agg['unconditional']:,} without "
                f"conditions); conditions: {conditions}"
            )
        case "attack_response":
            majority = ", ".join(agg["majority"]) or "none"
            return f"majority of {agg['of_respondents']}: {majority}"
        case "capabilities":
            return (
                "; ".join(f"{r['item']} {r['quantity']:,g} {r['unit']}" for r in agg["items"][:4])
                or "-"
            )
    return "measures: " + _top(agg["measures"])
