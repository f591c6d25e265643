// title: Cross-border pairs in a partnership
// description: Every pair of partners of one partnership based in different countries, and whether the two are already linked directly (any relationship between them).
// param: partnership (str) - the partnership's id, name or acronym (case-insensitive)
// embedded: cross_border_pairs
MATCH (p:Partnership)
WHERE p.id = $partnership OR toLower(p.name) = toLower($partnership)
   OR toLower(p.acronym) = toLower($partnership)
MATCH (a)-[:PARTNER_IN]->(p)<-[:PARTNER_IN]-(b)
WHERE a.id < b.id AND a.country <> b.country
RETURN p.name AS partnership, a.id AS a_id, a.name AS org_a, a.country AS country_a,
       b.id AS b_id, b.name AS org_b, b.country AS country_b,
       exists { (a)--(b) } AS direct_link
ORDER BY partnership, country_a, country_b, org_a, org_b, a_id, b_id
