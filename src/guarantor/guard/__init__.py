"""One guard for every file a user hands in: read it bounded, decode it, parse it bounded.

Every reader of user input — articles, JSON Lines, HTML, scenarios, registry
tables, gold files, outcomes files, questionnaire answers, dashboard uploads —
goes through these functions, so a hostile or broken file ends in one specific
``GuarantorError`` naming the file, the line and what was expected, never in a
traceback, a hang or gigabytes of memory. It imports nothing of ours but
``errors``, so any layer may use it.

Every function takes ``error``: the ``GuarantorError`` subclass to raise
(``IngestError`` in ingest, ``ConfigurationError`` for scenarios,
``ValidationError`` for registry tables; ``InputError`` by default).

Files (``guarantor.guard.files``)
    ``open_regular(path, error=)`` — a binary handle on a regular file (a
    symlink to one is fine); a device, pipe, socket or folder is refused
    without blocking (``/dev/zero``, a FIFO).
    ``read_bytes(path, max_bytes=, error=)`` — at most ``max_bytes``, checked
    while reading (``st_size`` is never trusted).
    ``read_text(path, max_bytes=, error=)`` — ``read_bytes`` then ``decode``.
    ``iter_lines(handle, source=, max_line_bytes=, error=)`` — ``(number,
    bytes)`` or ``(number, error)`` for a line over the limit; a long line is
    skipped in chunks, never held whole.
    ``walk_files(path, suffixes)`` — a folder's files in order, hidden ones
    skipped; an unreadable sub-folder is yielded as an error, not skipped.

Text (``guarantor.guard.text``)
    ``decode(data, source, line=, error=)`` — UTF-8 (BOM allowed) or UTF-16
    with a BOM; anything else is refused naming the encoding it looks like;
    NUL bytes and binary data are refused.
    ``check_string(value, source, line=, field=, error=)`` — NUL characters and
    lone surrogates refused (they break hashing and PostgreSQL).

Structured data (``guarantor.guard.structured``)
    ``load_json(text, source, line=, limits=, error=)`` — ``json.loads`` with
    bounded depth, bounded number size, finite numbers only, and every string
    checked as above.
    ``iter_csv(text, source, limits=, error=)`` — ``(line, row dict)`` pairs;
    over-long cells and NUL are errors with their line.
    YAML lives in ``guarantor.yamlio`` (aliases refused, depth bounded,
    duplicate keys refused, lines recorded) and decodes through ``decode``.

``Limits`` holds the bounds with their reasons; ``LIMITS`` is the default.
"""

from guarantor.guard.files import iter_lines, open_regular, read_bytes, read_text, walk_files
from guarantor.guard.limits import LIMITS, Limits
from guarantor.guard.structured import iter_csv, load_json
from guarantor.guard.text import check_string, decode

__all__ = [
    "LIMITS",
    "Limits",
    "check_string",
    "decode",
    "iter_csv",
    "iter_lines",
    "load_json",
    "open_regular",
    "read_bytes",
    "read_text",
    "walk_files",
]
