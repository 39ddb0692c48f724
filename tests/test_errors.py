"""The error tree renders where and what, and carries exit codes and HTTP statuses."""

from __future__ import annotations

import pytest

from guarantor import errors


def test_message_names_file_line_and_column() -> None:
    exc = errors.ValidationError("expected a date", path="pledges.csv", line=7, column="date")
    assert str(exc) == "pledges.csv:7 (column date): expected a date"


def test_message_without_location_is_just_the_message() -> None:
    assert str(errors.NotFoundError("no actor 'XYZ'")) == "no actor 'XYZ'"


@pytest.mark.parametrize(
    ("cls", "code"),
    [
        (errors.UsageError, 2),
        (errors.ConfigurationError, 2),
        (errors.InputError, 1),
        (errors.IngestError, 1),
        (errors.NotFoundError, 1),
        (errors.StoreError, 1),
    ],
)
def test_exit_codes(cls: type[errors.GuarantorError], code: int) -> None:
    assert cls("x").exit_code == code
    assert issubclass(cls, errors.GuarantorError)


def test_http_statuses_distinguish_client_and_server_faults() -> None:
    assert errors.ValidationError("x").http_status == 422
    assert errors.NotFoundError("x").http_status == 404
    assert errors.StoreError("x").http_status == 503


def test_an_error_pickles_with_its_place() -> None:
    """Errors come back from cluster workers pickled: file, line and column survive."""
    import pickle

    exc = errors.IngestError("no text", path="feed.jsonl", line=3)
    again = pickle.loads(pickle.dumps(exc))
    assert type(again) is errors.IngestError
    assert (again.path, again.line, str(again)) == ("feed.jsonl", 3, "feed.jsonl:3: no text")
