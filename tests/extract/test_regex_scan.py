"""The one walk over regex source that tells syntax from text."""

from __future__ import annotations

from guarantor.extract.lexicon import quote_tolerant
from guarantor.extract.lexicon_usage import split_alternatives
from guarantor.extract.regex_scan import syntax_characters


def _bare(pattern: str) -> str:
    return "".join(char for _, char, bare in syntax_characters(pattern) if bare)


def test_escapes_and_classes_are_not_syntax() -> None:
    assert _bare(r"a\|b[|(]c|d") == "abc|d"
    assert _bare(r"[]|](x)") == "(x)"  # a ] first in a class is a member
    assert _bare(r"[^]|] y") == " y"


def test_both_users_agree_on_what_is_bare() -> None:
    pattern = r"will not (?:send|deploy) troops|[|] \| never"
    assert split_alternatives(pattern) == [
        "will not (?:send|deploy) troops",
        r"[|] \| never",
    ]
    widened = quote_tolerant(pattern)
    assert "[|]" in widened and r"\|" in widened
    assert "(?:send|deploy)" in widened
