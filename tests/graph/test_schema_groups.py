"""The schema as data code asks: groups, is_a, id prefixes and label names come from
graph/schema.yaml, so a change there reaches every module that asks."""
import pytest
import yaml

from clusternet.graph.errors import SchemaError
from clusternet.graph.ids import document_id, id_prefix, make_id
from clusternet.graph.model import primary_label
from clusternet.graph.schema import LABEL, REL, SCHEMA_PATH, group, is_a, load_schema, parse_schema


def raw_schema() -> dict:
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_an_sme_is_an_organisation_and_nothing_else_is():
    assert is_a("SME", "Organisation") and is_a("Organisation", "Organisation")
    assert not is_a("Cluster", "Organisation")
    assert not is_a("Organisation", "SME")
    assert not is_a("Widget", "Organisation")


def test_groups_are_the_labels_the_yaml_lists():
    raw = raw_schema()["groups"]
    for name, spec in raw.items():
        assert group(name) == frozenset(spec["labels"])
    assert group("organisations") == {"Cluster", "Organisation", "SME"}
    with pytest.raises(SchemaError, match="unknown label group 'actors'"):
        group("actors")


def test_a_group_naming_an_unknown_label_is_refused():
    raw = raw_schema()
    raw["groups"]["organisations"]["labels"].append("Compagny")
    with pytest.raises(SchemaError, match="Compagny"):
        parse_schema(raw)


def test_ids_use_the_prefixes_the_yaml_declares():
    schema = load_schema()
    for label, nt in schema.nodes.items():
        expected = nt.id_prefix or schema.nodes[nt.extends].id_prefix
        assert make_id(label, "Pôle Techtera", country="FR") == f"{expected}:pole-techtera-fr"
    assert make_id("SME", "Acme") == make_id("Organisation", "Acme") == "org:acme"
    assert document_id(b"hello").startswith(id_prefix("Document") + ":")


def test_a_changed_prefix_in_the_yaml_changes_the_ids():
    raw = raw_schema()
    raw["nodes"]["Organisation"]["id_prefix"] = "organisation"
    schema = parse_schema(raw)
    assert schema.id_prefix("SME") == "organisation"
    assert "organisation" in schema.id_prefixes() and "org" not in schema.id_prefixes()


def test_the_most_specific_label_is_the_one_that_extends_another():
    assert primary_label(("Organisation", "SME")) == "SME"
    assert primary_label(("SME", "Organisation")) == "SME"
    assert primary_label(("Cluster",)) == "Cluster"


def test_label_and_type_names_are_checked():
    assert LABEL.Partnership == "Partnership" and REL.PARTNER_IN == "PARTNER_IN"
    with pytest.raises(SchemaError, match="unknown label 'Partnershp'"):
        LABEL.Partnershp  # noqa: B018
    with pytest.raises(SchemaError, match="unknown relationship type 'PARTNER_OF'"):
        REL.PARTNER_OF  # noqa: B018


def test_reference_and_document_nodes_are_not_matched_by_name():
    schema = load_schema()
    assert {label for label, nt in schema.nodes.items() if not nt.matchable} == {"Country", "Sector", "Document"}
