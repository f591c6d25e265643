// title: Documents and what they mention
// description: For each document, the entities it MENTIONS (the provenance of the graph, made walkable).
// param: document (str, "") - the document's id or name; empty for all
// param: label (str, "") - only entities with this label (Cluster, Organisation, Event, ...); empty for all
// embedded: document_mentions
MATCH (d:Document)-[:MENTIONS]->(e)
WHERE ($document = '' OR d.id = $document OR toLower(d.name) = toLower($document))
  AND ($label = '' OR $label IN labels(e))
RETURN d.id AS document_id, d.name AS document,
       CASE WHEN e:SME THEN 'SME' ELSE head([l IN labels(e) WHERE l <> 'Entity']) END AS kind,
       e.id AS entity_id, e.name AS entity
ORDER BY document, document_id, kind, entity, entity_id
