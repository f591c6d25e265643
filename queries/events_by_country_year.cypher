// title: Events per country and year
// description: How many events took place per country and year (from the event's start date), and how many distinct participants they had.
// param: country (str, "") - ISO 3166 alpha-2 code; empty for all countries
// param: from_year (int, 1990) - first year counted
// param: to_year (int, 2100) - last year counted
// embedded: events_by_country_year
MATCH (e:Event)
WITH e, toInteger(substring(e.start_date, 0, 4)) AS year
WHERE year >= $from_year AND year <= $to_year AND ($country = '' OR e.country = toUpper($country))
OPTIONAL MATCH (x)-[:PARTICIPATED_IN]->(e)
RETURN e.country AS country, year, count(DISTINCT e) AS events, count(DISTINCT x) AS participants
ORDER BY country, year
