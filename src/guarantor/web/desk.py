"""The server's view of the world: one open store, the world read once per store
revision, and each scenario's assessment computed once per revision.

Every page reads through a ``Desk``; nothing is global. The cache is keyed by the
store's revision token (``Store.revision``) plus the user's registry folder, so an
ingest, a questionnaire answer or a re-graded outlet shows on the next request, and
an unchanged store answers from memory (the load benchmark's p95 rests on this).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from guarantor.beliefs.world import load_world
from guarantor.costs import answer_who_pays
from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import Scenario
from guarantor.domain.vocabulary import Option
from guarantor.forces.answer import answer_who_sends
from guarantor.registry import Registry, user_registry_dir
from guarantor.registry.actors import ActorIndex, load_actors
from guarantor.reports.assessment import Assessment, StoreSummary, build_assessment
from guarantor.response import compare_designs
from guarantor.settings import Settings
from guarantor.store import Store, safe_url

__all__ = ["Desk", "World", "default_scenarios_dir", "scenario_key"]

ASSESSMENTS_KEPT = 16  # scenarios remembered per revision (the editor's recent runs)
PAGES_KEPT = 256  # rendered pages remembered per revision (each path and query once)


@dataclass(frozen=True)
class World:
    """The registry and every piece of evidence at one store revision, indexed by cell."""

    revision: tuple[str, ...]
    registry: Registry
    evidence: Sequence[Evidence]
    store: StoreSummary
    by_cell: dict[tuple[str, Option], list[Evidence]] = field(default_factory=dict)
    by_actor: dict[str, list[Evidence]] = field(default_factory=dict)


def scenario_key(scenario: Scenario) -> str:
    """A stable fingerprint of everything a run depends on in the scenario."""
    return hashlib.sha256(scenario.model_dump_json().encode("utf-8")).hexdigest()[:16]


def default_scenarios_dir(db_url: str) -> Path:
    """Saved scenarios live beside the user's registry rows (beside the store)."""
    return user_registry_dir(db_url=db_url).parent / "scenarios"


def _folder_stamp(folder: Path) -> str:
    """Names, sizes and modification times of the user's registry files."""
    if not folder.is_dir():
        return ""
    stats = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir())
    return hashlib.sha256(repr(stats).encode("utf-8")).hexdigest()[:16]


class Desk:
    """What every request reads: settings, the store, the base scenario, the caches."""

    def __init__(
        self,
        settings: Settings,
        scenario: Scenario,
        token: str | None = None,
        scenarios_dir: Path | None = None,
    ) -> None:
        self.settings = settings
        self.scenario = scenario
        self.token = token
        self.scenarios_dir = scenarios_dir or default_scenarios_dir(settings.db_url)
        self.store = Store.open(
            settings.db_url, near_duplicate_threshold=settings.near_duplicate_threshold
        )
        self.actors: ActorIndex = load_actors()
        self._lock = threading.RLock()
        self._write = threading.Lock()
        self._world: World | None = None
        self._assessments: OrderedDict[tuple[tuple[str, ...], str], Assessment] = OrderedDict()
        self._pages: OrderedDict[tuple[str, ...], bytes] = OrderedDict()
        self._pages_revision: tuple[str, ...] = ()

    @property
    def writable(self) -> bool:
        return bool(self.token)

    @property
    def registry_dir(self) -> Path:
        return user_registry_dir(db_url=self.settings.db_url)

    def close(self) -> None:
        self.store.close()

    def revision(self) -> tuple[str, ...]:
        """The store's revision, the user's registry rows and the saved scenarios."""
        return (
            *self.store.revision(),
            _folder_stamp(self.registry_dir),
            _folder_stamp(self.scenarios_dir),
        )

    def page(self, key: tuple[str, ...], render: Callable[[], bytes]) -> bytes:
        """A rendered page, made once per revision (pages are pure functions of it)."""
        revision = self.revision()
        with self._lock:
            if revision != self._pages_revision:
                self._pages.clear()
                self._pages_revision = revision
            found = self._pages.get(key)
            if found is not None:
                self._pages.move_to_end(key)
                return found
        body = render()
        with self._lock:
            if revision == self._pages_revision:
                self._pages[key] = body
                while len(self._pages) > PAGES_KEPT:
                    self._pages.popitem(last=False)
        return body

    def world(self) -> World:
        """The world at the current revision (read from the store only when it changed)."""
        revision = self.revision()
        with self._lock:
            if self._world is None or self._world.revision != revision:
                self._world = self._read_world(revision)
                self._assessments.clear()
            return self._world

    def _read_world(self, revision: tuple[str, ...]) -> World:
        registry, evidence = load_world(self.settings.db_url)
        counts = self.store.counts()
        summary = StoreSummary(
            safe_url(self.settings.db_url),
            counts["documents"],
            counts["positions"],
            self.store.documents_by_outlet_month(),
        )
        by_cell: dict[tuple[str, Option], list[Evidence]] = defaultdict(list)
        by_actor: dict[str, list[Evidence]] = defaultdict(list)
        for item in evidence:
            by_cell[(item.actor, item.option)].append(item)
            by_actor[item.actor].append(item)
        return World(revision, registry, evidence, summary, dict(by_cell), dict(by_actor))

    def assessment(self, scenario: Scenario | None = None) -> Assessment:
        """The four answers under ``scenario`` (default: the server's), cached per revision."""
        scenario = scenario or self.scenario
        world = self.world()
        key = (world.revision, scenario_key(scenario))
        with self._lock:
            found = self._assessments.get(key)
            if found is not None:
                self._assessments.move_to_end(key)
                return found
            report = _assess(world, scenario)
            self._assessments[key] = report
            while len(self._assessments) > ASSESSMENTS_KEPT:
                self._assessments.popitem(last=False)
            return report

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """One writer at a time through the server's store."""
        with self._write:
            yield self.store


def _assess(world: World, scenario: Scenario) -> Assessment:
    """The same models, in the same order, as ``guarantor assess``."""
    registry, evidence = world.registry, world.evidence
    who = answer_who_sends(registry, evidence, scenario)
    reaction = compare_designs(
        registry, evidence, scenario, replications=scenario.response.brief_replications
    )
    pays = answer_who_pays(registry, who, scenario)
    return build_assessment(registry, evidence, scenario, world.store, who, reaction, pays)
