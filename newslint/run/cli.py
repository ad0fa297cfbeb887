"""The command line: ``newslint [PATH...]``, and the subcommands ``rules``, ``rule ID``, ``kinds``,
``kind NAME``, ``test-rules [PATH...]`` and ``clean``."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from newslint import __version__, builtin_rules_dir
from newslint.cache import folder as cachedir
from newslint.engine import regexes, selectors
from newslint.engine.lint import FileResult, Linter, load_ruleset, warn
from newslint.engine.loader import Rule, load_rules
from newslint.report import FORMATS, RunInfo, reporter, statistics_reporter
from newslint.run import jobs, parallel, progress
from newslint.run.gitignore import GitIgnore
from newslint.run.output import OutputError, ReportFile
from newslint.settings.config import Config, find_config_file, load_config
from newslint.settings.types import SEVERITIES
from newslint.settings.yamlfile import ConfigError

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
        prog="newslint check",
        description="Lint news articles (text, Markdown, HTML) for CMS defects. 'newslint PATH...' does the same.",
        epilog="Also: 'newslint rules' lists the rules, 'newslint rule ID' explains one, 'newslint kinds' lists the"
        " kinds of rule, 'newslint kind NAME' documents one's keys, 'newslint test-rules [PATH...]' runs rule files'"
        " examples, 'newslint clean' empties the cache.",
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
    p.add_argument("--fix", action="store_true", help="apply safe fixes to the files, then report what is left")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply unsafe fixes too")
    p.add_argument("--diff", action="store_true", help="print the changes --fix would make; write nothing")
    p.add_argument("--statistics", action="store_true", help="print how many findings each rule raised")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings (2 still means the run failed)")
    p.add_argument("--show-files", action="store_true", help="list the files that would be linted, and stop")
    p.add_argument(
        "--show-settings", action="store_true", help="print each configuration in use and the rules it runs, and stop"
    )
    p.add_argument("-o", "--output-file", type=Path, metavar="FILE", help="write the report to FILE")
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: the machine's cores)")
    p.add_argument(
        "--no-respect-gitignore", action="store_true", help="in folders, lint files that .gitignore files leave out"
    )
    p.add_argument("--no-cache", action="store_true", help="lint every file, ignoring and not filling the cache")
    p.add_argument("--cache-dir", type=Path, metavar="DIR", help="cache folder (default: ~/.cache/newslint)")
    p.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    p.add_argument("--no-color", action="store_true", help="never colour the output")
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    return p


class Session:
    """Configuration and rule sets of one run, found once per folder."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self._builtin: list[Rule] | None = None
        self.patterns: Any = None  # the compiled-pattern store, when the cache is on
        regexes.use_store(None)
        if args.config is not None and not args.config.is_file():
            raise ConfigError(args.config, _not_a_config(args.config))
        self._found: dict[Path, Path | None] = {}
        self._configs: dict[Path | None, Config] = {}
        self._linters: dict[Path | None, Linter] = {}

    @property
    def builtin(self) -> list[Rule]:
        """The built-in rules, loaded on first use (a run answered from the cache never needs them)."""
        if self._builtin is None:
            store = None
            if not self.args.no_cache:
                from newslint.cache import patterns as patterncache
                from newslint.cache.rulestore import store_path

                folder = cachedir.folder()
                store = store_path(folder)
                self.patterns = patterncache.PatternStore(patterncache.store_path(folder))
                regexes.use_store(self.patterns)
            with _collector_off():
                self._builtin = load_rules(builtin_rules_dir(), store=store)
        return self._builtin

    def _config_path(self, folder: Path) -> Path | None:
        if self.args.config is not None:
            return self.args.config
        if folder not in self._found:
            real = folder.resolve()
            self._found[folder] = self._found[real] if real in self._found else find_config_file(real)
        return self._found[folder]

    def config_for(self, folder: Path) -> Config:
        path = self._config_path(folder)
        if path not in self._configs:
            cfg = load_config(path) if path else Config(root=Path.cwd())
            self._apply_cli(cfg)
            self._configs[path] = cfg
        return self._configs[path]

    def linters(self) -> list[Linter]:
        """A linter for every configuration met so far."""
        return [self._linter(path) for path in self._configs]

    def _linter(self, path: Path | None) -> Linter:
        if path not in self._linters:
            cfg = self._configs[path]
            builtin = self.builtin
            with _collector_off():
                linter = Linter(cfg, load_ruleset(cfg, builtin))
            self._check_selectors(linter)
            self._linters[path] = linter
        return self._linters[path]

    def _check_selectors(self, linter: Linter) -> None:
        """A selector that names no rule is an error (a typo would switch rules off in silence):
        the command line's first, then the configuration file's."""
        names = linter.rule_names
        a = self.args
        for flag, given in (("--select", a.select or []), ("--extend-select", a.extend_select), ("--ignore", a.ignore)):
            for bad in selectors.unknown(given, names):
                raise UsageError(f"{flag}: {selectors.problem(bad, names)}")
        selectors.check_config(linter.config, linter.rules, names)

    def linter_for(self, folder: Path) -> Linter:
        self.config_for(folder)
        return self._linter(self._config_path(folder))

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
        if a.cache_dir is not None and "cache-dir" in cfg.languagetool:  # --cache-dir holds every cache
            cfg.languagetool = {k: v for k, v in cfg.languagetool.items() if k != "cache-dir"}


def _not_a_config(path: Path) -> str:
    """Why ``--config`` names no configuration file: missing, or a folder, pipe or device."""
    from newslint.settings.safefile import describe

    try:
        return f"not a regular file ({describe(path.stat().st_mode)})"
    except OSError:
        return "configuration file not found"


@contextlib.contextmanager
def _collector_off() -> Iterator[None]:
    """Loading rules makes many small objects and no garbage cycles: the cyclic collector
    would only slow it down (about 5% of a one-article run); afterwards the rules, which
    live as long as the process, are moved out of its way with ``gc.freeze``."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def iter_files(paths: list[str], errors: list[str], ignore: GitIgnore | None = None) -> Iterator[Path]:
    """Named files as they are, and files with a known extension under named folders (but for
    what ``ignore``, the repository's .gitignore files, leaves out)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                if ignore is not None:
                    dirs[:] = [d for d in dirs if not ignore.ignored(os.path.join(root, d), is_dir=True)]
                for file in sorted(files):
                    if Path(file).suffix.lower() not in EXTENSIONS:
                        continue
                    if ignore is None or not ignore.ignored(os.path.join(root, file)):
                        yield Path(root) / file
        elif path.exists() or path.is_symlink():
            yield path
        else:
            errors.append(f"{name}: no such file or folder")


Task = tuple[str, "Path | None", "bytes | None"]  # label, path, data (stdin, or read for the cache)


def collect(session: Session, args: argparse.Namespace, errors: list[str], named: set[str] | None = None) -> list[Task]:
    """The files to lint, in order: named files, files found under folders, stdin. ``named``
    receives the labels of the files named on the command line (stdin included)."""
    tasks: list[Task] = []
    named = set() if named is None else named
    gitignore = None
    for name in args.paths or ["."]:
        if name == "-":
            label = args.stdin_filename or "-"
            tasks.append((label, None, sys.stdin.buffer.read()))
            named.add(label)
            continue
        ignore = None
        if Path(name).is_dir() and not args.no_respect_gitignore and session.config_for(Path(name)).respect_gitignore:
            gitignore = gitignore or GitIgnore()
            # a folder named on purpose is linted whole, even when .gitignore leaves it out
            ignore = None if gitignore.ignored(name, is_dir=True) else gitignore
        folder = Path(name).is_dir()
        for path in iter_files([name], errors, ignore):
            if session.config_for(path.parent).excluded(path) and name != str(path):
                continue
            tasks.append((str(path), path, None))
            if not folder:
                named.add(str(path))
    return tasks


def _folder(session: Session, task: Task) -> Path:
    label, path, _ = task
    if path is not None:
        return path.parent
    return Path(label).parent if session.args.stdin_filename else Path.cwd()


def _work(state: tuple[Session, jobs.Options], task: Task) -> jobs.Outcome:
    session, opts = state
    label, path, data = task
    linter = session.linter_for(_folder(session, task))
    if path is None:  # stdin
        return jobs.process(linter, label, Path(label), data, opts, stdin=True)
    return jobs.process(linter, label, path, data, opts)


def _options(args: argparse.Namespace, show_source: bool) -> jobs.Options:
    cache_dir = None if args.no_cache else str(cachedir.folder())
    return jobs.Options(args.fix, args.diff, args.unsafe_fixes, show_source, cache_dir)


def _from_cache(session: Session, task: Task, opts: jobs.Options) -> tuple[Task, jobs.Outcome | None]:
    """The task's outcome when the cache answers it, else the task with its bytes read."""
    label, path, data = task
    if data is None and path is not None:
        got = jobs.read(label, path)
        if isinstance(got, FileResult):
            return task, jobs.Outcome(got)
        task = (label, path, got)
        data = got
    assert data is not None
    return task, jobs.lookup(session.config_for(_folder(session, task)), label, path or Path(label), data, opts)


def run_tasks(session: Session, tasks: list[Task], opts: jobs.Options, requested: int | None) -> list[jobs.Outcome]:
    """Every task's outcome in order: cache hits first, then the rest, in worker processes when worth it."""
    bar = progress.Progress(len(tasks)) if progress.wanted(len(tasks)) else progress.NoProgress()
    done: dict[int, jobs.Outcome] = {}
    pending: list[tuple[int, Task]] = []
    try:
        for i, task in enumerate(tasks):
            outcome = None
            if opts.cache_dir and not opts.fixing:
                task, outcome = _from_cache(session, task, opts)
            if outcome is None:
                pending.append((i, task))
            else:
                done[i] = outcome
                bar.step()
        if pending:
            session.linters()  # load the rules before forking: rule errors surface here, once
            work = [t for _, t in pending if t[1] is not None]
            it = parallel.map_ordered(_work, (session, opts), work, parallel.jobs_for(requested, len(work)))
            for i, task in pending:
                done[i] = next(it) if task[1] is not None else _work((session, opts), task)
                bar.step()
    finally:
        bar.close()
    return [done[i] for i in range(len(tasks))]


def _rules_that_ran(session: Session) -> list[Rule]:
    ran: dict[str, Rule] = {}
    for linter in session.linters():
        for rule in linter.active_rules(None):
            ran.setdefault(rule.id, rule)
    return list(ran.values())


def _show(session: Session, args: argparse.Namespace, tasks: list[Task], errors: list[str]) -> int:
    """``--show-files`` and ``--show-settings``: what a run would lint, and with which rules."""
    for message in errors:
        print(f"newslint: error: {message}", file=sys.stderr)
    if args.show_files:
        for label, _, _ in tasks:
            print(label)
    if args.show_settings:
        for task in tasks:
            session.linter_for(_folder(session, task))
        for linter in session.linters():
            print(settings_text(linter))
    return 2 if errors else 0


def settings_text(linter: Linter) -> str:
    """A configuration's file, its settings and the rules it runs, for ``--show-settings``."""
    cfg = linter.config
    rules = linter.active_rules(None)
    lines = [
        f"configuration: {cfg.path or 'none (the defaults)'}",
        f"select: {cfg.select if cfg.select is not None else 'default'}",
        f"extend-select: {cfg.extend_select}",
        f"ignore: {cfg.ignore}",
        f"per-file-ignores: {cfg.per_file_ignores}",
        f"exclude: {cfg.exclude}",
        f"fail-on: {cfg.fail_on}",
        f"language: {cfg.language}",
        f"rules ({len(rules)}):",
        *(f"  {r.id} ({r.severity})" for r in rules),
    ]
    return "\n".join(lines) + "\n"


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.jobs is not None and args.jobs < 0:
        raise UsageError("--jobs must be 0 (the machine's cores) or more")
    session = Session(args)
    showing = args.show_files or args.show_settings
    report = ReportFile(args.output_file) if args.output_file is not None and not showing else None
    try:
        with cachedir.using(args.cache_dir, warn):
            return _run(session, args, report)
    finally:
        if report is not None:
            report.discard()  # nothing left behind when the report was not completed


def _run(session: Session, args: argparse.Namespace, report: ReportFile | None) -> int:
    """Lint (or fix) what the arguments name and report it, to ``report`` when given."""
    errors: list[str] = []
    named: set[str] = set()
    tty = sys.stdout.isatty() and report is None
    tasks = collect(session, args, errors, named)
    if args.show_files or args.show_settings:
        return _show(session, args, tasks, errors)
    opts = _options(args, tty)
    outcomes = run_tasks(session, tasks, opts, args.jobs)
    if session.patterns is not None:
        session.patterns.save()
    if opts.cache_dir and not opts.fixing:
        from newslint.cache.results import Cache

        Cache(Path(opts.cache_dir)).prune()
    results = [o.result for o in outcomes]
    _settle_skips(results, named)
    _print_messages(outcomes, errors)
    if args.diff or (args.fix and any(o.fixed_text is not None for o in outcomes)):
        status = _print_fixes(args, outcomes)
    else:
        status = _report(args, session, outcomes, errors, tty, report.stream if report else sys.stdout)
        if report is not None:
            report.commit()
    if errors or any(r.error for r in results):
        return 2
    return 0 if args.exit_zero else status


def _settle_skips(results: list[FileResult], named: set[str]) -> None:
    """A file that could not be linted at all (binary, too large, a pipe, unreadable, a broken
    symlink) fails the run when it was named on the command line; met in a folder, it is a warning."""
    for r in results:
        if r.skipped:
            r.error = r.path in named


def _print_messages(outcomes: list[jobs.Outcome], errors: list[str]) -> None:
    """Every file's messages, then the run's errors, on standard error."""
    for o in outcomes:
        r = o.result
        level = ("error: " if r.error else "warning: ") if r.skipped else ""
        for message in r.messages:
            print(f"newslint: {level}{message}", file=sys.stderr)
        for message in o.messages:
            print(f"newslint: {message}", file=sys.stderr)
    for message in errors:
        print(f"newslint: error: {message}", file=sys.stderr)


def _print_fixes(args: argparse.Namespace, outcomes: list[jobs.Outcome]) -> int:
    """``--diff``: the diffs (status 1 when something would change); stdin under ``--fix``: the fixed text."""
    for o in outcomes:
        _write_stored(o.fixed_text if o.fixed_text is not None else o.diff)
    if args.diff:
        would = sum(o.applied for o in outcomes if o.diff)
        files = sum(1 for o in outcomes if o.diff)
        if not args.quiet:
            print(f"newslint: {would} fix{'es' if would != 1 else ''} would change {files} file(s)", file=sys.stderr)
        return 1 if files else 0
    return _failing([o.result for o in outcomes])


def _write_stored(text: str) -> None:
    """Write stored text to standard output, a byte that is not UTF-8 (a lone surrogate) as that byte."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode(sys.stdout.encoding or "utf-8", "surrogateescape"))


def _failing(results: list[FileResult]) -> int:
    levels = {s: i for i, s in enumerate(SEVERITIES)}
    return 1 if any(levels[f.severity] >= levels[r.fail_on] for r in results for f in r.findings) else 0


def _report(
    args: argparse.Namespace,
    session: Session,
    outcomes: list[jobs.Outcome],
    errors: list[str],
    tty: bool,
    out: TextIO,
) -> int:
    """Write the findings in the chosen format; the exit status they call for."""
    results = [o.result for o in outcomes]
    findings = sorted((f for r in results for f in r.findings), key=lambda f: (f.path, f.place.line, f.place.column))
    color = tty and not args.no_color and not os.environ.get("NO_COLOR")
    unfixed = sum(1 for o in outcomes if o.unwritten)
    info = RunInfo(
        sum(1 for r in results if r.error or not r.skipped) + len(errors),  # a file skipped in a folder is not counted
        {r.path: r.source for r in results if r.source},
        color,
        tty,
        args.quiet,
        rules=_rules_that_ran(session) if args.format == "sarif" else [],
        fixed=sum(o.applied for o in outcomes),
        unsafe_fixes=args.unsafe_fixes,
        unlinted=len(errors) + sum(1 for r in results if r.error) - unfixed,
        unfixed=unfixed,
    )
    write = statistics_reporter(args.format) if args.statistics else reporter(args.format)
    write(findings, info, out)
    return _failing(results)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] in (["rules"], ["rule"]):
            from newslint.run.explain import explain_command

            return explain_command(argv)
        if argv[:1] in (["kinds"], ["kind"]):
            from newslint.run.explain import kinds_command

            return kinds_command(argv)
        if argv[:1] == ["test-rules"]:
            from newslint.run.testrules import rule_tests_command

            return rule_tests_command(argv[1:])
        if argv[:1] == ["clean"]:
            from newslint.run.clean import clean_command

            return clean_command(argv[1:])
        return run(argv[1:] if argv[:1] == ["check"] else argv)
    except UsageError as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return 2
    except (ConfigError, OutputError, parallel.WorkerDied) as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
