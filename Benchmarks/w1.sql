-- Workload W1's queries, after the five files of the canonical layout are loaded as tables of their
-- names: score every inspection by criterion and by headline theme (the share of applicable judgements
-- answered Y, pooled over the inspection's cases), find each area's latest inspection, and summarise the
-- latest theme scores by region. Read by scripts/bench (both engines) and the CI smoke run
-- (.ci/smoke.sql), so both run the same SQL.
CREATE TABLE crit AS
SELECT j.inspection_id, q.criterion,
       100.0 * SUM(CASE WHEN j.answer = 'Y' THEN 1 ELSE 0 END) / COUNT(*) AS score, COUNT(*) AS judged
FROM judgements j JOIN questions q ON j.question = q.question
WHERE j.answer <> 'NA' GROUP BY j.inspection_id, q.criterion;
CREATE TABLE theme AS
SELECT j.inspection_id, t.theme,
       100.0 * SUM(CASE WHEN j.answer = 'Y' THEN 1 ELSE 0 END) / COUNT(*) AS score, COUNT(*) AS judged
FROM judgements j JOIN question_themes t ON j.question = t.question
WHERE j.answer <> 'NA' GROUP BY j.inspection_id, t.theme;
CREATE TABLE latest AS
SELECT i.area_code, MAX(i.published) AS published FROM inspections i GROUP BY i.area_code;
SELECT a.region, th.theme, MIN(th.score) AS lowest, MAX(th.score) AS highest, AVG(th.score) AS average, COUNT(*) AS areas
FROM theme th
JOIN inspections i ON i.inspection_id = th.inspection_id
JOIN latest l ON l.area_code = i.area_code AND l.published = i.published
JOIN areas a ON a.area_code = i.area_code
GROUP BY a.region, th.theme ORDER BY a.region, th.theme;
