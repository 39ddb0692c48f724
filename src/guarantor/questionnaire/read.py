"""Reading a response file: YAML -> typed ``Response`` with every actor resolved.

Every rejection is a ``ValidationError`` naming the file, the question and the
field, so a government's clerk can find the line to fix. Nothing is stored here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NoReturn

import pydantic

from guarantor.errors import GuarantorError, NotFoundError, ValidationError, every_problem
from guarantor.questionnaire.response import Response
from guarantor.registry.actors import ActorIndex
from guarantor.yamlio import YamlDocument, load_yaml, load_yaml_file

__all__ = ["HEADER", "parse_response", "read_response", "resolve_state"]

HEADER = "header"  # the "question" of who answered and when


def _problem(
    path: Path, question: str, field: str, message: str, line: int | None = None
) -> ValidationError:
    return ValidationError(
        f"question {question!r}, field {field!r}: {message}", path=path, line=line
    )


def _fail(path: Path, question: str, field: str, message: str, line: int | None = None) -> NoReturn:
    raise _problem(path, question, field, message, line)


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


class _Checker:
    """Actor checks of one file, every problem kept (with its line) rather than the first."""

    def __init__(self, path: Path, document: YamlDocument, index: ActorIndex) -> None:
        self.path, self.document, self.index = path, document, index
        self.problems: list[ValidationError] = []

    def add(self, question: str, field: str, message: str, *loc: str | int) -> None:
        line = self.document.line_of(*loc) if loc else None
        self.problems.append(_problem(self.path, question, field, message, line))

    def states(self, names: tuple[str, ...], q: str, f: str, *loc: str | int) -> list[str]:
        """ISO3 codes of ``names``; an unknown one is a problem and stays as written."""
        codes = []
        for number, name in enumerate(names):
            try:
                codes.append(resolve_state(self.index, name))
            except NotFoundError as exc:
                self.add(q, f"{f}.{number}", exc.message, *loc, number)
                codes.append(name)
        return codes


def _resolve(check: _Checker, response: Response) -> Response:
    data = response.model_dump(mode="json")
    respondents = check.states(response.respondents, HEADER, "respondents", "respondents")
    if len(set(respondents)) != len(respondents):
        check.add(HEADER, "respondents", "a signatory is listed twice", "respondents")
    data["respondents"] = respondents
    answers = data["answers"]
    if response.answers.participants is not None:
        countries = response.answers.participants.countries
        answers["participants"]["countries"] = check.states(
            countries, "participants", "countries", "answers", "participants", "countries"
        )
    for number, offer in enumerate((answers.get("troops") or {}).get("offers", [])):
        field, loc = f"offers.{number}.country", ("answers", "troops", "offers", number)
        if offer["country"] is None:
            if len(respondents) > 1:
                message = "a collective answer must name each offer's country"
                check.add("troops", field, message, *loc)
            continue
        known = len(check.problems)
        offer["country"] = check.states((offer["country"],), "troops", field, *loc, "country")[0]
        if len(check.problems) == known and offer["country"] not in respondents:
            check.add("troops", field, f"{offer['country']} did not sign this answer", *loc)
    if check.problems:
        raise every_problem(sorted(check.problems, key=lambda p: p.line or 0))
    return Response.model_validate(data)


def _document(text: str | None, path: Path) -> YamlDocument:
    try:
        if text is None:
            return load_yaml_file(path, error=ValidationError)
        return load_yaml(text, path, error=ValidationError)
    except GuarantorError as exc:  # the guard's refusal, re-worded with question and field
        message = exc.message.replace("not valid YAML", "not YAML")
        _fail(path, HEADER, "(document)", message, exc.line)


def _schema_problems(
    error: pydantic.ValidationError, document: YamlDocument, path: Path
) -> list[ValidationError]:
    """One problem per field that broke the schema, in the order of the file's lines."""
    errors = error.errors()
    locs = [tuple(e["loc"]) for e in errors]
    problems = []
    for found, loc in zip(errors, locs, strict=True):
        if any(len(other) > len(loc) and other[: len(loc)] == loc for other in locs):
            continue  # a container that failed only because an item in it did
        question, field = _where(loc)
        line = document.line_of(*loc)
        problems.append(_problem(path, question, field, found["msg"], line))
    return sorted(problems, key=lambda p: p.line or 0)


def _validated(document: YamlDocument, path: Path, index: ActorIndex, today: date) -> Response:
    """The response, or one error listing every problem (schema first; then, once the
    schema holds, dates and actors), each with its question, field and line."""
    data = document.data
    if not isinstance(data, dict):
        _fail(path, HEADER, "(document)", "expected a YAML mapping with respondents and answers")
    try:
        response = Response.model_validate(data)
    except pydantic.ValidationError as exc:
        raise every_problem(_schema_problems(exc, document, path)) from None
    check = _Checker(path, document, index)
    if response.answered_on > today:
        check.add(HEADER, "answered_on", f"{response.answered_on} is in the future", "answered_on")
    return _resolve(check, response)


def parse_response(text: str, path: Path, index: ActorIndex, today: date) -> Response:
    """Validate ``text`` (the YAML of ``path``) as a response answered by ``today``."""
    return _validated(_document(text, path), path, index, today)


def read_response(path: Path, index: ActorIndex, today: date) -> Response:
    """Read (through the input guard) and validate one response file."""
    return _validated(_document(None, path), path, index, today)
