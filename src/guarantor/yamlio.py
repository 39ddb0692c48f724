"""The one YAML loader for every user's or bundled YAML file: guarded, with line numbers.

``load_yaml(text, source, error=...)`` parses with PyYAML's safe loader and
refuses what a hostile or careless file can do to it:

- aliases (``*name``) are refused, so an alias bomb cannot explode;
- nesting deeper than ``Limits.max_depth`` is refused before the composer recurses;
- a key given twice in one mapping is refused (PyYAML would keep the last silently);
- a scalar that looks like a date or number but is impossible (``2025-13-01``)
  is an error at that scalar, not a bare ``ValueError``.

Every failure is the caller's ``GuarantorError`` subclass with the file, line
and column. The result carries ``lines``: the 1-based line of every mapping key
and sequence item by its path (``("overrides", "POL", "p_act")``, list indexes
as strings), so validation errors found later point at the user's line.
``load_yaml_file`` reads the file through ``guarantor.guard`` first (regular
file, bounded size, explicit decoding).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

from guarantor.errors import GuarantorError, InputError
from guarantor.guard import LIMITS, Limits, read_text
from guarantor.guard.text import check_string

__all__ = ["GuardedLoader", "LineMap", "YamlDocument", "load_yaml", "load_yaml_file"]

LineMap = dict[tuple[str, ...], int]


@dataclass(frozen=True)
class YamlDocument:
    """What a YAML file holds, and the line of each key and item by its path."""

    data: Any
    lines: LineMap = field(default_factory=dict)

    def line_of(self, *path: str | int, default: int | None = None) -> int | None:
        """The line of the longest prefix of ``path`` the file contains."""
        keys = tuple(str(p) for p in path)
        for end in range(len(keys), 0, -1):
            if keys[:end] in self.lines:
                return self.lines[keys[:end]]
        return default


class GuardedLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` without aliases, with bounded depth and unique keys."""

    max_depth = LIMITS.max_depth

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise ComposerError(None, None, "aliases (*name) are not accepted", mark)
        self._depth += 1
        try:
            if self._depth > self.max_depth:
                mark = self.peek_event().start_mark
                raise ComposerError(None, None, f"nested deeper than {self.max_depth} levels", mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            first = seen.setdefault(key_node.value, key_node.start_mark.line + 1)
            if first != key_node.start_mark.line + 1:
                raise ConstructorError(
                    None,
                    None,
                    f"duplicate key {key_node.value!r} (first given on line {first})",
                    key_node.start_mark,
                )
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except ValueError as exc:
            raise ConstructorError(
                None, None, f"cannot read {str(node.value)[:40]!r}: {exc}", node.start_mark
            ) from exc


def load_yaml(
    text: str,
    source: str | Path,
    *,
    error: type[GuarantorError] = InputError,
    limits: Limits = LIMITS,
) -> YamlDocument:
    """Parse ``text``; any problem is ``error`` naming ``source``, line and column."""
    check_string(text, str(source), error=error)
    try:  # the reader checks characters as soon as the loader is made
        loader = GuardedLoader(text)
    except yaml.YAMLError as exc:
        raise _refused(exc, source, error) from None
    loader.max_depth = limits.max_depth
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise _refused(exc, source, error) from None
    finally:
        loader.dispose()
    lines: LineMap = {}
    if node is not None:
        _walk(node, (), lines)
    return YamlDocument(data, lines)


def load_yaml_file(
    path: str | Path,
    *,
    error: type[GuarantorError] = InputError,
    limits: Limits = LIMITS,
) -> YamlDocument:
    """Read ``path`` through the guard and parse it with ``load_yaml``."""
    return load_yaml(
        read_text(path, max_bytes=limits.max_bytes, error=error), path, error=error, limits=limits
    )


def _walk(node: yaml.Node, prefix: tuple[str, ...], lines: LineMap) -> None:
    """Record lines iteratively (depth is bounded, but keep it off the stack anyway)."""
    stack: list[tuple[yaml.Node, tuple[str, ...]]] = [(node, prefix)]
    while stack:
        current, here = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                path = (*here, str(key.value))
                lines.setdefault(path, key.start_mark.line + 1)
                stack.append((value, path))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                path = (*here, str(index))
                lines[path] = item.start_mark.line + 1
                stack.append((item, path))


def _refused(
    exc: yaml.YAMLError, source: str | Path, error: type[GuarantorError]
) -> GuarantorError:
    line, column = _error_line(exc)
    if isinstance(exc, yaml.reader.ReaderError):
        problem = f"unacceptable character #x{exc.character:04x} at character {exc.position}"
    else:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return error(f"not valid YAML: {problem}", path=source, line=line, column=column)


def _error_line(exc: yaml.YAMLError) -> tuple[int | None, int | None]:
    """1-based line and column of a YAML error, where it has a mark."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return None, None
    return int(mark.line) + 1, int(mark.column) + 1
