"""The command line: ``newslint [PATH...]``, ``newslint rules``, ``newslint rule ID``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from . import __version__
from .config import Config, find_config_file, load_config
from .lint import FileResult, Linter, load_ruleset
from .report import FORMATS, RunInfo, reporter
from .rules import SEVERITIES, builtin_rules_dir, load_rules
from .yamlfile import ConfigError

EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


class UsageError(Exception):
    """Bad arguments: one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see 'newslint --help')")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="newslint",
        description="Lint news articles (text, Markdown, HTML) for CMS defects.",
        epilog="Also: 'newslint rules' lists the rules, 'newslint rule ID' explains one.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint ('-' for stdin; default: .)")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument(
        "--select", type=_csv, help="comma-separated rule ids or prefixes to run (replaces the configured set)"
    )
    p.add_argument("--extend-select", type=_csv, default=[], help="rule ids or prefixes to run in addition")
    p.add_argument("--ignore", type=_csv, default=[], help="rule ids or prefixes not to run")
    p.add_argument("--config", type=Path, help="configuration file (default: nearest .newslint.yaml or pyproject.toml)")
    p.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that makes the exit status 1")
    p.add_argument("--languagetool-url", metavar="URL", help="LanguageTool server for grammar findings (see README)")
    p.add_argument("--stdin-filename", help="the name to report (and read the format from) for stdin")
    p.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    p.add_argument("--no-color", action="store_true", help="never colour the output")
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    return p


class Session:
    """Configuration and rule sets of one run, found once per folder."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.builtin = load_rules(builtin_rules_dir())
        if args.config is not None and not args.config.is_file():
            raise ConfigError(args.config, "configuration file not found")
        self._found: dict[Path, Path | None] = {}
        self._linters: dict[Path | None, Linter] = {}

    def _config_path(self, folder: Path) -> Path | None:
        if self.args.config is not None:
            return self.args.config
        folder = folder.resolve()
        if folder not in self._found:
            self._found[folder] = find_config_file(folder)
        return self._found[folder]

    def linter_for(self, folder: Path) -> Linter:
        path = self._config_path(folder)
        if path not in self._linters:
            cfg = load_config(path) if path else Config(root=Path.cwd())
            self._apply_cli(cfg)
            self._linters[path] = Linter(cfg, load_ruleset(cfg, self.builtin))
        return self._linters[path]

    def _apply_cli(self, cfg: Config) -> None:
        a = self.args
        if a.select is not None:
            cfg.select = a.select
        cfg.extend_select = cfg.extend_select + a.extend_select
        cfg.ignore = cfg.ignore + a.ignore
        if a.fail_on:
            cfg.fail_on = a.fail_on
        if a.languagetool_url:
            cfg.languagetool = {**cfg.languagetool, "url": a.languagetool_url}


def iter_files(paths: list[str], errors: list[str]) -> Iterator[Path]:
    """Named files as they are, and files with a known extension under named folders."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for file in sorted(files):
                    if Path(file).suffix.lower() in EXTENSIONS:
                        yield Path(root) / file
        elif path.exists() or path.is_symlink():
            yield path
        else:
            errors.append(f"{name}: no such file or folder")


def lint_paths(session: Session, args: argparse.Namespace, errors: list[str]) -> list[FileResult]:
    results: list[FileResult] = []
    for name in args.paths or ["."]:
        if name == "-":
            label = args.stdin_filename or "-"
            linter = session.linter_for(Path(label).parent if args.stdin_filename else Path.cwd())
            results.append(linter.lint_bytes(label, sys.stdin.buffer.read(), Path(label)))
            continue
        for path in iter_files([name], errors):
            linter = session.linter_for(path.parent)
            if linter.config.excluded(path) and name != str(path):
                continue
            results.append(linter.lint_path(path))
    return results


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    session = Session(args)
    errors: list[str] = []
    results = lint_paths(session, args, errors)
    findings = sorted((f for r in results for f in r.findings), key=lambda f: (f["path"], f["line"], f["column"]))
    for r in results:
        for message in r.messages:
            print(f"newslint: {message}", file=sys.stderr)
    for message in errors:
        print(f"newslint: error: {message}", file=sys.stderr)
    tty = sys.stdout.isatty()
    color = tty and not args.no_color and not os.environ.get("NO_COLOR")
    info = RunInfo(len(results), {r.path: r.source for r in results if r.source}, color, tty, args.quiet)
    reporter(args.format)(findings, info, sys.stdout)
    if errors or any(r.error for r in results):
        return 2
    levels = {s: i for i, s in enumerate(SEVERITIES)}
    failing = any(levels[f["severity"]] >= levels[r.fail_on] for r in results for f in r.findings)
    return 1 if failing else 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] in (["rules"], ["rule"]):
            from .explain import explain_command

            return explain_command(argv)
        return run(argv)
    except UsageError as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
