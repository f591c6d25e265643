// title: Clusters in a partnership's target countries, not yet partners
// description: For each country a partnership TARGETS, the clusters there (by country or LOCATED_IN) that are not PARTNER_IN it, with the sectors they share with it.
// param: partnership (str) - the partnership's id, name or acronym (case-insensitive)
// param: include_organisations (bool, false) - list other organisations too, not only clusters
// embedded: target_country_candidates
MATCH (p:Partnership)
WHERE p.id = $partnership OR toLower(p.name) = toLower($partnership)
   OR toLower(p.acronym) = toLower($partnership)
MATCH (p)-[:TARGETS]->(t:Country)
MATCH (c:Entity)
WHERE (c:Cluster OR ($include_organisations AND c:Organisation))
  AND (c.country = t.iso2 OR exists { (c)-[:LOCATED_IN]->(t) })
  AND NOT exists { (c)-[:PARTNER_IN]->(p) }
RETURN DISTINCT p.name AS partnership, t.iso2 AS country, t.name AS country_name,
       c.id AS candidate_id, c.name AS candidate,
       CASE WHEN c:SME THEN 'SME' ELSE head([l IN labels(c) WHERE l <> 'Entity']) END AS kind,
       [s IN coalesce(c.sectors, []) WHERE s IN coalesce(p.sectors, [])] AS shared_sectors
ORDER BY partnership, country, candidate, candidate_id
