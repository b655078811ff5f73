-- CI smoke run: workload W1 (the benchmark's queries) over a small generated (synthetic) dataset, in
-- batch mode, then a check of the criterion scores it made.
.read Benchmarks/w1.sql
SELECT count(*) AS criterion_scores, min(score) >= 0 AND max(score) <= 100 AS in_range FROM crit;
