"""newslint works as a pre-commit hook: `pre-commit try-repo` on a temporary repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).resolve().parent / "fixtures" / "seeds" / "002_eb411153b961ddb5.txt"
CLEAN = "Council approves budget\n\nThe council approved the budget on Tuesday, officials said.\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(repo: Path, home: Path, name: str) -> subprocess.CompletedProcess:
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    return subprocess.run(
        [pre_commit, "try-repo", str(ROOT), "newslint", "--files", name],
        cwd=repo, env=env, capture_output=True, text=True, timeout=1200,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("content", "expected"), [(SEED.read_text(encoding="utf-8"), 1), (CLEAN, 0)])
def test_hook_fails_on_defects_and_passes_clean_text(
    tmp_path: Path, pre_commit_home: Path, content: str, expected: int
) -> None:
    _git(tmp_path, "init", "-q")
    (tmp_path / "article.txt").write_text(content, encoding="utf-8")
    _git(tmp_path, "add", "article.txt")
    out = _try_repo(tmp_path, pre_commit_home, "article.txt")
    assert out.returncode == expected, out.stdout + out.stderr
    if expected:
        assert "article.txt:" in out.stdout and "Failed" in out.stdout
    else:
        assert "Passed" in out.stdout
