"""The public surface is small and pinned; importing caravan only imports; layers point down."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import caravan

PACKAGE = Path(caravan.__file__).parent

LAYERS = {
    "model": 0,
    "errors": 0,
    "store": 1,
    "network": 2,
    "analysis": 3,
    "views": 4,
    "api": 4,
    "cli": 5,
    "http": 5,
}


def test_public_names_are_pinned() -> None:
    assert sorted(caravan.__all__) == [
        "CaravanError",
        "DataValidationError",
        "KnowledgeBaseError",
        "NoRouteError",
        "Observatory",
        "UnknownPlaceError",
        "UnknownRecordError",
        "__version__",
    ]


def test_every_module_declares_all() -> None:
    missing = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p.name != "__main__.py" and "__all__" not in p.read_text(encoding="utf-8")
    ]
    assert missing == []


def test_importing_caravan_loads_no_heavy_library_and_writes_nothing(tmp_path: Path) -> None:
    code = (
        "import sys, caravan; heavy = {'pandas', 'geopandas', 'pyarrow', 'shapely', 'pyogrio', 'typer'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"HOME": str(tmp_path), "PATH": ""},
    )
    assert result.stdout.strip() == "[]"
    assert list(tmp_path.iterdir()) == []


def _modules_after(code: str, tmp_path: Path) -> set[str]:
    """Top-level modules loaded by a fresh interpreter after running ``code``."""
    script = code + "; import sys; print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"HOME": str(tmp_path), "PATH": ""},
    )
    return set(result.stdout.split())


def test_importing_caravan_loads_neither_numpy_nor_pydantic(tmp_path: Path) -> None:
    loaded = _modules_after("import caravan", tmp_path)
    assert loaded & {"numpy", "scipy", "pydantic", "rich", "typer"} == set()


def test_the_python_api_loads_on_first_use(tmp_path: Path) -> None:
    loaded = _modules_after("import caravan; caravan.Observatory", tmp_path)
    assert "pydantic" in loaded
    assert "numpy" in loaded


def test_the_command_line_loads_scipy_only_for_the_commands_that_compute(
    tmp_path: Path,
) -> None:
    heavy = {"scipy", "pandas", "geopandas", "pyarrow", "fastapi", "openmatrix", "tables"}
    assert _modules_after("import caravan.cli.app", tmp_path) & heavy == set()


def _caravan_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("caravan."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("caravan."))
    return found


def test_imports_point_downward_only() -> None:
    upward = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        layer_name = relative.parts[0].removesuffix(".py")
        if layer_name not in LAYERS:
            continue
        for imported in _caravan_imports(path):
            if imported in LAYERS and LAYERS[imported] > LAYERS[layer_name]:
                upward.append(f"{relative} imports caravan.{imported}")
            if layer_name == "cli" and imported in {"store", "network", "analysis"}:
                upward.append(f"{relative} (a face) reaches past the API into caravan.{imported}")
    assert upward == []


def test_the_model_imports_nothing_of_caravan_but_itself() -> None:
    for path in (PACKAGE / "model").rglob("*.py"):
        assert _caravan_imports(path) <= {"model"}, path
