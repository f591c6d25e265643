// title: Partnerships per programme
// description: For each programme, the partnerships FUNDED_BY it and how many distinct organisations take part in them.
// param: programme (str, "") - the programme's id, name or code; empty for all
// embedded: partnerships_by_programme
MATCH (p:Partnership)-[:FUNDED_BY]->(g:Programme)
WHERE $programme = '' OR g.id = $programme OR toLower(g.name) = toLower($programme)
   OR toLower(g.code) = toLower($programme)
WITH g, p ORDER BY p.name, p.id
WITH g, count(p) AS partnerships, collect(p.name) AS partnership_names, collect(p) AS ps
OPTIONAL MATCH (o)-[:PARTNER_IN]->(q:Partnership) WHERE q IN ps
RETURN g.id AS programme_id, g.name AS programme, partnerships, partnership_names,
       count(DISTINCT o) AS organisations
ORDER BY partnerships DESC, programme, programme_id
