"""The form to send, as YAML (to fill in), Markdown or HTML, all from ``form.QUESTIONS``.

For a named government the form is pre-filled with what the registry already
knows — its troop and equipment pledges, its agreements with Ukraine — for it
to confirm or correct; the known facts are listed with their sources.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import yaml

from guarantor.domain.registry import PledgeKind
from guarantor.questionnaire.form import FORM_VERSION, QUESTIONS, Question
from guarantor.registry import Registry

__all__ = ["FormView", "form_view", "render_form"]

_SUPPLY = {PledgeKind.EQUIPMENT, PledgeKind.AIR_DEFENCE, PledgeKind.AIRCRAFT, PledgeKind.SHIPS}
_BLANK: dict[str, dict[str, Any]] = {
    "us_support": {"enablers": [], "text": None},
    "participants": {"countries": [], "text": None},
    "troops": {"offers": [], "text": None},
    "attack_response": {"responses": [], "text": None},
    "capabilities": {"items": [], "text": None},
    "sanctions": {"measures": [], "text": None},
}


@dataclass(frozen=True)
class FormView:
    """Everything a rendering shows: header values, answers to pre-fill, known facts."""

    country: str | None
    header: dict[str, Any]
    answers: dict[str, dict[str, Any]]
    known: dict[str, list[str]]  # question id -> registry facts to confirm


def _prefill(
    registry: Registry, iso3: str
) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    answers = {k: {**v} for k, v in _BLANK.items()}
    known: dict[str, list[str]] = {
        "troops": [],
        "capabilities": [],
        "sanctions": [],
        "participants": [],
    }
    pledges = sorted((p for p in registry.pledges if p.actor == iso3), key=lambda p: p.pledged_on)
    troops = [p for p in pledges if p.kind is PledgeKind.TROOPS]
    if troops:
        last = troops[-1]
        offer = {
            "country": iso3,
            "deploy": "conditional" if last.conditions else "yes",
            "number": None if last.amount is None else int(last.amount),
            "conditions": [c.value for c in last.conditions],
        }
        answers["troops"]["offers"] = [offer]
    supplies = [p for p in pledges if p.kind in _SUPPLY]
    answers["capabilities"]["items"] = [
        {"item": p.description, "kind": p.kind.value, "quantity": p.amount, "unit": p.unit}
        for p in supplies
    ]
    for p in pledges:
        question = {PledgeKind.TROOPS: "troops", PledgeKind.SANCTIONS: "sanctions"}.get(
            p.kind, "capabilities"
        )
        amount = "" if p.amount is None else f"{p.amount:,.0f} {p.unit}: "
        known[question].append(
            f"pledge {p.id} ({p.pledged_on}, {p.status.value}): "
            f"{amount}{p.description} [{p.source_url}]"
        )
    for agreement in registry.agreements:
        if iso3 in agreement.parties:
            known["participants"].append(
                f"agreement {agreement.id} signed {agreement.signed}: "
                f"{agreement.name} [{agreement.source}]"
            )
    return answers, {k: v for k, v in known.items() if v}


def form_view(registry: Registry, country: str | None = None) -> FormView:
    """The form for ``country`` (an ISO3 code already resolved), or a blank one."""
    header = {
        "form": FORM_VERSION,
        "respondents": [country] if country else [],
        "answered_on": None,
        "signed_by": None,
    }
    if country is None:
        return FormView(None, header, {k: {**v} for k, v in _BLANK.items()}, {})
    answers, known = _prefill(registry, country)
    return FormView(country, header, answers, known)


def _choices(q: Question) -> list[str]:
    lines = []
    for field in q.fields:
        values = f" — one of: {', '.join(field.choices)}" if field.choices else ""
        lines.append(f"{field.name}: {field.help}{values}")
    return lines


def _yaml(view: FormView) -> str:
    who = f" for {view.country}" if view.country else ""
    lines = [
        f"# The six questions{who} ({FORM_VERSION}).",
        "# Fill in, then: guarantor questionnaire ingest FILE",
        "# answered_on: the date the answer is signed (YYYY-MM-DD).",
        "# Several respondents make a collective answer.",
    ]
    lines.append(yaml.safe_dump(view.header, sort_keys=False, allow_unicode=True).rstrip())
    lines.append("answers:")
    for q in QUESTIONS:
        lines.append(f"  # {q.number}. {q.title}: {q.prompt}")
        lines += [f"  #   {line}" for line in _choices(q)]
        lines += [f"  #   registry: {fact}" for fact in view.known.get(q.id, [])]
        block = yaml.safe_dump({q.id: view.answers[q.id]}, sort_keys=False, allow_unicode=True)
        lines += ["  " + line for line in block.rstrip().splitlines()]
    return "\n".join(lines) + "\n"


def _markdown(view: FormView) -> str:
    who = f" — {view.country}" if view.country else ""
    out = [
        f"# The six questions{who}",
        "",
        f"Form `{FORM_VERSION}`. Answer in the YAML form "
        "(`guarantor questionnaire form --format yaml`).",
        "",
    ]
    for q in QUESTIONS:
        out += [f"## {q.number}. {q.title}", "", q.prompt, ""]
        out += [f"- {line}" for line in _choices(q)]
        if view.known.get(q.id):
            out += ["", "What the registry already knows (confirm or correct):", ""]
            out += [f"- {fact}" for fact in view.known[q.id]]
        out.append("")
    return "\n".join(out)


def _html(view: FormView) -> str:
    e = html.escape
    who = f" — {e(view.country)}" if view.country else ""
    out = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>The six questions{who}</title></head><body>",
        f"<h1>The six questions{who}</h1><p>Form <code>{FORM_VERSION}</code></p>",
    ]
    for q in QUESTIONS:
        out.append(
            f"<section id='{q.id}'><h2>{q.number}. {e(q.title)}</h2><p>{e(q.prompt)}</p><ul>"
        )
        out += [f"<li>{e(line)}</li>" for line in _choices(q)]
        out.append("</ul>")
        if view.known.get(q.id):
            out.append("<p>What the registry already knows (confirm or correct):</p><ul>")
            out += [f"<li>{e(fact)}</li>" for fact in view.known[q.id]]
            out.append("</ul>")
        pre = yaml.safe_dump({q.id: view.answers[q.id]}, sort_keys=False, allow_unicode=True)
        out.append(f"<pre>{e(pre)}</pre></section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render_form(view: FormView, fmt: str) -> str:
    """``fmt`` is yaml, md or html."""
    return {"yaml": _yaml, "md": _markdown, "html": _html}[fmt](view)
