"""Everything on disk: data files, validation, the SQLite knowledge base, exports."""

from caravan.store.build import (
    BuildProgress,
    BuildResult,
    build_knowledge_base,
    built_from,
    data_digest,
    default_data_dir,
    knowledge_base_is_current,
)
from caravan.store.export import ExportFormat, export_knowledge_base, network_feature_collections
from caravan.store.names import PlaceIndex, normalise_name
from caravan.store.queries import KnowledgeBase, ProjectState, Provenance
from caravan.store.validate import ValidationReport, validate_data

__all__ = [
    "BuildProgress",
    "BuildResult",
    "ExportFormat",
    "KnowledgeBase",
    "PlaceIndex",
    "ProjectState",
    "Provenance",
    "ValidationReport",
    "build_knowledge_base",
    "built_from",
    "data_digest",
    "default_data_dir",
    "export_knowledge_base",
    "knowledge_base_is_current",
    "network_feature_collections",
    "normalise_name",
    "validate_data",
]
