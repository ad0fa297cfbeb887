"""language-tool-python, imported lazily and only ever pointed at a server the user named.

Constructing ``LanguageTool`` without ``remote_server`` downloads LanguageTool (about 250 MB)
and starts Java: that path runs only when the configuration gives a ``local-path``, and then
with the download switched off.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from newslint.document.records import FrozenRecord
from newslint.settings.languagetool import Settings

EXTRA_HINT = "pip install 'newslint[languagetool]'"
LOCAL_DIR = re.compile(r"^LanguageTool-(\d[\w.-]*)$")


class Unavailable(Exception):
    """The server cannot be used for this run: unreachable, slow, failing or misconfigured."""


class Rejected(Exception):
    """The server refused one request (too long a text, a bad parameter) with this message."""


class RawMatch(FrozenRecord):
    """One LanguageTool match with Python string offsets into the text sent."""

    __slots__ = ("rule_id", "category", "issue_type", "message", "replacements", "start", "end")
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]
    start: int
    end: int

    def __init__(
        self,
        rule_id: str,
        category: str,
        issue_type: str,
        message: str,
        replacements: tuple[str, ...],
        start: int,
        end: int,
    ) -> None:
        object.__setattr__(self, "rule_id", rule_id)
        object.__setattr__(self, "category", category)
        object.__setattr__(self, "issue_type", issue_type)
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "replacements", replacements)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)


def utf16_span(text: str, start: int, units: int) -> int:
    """The end index of ``units`` UTF-16 code units of ``text`` from ``start``.

    language-tool-python converts a match's offset from UTF-16 units to a ``str`` index but
    leaves its length in UTF-16 units, so an emoji inside a match would stretch its span.
    """
    i = start
    while units > 0 and i < len(text):
        units -= 2 if ord(text[i]) > 0xFFFF else 1
        i += 1
    return i


def _library() -> Any:
    try:
        import language_tool_python
    except ImportError:
        raise Unavailable(f"language-tool-python is not installed ({EXTRA_HINT})") from None
    return language_tool_python


def _tool_class(lib: Any, timeout: float) -> type:
    """LanguageTool with our request timeout (the library's is 300 s) and one try per request."""

    class Tool(lib.LanguageTool):
        _TIMEOUT = timeout

        def _query_server(self, url: str, params: Any = None, num_tries: int = 2, method: str = "get") -> Any:
            return super()._query_server(url, params, num_tries=1, method=method)

    return Tool


def _local_kwargs(settings: Settings) -> dict[str, Any]:
    """Point the library at an existing ``LanguageTool-<version>`` folder, with no download."""
    folder = Path(settings.local_path).expanduser()
    m = LOCAL_DIR.match(folder.name)
    if not m or not folder.is_dir():
        raise Unavailable(f"local-path must be an unpacked LanguageTool-<version> folder, not {folder}")
    if not any((folder / jar).is_file() for jar in ("languagetool-server.jar", "languagetool.jar")):
        raise Unavailable(f"no languagetool-server.jar in {folder}")
    os.environ["LTP_PATH"] = str(folder.parent)
    os.environ["LTP_JAR_DIR_PATH"] = str(folder)  # tells the library not to download
    return {"language_tool_download_version": m.group(1)}


class Client:
    """One connection to a LanguageTool server (or a local install), with the settings applied."""

    def __init__(self, settings: Settings):
        self.settings = settings
        lib = _library()
        self._lt_errors = lib.exceptions.LanguageToolError
        errors = (self._lt_errors, OSError, ValueError, KeyError, TypeError, ModuleNotFoundError, SystemError)
        kwargs = {"remote_server": settings.url} if settings.url else _local_kwargs(settings)
        try:
            self.tool = _tool_class(lib, settings.timeout)(settings.language, **kwargs)
        except errors as exc:
            raise Unavailable(describe(exc)) from None
        self._configure()

    def _configure(self) -> None:
        s, tool = self.settings, self.tool
        tool.enabled_rules = set(s.enabled_rules)
        tool.disabled_rules = set(s.disabled_rules)
        tool.enabled_categories = set(s.enabled_categories)
        tool.disabled_categories = set(s.disabled_categories) - set(s.enabled_categories)
        tool.picky = s.level == "picky"

    def check(self, text: str) -> list[RawMatch]:
        """The matches of one request; Rejected for an HTTP error, Unavailable for anything worse."""
        try:
            return [_raw(m, text) for m in self.tool.check(text)]
        except self._lt_errors as exc:
            if _is_refusal(exc):
                raise Rejected(describe(exc)) from None
            raise Unavailable(describe(exc)) from None
        except (OSError, KeyError, TypeError, AttributeError, ValueError) as exc:
            raise Unavailable(f"unexpected reply from the server: {describe(exc)}") from None


def _raw(m: Any, text: str) -> RawMatch:
    start = int(m.offset)
    end = utf16_span(text, start, int(m.error_length))
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"match outside the text sent ({start}..{end})")
    replacements = tuple(str(r) for r in m.replacements)
    return RawMatch(str(m.rule_id), str(m.category), str(m.rule_issue_type), str(m.message), replacements, start, end)


def _is_refusal(exc: Exception) -> bool:
    """A plain-text ``Error: ...`` body: the server answered but refused the request."""
    cause = exc.__cause__
    return isinstance(cause, ValueError) and str(exc).lstrip().startswith("Error:")


def describe(exc: BaseException) -> str:
    """A one-line account of an error, with the underlying cause when it says more."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, KeyError):
        text = f"reply without {text}"
    return text[:300]
