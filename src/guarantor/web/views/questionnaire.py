"""The six questions as a web form, from the same ``form.QUESTIONS`` as the YAML form,
and a submitted form turned into the YAML a clerk would have written, so it goes
through the very validator (``parse_response``) and filing (``file_response``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import yaml

from guarantor.domain.vocabulary import Condition
from guarantor.questionnaire import FORM_VERSION, QUESTIONS
from guarantor.questionnaire.form import Horizon

__all__ = ["response_yaml", "web_form"]

# Fields whose value is one choice per entry, not a set to tick.
_ONE_OF = {"deploy"}
_OFFER = ("number", "role", "location", "duration_months")
_ITEM = ("item", "quantity", "unit")


def _widget(name: str, choices: Sequence[str]) -> dict[str, Any]:
    if name == "text":
        return {"widget": "textarea"}
    if name == "conditions":
        return {"widget": "checkboxes", "choices": [c.value for c in Condition]}
    if name == "enablers":
        return {
            "widget": "checkboxes",
            "choices": [f"{c}:{h.value}" for c in choices for h in Horizon],
        }
    if name == "horizon":
        return {"widget": "none"}  # ticked with each enabler above
    if name in _ONE_OF:
        return {"widget": "select", "choices": list(choices)}
    if name == "offers":
        return {"widget": "inputs", "inputs": list(_OFFER)}
    if name == "items":
        return {"widget": "inputs", "inputs": list(_ITEM), "kinds": list(choices)}
    if choices:
        return {"widget": "checkboxes", "choices": list(choices)}
    return {"widget": "text"}


def web_form() -> dict[str, Any]:
    """Every question with its fields and how each is asked on the page."""
    return {
        "form": FORM_VERSION,
        "questions": [
            {
                "id": q.id,
                "number": q.number,
                "title": q.title,
                "prompt": q.prompt,
                "fields": [
                    {"name": f.name, "help": f.help, **_widget(f.name, f.choices)} for f in q.fields
                ],
            }
            for q in QUESTIONS
        ],
    }


def _one(form: Mapping[str, Sequence[str]], key: str) -> str | None:
    values = [v.strip() for v in form.get(key, ()) if v.strip()]
    return values[-1] if values else None


def _many(form: Mapping[str, Sequence[str]], key: str) -> list[str]:
    return [v.strip() for v in form.get(key, ()) if v.strip()]


def _number(text: str | None) -> int | float | str | None:
    """A number as YAML would read it; anything else is left for the validator to name."""
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def _troops(form: Mapping[str, Sequence[str]]) -> dict[str, Any] | None:
    deploy = _one(form, "troops.deploy")
    if deploy is None:
        return None
    offer: dict[str, Any] = {"deploy": deploy}
    for name in _OFFER:
        value = _one(form, f"troops.{name}")
        if value is not None:
            offer[name] = _number(value) if name in ("number", "duration_months") else value
    offer["conditions"] = _many(form, "troops.conditions")
    return {"offers": [offer]}


def _capabilities(form: Mapping[str, Sequence[str]]) -> dict[str, Any] | None:
    item = _one(form, "capabilities.item")
    if item is None:
        return None
    row: dict[str, Any] = {"item": item, "kind": _one(form, "capabilities.kind") or "equipment"}
    if (quantity := _one(form, "capabilities.quantity")) is not None:
        row["quantity"] = _number(quantity)
    row["unit"] = _one(form, "capabilities.unit") or "items"
    return {"items": [row]}


def _answers(form: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    parts: dict[str, Any] = {
        "us_support": {
            "enablers": [
                dict(zip(("enabler", "horizon"), v.split(":", 1), strict=False))
                for v in _many(form, "us_support.enablers")
            ]
        },
        "participants": {"countries": _many(form, "participants.countries")},
        "troops": _troops(form),
        "attack_response": {"responses": _many(form, "attack_response.responses")},
        "capabilities": _capabilities(form),
        "sanctions": {"measures": _many(form, "sanctions.measures")},
    }
    for q in QUESTIONS:
        text = _one(form, f"{q.id}.text")
        if text is not None:
            parts[q.id] = (parts[q.id] or {}) | {"text": text}
    return {k: v for k, v in parts.items() if v and any(v.values())}


def response_yaml(form: Mapping[str, Sequence[str]], today: date) -> str:
    """The submitted form as a response file's YAML (validated by the caller)."""
    countries = [c for v in _many(form, "participants.countries") for c in v.split(",")]
    fields = dict(form) | {"participants.countries": countries}
    data: dict[str, Any] = {
        "form": FORM_VERSION,
        "respondents": _many(form, "respondents") or [],
        "answered_on": _one(form, "answered_on") or today.isoformat(),
        "answers": _answers(fields),
    }
    if (signed := _one(form, "signed_by")) is not None:
        data["signed_by"] = signed
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
