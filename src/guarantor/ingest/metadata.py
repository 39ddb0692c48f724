"""Metadata found in an article's own text: title, publication date, outlet, language.

Only the head of the text is searched for a date, a byline, a masthead or a
dateline (a date deep in the body is usually an event, not the publication):
its first short lines, and the dateline that may open a long first paragraph
("KYIV, March 24, 2025 (Reuters) - ..."). The last lines are searched for a
sign-off: a signature ("Name, Outlet") or a copyright line ("© 2025 Outlet").
Every rule is about the form of a line, never about one outlet.
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
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
)
# Words that stand beside a date in a head line without naming an outlet.
_DATE_WORDS = _WEEKDAYS | {"updated", "published", "posted", "modified", "date", "last", "on"}
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}$", re.I)
_BYLINE = re.compile(r"^by\s+(?P<who>[^,]{2,80}),\s*(?P<outlet>[^,\d]{2,60})$", re.I)
_NAME_WORD = r"[A-ZÀ-Þ][\w'’.&-]*"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
_SIGNATURE = re.compile(
    rf"^(?P<who>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),\s*(?P<outlet>[^,.;:!?]{{2,60}})$"
)
# "By Reuters Staff", "By INS Contributors": a byline that names only the outlet's people.
_BYLINE_GROUP = re.compile(
    rf"^(?i:by)\s+(?:(?i:the)\s+)?(?P<outlet>{_NAME})\s+(?i:staff|contributors?|"
    r"correspondents?|reporters?|writers?|team|(?:news\s*)?desk|newsroom|editors?)$"
)
# "KYIV, March 24, 2025 (Reuters) - ...", "WASHINGTON (AP) — ...": a wire dateline.
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ'’.-]*(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]*){0,3})"
    r"(?P<rest>,[^()\n]{2,60}?)?\s*"
    rf"(?:\((?P<outlet>{_NAME})\)\s*)?(?:[-–—:]|$)"
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    rf"(?P<outlet>{_NAME})\.?(?:\s*all rights reserved\.?)?$",
    re.I,
)
_SEPARATORS = " \t|,;:-–—•·/"


def _head(text: str) -> list[str]:
    lines = [line.strip() for line in text.split("\n")[: HEAD_LINES * 3]]
    return [line for line in lines if line][:HEAD_LINES]


def parse_date(value: str) -> date | None:
    """The first date in ``value`` in one of the known formats, or None."""
    found = _date_match(value)
    return found[0] if found else None


def _date_match(value: str) -> tuple[date, re.Match[str]] | None:
    for pattern in _DATES:
        for match in pattern.finditer(value):
            found = _to_date(match.groupdict())
            if found is not None:
                return found, match
    return None


def _to_date(parts: dict[str, Any]) -> date | None:
    month = parts.get("mnum") or _MONTHS.get((parts.get("month") or "").lower())
    try:
        return date(int(parts["year"]), int(month or 0), int(parts["day"]))
    except (TypeError, ValueError):
        return None


def find_date(text: str) -> date | None:
    """The publication date from the first short lines, or the dateline that opens the text."""
    for line in _head(text):
        found = parse_date(line if len(line) <= SHORT_LINE else _dateline(line))
        if found is not None:
            return found
    return None


def _dateline(line: str) -> str:
    """The dateline that opens a long line ("KYIV, March 24, 2025 (Reuters) -"), or ''."""
    match = _DATELINE.match(line)
    return match.group(0) if match and match.group("rest") else ""


def _masthead(line: str) -> str | None:
    """The name beside a date in a short head line ("Právo | 25.08.2025"), if one stands there."""
    found = _date_match(line) if len(line) <= SHORT_LINE else None
    if found is None:
        return None
    match = found[1]
    rest = (line[: match.start()] + " " + line[match.end() :]).strip(_SEPARATORS)
    words = rest.lower().split()
    if not words or any(w.strip(",.") in _DATE_WORDS for w in words):
        return None
    return rest if re.fullmatch(_NAME, rest) else None


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
    """Outlet from the head (byline, masthead, domain, wire dateline) or the sign-off."""
    for line in _head(text):
        found = _head_outlet(line)
        if found:
            return found
    lines = [line.strip() for line in text.rstrip().rsplit("\n", 3)[-3:] if line.strip()]
    if lines and len(lines[-1]) <= SHORT_LINE:
        sign_off = _SIGNATURE.match(lines[-1]) or _COPYRIGHT.match(lines[-1])
        if sign_off:
            return sign_off.group("outlet").strip().removesuffix(".")
    return None


def _head_outlet(line: str) -> str | None:
    """'By X, Reuters', 'By Reuters Staff', 'vsedelo.com', 'Právo, 25.08.2025', 'KYIV (AP) -'."""
    for pattern in (_BYLINE, _BYLINE_GROUP):
        byline = pattern.match(line)
        if byline:
            return byline.group("outlet").strip()
    if _DOMAIN.match(line):
        return line.lower().removeprefix("www.")
    dateline = _DATELINE.match(line)
    if dateline and dateline.group("outlet"):
        return dateline.group("outlet").strip()
    return _masthead(line)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), None when it has no letters."""
    sample = text[:LANGUAGE_SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return None
    from guarantor.ingest import language  # loads the model on first use: fast start-up

    found, _score = language.classify(sample)
    return found
