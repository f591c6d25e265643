// title: Brokers between two country groups
// description: Actors whose co-partners (other PARTNER_IN members of the same partnerships) come from both country groups, e.g. the EU and the South-Mediterranean. A co-partner's group is read from the Country node of its country.
// param: group_a (str, "EU27") - first country group
// param: group_b (str, "South-Med") - second country group
// param: min_contacts (int, 1) - at least this many co-partners from each group
// embedded: brokers_between_groups
MATCH (a)-[:PARTNER_IN]->(:Partnership)<-[:PARTNER_IN]-(b)
WHERE a <> b
MATCH (cb:Country {iso2: b.country})
WITH a, b, coalesce(cb.groups, []) AS g
WITH a, count(DISTINCT CASE WHEN $group_a IN g THEN b END) AS contacts_a,
        count(DISTINCT CASE WHEN $group_b IN g THEN b END) AS contacts_b
WHERE contacts_a >= $min_contacts AND contacts_b >= $min_contacts
RETURN a.id AS broker_id, a.name AS broker,
       CASE WHEN a:SME THEN 'SME' ELSE head([l IN labels(a) WHERE l <> 'Entity']) END AS kind,
       a.country AS country, contacts_a, contacts_b, contacts_a + contacts_b AS contacts
ORDER BY contacts DESC, broker, broker_id
