"""Plain records: classes whose fields are their ``__slots__``, with an ``__init__`` written out.

A ``@dataclass`` generates and compiles its methods each time its module is imported (about
0.3 ms a class, more when frozen); with some forty of them a one-article run spent about 20 ms
creating classes. A record's ``__init__`` is ordinary code, compiled once into the ``.pyc``,
and equality and ``repr`` read the fields from the class's ``__slots__``. This module is in
the lowest layer so that every layer may use it.
"""

from __future__ import annotations

from typing import Any, TypeVar

R = TypeVar("R", bound="Record")


class Record:
    """Fields in ``__slots__`` (the class's own, in order); equal to a record of the same class
    with equal fields, and unhashable, as a dataclass is; shown as ``Name(field=value, ...)``."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._names())

    def _names(self) -> tuple[str, ...]:
        """The fields: the class's ``__slots__`` but ``__dict__`` (which a record whose
        ``cached_property`` values need a dictionary lists last)."""
        names: tuple[str, ...] = type(self).__slots__  # type: ignore[assignment]
        return names[:-1] if names[-1:] == ("__dict__",) else names

    def replaced(self: R, **changes: Any) -> R:
        """A copy with some fields changed (as ``dataclasses.replace``)."""
        return type(self)(**{**{name: getattr(self, name) for name in self._names()}, **changes})

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._names())
        return f"{type(self).__name__}({inner})"


class FrozenRecord(Record):
    """A record whose fields cannot change after ``__init__`` (which sets them with
    ``object.__setattr__``); hashable by its fields."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field '{name}' of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field '{name}' of a frozen {type(self).__name__}")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values())

    def __setstate__(self, state: Any) -> None:  # copy and pickle restore the slots through here
        _, slots = state
        for name, value in slots.items():
            object.__setattr__(self, name, value)
