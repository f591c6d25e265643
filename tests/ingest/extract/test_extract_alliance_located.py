"""An "… Alliance" that turns out to be an organisation, not a partnership (issue 15, thirty-third round),
is where its table row or sentence puts it, as any body is: the relabelling used to come after the
places were read, so it had a country and no LOCATED_IN. All names are invented.
"""
from __future__ import annotations

from clusternet.ingest.extract import extract_text
from clusternet.ingest.sources.readers import document_from_text

PAGE = """<html><body><h1>AQUAVISTA-4i - the partnership</h1>
<p>AQUAVISTA-4i is a European Strategic Cluster Partnership for Going International in smart water technologies.</p>
<p>The consortium is led by the Jutland Water Technology Alliance and brings together four cluster organisations.</p>
<table>
<tr><th>Partner</th><th>Country</th><th>Role</th></tr>
<tr><td>Jutland Water Technology Alliance</td><td>Denmark</td><td>Coordinator</td></tr>
<tr><td>Pôle Eau Garonne</td><td>France</td><td>Partner</td></tr>
<tr><td>Clúster del Agua del Segura</td><td>Spain</td><td>Partner</td></tr>
<tr><td>Vistula Water Cluster</td><td>Poland</td><td>Partner</td></tr>
</table></body></html>
"""


def test_an_alliance_that_is_an_organisation_is_located_in_its_rows_country():
    ex = extract_text(document_from_text(PAGE, name="partners.html"))
    names = {e.id: e.name for e in ex.entities}
    labels = {e.name: e.label for e in ex.entities}
    rels = {(names.get(r.source, r.source), r.type, names.get(r.target, r.target)) for r in ex.relations}
    assert labels["Jutland Water Technology Alliance"] == "Organisation", labels
    assert ("Jutland Water Technology Alliance", "LOCATED_IN", "Denmark") in rels, rels
