"""``response.simpy.v1``: a discrete-event simulation of the response to one attack.

At time zero the attack happens. Each guarantor's government takes its
executive decision (a delay; a decision deadline it honours cuts it short),
asks its parliament for a mandate where armed deployments need one, and each
response it chose becomes effective after its readiness time. A response is
chosen at will (P = the state's belief for that option, raised by the tripwire
when its own soldiers were killed) or by duty (an obligation covering the attack
requires it and the state honours that type of obligation at all, P = the
reliability base rate). Automatic duties skip the discretionary decision;
duties owed to NATO members bind only once the North Atlantic Council meets
(Article 4) or invokes Article 5.

Randomness: the caller passes a ``numpy.random.Generator``; each replication
draws from its own spawned child, all its uniforms at once, in a layout fixed by
actor slot, so designs compared on the same seed share their draws. Each
replication runs in a fresh ``simpy.Environment`` passed to ``replicate``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from dataclasses import dataclass

import numpy as np
import simpy
from numpy.typing import NDArray

from guarantor.domain.response import Delay, ResponseKind
from guarantor.response.obligations import Activation
from guarantor.response.plan import RESPONSES, ActorPlan, Plan

__all__ = [
    "CHUNK",
    "RULE",
    "Draws",
    "Outcome",
    "draw",
    "replicate",
    "run_replications",
    "triangular",
]

RULE = "response.simpy.v1"
CHUNK = 1024  # replications whose draws are held at once: bounds memory, never changes results
K = len(RESPONSES)
CONSULT = RESPONSES.index(ResponseKind.CONSULTATIONS)
NATO = "NATO"
LogEntry = tuple[float, str, int, str]  # hours, actor, response column (or INVOKED), why
INVOKED = -1  # the log's column for NATO's Article 5 decision
NOW, ARTICLE4, ARTICLE5 = (a.value for a in Activation)
IS_MILITARY = [k.military for k in RESPONSES]
MILITARY_COLUMNS = [i for i, k in enumerate(RESPONSES) if k.military]
Event = simpy.events.Event


def triangular(
    u: NDArray[np.float64],
    low: NDArray[np.float64] | float,
    mode: NDArray[np.float64] | float,
    high: NDArray[np.float64] | float,
) -> NDArray[np.float64]:
    """Inverse CDF of the triangular distribution (broadcasting): same uniform, same quantile."""
    low, mode, high = (np.asarray(x, dtype=np.float64) for x in (low, mode, high))
    width = np.maximum(high - low, 1e-300)
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(u * width < mode - low, left, right)


def _params(delays: list[Delay]) -> tuple[NDArray[np.float64], ...]:
    return tuple(np.array([getattr(d, f) for d in delays]) for f in ("low", "mode", "high"))


@dataclass(frozen=True)
class Draws:
    """One replication's numbers as plain floats, by actor slot and response."""

    will: list[list[float]]  # [slot][response] uniforms for acting at will
    honour: list[float]  # [slot] uniform: stands by / honours duties when below the rate
    executive: list[float]  # [slot] hours to the executive decision
    parliament: list[float]  # [slot] hours from decision to mandate
    ready: list[list[float]]  # [slot][response] hours from decision to effect
    article4: float  # hours to the North Atlantic Council meeting
    article5: float  # hours from that meeting to an Article 5 decision
    invoke: float  # uniform: Article 5 is invoked when below plan.p_article5


def _honour(
    own: NDArray[np.float64],
    common: NDArray[np.float64],
    pick: NDArray[np.float64],
    correlation: float,
) -> NDArray[np.float64]:
    """States move together: each takes the common uniform with probability sqrt(rho),
    its own otherwise (uniform margins; rank correlation rho between any two states)."""
    return np.where(pick < np.sqrt(correlation), common, own)


def draw(plan: Plan, children: list[np.random.Generator]) -> list[Draws]:
    """Each child's uniforms in one call, in a fixed layout, turned into hours at once."""
    slots = plan.slots
    u = np.stack([child.random(slots * (2 * K + 4) + 4) for child in children])
    cut = np.cumsum([slots * K, slots, slots, slots, slots * K, slots])
    will, own, executive, parliament, ready, pick, nato = np.split(u, cut, axis=1)
    planning = plan.scenario.response
    exec_delays = [planning.executive] * slots
    parl_delays = [planning.executive] * slots
    for actor in plan.actors:
        exec_delays[actor.slot] = actor.executive
        parl_delays[actor.slot] = actor.parliament or planning.executive
    honour = _honour(own, nato[:, 3:4], pick, plan.scenario.correlation)
    will = will.reshape(-1, slots, K)
    will[:, :, MILITARY_COLUMNS] = will[:, :, MILITARY_COLUMNS[:1]]  # one resolve to fight
    hours = (
        triangular(executive, *_params(exec_delays)),
        triangular(parliament, *_params(parl_delays)),
        triangular(
            ready.reshape(-1, slots, K), *_params([planning.readiness[k] for k in RESPONSES])
        ),
        triangular(nato[:, 0], *_params([planning.article4])),
        triangular(nato[:, 1], *_params([planning.article5])),
    )
    return [
        Draws(
            will[i].tolist(),
            honour[i].tolist(),
            hours[0][i].tolist(),
            hours[1][i].tolist(),
            hours[2][i].tolist(),
            float(hours[3][i]),
            float(hours[4][i]),
            float(nato[i, 2]),
        )
        for i in range(len(children))
    ]


class _Replication:
    """The processes of one replication in its environment; records what happens when."""

    def __init__(self, env: simpy.Environment, plan: Plan, draws: Draws) -> None:
        self.env = env
        self.plan = plan
        self.draws = draws
        self.log: list[LogEntry] = []
        self.first = [[math.inf] * K for _ in plan.actors]
        self.gates = {NOW: None, ARTICLE4: env.event(), ARTICLE5: env.event()}

    def nato(self) -> Generator[Event, object, None]:
        """The North Atlantic Council: Article 4 consultations, then perhaps Article 5."""
        env = self.env
        yield env.timeout(self.draws.article4)
        self.gates[ARTICLE4].succeed()  # type: ignore[union-attr]
        self.log.append((env.now, NATO, CONSULT, "article4"))
        if self.draws.invoke < self.plan.p_article5:
            yield env.timeout(self.draws.article5)
            self.gates[ARTICLE5].succeed()  # type: ignore[union-attr]
            self.log.append((env.now, NATO, INVOKED, "nato-article-5"))

    def roll_out(
        self, who: int, gates: list[Event], steps: dict[int, tuple[float, str]]
    ) -> Generator[Event, object, None]:
        """Responses that wait for the same things: once those have happened, each takes
        effect after its readiness time (a consultation by its deadline), in order."""
        env = self.env
        for gate in gates:  # noqa: UP028 - SimPy sends event values; a list cannot take them
            yield gate
        start = env.now
        actor = self.plan.actors[who]
        ready = self.draws.ready[actor.slot]
        row, log, name = self.first[who], self.log, actor.actor
        if len(steps) == 1:
            ((column, (cap, why)),) = steps.items()
            due = [(min(start + ready[column], max(cap, start)), column, why)]
        else:
            due = sorted(
                (min(start + ready[column], max(cap, start)), column, why)
                for column, (cap, why) in steps.items()
            )
        for when, column, why in due:
            yield env.timeout(when - env.now)
            if when < row[column]:
                row[column] = when
            log.append((when, name, column, why))


Steps = dict[int, tuple[float, str]]  # response column -> (deadline, why)
Groups = dict[tuple[str, bool, bool], Steps]  # (activation, automatic, after mandate) -> steps


def _groups(actor: ActorPlan, draws: Draws) -> tuple[Groups, float]:
    """What the actor does in this replication, at will and by duty, grouped by what
    each response waits for; and its decision delay (cut short by the deadline of an
    honoured duty to decide). Nothing when it does not stand by Ukraine at all."""
    groups: Groups = {}
    slot = actor.slot
    honour = draws.honour[slot]
    delay = draws.executive[slot]
    if honour >= actor.stand:
        return groups, delay
    parliament = actor.parliament is not None
    waived = actor.emergency_exception
    hit_waived = actor.hit and waived
    wants = draws.will[slot]
    for column, p in enumerate(actor.will):
        if wants[column] < p:
            key = (NOW, False, parliament and IS_MILITARY[column] and not hit_waived)
            groups.setdefault(key, {})[column] = (math.inf, "will")
    for route in actor.routes:
        if honour >= route.rate:
            continue
        if not route.automatic and route.activation == NOW and route.deadline < delay:
            delay = route.deadline
        exempt = (actor.hit or route.automatic) and waived
        for column in route.responses:
            key = (
                route.activation,
                route.automatic,
                parliament and IS_MILITARY[column] and not exempt,
            )
            steps = groups.setdefault(key, {})
            cap = route.deadline if column == CONSULT else math.inf
            if column not in steps or steps[column][0] > cap:
                steps[column] = (cap, route.label)
    return groups, delay


def _start_actor(rep: _Replication, who: int, actor: ActorPlan) -> None:
    """The actor's decision (and mandate), and one roll-out per set of things its
    responses wait for."""
    groups, delay = _groups(actor, rep.draws)
    if not groups:
        return
    env = rep.env
    decided = env.timeout(delay)
    mandated = None
    if any(key[2] for key in groups):
        mandated = env.timeout(delay + rep.draws.parliament[actor.slot])
    for (activation, automatic, after_mandate), steps in groups.items():
        gate = rep.gates[activation]
        gates = [gate] if gate is not None else []
        if not automatic:
            gates.append(decided)
        if after_mandate and mandated is not None:
            gates.append(mandated)
        env.process(rep.roll_out(who, gates, steps))


def replicate(env: simpy.Environment, plan: Plan, draws: Draws) -> list[LogEntry]:
    """Run one replication in ``env`` until the horizon; the log of what happened, in order."""
    return _run(env, plan, draws).log


def _run(env: simpy.Environment, plan: Plan, draws: Draws) -> _Replication:
    rep = _Replication(env, plan, draws)
    if plan.article4:
        env.process(rep.nato())
    for who, actor in enumerate(plan.actors):
        _start_actor(rep, who, actor)
    env.run(until=plan.scenario.response.horizon_h)
    return rep


@dataclass(frozen=True)
class Outcome:
    """Raw results: first time (hours; inf = never) per replication, actor and response."""

    times: NDArray[np.float64]  # (replications, actors, K)
    article4: NDArray[np.float64]  # (replications,)
    article5: NDArray[np.float64]  # (replications,)


def run_replications(
    plan: Plan,
    rng: np.random.Generator,
    replications: int,
    environment: Callable[[], simpy.Environment] = simpy.Environment,
) -> Outcome:
    """``replications`` runs, each with a spawned child of ``rng`` and a fresh environment."""
    out = Outcome(
        np.full((replications, len(plan.actors), K), np.inf),
        np.full(replications, np.inf),
        np.full(replications, np.inf),
    )
    children = rng.spawn(replications)
    for first in range(0, replications, CHUNK):
        for offset, draws in enumerate(draw(plan, children[first : first + CHUNK])):
            row = first + offset
            rep = _run(environment(), plan, draws)
            if plan.actors:
                out.times[row] = rep.first
            for now, actor, column, _why in rep.log:
                if actor == NATO:
                    (out.article5 if column == INVOKED else out.article4)[row] = now
    return out
