"""The kind contract: what a rule kind module defines and what it may know of a run.

A kind module (see :class:`Kind`) defines:

- a docstring: its kind name in double backquotes, a colon and a one-line summary, then a
  paragraph or more (shown by ``newslint kind NAME``);
- ``OPTIONS``: a mapping of its YAML keys to :class:`Option` (type, required, default, help);
  a rule's values of them are one frozen :func:`options_class` instance, ``rule.options``;
- ``prepare(rule) -> object``: check and compile the options once, raising
  :class:`OptionError` for a bad value; the result is kept as ``rule.compiled``;
- ``check(rule, doc, ctx) -> Iterable[Finding] | Checked``: the findings of one document, or a
  :class:`~newslint.engine.findings.Checked` when the check also has warnings or could not run.

Optional (see :data:`FLAGS`): ``NEEDS_FINDINGS = True`` runs the kind's rules after all others, as
``check(rule, doc, ctx, findings)`` with the others' findings; ``NEEDS_SERVER = True`` marks a
kind whose examples need an outside service; ``CORPUS = True`` marks a cross-article kind whose
``fingerprints(rule, doc)`` yields ``(key, start, end)`` per article, combined after the run
(:mod:`newslint.engine.corpus`), and ``matches(rule, keys)`` groups them; ``SHARDED = True`` says
that fingerprints with different keys never group, so a cluster may group them in shards by key;
``WHOLE_DOCUMENT = True`` runs the kind once over the whole of a document linted in windows (see
:mod:`newslint.engine.windows`): it must read blocks, text and one block's tokens at a time;
``EVIDENCE = (key, ...)`` names the document-wide views (cache keys) a kind reads, gathered over
every window of a windowed document (:mod:`newslint.engine.evidence`).

A kind knows nothing of files, configuration files or output.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Iterator, Mapping
from types import FunctionType, ModuleType
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

from newslint.document.records import FrozenRecord
from newslint.settings.types import check_type, type_name

if TYPE_CHECKING:
    from newslint.document.model import Document
    from newslint.engine.findings import Checked
    from newslint.engine.loader import Rule


class OptionError(ValueError):
    """A kind-specific key with a bad value; ``key`` names it."""

    def __init__(self, key: str, message: str):
        self.key = key
        super().__init__(message)


class Option(FrozenRecord):
    __slots__ = ("type", "required", "default", "help")
    type: Any  # str, bool, int, float, list, dict, or a tuple of them
    required: bool
    default: Any
    help: str

    def __init__(self, type: Any, required: bool = False, default: Any = None, help: str = "") -> None:
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "required", required)
        object.__setattr__(self, "default", default)
        object.__setattr__(self, "help", help)


class Context(FrozenRecord):
    """What a check may know of the run beyond the document: fixed for the run. A check reports
    through its return value, never by writing here (``cache`` only keeps per-process data)."""

    __slots__ = ("language", "accept", "reject", "settings", "cache")
    language: str  # en-US, en-GB or en
    accept: frozenset[str]
    reject: frozenset[str]
    settings: dict[str, Any]  # per-kind shared settings
    cache: dict[Any, Any]  # shared, per-process data

    def __init__(
        self,
        language: str = "en",
        accept: frozenset[str] = frozenset(),
        reject: frozenset[str] = frozenset(),
        settings: dict[str, Any] | None = None,
        cache: dict[Any, Any] | None = None,
    ) -> None:
        object.__setattr__(self, "language", language)
        object.__setattr__(self, "accept", accept)
        object.__setattr__(self, "reject", reject)
        object.__setattr__(self, "settings", {} if settings is None else settings)
        object.__setattr__(self, "cache", {} if cache is None else cache)


# optional module-level booleans of a kind
FLAGS = ("NEEDS_FINDINGS", "NEEDS_SERVER", "CORPUS", "SHARDED", "WHOLE_DOCUMENT")


class Kind(Protocol):
    """What a kind module provides (a module satisfies this protocol structurally)."""

    __name__: str
    __doc__: str | None
    OPTIONS: Mapping[str, Option]

    def prepare(self, rule: Rule) -> object: ...

    def check(self, rule: Rule, doc: Document, ctx: Context, /, *findings: Any) -> Iterable[Any] | Checked: ...


class KindError(Exception):
    """A kind name that names no kind, or a kind module that breaks the contract."""


def check_kind(module: Any, name: str) -> Kind:
    """``module`` as a :class:`Kind`, or KindError saying which part of the contract it breaks."""
    doc = getattr(module, "__doc__", None)
    if not isinstance(doc, str) or not doc.strip():
        raise KindError(f"kind '{name}' has no docstring describing it")
    options = getattr(module, "OPTIONS", None)
    if not isinstance(options, Mapping):
        raise KindError(f"kind '{name}' has no OPTIONS mapping")
    for key, opt in options.items():
        if not isinstance(key, str) or not isinstance(opt, Option):
            raise KindError(f"kind '{name}': OPTIONS[{key!r}] is not an Option")
        if not attribute(key).isidentifier():
            raise KindError(f"kind '{name}': option key {key!r} is not a name (letters, digits, dashes)")
    if len({attribute(key) for key in options}) != len(options):
        raise KindError(f"kind '{name}': two option keys differ only in dashes and underscores")
    for func, arity in (("prepare", 1), ("check", 4 if getattr(module, "NEEDS_FINDINGS", False) else 3)):
        if not _takes(getattr(module, func, None), arity):
            raise KindError(f"kind '{name}' has no function {func}() taking {arity} argument(s)")
    for flag in FLAGS:
        if not isinstance(getattr(module, flag, False), bool):
            raise KindError(f"kind '{name}': {flag} must be True or False")
    return cast("Kind", module)


def _takes(func: Any, arity: int) -> bool:
    """Whether ``func`` is callable with ``arity`` positional arguments.

    A plain function is judged from its code object; anything else through ``inspect``
    (which, with what it imports, costs a few milliseconds of every start)."""
    if not callable(func):
        return False
    if isinstance(func, FunctionType):
        code = func.__code__
        required = code.co_argcount - len(func.__defaults__ or ())
        kw_only = code.co_varnames[code.co_argcount : code.co_argcount + code.co_kwonlyargcount]
        if set(kw_only) - set(func.__kwdefaults__ or {}):
            return False  # a keyword-only argument without a default
        return required <= arity and (arity <= code.co_argcount or bool(code.co_flags & CO_VARARGS))
    import inspect

    try:
        inspect.signature(func).bind(*range(arity))
    except (TypeError, ValueError):
        return False
    return True


CO_VARARGS = 0x04  # the flag of a code object taking ``*args``


def flag(kind: Kind, name: str) -> bool:
    """One of the optional :data:`FLAGS` of a kind (False when the module leaves it out).

    A module's flags are read from its namespace: ``getattr`` of a name a module lacks makes
    and drops an AttributeError, and the linter asks for flags for every rule and document."""
    if isinstance(kind, ModuleType):
        names = kind.__dict__
        if "__getattr__" not in names:
            return bool(names.get(name, False))
    return bool(getattr(kind, name, False))


def kind_name(kind: Kind) -> str:
    return kind.__name__.rsplit(".", 1)[-1]


def summary(kind: Kind) -> str:
    """The first paragraph of the kind's docstring on one line, without the leading kind name."""
    first = (kind.__doc__ or "").strip().split("\n\n", 1)[0]
    first = " ".join(first.split())
    prefix = f"``{kind_name(kind)}``: "
    return first[len(prefix) :] if first.startswith(prefix) else first


class Options(Mapping[str, Any]):
    """A rule's kind-specific keys, frozen: attributes (``o.max_chars``) and, by YAML key,
    items (``o["max-chars"]``), so that kinds may read either way.

    Each kind has its own subclass (:func:`options_class`), a plain class with slots: made
    with ``type()``, it costs no generated code at start-up (a dataclass per kind did)."""

    __slots__ = ()
    KIND: ClassVar[str] = ""
    KEYS: ClassVar[dict[str, str]] = {}  # YAML key -> attribute name
    DEFINITIONS: ClassVar[dict[str, Option]] = {}  # YAML key -> its definition, in the kind's order

    def __init__(self, **values: Any):
        for key, opt in self.DEFINITIONS.items():
            name = self.KEYS[key]
            if name in values:
                value = values.pop(name)
            elif opt.required:
                raise TypeError(f"{type(self).__name__}() missing option '{key}'")
            else:
                value = opt.default.copy() if isinstance(opt.default, (list, dict, set)) else opt.default
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__}() got unknown options {sorted(values)}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to option '{name}'")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete option '{name}'")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.KEYS.values())

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == cast("Options", other)._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.KEYS.values())
        return f"{type(self).__name__}({inner})"

    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self, self.KEYS[key])
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self.KEYS)

    def __len__(self) -> int:
        return len(self.KEYS)

    def __reduce__(self) -> tuple[Any, ...]:  # the class is made at run time: rebuild it by kind
        return _rebuild, (self.KIND, dict(self))

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Options:
        """Validated options from a rule file's kind-specific keys; OptionError names a bad key."""
        values = {cls.KEYS[key]: value for key, value in cls._checked(data).items()}
        for key, opt in cls.DEFINITIONS.items():
            if opt.required and cls.KEYS[key] not in values:
                raise OptionError(key, "missing key")
        return cls(**values)

    def replaced(self, changes: Mapping[str, Any]) -> Options:
        """A copy with some keys (YAML names) changed, the new values validated."""
        values = {name: getattr(self, name) for name in self.KEYS.values()}
        values.update({self.KEYS[k]: v for k, v in self._checked(changes).items()})
        return type(self)(**values)

    @classmethod
    def _checked(cls, data: Mapping[str, Any]) -> Mapping[str, Any]:
        """``data``, once every key is known and every value of the right type."""
        for key in data:
            if key not in cls.KEYS:
                raise OptionError(key, f"unknown key for kind '{cls.KIND}'")
        for key, opt in cls.DEFINITIONS.items():
            if key in data and not check_type(data[key], opt.type):
                raise OptionError(key, f"must be {type_name(opt.type)}")
        return data


def with_options(options: Mapping[str, Any], changes: Mapping[str, Any]) -> Mapping[str, Any]:
    """``options`` with some keys changed (a plain mapping, as a test may give, stays one)."""
    if isinstance(options, Options):
        return options.replaced(changes)
    return {**options, **changes}


def _rebuild(kind: str, values: dict[str, Any]) -> Options:
    from newslint.engine.kinds import kind_module

    return options_class(kind_module(kind)).from_data(values)


def options_class(kind: Kind) -> type[Options]:
    """The frozen class of a kind's options (see :class:`Options`), made from its ``OPTIONS`` once."""
    cls = _CLASSES.get(kind)
    if cls is None:
        name = kind_name(kind)
        title = "".join(part.title() for part in name.split("_")) + "Options"
        keys = {key: attribute(key) for key in kind.OPTIONS}
        namespace = {
            "__slots__": tuple(keys.values()),
            "__module__": __name__,
            "KIND": name,
            "KEYS": keys,
            "DEFINITIONS": dict(kind.OPTIONS),
        }
        cls = _CLASSES[kind] = cast("type[Options]", type(title, (Options,), namespace))
    return cls


def option_definitions(kind: Kind) -> list[tuple[str, Option]]:
    """(YAML key, definition) of each of a kind's options, in the order the kind gives them."""
    return list(options_class(kind).DEFINITIONS.items())


def attribute(key: str) -> str:
    """The attribute name of a YAML key: dashes as underscores, and a trailing underscore when
    the name is taken by the mapping's own methods (``keys_``) or is a Python keyword."""
    name = key.replace("-", "_")
    return f"{name}_" if keyword.iskeyword(name) or hasattr(Options, name) else name


_CLASSES: dict[Kind, type[Options]] = {}  # kind module -> its options class
