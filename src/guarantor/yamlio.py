"""Reading users' YAML files so that every bad value is a marked error, never a traceback.

PyYAML builds dates and numbers from plain scalars; a scalar that looks like a
date but is impossible (``2025-13-01``) raises a bare ``ValueError`` without a
line. ``SafeLoader`` turns it into a ``yaml.MarkedYAMLError`` at the scalar, so
every reader reports the file, line and column the same way.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError

__all__ = ["SafeLoader", "error_line", "safe_load"]


class SafeLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` whose construction errors carry the scalar's position."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except ValueError as exc:
            raise ConstructorError(
                None, None, f"cannot read {node.value!r}: {exc}", node.start_mark
            ) from exc


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with positioned construction errors."""
    return yaml.load(text, Loader=SafeLoader)


def error_line(exc: yaml.YAMLError) -> tuple[int | None, int | None]:
    """1-based line and column of a YAML error, where it has a mark."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return None, None
    return int(mark.line) + 1, int(mark.column) + 1
