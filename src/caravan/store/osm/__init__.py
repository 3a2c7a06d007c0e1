"""OpenStreetMap import: reading a PBF (streaming), simplifying to junctions, storing a layer."""

from caravan.store.osm.attach import DEFAULT_ATTACH_RADIUS_KM, Attachment, PlacePoint, attach_places
from caravan.store.osm.errors import OsmImportError
from caravan.store.osm.graph import LAYER_NAMES, EdgeType, LayerGraph, NodeRole
from caravan.store.osm.importer import ImportReport, import_osm
from caravan.store.osm.layer_file import (
    LAYER_SUFFIX,
    LayerInfo,
    layer_path,
    load_layer,
    read_layer_info,
)
from caravan.store.osm.reader import ImportProgress
from caravan.store.osm.tags import DEFAULT_ROAD_CLASSES, TagRules

__all__ = [
    "DEFAULT_ATTACH_RADIUS_KM",
    "DEFAULT_ROAD_CLASSES",
    "LAYER_NAMES",
    "LAYER_SUFFIX",
    "Attachment",
    "EdgeType",
    "ImportProgress",
    "ImportReport",
    "LayerGraph",
    "LayerInfo",
    "NodeRole",
    "OsmImportError",
    "PlacePoint",
    "TagRules",
    "attach_places",
    "import_osm",
    "layer_path",
    "load_layer",
    "read_layer_info",
]
