"""Value types of configuration and rule keys, and the severities."""

from __future__ import annotations

from typing import Any

SEVERITIES = ("info", "warning", "error")


def check_type(value: Any, expected: Any) -> bool:
    """True when ``value`` has the expected type (lists of str are checked item by item)."""
    types = expected if isinstance(expected, tuple) else (expected,)
    for t in types:
        if t is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        if t is int and isinstance(value, bool):
            continue
        if t is list and isinstance(value, list):
            return all(isinstance(v, (str, dict)) for v in value)
        if t is dict and isinstance(value, dict):
            return True
        if isinstance(t, type) and t not in (list, dict) and isinstance(value, t):
            return True
    return False


def type_name(expected: Any) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    names = {str: "a string", bool: "true or false", int: "a whole number", float: "a number"}
    names |= {list: "a list", dict: "a mapping"}
    return " or ".join(names.get(t, getattr(t, "__name__", str(t))) for t in types)
