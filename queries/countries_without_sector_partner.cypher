// title: Countries without a partner in a sector
// description: Countries (optionally of one group) where no cluster or organisation ACTIVE_IN the sector is a partner in any partnership, with how many actors of that sector they have: the gaps to fill.
// param: sector (str) - the sector's id or name (case-insensitive)
// param: group (str, "") - only countries of this group (EU27, South-Med, ...); empty for all
// embedded: countries_without_sector_partner
MATCH (s:Sector) WHERE s.id = $sector OR toLower(s.name) = toLower($sector)
MATCH (c:Country) WHERE $group = '' OR $group IN coalesce(c.groups, [])
OPTIONAL MATCH (o)-[:ACTIVE_IN]->(s) WHERE o.country = c.iso2 AND (o:Cluster OR o:Organisation)
OPTIONAL MATCH (o)-[:PARTNER_IN]->(q:Partnership)
WITH s, c, count(DISTINCT o) AS actors, count(q) AS partner_links
WHERE partner_links = 0
RETURN s.name AS sector, c.iso2 AS country, c.name AS country_name, actors AS actors_in_sector
ORDER BY actors_in_sector DESC, country
