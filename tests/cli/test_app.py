"""The CLI shell: help, version, module entry point, exit codes."""

from __future__ import annotations

import subprocess
import sys

from guarantor import __version__


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guarantor", *args], capture_output=True, text=True, timeout=120
    )


def test_version_via_python_m() -> None:
    done = _run("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"guarantor {__version__}"


def test_help_lists_the_main_job() -> None:
    done = _run("--help")
    assert done.returncode == 0
    assert "assess" in done.stdout


def test_unknown_option_is_a_usage_error() -> None:
    done = _run("--no-such-option")
    assert done.returncode == 2


def test_bad_configuration_exits_2(tmp_path: object) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "guarantor", "documents"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"GUARANTOR_COMMIT_EVERY": "0", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 2
    assert "commit_every" in done.stderr
