"""Docs that run: the README's quickstart and command tour match the real tool."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from guarantor.cli.app import app

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _quickstart() -> list[str]:
    block = README.split("## Quickstart", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.strip().splitlines()]


def test_quickstart_is_exactly_two_commands() -> None:
    assert _quickstart() == ["make run", "make test"]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M), ".ci/run must call the README's test command"


def _make_dry_run(target: str) -> str:
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", "-B", target],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_make_run_creates_venv_installs_and_assesses() -> None:
    steps = _make_dry_run("run")
    assert "-m venv .venv" in steps
    assert "pip install" in steps
    assert steps.strip().splitlines()[-1].endswith("guarantor assess")


def test_make_test_installs_dev_extras_and_runs_pytest() -> None:
    steps = _make_dry_run("test")
    assert "'.[dev,postgres,scale,web]'" in steps
    assert steps.strip().splitlines()[-1].endswith("-m pytest")


def test_main_job_runs_on_a_fresh_home(tmp_path: Path) -> None:
    """What `make run` ends with, on an empty data folder: bundled data only."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    env.pop("GUARANTOR_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "guarantor", "assess", "--trials", "20000"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "guarantor" / "guarantor.db").exists()
    assert "troops" in done.stdout.lower()


def _tour_commands() -> list[list[str]]:
    tour = README.split("## A tour of the commands", 1)[1].split("## Benchmarks", 1)[0]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", tour, re.S):
        for line in block.splitlines():
            line = line.split("  #", 1)[0].strip()
            if line.startswith("guarantor "):
                commands.append(shlex.split(line)[1:])
    return commands


def _registered() -> set[str]:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    names |= {g.name or "" for g in app.registered_groups}
    return names - {""}


def test_every_registered_command_is_in_the_tour() -> None:
    toured = {cmd[0] for cmd in _tour_commands()}
    missing = _registered() - toured
    assert not missing, f"commands missing from the README tour: {sorted(missing)}"


def test_every_subcommand_is_in_the_tour() -> None:
    toured = {tuple(cmd[:2]) for cmd in _tour_commands() if len(cmd) > 1}
    missing = []
    for group in app.registered_groups:
        sub = group.typer_instance
        if sub is None or not group.name:
            continue
        for command in sub.registered_commands:
            name = command.name or (command.callback.__name__ if command.callback else "")
            if (group.name, name) not in toured:
                missing.append(f"{group.name} {name}")
    assert not missing, f"subcommands missing from the README tour: {missing}"


def test_every_toured_subcommand_exists() -> None:
    groups = {g.name: g.typer_instance for g in app.registered_groups if g.typer_instance}
    known = {
        (name, c.name or (c.callback.__name__ if c.callback else ""))
        for name, sub in groups.items()
        for c in sub.registered_commands
    }
    toured = {tuple(cmd[:2]) for cmd in _tour_commands() if len(cmd) > 1 and cmd[0] in groups}
    unknown = sorted(" ".join(t) for t in toured if t not in known and not t[1].startswith("-"))
    assert not unknown, f"the README tour names subcommands that do not exist: {unknown}"


@pytest.mark.parametrize("words", sorted({tuple(c[:1]) for c in _tour_commands()}))
def test_every_toured_command_has_help(words: tuple[str, ...]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "guarantor", *words, "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"guarantor {' '.join(words)} --help failed: {done.stderr}"


def test_the_example_report_is_linked_and_offline() -> None:
    """The README links the example report; it has every section and loads nothing."""
    assert "docs/report-example.html" in README
    example = (REPO / "docs" / "report-example.html").read_text(encoding="utf-8")
    assert len(example.encode("utf-8")) < 1_500_000
    for section in ("answers", "board", "troops", "response", "pays", "track", "assumptions"):
        assert f'<section id="{section}"' in example
    assert "<script" not in example.lower()
    assert not re.search(r"""\b(src|srcset)\s*=\s*["']?\s*(https?:)?//""", example, re.I)
