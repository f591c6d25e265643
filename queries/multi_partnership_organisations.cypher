// title: Organisations in several partnerships
// description: Clusters and organisations that are PARTNER_IN at least a given number of partnerships, with those partnerships.
// param: min_partnerships (int, 2) - the least number of partnerships
// embedded: multi_partnership_organisations
MATCH (o)-[:PARTNER_IN]->(p:Partnership)
WITH o, p ORDER BY p.name, p.id
WITH o, count(p) AS partnerships, collect(p.name) AS partnership_names
WHERE partnerships >= $min_partnerships
RETURN o.id AS id, o.name AS name,
       CASE WHEN o:SME THEN 'SME' ELSE head([l IN labels(o) WHERE l <> 'Entity']) END AS kind,
       o.country AS country, partnerships, partnership_names
ORDER BY partnerships DESC, name, id
