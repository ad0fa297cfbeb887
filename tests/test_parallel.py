"""--jobs: worker processes give the same output, in the same order, as one process."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from newslint.run import jobs, parallel, progress
from newslint.run.cli import main


def _square(state: int, item: int) -> tuple[int, int]:
    return item * item + state, os.getpid()


def test_map_ordered_keeps_order_across_workers() -> None:
    out = list(parallel.map_ordered(_square, 1, list(range(200)), jobs=2))
    assert [v for v, _ in out] == [i * i + 1 for i in range(200)]
    assert len({pid for _, pid in out}) >= 1 and all(pid != os.getpid() for _, pid in out)


def test_jobs_for_small_runs_stays_in_process() -> None:
    assert parallel.jobs_for(8, 3) == 1
    assert parallel.jobs_for(2, 100) == 2
    assert parallel.jobs_for(0, 1000) == parallel.default_jobs() or parallel.default_jobs() > 250


def _articles(folder: Path, n: int) -> None:
    for i in range(n):
        body = f"Headline {i}\n\nThe council met on Tuesday , officials said.\n\nThe the vote was {i}.\n"
        (folder / f"{i:03d}.txt").write_text(body, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_parallel_output_equals_serial(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    _articles(tmp_path, 24)
    outs = []
    for n_jobs in ("1", "2"):
        code = main(
            ["--format", fmt, "--no-cache", "--select", "punctuation,duplicate", "--jobs", n_jobs, str(tmp_path)]
        )
        outs.append((code, capsys.readouterr().out))
    assert outs[0] == outs[1] and outs[0][0] == 1
    assert outs[0][1].count("The the") == 24 or fmt == "json"


def test_a_worker_that_dies_is_reported_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _articles(tmp_path, 16)
    real = jobs.process

    def dies_on_the_fifth(linter: Any, label: str, *args: Any, **kwargs: Any) -> Any:
        if label.endswith("005.txt"):
            os._exit(9)  # as the kernel's out-of-memory killer would end it
        return real(linter, label, *args, **kwargs)

    monkeypatch.setattr(jobs, "process", dies_on_the_fifth)  # forked workers inherit it
    assert main(["--no-cache", "--jobs", "2", str(tmp_path)]) == 2
    assert "worker process ended abruptly" in capsys.readouterr().err


def test_parallel_fix_fixes_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _articles(tmp_path, 16)
    main(["--fix", "--no-cache", "--jobs", "2", "--select", "punctuation.space-before", str(tmp_path)])
    texts = [p.read_text(encoding="utf-8") for p in sorted(tmp_path.glob("*.txt"))]
    assert all("Tuesday, officials" in t for t in texts) and len(texts) == 16


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in progress.CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert progress.wanted(500, _Tty()) and not progress.wanted(500, io.StringIO())
    assert not progress.wanted(3, _Tty())
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted(500, _Tty())


def test_progress_draws_and_erases() -> None:
    out = _Tty()
    bar = progress.Progress(4, out, width=4)
    for _ in range(4):
        bar.step()
    bar.close()
    text = out.getvalue()
    assert "\r[#   ] 1/4 articles" in text and "\r[####] 4/4 articles" in text and text.endswith("\r\033[K")
