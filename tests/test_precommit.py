"""newslint works as a pre-commit hook: `pre-commit try-repo` on a temporary repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

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


def readme_snippet() -> str:
    """The YAML block of the README's pre-commit section, as a user would paste it."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## pre-commit\n", 1)[1]
    return section.split("```yaml\n", 1)[1].split("\n```", 1)[0] + "\n"


def test_readme_snippet_names_a_rev_of_this_repository() -> None:
    rev = yaml.safe_load(readme_snippet())["repos"][0]["rev"]
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an unpacked sdist): no history to look the rev up in")
    found = subprocess.run(["git", "cat-file", "-e", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True)
    assert found.returncode == 0, f"the README's rev {rev!r} is not a commit or tag of this repository"


@pytest.mark.slow
def test_readme_snippet_works_pasted_into_a_fresh_repository(tmp_path: Path, pre_commit_home: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to clone")
    mirror = tmp_path / "mirror"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(mirror)], check=True, capture_output=True)
    config = yaml.safe_load(readme_snippet())
    assert config["repos"][0]["rev"]
    config["repos"][0]["repo"] = str(mirror)
    articles = tmp_path / "articles"
    articles.mkdir()
    _git(articles, "init", "-q")
    (articles / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (articles / "clean.txt").write_text(CLEAN, encoding="utf-8")
    _git(articles, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home)}
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")

    def run() -> subprocess.CompletedProcess:
        return subprocess.run(
            [pre_commit, "run", "--all-files"], cwd=articles, env=env, capture_output=True, text=True, timeout=1200
        )

    clean = run()
    assert clean.returncode == 0 and "Passed" in clean.stdout, clean.stdout + clean.stderr
    (articles / "defects.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    _git(articles, "add", "defects.txt")
    flagged = run()
    assert flagged.returncode == 1 and "defects.txt:" in flagged.stdout, flagged.stdout + flagged.stderr
