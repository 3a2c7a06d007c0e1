"""Imports point downward only: faces → Python API → analysis → network → store → model.

Every `import caravan.…` in the package is read from the source (including imports inside
functions), and none may reach a higher layer than the importing module's own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "caravan"

#: Each top-level part of the package and its height; a module imports only at or below its own.
LAYERS = {
    "errors": 0,
    "model": 1,
    "store": 2,
    "network": 3,
    "analysis": 4,
    "views": 5,
    "api": 5,
    "cli": 6,
    "http": 6,
}
#: Faces without Python modules (the web page is static files the HTTP face serves).
STATIC_FACES = {"web"}
#: The package's entry points, which sit above every layer.
ENTRY_POINTS = {"caravan", "caravan.__main__"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def _layer(module: str) -> str:
    return module.split(".")[1]


def _caravan_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every absolute import of a caravan module in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return [(line, name) for line, name in found if name.startswith("caravan.")]


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {_layer(_module_name(p)) for p in MODULES if _module_name(p) not in ENTRY_POINTS}
    assert parts == set(LAYERS), "a new top-level part needs its place in LAYERS"
    assert not STATIC_FACES & parts, "a static face gained Python modules: give it a layer"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_downward(path: Path) -> None:
    module = _module_name(path)
    if module in ENTRY_POINTS:
        return
    own = LAYERS[_layer(module)]
    upward = [
        f"line {line}: {name}"
        for line, name in _caravan_imports(path)
        if LAYERS[_layer(name)] > own
    ]
    assert not upward, f"{module} imports from a higher layer: {upward}"


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from caravan.api import Observatory\n")
    assert _caravan_imports(sample) == [(2, "caravan.api")]
