"""A progress line on stderr for long runs on a terminal (never in pipes or CI)."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

MIN_FILES = 50  # shorter runs finish before a bar helps
CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "TF_BUILD", "JENKINS_URL")


def wanted(files: int, stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    if files < MIN_FILES or any(os.environ.get(v) for v in CI_VARIABLES) or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


class Progress:
    """``[#####     ] 120/473 articles``, redrawn at most ten times a second, erased at the end
    (an export file's slice counts as the articles in it)."""

    def __init__(self, total: int, stream: TextIO | None = None, width: int = 30):
        self.total, self.done, self.width = total, 0, width
        self.stream = stream or sys.stderr
        self._last = 0.0

    def step(self, articles: int = 1) -> None:
        self.done += articles
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done == self.total:
            self._last = now
            filled = self.width * self.done // max(1, self.total)
            bar = "#" * filled + " " * (self.width - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} articles")
            self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()


class NoProgress:
    def step(self, articles: int = 1) -> None:
        pass

    def close(self) -> None:
        pass
