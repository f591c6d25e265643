// title: Low-confidence facts to review
// description: Nodes and relationships whose confidence is under a threshold, least sure first, with the documents they came from: what an analyst should check.
// param: threshold (float, 0.6) - list facts with a confidence below this (0..1)
// param: limit (int, 500) - at most this many facts
// embedded: low_confidence_facts
CALL () {
  MATCH (n:Entity) WHERE n.confidence < $threshold
  RETURN 'node' AS fact, n.id AS id,
         CASE WHEN n:SME THEN 'SME' ELSE head([l IN labels(n) WHERE l <> 'Entity']) END AS type,
         n.name AS name, n.confidence AS confidence, coalesce(n.sources, []) AS sources
  UNION ALL
  MATCH (a)-[r]->(b) WHERE r.confidence < $threshold
  RETURN 'relationship' AS fact, a.id + '|' + type(r) + '|' + b.id AS id, type(r) AS type,
         a.name + ' → ' + b.name AS name, r.confidence AS confidence, coalesce(r.sources, []) AS sources
}
RETURN fact, id, type, name, confidence, sources
ORDER BY confidence, id
LIMIT $limit
