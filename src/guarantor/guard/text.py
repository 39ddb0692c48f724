"""Bytes -> text, explicitly: UTF-8, or UTF-16 with a byte-order mark; nothing guessed.

Other encodings are refused with the name of the encoding the bytes look like
(found by ``charset_normalizer``), so the user knows what to convert from.
NUL characters and lone surrogates are refused too: they cannot be hashed as
UTF-8 and PostgreSQL cannot store them.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from guarantor.errors import GuarantorError, InputError

__all__ = ["SNIFF", "check_string", "decode"]

SNIFF = 8192
_BOMS_16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
_BAD_CHAR = re.compile("[\x00\ud800-\udfff]")


def decode(
    data: bytes,
    source: str,
    line: int | None = None,
    *,
    error: type[GuarantorError] = InputError,
) -> str:
    """UTF-8 (or BOM-marked UTF-16) text; empty, binary or undecodable data is refused."""
    if not data.strip():
        raise error("empty input (no text)", path=source, line=line)
    utf16 = data.startswith(_BOMS_16)
    if not utf16 and b"\x00" in data:
        raise error(
            "binary data (contains NUL bytes), expected UTF-8 text; "
            f"it looks like {_looks_like(data)}",
            path=source,
            line=line,
        )
    try:
        text = data.decode("utf-16") if utf16 else data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be "
            f"decoded; it looks like {_looks_like(data)} (convert the file to UTF-8)",
            path=source,
            line=line if line is not None else data.count(b"\n", 0, exc.start) + 1,
        ) from None
    sample = text[:SNIFF]
    if len(_CONTROL.findall(sample)) > len(sample) // 20:
        raise error(
            "binary data (mostly control characters), expected text", path=source, line=line
        )
    if utf16:
        check_string(text, source, line, error=error)
    return text


def check_string(
    value: str,
    source: str,
    line: int | None = None,
    *,
    field: str | None = None,
    error: type[GuarantorError] = InputError,
) -> None:
    """Refuse a NUL character or a lone surrogate (from a JSON escape such as ``\\ud800``)."""
    found = _BAD_CHAR.search(value)
    if found is None:
        return
    what = "a NUL character" if found.group() == "\x00" else "a lone surrogate"
    where = f"field {field!r} contains" if field else "contains"
    raise error(
        f"{where} {what} (U+{ord(found.group()):04X}) at character {found.start()}; "
        "expected plain text",
        path=source,
        line=line,
    )


def _looks_like(data: bytes) -> str:
    best = from_bytes(data[:SNIFF]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return "binary or mixed data"
    return best.encoding.replace("_", "-")
