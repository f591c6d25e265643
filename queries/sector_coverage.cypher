// title: Sector coverage of a partnership
// description: The sectors a partnership's partners are ACTIVE_IN, how many partners and countries cover each, and whether the partnership itself declares the sector (sectors it declares but no partner covers show 0).
// param: partnership (str) - the partnership's id, name or acronym (case-insensitive)
// embedded: sector_coverage
MATCH (p:Partnership)
WHERE p.id = $partnership OR toLower(p.name) = toLower($partnership)
   OR toLower(p.acronym) = toLower($partnership)
MATCH (s:Sector)
OPTIONAL MATCH (o)-[:PARTNER_IN]->(p) WHERE exists { (o)-[:ACTIVE_IN]->(s) }
WITH p, s, count(DISTINCT o) AS partners, count(DISTINCT o.country) AS countries,
     exists { (p)-[:ACTIVE_IN]->(s) } AS partnership_sector
WHERE partners > 0 OR partnership_sector
RETURN p.name AS partnership, s.name AS sector, partnership_sector, partners, countries
ORDER BY partnership, partners DESC, sector
