-- CI smoke run: the benchmark's W1 shape over a small generated (synthetic) dataset, in batch mode.
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
SELECT count(*) AS criterion_scores, min(score) >= 0 AND max(score) <= 100 AS in_range FROM crit;
SELECT a.region, th.theme, MIN(th.score) AS lowest, MAX(th.score) AS highest, AVG(th.score) AS average, COUNT(*) AS areas
FROM theme th
JOIN inspections i ON i.inspection_id = th.inspection_id
JOIN latest l ON l.area_code = i.area_code AND l.published = i.published
JOIN areas a ON a.area_code = i.area_code
GROUP BY a.region, th.theme ORDER BY a.region, th.theme;
