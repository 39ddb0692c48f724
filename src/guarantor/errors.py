"""One error tree for the whole package.

Every failure a user can cause or meet is a ``GuarantorError`` subclass whose
message names the file, the line and what was expected. The CLI maps them to
exit codes in one place (``guarantor.cli.app``); the web layer maps them to
HTTP statuses from the same ``exit_code``/``http_status`` attributes
(``guarantor.web.app``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

__all__ = [
    "ClusterError",
    "ConfigurationError",
    "GuarantorError",
    "IngestError",
    "InputError",
    "NotFoundError",
    "ReadOnlyError",
    "StoreError",
    "TokenError",
    "TooLargeError",
    "UnsupportedTypeError",
    "UsageError",
    "ValidationError",
    "every_problem",
]


class GuarantorError(Exception):
    """Base of every error guarantor raises on purpose."""

    exit_code: int = 1
    http_status: int = 500
    # every problem found in one input, when there were several (see ``every_problem``)
    problems: tuple[GuarantorError, ...] = ()

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: str | int | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        super().__init__(self.render())

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickle with the file, line and column (an error comes back from a cluster worker)."""
        return (_rebuild, (type(self), self.message, self.path, self.line, self.column))

    def render(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
            if self.column is not None:
                where += f" (column {self.column})"
            where += ": "
        return f"{where}{self.message}"


def _rebuild(
    cls: type[GuarantorError],
    message: str,
    path: str | None,
    line: int | None,
    column: str | int | None,
) -> GuarantorError:
    return cls(message, path=path, line=line, column=column)


class UsageError(GuarantorError):
    """The command was called wrongly (bad option value, missing argument)."""

    exit_code = 2
    http_status = 400


class ConfigurationError(GuarantorError):
    """Settings, database URL or scenario cannot be used as given."""

    exit_code = 2
    http_status = 400


class InputError(GuarantorError):
    """An input file cannot be read or is not what was expected."""

    exit_code = 1
    http_status = 422


class ValidationError(InputError):
    """A row or field of an input file breaks the schema."""


class IngestError(InputError):
    """One document of a batch could not be ingested; the rest go on."""


class NotFoundError(GuarantorError):
    """A named thing (actor, instrument, document) does not exist."""

    exit_code = 1
    http_status = 404


class StoreError(GuarantorError):
    """The database refused or failed an operation."""

    exit_code = 1
    http_status = 503


class ReadOnlyError(GuarantorError):
    """A write asked of a dashboard started without a token."""

    exit_code = 2
    http_status = 403


class TokenError(GuarantorError):
    """A write with a missing or wrong token."""

    exit_code = 2
    http_status = 401


class TooLargeError(InputError):
    """An input over its size limit (a dashboard upload)."""

    http_status = 413


class UnsupportedTypeError(InputError):
    """An input of a kind guarantor does not read (a dashboard upload)."""

    http_status = 415


_E = TypeVar("_E", bound=GuarantorError)


def every_problem(problems: Sequence[_E]) -> _E:
    """One error that reports all ``problems`` at once, each on its own line with its place.

    It is of the first problem's kind and place (so exit code and ``path``/``line`` hold),
    and keeps them all in ``problems``.
    """
    first, *rest = problems
    message = first.message + "".join("\n" + p.render() for p in rest)
    combined = type(first)(message, path=first.path, line=first.line, column=first.column)
    combined.problems = tuple(problems)
    return combined


class ClusterError(GuarantorError):
    """The Dask cluster cannot be reached or refused the work (``guarantor.scale``)."""

    exit_code = 1
    http_status = 503
