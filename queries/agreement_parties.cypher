// title: Agreements and their parties
// description: Each agreement (MoU, declaration, convention) with every party that is PARTY_TO it.
// param: name_contains (str, "") - part of the agreement's name (case-insensitive); empty for all
// embedded: agreement_parties
MATCH (a:Agreement)
WHERE toLower(a.name) CONTAINS toLower($name_contains)
MATCH (x)-[:PARTY_TO]->(a)
RETURN a.id AS agreement_id, a.name AS agreement, a.kind AS agreement_kind, a.signed_date AS signed_date,
       x.id AS party_id, x.name AS party,
       CASE WHEN x:SME THEN 'SME' ELSE head([l IN labels(x) WHERE l <> 'Entity']) END AS party_kind,
       x.country AS party_country
ORDER BY agreement, agreement_id, party, party_id
