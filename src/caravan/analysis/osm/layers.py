"""Finding imported layers by name, and compiling the network of a question with one.

Layers live in a ``layers`` folder beside the knowledge base, one file per name; a path
to a layer file works too. A loaded layer is kept in memory (keyed by path and mtime) so
successive questions on it read the file once.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from caravan.model.scenario import LayerMode, Scenario
from caravan.network import CostSettings, NetworkSnapshot
from caravan.network.osm_layer import network_with_layer
from caravan.store import KnowledgeBase
from caravan.store.osm import (
    LAYER_SUFFIX,
    LayerGraph,
    LayerInfo,
    OsmImportError,
    layer_path,
    load_layer,
    read_layer_info,
)

__all__ = [
    "LayerChoice",
    "layer_choice",
    "layer_folder",
    "list_layers",
    "loaded_layer",
    "network_on_layer",
]


@dataclass(frozen=True)
class LayerChoice:
    """A resolved layer: its file, the file's modification time and how it joins the network."""

    path: Path
    mtime_ns: int
    mode: LayerMode


def layer_folder(knowledge_base: Path) -> Path:
    """The folder of a knowledge base's imported layers: ``layers/`` beside it."""
    return knowledge_base.parent / "layers"


def resolve_layer_path(folder: Path, name_or_path: str | Path) -> Path:
    """A layer's file from its name (in ``folder``) or a path; unknown names list the known."""
    text = str(name_or_path)
    if text.endswith(LAYER_SUFFIX) or "/" in text or "\\" in text:
        path = Path(text)
    else:
        path = layer_path(folder, text)
    if not path.exists():
        known = ", ".join(info.name for info in list_layers(folder)) or "none yet"
        raise OsmImportError(
            f"no layer {text!r} (looked for {path}); imported layers: {known}. Import one with "
            "`caravan osm import FILE.osm.pbf --name NAME`"
        )
    return path


def layer_choice(
    folder: Path,
    name_or_path: str | Path | None,
    mode: LayerMode | None,
    scenario: Scenario | None,
) -> LayerChoice | None:
    """The layer a question names (else its scenario's), or None for the curated network."""
    name = name_or_path if name_or_path is not None else (scenario.layer if scenario else None)
    if name is None:
        return None
    chosen_mode = mode or (scenario.layer_mode if scenario else None) or LayerMode.EXTEND
    path = resolve_layer_path(folder, name)
    return LayerChoice(path, path.stat().st_mtime_ns, chosen_mode)


def list_layers(folder: Path) -> list[LayerInfo]:
    """The layers imported into ``folder``, by name (files that are not layers are skipped)."""
    found = []
    for path in sorted(folder.glob(f"*{LAYER_SUFFIX}")) if folder.is_dir() else []:
        try:
            found.append(read_layer_info(path))
        except Exception:  # a foreign or outdated file: not a layer to offer
            continue
    return found


@functools.lru_cache(maxsize=2)
def _cached_layer(path: Path, mtime_ns: int) -> LayerGraph:
    return load_layer(path)


def loaded_layer(choice: LayerChoice) -> LayerGraph:
    """The graph of a chosen layer (read once per file version)."""
    return _cached_layer(choice.path, choice.mtime_ns)


def network_on_layer(
    kb: KnowledgeBase,
    date: dt.date,
    settings: CostSettings,
    choice: LayerChoice,
    *,
    scenario: Scenario | None = None,
    today: dt.date | None = None,
) -> NetworkSnapshot:
    """The network of ``date`` (under ``scenario``) with the chosen layer."""
    return network_with_layer(
        kb, date, loaded_layer(choice), choice.mode, settings, scenario=scenario, today=today
    )
