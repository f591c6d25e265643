"""Document extraction, offline: organisations, clusters, partnerships, places, events,
agreements, relations and figures, each with evidence spans and a confidence.

Public API::

    extract_documents(paths) -> dict          # the JSON contract (documents/entities/relations/facts)
    extract_paths(paths) -> Extraction        # the same, typed
    extract_text(doc: DocumentText) -> Extraction
    extraction_to_records(extraction) -> (list[Node], list[Rel])
"""
from clusternet.ingest.extract.pipeline import (extract_documents, extract_paths, extract_text,
    merge_extractions)
from clusternet.ingest.extract.records import extraction_to_records
from clusternet.ingest.extract.types import DocInfo, Entity, Extraction, Fact, Relation

__all__ = ["extract_documents", "extract_paths", "extract_text", "merge_extractions", "extraction_to_records",
           "Extraction", "Entity", "Relation", "Fact", "DocInfo"]
