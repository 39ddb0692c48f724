"""Title, date, outlet and language found in an article's own text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guarantor.ingest.metadata import (
    detect_language,
    find_date,
    find_outlet,
    find_title,
    outlet_from_url,
    parse_date,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("25.08.2025", date(2025, 8, 25)),
        ("Monday24 March 2025", date(2025, 3, 24)),
        ("March 24, 2025", date(2025, 3, 24)),
        ("Mar. 3rd 2024", date(2024, 3, 3)),
        ("2025-03-24", date(2025, 3, 24)),
        ("2025-03-24T09:30:00Z", date(2025, 3, 24)),
        ("Updated 1 September 2024, 10:02", date(2024, 9, 1)),
        ("31.02.2025", None),
        ("no date here", None),
    ],
)
def test_parse_date(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_date_from_a_dateline_that_opens_a_long_paragraph() -> None:
    body = "Ukraine said on 1 March 2025 that the talks " + "went on " * 20
    assert find_date(f"KYIV, March 24, 2025 (Reuters) - {body}") == date(2025, 3, 24)
    assert find_date(f"PARIS, 24.03.2025 — {body}") == date(2025, 3, 24)
    # a date inside the body of a long first line is an event, not the publication
    assert find_date(f"KYIV (Reuters) - {body}") is None
    assert find_date(body) is None


_FORMS = [
    "{d.day:02d}.{d.month:02d}.{d.year}",
    "{weekday}{d.day} {month} {d.year}",  # the weekday glued on, as garbled pages print it
    "{weekday}, {d.day} {month} {d.year}",
    "{month} {d.day}, {d.year}",
    "{d:%Y-%m-%d}",
    "{d.day} {month_short}. {d.year}",
]


@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_every_written_form_of_a_date_reads_back(day: date) -> None:
    names = {
        "weekday": day.strftime("%A"),
        "month": day.strftime("%B"),
        "month_short": day.strftime("%b"),
    }
    for form in _FORMS:
        written = form.format(d=day, **names)
        assert parse_date(written) == day, written
        assert find_date(f"Headline\n\n{written}\n\nBody.") == day, written


def test_date_only_from_the_first_short_lines() -> None:
    head = "Troops for Ukraine?\n\n25.08.2025\n\nBody text follows."
    assert find_date(head) == date(2025, 8, 25)
    long_line = "The summit on March 24, 2025 was " + "long " * 30
    assert find_date(f"Headline\n\n{long_line}") is None


def test_title() -> None:
    assert find_title("Who will send troops?\n\nBody.") == "Who will send troops?"
    assert find_title("# A Markdown heading\n\nBody.") == "A Markdown heading"
    assert find_title("Monday24 March 2025\nvsedelo.com\n\nA headline\n\nBody.") == "A headline"
    assert find_title("A first sentence that ends.\n\nBody.") is None
    assert find_title("Only one line") is None


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("By Jane Doe, Reuters\n\nBody text.", "Reuters"),
        ("Monday24 March 2025\nvsedelo.com\n\nBody text.", "vsedelo.com"),
        ("Headline\n\nBody text ends here.\n\nMiloš Balabán, Právo Daily", "Právo Daily"),
        ("Headline\n\nBody text. Then more, and more, here.", None),
        ("By Staff\n\nBody text.", None),
        ("By INS Contributors\n\nKUALA LUMPUR, Malaysia: Body text.", "INS"),
        ("By the Reuters news desk\n\nBody.", "Reuters"),
        ("KYIV, March 24, 2025 (Reuters) - Ukraine said on Monday that...\n\nMore.", "Reuters"),
        ("WASHINGTON (AP) — The talks went on.\n\nMore.", "AP"),
        ("Právo Daily | 25.08.2025\n\nHeadline\n\nBody.", "Právo Daily"),
        ("Monday24 March 2025\n\nHeadline\n\nBody.", None),
        ("Updated 1 September 2024, 10:02\n\nBody.", None),
        ("Headline\n\nBody text ends here.\n\n© 2025 Kyiv Post", "Kyiv Post"),
        (
            "Headline\n\nBody.\nCopyright 2024 The Associated Press. All rights reserved.",
            "The Associated Press",
        ),
        ("KUALA LUMPUR, Malaysia: Body text of a story.\n\nMore.", None),
    ],
)
def test_outlet_from_text(text: str, outlet: str | None) -> None:
    assert find_outlet(text) == outlet


def test_outlet_from_url() -> None:
    assert outlet_from_url("https://www.reuters.com/world/x") == "reuters.com"
    assert outlet_from_url("bbc.co.uk/news") == "bbc.co.uk"
    assert outlet_from_url("not a url") is None
    assert outlet_from_url(None) is None


def test_language() -> None:
    assert detect_language("The ministers agreed to send troops to the border next year.") == "en"
    assert (
        detect_language("Die Minister haben vereinbart, im nächsten Jahr Truppen zu schicken.")
        == "de"
    )
    assert detect_language("1234 5678 !!!") is None
