// title: Shortest paths between two organisations
// description: All shortest chains of relationships (either direction, at most 8 hops) linking two nodes, never through documents, and through countries, regions and sectors only if asked.
// param: source (str) - id or name of the first organisation or cluster
// param: target (str) - id or name of the second one
// param: through_hubs (bool, false) - allow paths through Country, Region and Sector nodes
// param: limit (int, 10) - at most this many paths
// embedded: shortest_path
MATCH (a:Entity) WHERE a.id = $source OR toLower(a.name) = toLower($source)
MATCH (b:Entity) WHERE b.id = $target OR toLower(b.name) = toLower($target)
WITH a, b WHERE a <> b
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE all(n IN nodes(p) WHERE n = a OR n = b
          OR (NOT n:Document AND ($through_hubs OR NOT (n:Country OR n:Region OR n:Sector))))
WITH DISTINCT length(p) AS hops, [n IN nodes(p) | n.name] AS names, [n IN nodes(p) | n.id] AS ids
WITH hops, ids, reduce(s = head(names), x IN tail(names) | s + ' → ' + x) AS path_text,
     reduce(s = '', i IN ids | s + i + '|') AS id_key
ORDER BY path_text, id_key
LIMIT $limit
RETURN hops, path_text AS path, ids AS path_ids
