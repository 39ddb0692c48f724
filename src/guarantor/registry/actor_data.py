"""Read the actor YAML files and turn them into validated models.

The files live in ``guarantor/data/actors`` (or a user's folder of the same
shape). Every record keeps the line it starts on, so a bad field is reported
as ``states.yaml:212: ...`` rather than as a bare pydantic trace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from guarantor.domain.actors import ActorKind, AliasKind, OfficeHolder
from guarantor.errors import ValidationError
from guarantor.yamlio import YamlDocument, load_yaml_file

__all__ = [
    "ActorRecord",
    "ActorSources",
    "FuzzyPolicy",
    "bundled_actor_dir",
    "read_actor_sources",
]

# Keys of an actor record that hold alias lists, in the order their kinds win
# when one text appears under two keys of the same record.
ALIAS_KEYS: tuple[AliasKind, ...] = (
    "name",
    "short",
    "adjective",
    "demonym",
    "plural_nationals",
    "capital",
    "seat",
    "office",
    "transliteration",
    "misspelling",
)


def bundled_actor_dir() -> Path:
    """The actor data shipped inside the package."""
    return Path(str(files("guarantor") / "data" / "actors"))


class ActorRecord(BaseModel):
    """One actor as written in states.yaml or organisations.yaml."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^([A-Z]{3}|NATO|EU|G7|COALITION|EUROPE)$")
    name: str = Field(min_length=1)
    kind: ActorKind = "state"
    names: list[str] = []
    short: list[str] = []
    adjective: list[str] = []
    demonym: list[str] = []
    plural_nationals: list[str] = []
    capital: list[str] = []
    seat: list[str] = []
    office: list[str] = []
    transliteration: list[str] = []
    misspelling: list[str] = []
    ambiguous: list[str] = []
    line: int = 0
    path: str = ""

    def texts(self, kind: AliasKind) -> list[str]:
        """The alias texts of one kind; the canonical name counts as a name."""
        if kind == "name":
            return [self.name, *self.names]
        values: list[str] = getattr(self, kind)
        return values


class _HolderRecord(OfficeHolder):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FuzzyPolicy(BaseModel):
    """Limits on fuzzy matching, read from fuzzy.yaml (see its header)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_length: int = Field(default=5, ge=3)
    single_word_cutoff: float = Field(default=88, ge=50, le=100)
    surname_cutoff: float = Field(default=85, ge=50, le=100)
    full_name_cutoff: float = Field(default=80, ge=50, le=100)
    place_cutoff: float = Field(default=90, ge=50, le=100)
    place_min_length: int = Field(default=6, ge=3)
    tie_margin: float = Field(default=2, ge=0, le=20)
    not_names: tuple[str, ...] = ()


@dataclass
class ActorSources:
    """Everything read from one actor data folder, validated but not indexed."""

    actors: list[ActorRecord] = field(default_factory=list)
    holders: list[OfficeHolder] = field(default_factory=list)
    holder_lines: list[tuple[str, int]] = field(default_factory=list)
    office_titles: list[str] = field(default_factory=list)
    fuzzy: FuzzyPolicy = field(default_factory=FuzzyPolicy)


def _read_yaml(path: Path) -> YamlDocument:
    loaded = load_yaml_file(path, error=ValidationError)
    if not isinstance(loaded.data, dict):
        raise ValidationError("expected a mapping at the top of the file", path=path, line=1)
    return loaded


def _explain(exc: PydanticValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "record"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def _records(loaded: YamlDocument, key: str, path: Path) -> list[tuple[int | None, dict[str, Any]]]:
    """The mappings listed under ``key``, each with its line."""
    value = loaded.data.get(key)
    if not isinstance(value, list):
        line = loaded.line_of(key, default=1)
        raise ValidationError(f"expected a list under '{key}'", path=path, line=line)
    out = []
    for index, item in enumerate(value):
        line = loaded.line_of(key, index)
        if not isinstance(item, dict):
            raise ValidationError(
                f"expected a mapping in '{key}', got {item!r}", path=path, line=line
            )
        out.append((line, {str(k): v for k, v in item.items()}))
    return out


def _read_actor_file(
    path: Path, default_kind: Literal["state", "organisation"], data: YamlDocument | None = None
) -> list[ActorRecord]:
    data = data if data is not None else _read_yaml(path)
    out = []
    for line, raw in _records(data, "actors", path):
        raw.setdefault("kind", default_kind)
        try:
            out.append(ActorRecord(**raw, line=line or 0, path=str(path)))
        except (PydanticValidationError, TypeError) as exc:
            msg = _explain(exc) if isinstance(exc, PydanticValidationError) else str(exc)
            raise ValidationError(f"bad actor record: {msg}", path=path, line=line) from exc
    return out


def _resolve_source(value: object, sources: dict[str, Any], path: Path, line: int | None) -> str:
    if not isinstance(value, str) or not value:
        raise ValidationError("source: expected a key of 'sources' or a URL", path=path, line=line)
    if value.startswith(("http://", "https://")):
        return value
    if value not in sources:
        known = ", ".join(sorted(sources))
        raise ValidationError(
            f"source: unknown key {value!r}; expected one of {known} or a URL", path=path, line=line
        )
    return str(sources[value])


def _read_holders(path: Path) -> tuple[list[OfficeHolder], list[tuple[str, int]]]:
    data = _read_yaml(path)
    sources = data.data.get("sources") or {}
    if not isinstance(sources, dict):
        raise ValidationError(
            "sources: expected a mapping", path=path, line=data.line_of("sources")
        )
    holders: list[OfficeHolder] = []
    lines: list[tuple[str, int]] = []
    for line, raw in _records(data, "holders", path):
        raw["source"] = _resolve_source(raw.get("source"), sources, path, line)
        try:
            holder = _HolderRecord(**raw)
        except (PydanticValidationError, TypeError) as exc:
            msg = _explain(exc) if isinstance(exc, PydanticValidationError) else str(exc)
            raise ValidationError(f"bad office holder: {msg}", path=path, line=line) from exc
        holders.append(OfficeHolder(**holder.model_dump()))
        lines.append((str(path), line or 0))
    return holders, lines


def _read_fuzzy(path: Path) -> FuzzyPolicy:
    if not path.is_file():
        return FuzzyPolicy()
    data = _read_yaml(path).data
    try:
        return FuzzyPolicy(**data)
    except PydanticValidationError as exc:
        raise ValidationError(f"bad fuzzy policy: {_explain(exc)}", path=path) from exc


def read_actor_sources(folder: Path | None = None) -> ActorSources:
    """Read and validate states, organisations, office holders and fuzzy limits."""
    folder = folder or bundled_actor_dir()
    states_path = folder / "states.yaml"
    states = _read_yaml(states_path)
    titles = states.data.get("office_titles") or []
    if not isinstance(titles, list) or not all(isinstance(t, str) for t in titles):
        raise ValidationError("office_titles: expected a list of strings", path=states_path)
    sources = ActorSources(office_titles=list(titles), fuzzy=_read_fuzzy(folder / "fuzzy.yaml"))
    sources.actors.extend(_read_actor_file(states_path, "state", states))
    orgs = folder / "organisations.yaml"
    if orgs.is_file():
        sources.actors.extend(_read_actor_file(orgs, "organisation"))
    holders_path = folder / "office_holders.yaml"
    if holders_path.is_file():
        sources.holders, sources.holder_lines = _read_holders(holders_path)
    return sources
