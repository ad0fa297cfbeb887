"""A wheel built from the repository, installed in a fresh venv, finds the built-in rules."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_finds_the_rules(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
        timeout=600,
    )
    [wheel] = dist.glob("newslint-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--quiet", str(wheel)], check=True, timeout=900)
    out = subprocess.run(
        [python, "-m", "newslint", "rules", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    installed = {r["id"] for r in json.loads(out.stdout)}
    in_repo = {p.stem for p in (ROOT / "rules").rglob("*.yaml")}
    assert len(installed) == len(in_repo) > 0
    where = subprocess.run(
        [python, "-c", "from newslint.engine.loader import builtin_rules_dir; print(builtin_rules_dir())"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert str(env_dir) in where.stdout
