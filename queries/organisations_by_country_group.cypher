// title: Organisations by country group
// description: Clusters and organisations based in the countries of one group (EU27, EEA/EFTA, EU candidate, South-Med, Third country), with how many partnerships each is in.
// param: group (str, "South-Med") - the country group
// param: kind (str, "") - only this label (Cluster, Organisation or SME); empty for all
// embedded: organisations_by_country_group
MATCH (c:Country) WHERE $group IN coalesce(c.groups, [])
MATCH (o:Entity)
WHERE o.country = c.iso2 AND (o:Cluster OR o:Organisation) AND ($kind = '' OR $kind IN labels(o))
RETURN c.iso2 AS country, c.name AS country_name, o.id AS id, o.name AS name,
       CASE WHEN o:SME THEN 'SME' ELSE head([l IN labels(o) WHERE l <> 'Entity']) END AS kind,
       COUNT { (o)-[:PARTNER_IN]->(:Partnership) } AS partnerships
ORDER BY country, name, id
