"""Metadata found in an article's own text: title, publication date, outlet, language.

Only the first few short lines are searched for a date, a byline or a
dateline domain (a date deep in the body is usually an event, not the
publication); the last line is searched for a signature ("Name, Outlet").
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "detect_language",
    "find_date",
    "find_outlet",
    "find_title",
    "outlet_from_url",
    "parse_date",
]

HEAD_LINES = 8
SHORT_LINE = 100
TITLE_MAX = 160
LANGUAGE_SAMPLE = 1000  # characters; enough for a confident guess, and cheap

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATES = [
    re.compile(rf"\b{_YEAR}-(?P<mnum>\d{{1,2}})-(?P<day>\d{{1,2}})(?!\d)"),  # 2025-03-24T10:00
    re.compile(rf"\b{_DAY}\.\s?(?P<mnum>\d{{1,2}})\.\s?{_YEAR}\b"),  # 25.08.2025
    re.compile(
        rf"(?:\b|(?<=[a-z])){_DAY}\s+{_MONTH}\s*,?\s+{_YEAR}\b", re.I
    ),  # Monday24 March 2025
    re.compile(rf"\b{_MONTH}\s+{_DAY}\s*,?\s+{_YEAR}\b", re.I),  # March 24, 2025
]
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}$", re.I)
_BYLINE = re.compile(r"^by\s+(?P<who>[^,]{2,80}),\s*(?P<outlet>[^,\d]{2,60})$", re.I)
_NAME_WORD = r"[A-ZÀ-Þ][\w'’.-]*"
_SIGNATURE = re.compile(
    rf"^(?P<who>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),\s*(?P<outlet>[^,.;:!?]{{2,60}})$"
)


def _head(text: str) -> list[str]:
    lines = [line.strip() for line in text.split("\n")[: HEAD_LINES * 3]]
    return [line for line in lines if line][:HEAD_LINES]


def parse_date(value: str) -> date | None:
    """The first date in ``value`` in one of the known formats, or None."""
    for pattern in _DATES:
        for match in pattern.finditer(value):
            found = _to_date(match.groupdict())
            if found is not None:
                return found
    return None


def _to_date(parts: dict[str, Any]) -> date | None:
    month = parts.get("mnum") or _MONTHS.get((parts.get("month") or "").lower())
    try:
        return date(int(parts["year"]), int(month or 0), int(parts["day"]))
    except (TypeError, ValueError):
        return None


def find_date(text: str) -> date | None:
    """The publication date from the first short lines of the text."""
    for line in _head(text):
        if len(line) <= SHORT_LINE:
            found = parse_date(line)
            if found is not None:
                return found
    return None


def _is_meta_line(line: str) -> bool:
    return bool(_DOMAIN.match(line) or _BYLINE.match(line) or line.lower().startswith("by ")) or (
        len(line) <= SHORT_LINE and parse_date(line) is not None and len(line.split()) <= 6
    )


def find_title(text: str) -> str | None:
    """The first line when it reads like a headline (short, not a sentence, not metadata)."""
    head = _head(text)
    if len(head) < 2:  # a one-line text is all body, not a headline
        return None
    for line in head[:3]:
        line = line.lstrip("#").strip()
        if not line or _is_meta_line(line):
            continue
        if len(line) <= TITLE_MAX and not line.endswith((".", ",", ";", ":")):
            return line
        return None
    return None


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "://" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def find_outlet(text: str) -> str | None:
    """Outlet from a byline ("By X, Reuters"), a domain dateline or a closing signature."""
    for line in _head(text):
        byline = _BYLINE.match(line)
        if byline:
            return byline.group("outlet").strip()
        if _DOMAIN.match(line):
            return line.lower().removeprefix("www.")
    lines = [line.strip() for line in text.rstrip().rsplit("\n", 3)[-3:] if line.strip()]
    if lines:
        signature = _SIGNATURE.match(lines[-1])
        if signature and len(lines[-1]) <= 100:
            return signature.group("outlet").strip()
    return None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), None when it has no letters."""
    sample = text[:LANGUAGE_SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return None
    from guarantor.ingest import language  # loads the model on first use: fast start-up

    found, _score = language.classify(sample)
    return found
