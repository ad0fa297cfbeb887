"""The ``languagetool:`` configuration: validation, defaults and overrides.

Sources, weakest first: the config file's ``languagetool:`` mapping, the environment variable
``NEWSLINT_LANGUAGETOOL_URL``, the ``--languagetool-url`` option (stored in the mapping as ``url``
by the CLI, so the CLI wins over the file and the environment).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newslint.document.lazyre import lazy
from newslint.document.records import FrozenRecord
from newslint.settings.safefile import ENV_TRUSTED, Refused, confined, trusted_roots
from newslint.settings.types import check_type, type_name
from newslint.settings.yamlfile import ConfigError, line_of

ENV_URL = "NEWSLINT_LANGUAGETOOL_URL"
LEVELS = ("default", "picky")
LANG_TAG = lazy(r"^(?:auto|[a-z]{2,3}(?:-[A-Za-z]{2,4})?(?:-[A-Za-z0-9]+)*)$")
# LanguageTool's speller flags every name it does not know, and news is full of names:
# its TYPOS category stays off unless the configuration names its own disabled categories.
DEFAULT_DISABLED_CATEGORIES = ("TYPOS",)
TIMEOUT = 10.0  # seconds per request
MAX_REQUEST_CHARS = 20_000  # UTF-16 units, as the server counts them
LIST_KEYS = ("enabled-rules", "disabled-rules", "enabled-categories", "disabled-categories")
KEYS: dict[str, Any] = {
    "url": str,
    "language": str,
    "level": str,
    "timeout": (int, float),
    "max-request-chars": int,
    "local-path": str,
    "cache": bool,
    "cache-dir": str,
    **{k: list for k in LIST_KEYS},
}


class Settings(FrozenRecord):
    __slots__ = (
        "url",
        "language",
        "level",
        "enabled_rules",
        "disabled_rules",
        "enabled_categories",
        "disabled_categories",
        "timeout",
        "max_request_chars",
        "local_path",
        "cache",
        "cache_dir",
    )
    url: str  # normalised server root, ending in "/", or "" for none
    language: str
    level: str
    enabled_rules: tuple[str, ...]
    disabled_rules: tuple[str, ...]
    enabled_categories: tuple[str, ...]
    disabled_categories: tuple[str, ...]
    timeout: float  # seconds per request
    max_request_chars: int  # UTF-16 units, as the server counts them
    local_path: str  # a LanguageTool-<version> folder to run through Java
    cache: bool
    cache_dir: str

    def __init__(
        self,
        url: str = "",
        language: str = "en-US",
        level: str = "default",
        enabled_rules: tuple[str, ...] = (),
        disabled_rules: tuple[str, ...] = (),
        enabled_categories: tuple[str, ...] = (),
        disabled_categories: tuple[str, ...] = DEFAULT_DISABLED_CATEGORIES,
        timeout: float = TIMEOUT,
        max_request_chars: int = MAX_REQUEST_CHARS,
        local_path: str = "",
        cache: bool = True,
        cache_dir: str = "",
    ) -> None:
        object.__setattr__(self, "url", url)
        object.__setattr__(self, "language", language)
        object.__setattr__(self, "level", level)
        object.__setattr__(self, "enabled_rules", enabled_rules)
        object.__setattr__(self, "disabled_rules", disabled_rules)
        object.__setattr__(self, "enabled_categories", enabled_categories)
        object.__setattr__(self, "disabled_categories", disabled_categories)
        object.__setattr__(self, "timeout", timeout)
        object.__setattr__(self, "max_request_chars", max_request_chars)
        object.__setattr__(self, "local_path", local_path)
        object.__setattr__(self, "cache", cache)
        object.__setattr__(self, "cache_dir", cache_dir)

    @property
    def active(self) -> bool:
        """Whether the user asked for LanguageTool at all."""
        return bool(self.url or self.local_path)

    @property
    def where(self) -> str:
        return self.url or f"local LanguageTool in {self.local_path}"

    def fingerprint(self) -> str:
        """What the server's answer depends on (not the timeout, size limit or cache place)."""
        keys: tuple[str, ...] = ("url", "local_path", "language", "level", "enabled_rules", "disabled_rules")
        keys += ("enabled_categories", "disabled_categories")
        import hashlib  # here, not at start-up: only a run that asks LanguageTool needs them
        import json

        data = {k: getattr(self, k) for k in keys}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def normalise_url(url: str) -> str:
    """The server root as ``scheme://host[:port][/path]/``, without a trailing ``v2``.

    language-tool-python joins ``v2/`` onto the URL with ``urljoin``, which drops a last path
    segment that lacks a trailing slash and doubles a ``/v2/`` that is already there.
    """
    url = url.strip()
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    from urllib.parse import urlsplit, urlunsplit  # only when a server is configured

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {url!r}")
    path = parts.path.rstrip("/")
    for tail in ("/v2/check", "/v2"):
        if path.endswith(tail):
            path = path[: -len(tail)]
            break
    return urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))


def validate(data: Any, path: str | Path) -> dict[str, Any]:
    """Check a config file's ``languagetool:`` mapping; raise ConfigError on a bad key or value."""
    if not isinstance(data, dict):
        raise ConfigError(path, "must be a mapping", None, "languagetool")
    for key, value in data.items():
        where = f"languagetool.{key}"
        if key not in KEYS:
            raise ConfigError(path, f"unknown key (one of {', '.join(KEYS)})", line_of(data, key), where)
        try:
            _check_value(key, value)
        except ValueError as exc:
            raise ConfigError(path, str(exc), line_of(data, key), where) from None
    out = dict(data)
    if out.get("local-path"):
        out["local-path"] = _trusted_program(out["local-path"], Path(path), line_of(data, "local-path"))
    if out.get("cache-dir"):
        out["cache-dir"] = _own_folder(out["cache-dir"], Path(path), line_of(data, "cache-dir"))
    return out


def _own_folder(value: str, config: Path, line: int | None) -> str:
    """A ``cache-dir`` from a configuration file, where newslint writes: inside the
    configuration's folder tree or a folder listed in NEWSLINT_TRUSTED_PATHS, as word lists are."""
    folder = config.parent / Path(value).expanduser()
    try:
        return str(confined(folder, trusted_roots(config.parent)))
    except Refused as exc:
        raise ConfigError(config, f"{folder}: {exc}", line, "languagetool.cache-dir") from None


def _trusted_program(value: str, config: Path, line: int | None) -> str:
    """A ``local-path`` from a configuration file, which makes newslint run Java on that folder's
    code: allowed only inside a folder the user lists in NEWSLINT_TRUSTED_PATHS (a repository
    cannot vouch for a program it ships)."""
    folder = config.parent / Path(value).expanduser()
    try:
        return str(confined(folder, trusted_roots(config.parent)[1:]))
    except Refused:
        message = f"runs the program in {folder}: allowed only in a folder listed in {ENV_TRUSTED}"
        raise ConfigError(config, message, line, "languagetool.local-path") from None


def _check_value(key: str, value: Any) -> None:
    if not check_type(value, KEYS[key]):
        raise ValueError(f"must be {type_name(KEYS[key])}")
    if key in LIST_KEYS and not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("must be a list of LanguageTool rule or category ids")
    if key == "url":
        normalise_url(value)
    elif key == "level" and value not in LEVELS:
        raise ValueError(f"must be one of {', '.join(LEVELS)}")
    elif key == "language" and not LANG_TAG.match(value):
        raise ValueError("must be a language tag such as en-US, en-GB or auto")
    elif key == "timeout" and not 0 < value <= 600:
        raise ValueError("must be a number of seconds between 0 and 600")
    elif key == "max-request-chars" and value < 100:
        raise ValueError("must be at least 100")


def default_language(language: str) -> str:
    """LanguageTool's variant for newslint's ``language`` (plain ``en`` has no speller or variant rules)."""
    return language if language in ("en-US", "en-GB") else "en-US"


def resolve(raw: dict[str, Any], language: str = "en", env: Mapping[str, str] | None = None) -> Settings:
    """Settings from a validated mapping, the run's language and the environment."""
    env = os.environ if env is None else env
    url = raw.get("url") or env.get(ENV_URL, "")
    lists = {k.replace("-", "_"): tuple(v.strip() for v in raw[k]) for k in LIST_KEYS if k in raw}
    return Settings(
        url=normalise_url(url),
        language=raw.get("language") or default_language(language),
        level=raw.get("level", "default"),
        timeout=float(raw.get("timeout", TIMEOUT)),
        max_request_chars=int(raw.get("max-request-chars", MAX_REQUEST_CHARS)),
        local_path=raw.get("local-path", ""),
        cache=raw.get("cache", True),
        cache_dir=raw.get("cache-dir") or "",  # else the run's cache folder
        **lists,
    )
