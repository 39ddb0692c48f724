"""`python -m benchmarks [NAME] [ARGS...]`: run one benchmark, or all with no name.

Each ``benchmarks/<name>_bench.py`` module has ``main(argv) -> int``; they are
found by name, so adding a benchmark needs no edit here.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def available() -> list[str]:
    return sorted(p.stem.removesuffix("_bench") for p in Path(__file__).parent.glob("*_bench.py"))


def main(argv: list[str]) -> int:
    names = available()
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        print("benchmarks:", ", ".join(names))
        return 0
    chosen, rest = (argv[:1], argv[1:]) if argv and not argv[0].startswith("-") else (names, argv)
    status = 0
    for name in chosen:
        if name not in names:
            print(f"no benchmark {name!r}; expected one of {', '.join(names)}", file=sys.stderr)
            return 2
        print(f"== {name}", file=sys.stderr)
        module = importlib.import_module(f"benchmarks.{name}_bench")
        status = max(status, int(module.main(rest)))
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
