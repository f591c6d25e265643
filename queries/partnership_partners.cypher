// title: Partners of a partnership
// description: Every cluster and organisation that is PARTNER_IN a partnership, with its role and its country.
// param: partnership (str) - the partnership's id, name or acronym (case-insensitive)
// embedded: partnership_partners
MATCH (p:Partnership)
WHERE p.id = $partnership OR toLower(p.name) = toLower($partnership)
   OR toLower(p.acronym) = toLower($partnership)
MATCH (o)-[r:PARTNER_IN]->(p)
OPTIONAL MATCH (c:Country {iso2: o.country})
RETURN p.name AS partnership, o.id AS partner_id, o.name AS partner,
       CASE WHEN o:SME THEN 'SME' ELSE head([l IN labels(o) WHERE l <> 'Entity']) END AS kind,
       r.role AS role, o.country AS country, c.name AS country_name
ORDER BY partnership, country, partner, partner_id
