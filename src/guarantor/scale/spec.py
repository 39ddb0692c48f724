"""Which cluster a command asked for; read without Dask installed (the serial path)."""

from __future__ import annotations

from dataclasses import dataclass

from guarantor.errors import UsageError

__all__ = ["ClusterSpec"]


@dataclass(frozen=True)
class ClusterSpec:
    """A local cluster of ``workers`` processes, or the scheduler at ``scheduler``."""

    workers: int | None = None
    scheduler: str | None = None
    timeout_s: float = 10.0

    def __post_init__(self) -> None:
        if self.workers is not None and self.scheduler is not None:
            raise UsageError("give --workers N or --scheduler ADDRESS, not both")
        if self.workers is not None and self.workers < 1:
            raise UsageError(f"--workers must be at least 1, got {self.workers}")

    @property
    def distributed(self) -> bool:
        """Whether any cluster was asked for (otherwise the serial path runs)."""
        return self.workers is not None or self.scheduler is not None

    def describe(self) -> str:
        if self.scheduler is not None:
            return f"scheduler {self.scheduler}"
        return f"local cluster of {self.workers} worker processes"
