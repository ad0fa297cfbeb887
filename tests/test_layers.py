"""The package's layers: imports only go down, as README's Architecture section describes."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "newslint"
# Top to bottom: a module may import its own layer and the layers below it, never one above.
LAYERS = ["run", "report", "api", "engine", "cache", "settings", "document"]


def layer_of(module: str) -> str | None:
    """The layer of a dotted module name inside newslint (None for the package root)."""
    parts = module.split(".")
    if parts[0] != "newslint" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYERS else None


def imports(file: Path) -> list[tuple[int, str]]:
    """(line, module) of every newslint import in the file, lazy ones inside functions too."""
    tree = ast.parse(file.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return [(line, m) for line, m in found if m.startswith("newslint")]


def upward_imports() -> list[str]:
    out = []
    for file in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(file.relative_to(PACKAGE.parent).with_suffix("").parts)
        own = layer_of(module)
        if own is None:
            continue
        for line, target in imports(file):
            other = layer_of(target)
            if other is not None and LAYERS.index(other) < LAYERS.index(own):
                out.append(f"{file.relative_to(PACKAGE.parent)}:{line}: {own} imports {target} ({other})")
    return out


def test_imports_only_go_down_the_layers() -> None:
    assert upward_imports() == []


def test_every_module_belongs_to_a_layer() -> None:
    loose = [p.name for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__", "api")]
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name not in ("__pycache__", "rules"))
    assert loose == []
    assert set(folders) <= set(LAYERS)


def test_no_relative_imports() -> None:
    """Absolute imports name the layer they reach into, so a reader sees it at a glance."""
    relative = []
    for file in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        relative += [f"{file.name}:{n.lineno}" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level]
    assert relative == []


def test_a_helper_module_named_as_a_kind_is_an_unknown_kind(tmp_path: Path) -> None:
    from newslint.engine.loader import load_rule_text
    from newslint.settings.yamlfile import ConfigError

    text = 'id: house.x\nkind: capital_common\nseverity: warning\nmessage: "x"\ndescription: x\n'
    text += 'examples: {flag: ["a"], pass: ["b"]}\n'
    try:
        load_rule_text(text, "x.yaml")
    except ConfigError as exc:
        assert "unknown kind 'capital_common'" in str(exc) and "x.yaml:2" in str(exc)
    else:
        raise AssertionError("a helper module was taken for a kind")
