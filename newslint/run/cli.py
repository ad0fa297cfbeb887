"""The command line: ``newslint check PATH...`` (or ``newslint PATH...``), and the subcommands ``rules``, ``rule ID``, ``kinds``,
``kind NAME``, ``test-rules [PATH...]``, ``serve`` and ``clean``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from newslint import __version__
from newslint.cache import folder as cachedir
from newslint.engine.lint import FileResult
from newslint.engine.loader import Rule
from newslint.report import FORMATS, RunInfo, reporter, statistics_reporter
from newslint.run import jobs, parallel
from newslint.run.discover import Task, articles_in, collect, folder_of
from newslint.run.output import OutputError, ReportFile
from newslint.run.schedule import run_tasks
from newslint.run.session import Session, UsageError, settings_text
from newslint.settings.types import SEVERITIES
from newslint.settings.yamlfile import ConfigError


def warn(message: str) -> None:
    print(f"newslint: {message}", file=sys.stderr)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see 'newslint --help')")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, as wide as the terminal. argparse makes a formatter for every
    option it is given and sizes it with ``shutil.get_terminal_size``: importing shutil (and
    bz2 and lzma with it) cost every run a few milliseconds; this reads the size as it does."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it: $COLUMNS, else stdout's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="newslint check",
        formatter_class=_Formatter,
        description="Lint news articles (text, Markdown, HTML) for CMS defects. 'newslint PATH...' does the same.",
        epilog="Also: 'newslint rules' lists the rules, 'newslint rule ID' explains one, 'newslint kinds' lists the"
        " kinds of rule, 'newslint kind NAME' documents one's keys, 'newslint test-rules [PATH...]' runs rule files'"
        " examples, 'newslint train-boilerplate FOLDER' retrains the page model, 'newslint clean' empties the cache.",
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
        "--executor",
        choices=["local", "dask"],
        default="local",
        help="where the articles are linted: local processes, or a Dask distributed cluster (see README)",
    )
    p.add_argument(
        "--scheduler", metavar="ADDRESS", help="with --executor dask: the cluster's scheduler (default: a local one)"
    )
    p.add_argument(
        "--no-respect-gitignore", action="store_true", help="in folders, lint files that .gitignore files leave out"
    )
    p.add_argument(
        "--no-cache", action="store_true", help="lint every file afresh: no cached result is read or written"
    )
    p.add_argument("--cache-dir", type=Path, metavar="DIR", help="cache folder (default: ~/.cache/newslint)")
    p.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    p.add_argument("--no-color", action="store_true", help="never colour the output")
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    return p


def _options(args: argparse.Namespace, show_source: bool) -> jobs.Options:
    cache_dir = None if args.no_cache else str(cachedir.folder())
    return jobs.Options(args.fix, args.diff, args.unsafe_fixes, show_source, cache_dir)


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
        for label in dict.fromkeys(label for label, _, _ in tasks):  # an export file's slices: once
            print(label)
    if args.show_settings:
        for task in tasks:
            session.linter_for(folder_of(session, task))
        for linter in session.linters():
            print(settings_text(linter))
    return 2 if errors else 0


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.jobs is not None and args.jobs < 0:
        raise UsageError("--jobs must be 0 (the machine's cores) or more")
    if args.scheduler is not None and args.executor != "dask":
        raise UsageError("--scheduler needs --executor dask")
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
    opts = _options(args, tty or args.format == "html")  # the html report shows the text
    opts.corpus = articles_in(tasks) > 1 and not opts.fixing  # cross-article rules: on for a run of many
    cluster = _cluster(args) if args.executor == "dask" else None
    stream = Streamed(report.stream if report else sys.stdout) if _streams(args, opts) else None
    try:
        outcomes = run_tasks(session, tasks, opts, args.jobs, cluster.map if cluster else None, stream)
        results = [o.result for o in outcomes]
        if opts.corpus:
            from newslint.engine import corpus

            rules_of = lambda: {r.id: r for r in _rules_that_ran(session)}  # noqa: E731
            corpus.combine(results, rules_of, cluster.matcher() if cluster else corpus.local_matches)
    finally:
        if cluster is not None:
            cluster.close()
    if session.patterns is not None:
        session.patterns.save()
    if opts.cache_dir and not opts.fixing:
        from newslint.cache.results import Cache

        Cache(Path(opts.cache_dir)).prune()
    _settle_skips(results, named)
    _print_messages(outcomes, errors)
    if args.diff or (args.fix and any(o.fixed_text is not None for o in outcomes)):
        status = _print_fixes(args, outcomes)
    elif stream is not None:
        status = stream.finish(results)
    else:
        status = _report(args, session, outcomes, errors, tty, report.stream if report else sys.stdout)
        if report is not None:
            report.commit()
    if errors or any(r.error for r in results):
        return 2
    return 0 if args.exit_zero else status


def _streams(args: argparse.Namespace, opts: jobs.Options) -> bool:
    """Whether findings are written as each file is linted: ``--format json-lines`` alone."""
    return args.format == "json-lines" and not (args.statistics or opts.fixing)


class Streamed:
    """``--format json-lines`` written as each file (an export's slice) is linted; what the
    cross-article rules add once all are linted follows at the end."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.written: set[int] = set()  # ids of the findings already written (kept alive by their results)

    def __call__(self, outcome: jobs.Outcome) -> None:
        from newslint.report.json_lines import write_finding

        for f in outcome.result.findings:
            write_finding(f, self.out)
            self.written.add(id(f))
        self.out.flush()

    def finish(self, results: list[FileResult]) -> int:
        from newslint.report.json_lines import write_finding

        for r in results:
            for f in r.findings:
                if id(f) not in self.written:
                    write_finding(f, self.out)
        return _failing(results)


def _cluster(args: argparse.Namespace) -> Any:
    """A Dask client for the run (``--executor dask``)."""
    if args.fix or args.diff:
        raise UsageError("--executor dask lints only: --fix and --diff run locally")
    from newslint.run.cluster import Cluster

    return Cluster(args, args.scheduler, args.jobs or 2)


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
        len({r.path for r in results if r.error or not r.skipped})
        + len(errors),  # a file skipped in a folder: not counted
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
        if argv[:1] == ["serve"]:
            try:
                from newslint.run.serve import serve_command
            except ModuleNotFoundError as exc:
                raise UsageError(
                    f"'newslint serve' needs the serve extra ({exc.name} is missing): pip install 'newslint[serve]'"
                ) from None
            return serve_command(argv[1:])
        if argv[:1] == ["train-boilerplate"]:
            from newslint.run.train import train_command

            return train_command(argv[1:])
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
