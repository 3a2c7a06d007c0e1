"""OpenStreetMap layers in questions: choosing a layer, routing on it, comparing lengths."""

from caravan.analysis.osm.compare import (
    LengthComparison,
    LengthRow,
    compare_lengths,
    compare_with_layer,
)
from caravan.analysis.osm.importing import import_layer
from caravan.analysis.osm.layers import (
    LayerChoice,
    layer_choice,
    layer_folder,
    list_layers,
    loaded_layer,
    network_on_layer,
)

__all__ = [
    "LayerChoice",
    "LengthComparison",
    "LengthRow",
    "compare_lengths",
    "compare_with_layer",
    "import_layer",
    "layer_choice",
    "layer_folder",
    "list_layers",
    "loaded_layer",
    "network_on_layer",
]
