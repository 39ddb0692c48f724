"""Reading a response file: YAML -> typed ``Response`` with every actor resolved.

Every rejection is a ``ValidationError`` naming the file, the question and the
field, so a government's clerk can find the line to fix. Nothing is stored here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NoReturn

import pydantic

from guarantor.errors import GuarantorError, NotFoundError, ValidationError
from guarantor.questionnaire.response import Response
from guarantor.registry.actors import ActorIndex
from guarantor.yamlio import YamlDocument, load_yaml, load_yaml_file

__all__ = ["HEADER", "parse_response", "read_response", "resolve_state"]

HEADER = "header"  # the "question" of who answered and when


def _fail(path: Path, question: str, field: str, message: str, line: int | None = None) -> NoReturn:
    raise ValidationError(
        f"question {question!r}, field {field!r}: {message}", path=path, line=line
    )


def _where(loc: tuple[int | str, ...]) -> tuple[str, str]:
    """(question, field) of a pydantic error location."""
    if len(loc) >= 2 and loc[0] == "answers":
        return str(loc[1]), ".".join(str(part) for part in loc[2:]) or str(loc[1])
    return HEADER, ".".join(str(part) for part in loc) or "(document)"


def resolve_state(index: ActorIndex, name: str) -> str:
    """The ISO3 code of a state named by code or name; NotFoundError otherwise."""
    text = name.strip()
    actor = None
    if len(text) == 3 and text.isalpha():
        try:
            actor = index.get(text)
        except NotFoundError:
            actor = None
    if actor is None:
        found = index.resolve(text, fuzzy=False)
        actor = index.get(found.actor) if found is not None else None
    if actor is None or actor.kind != "state":
        raise NotFoundError(f"unknown country {name!r} (expected a state's name or ISO3 code)")
    return actor.code


def _states(path: Path, index: ActorIndex, names: tuple[str, ...], q: str, f: str) -> list[str]:
    codes = []
    for number, name in enumerate(names):
        try:
            codes.append(resolve_state(index, name))
        except NotFoundError as exc:
            _fail(path, q, f"{f}.{number}", exc.message)
    return codes


def _resolve(path: Path, response: Response, index: ActorIndex) -> Response:
    data = response.model_dump(mode="json")
    respondents = _states(path, index, response.respondents, HEADER, "respondents")
    if len(set(respondents)) != len(respondents):
        _fail(path, HEADER, "respondents", "a signatory is listed twice")
    data["respondents"] = respondents
    answers = data["answers"]
    if response.answers.participants is not None:
        countries = response.answers.participants.countries
        answers["participants"]["countries"] = _states(
            path, index, countries, "participants", "countries"
        )
    for number, offer in enumerate((answers.get("troops") or {}).get("offers", [])):
        field = f"offers.{number}.country"
        if offer["country"] is None:
            if len(respondents) > 1:
                _fail(path, "troops", field, "a collective answer must name each offer's country")
            continue
        offer["country"] = _states(path, index, (offer["country"],), "troops", field)[0]
        if offer["country"] not in respondents:
            _fail(path, "troops", field, f"{offer['country']} did not sign this answer")
    return Response.model_validate(data)


def _document(text: str | None, path: Path) -> YamlDocument:
    try:
        if text is None:
            return load_yaml_file(path, error=ValidationError)
        return load_yaml(text, path, error=ValidationError)
    except GuarantorError as exc:  # the guard's refusal, re-worded with question and field
        message = exc.message.replace("not valid YAML", "not YAML")
        _fail(path, HEADER, "(document)", message, exc.line)


def _validated(document: YamlDocument, path: Path, index: ActorIndex, today: date) -> Response:
    data = document.data
    if not isinstance(data, dict):
        _fail(path, HEADER, "(document)", "expected a YAML mapping with respondents and answers")
    try:
        response = Response.model_validate(data)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        question, field = _where(loc)
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        line = document.line_of(*loc)
        _fail(path, question, field, f"{first['msg']}{more}", line)
    if response.answered_on > today:
        line = document.line_of("answered_on")
        _fail(path, HEADER, "answered_on", f"{response.answered_on} is in the future", line)
    return _resolve(path, response, index)


def parse_response(text: str, path: Path, index: ActorIndex, today: date) -> Response:
    """Validate ``text`` (the YAML of ``path``) as a response answered by ``today``."""
    return _validated(_document(text, path), path, index, today)


def read_response(path: Path, index: ActorIndex, today: date) -> Response:
    """Read (through the input guard) and validate one response file."""
    return _validated(_document(None, path), path, index, today)
