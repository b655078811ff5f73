"""Workload GROUPBY of scripts/bench: the ten grouping query classes of issue 12 on one table of N rows
(default 10 M) x 9 columns, made by this file's own seeded generator (numpy's PCG64), written as CSV in
.bench/groupby-N[-sS]/x.csv:

  id1, id2  text, 100 values each (`id001`..`id100`)
  id3       text, N/100 values (`id0000000001`..; 100 000 at 10 M rows)
  id4, id5  integers 1..100
  id6       integers 1..N/100
  v1, v2    integers 1..5 and 1..15
  v3        a decimal with six places in [0, 100)

Each engine loads the file once (not timed), then runs every query as `CREATE TABLE ans AS <query>`,
timed inside the engine (yotq: `.timer on`; DuckDB: a timed execute), prints the answer (ordered, or a
digest for answers over 1 M rows) after a marker row, and drops it."""

import os
import time
from pathlib import Path

import numpy as np

GROUPBY_QUERIES = {
    "q1-sum-id1": ("SELECT id1, sum(v1) AS v1 FROM x GROUP BY id1", "id1"),
    "q2-sum-id1-id2": ("SELECT id1, id2, sum(v1) AS v1 FROM x GROUP BY id1, id2", "id1, id2"),
    "q3-sum-avg-id3": ("SELECT id3, sum(v1) AS v1, avg(v3) AS v3 FROM x GROUP BY id3", "id3"),
    "q4-avg-id4": ("SELECT id4, avg(v1) AS v1, avg(v2) AS v2, avg(v3) AS v3 FROM x GROUP BY id4", "id4"),
    "q5-sum-id6": ("SELECT id6, sum(v1) AS v1, sum(v2) AS v2, sum(v3) AS v3 FROM x GROUP BY id6", "id6"),
    "q6-median-sd-id4-id5": (
        "SELECT id4, id5, median(v3) AS median_v3, stddev(v3) AS sd_v3 FROM x GROUP BY id4, id5", "id4, id5"),
    "q7-range-id3": ("SELECT id3, max(v1) - min(v2) AS range_v1_v2 FROM x GROUP BY id3", "id3"),
    "q8-top2-id6": (
        "SELECT id6, v3 AS largest2_v3 FROM (SELECT id6, v3, row_number() OVER (PARTITION BY id6 ORDER BY v3 DESC)"
        " AS order_v3 FROM x WHERE v3 IS NOT NULL) sub_query WHERE order_v3 <= 2", "id6, largest2_v3 DESC"),
    "q9-r2-id2-id4": ("SELECT id2, id4, pow(corr(v1, v2), 2) AS r2 FROM x GROUP BY id2, id4", "id2, id4"),
    "q10-all-keys": (
        "SELECT id1, id2, id3, id4, id5, id6, sum(v3) AS v3, count(*) AS count FROM x"
        " GROUP BY id1, id2, id3, id4, id5, id6", None),
}
# An answer this large is compared by a digest (row count and column sums), not row by row.
DIGEST = "SELECT count(*) AS n, sum(id4) AS id4, sum(id5) AS id5, sum(id6) AS id6, sum(v3) AS v3, sum(count) AS count FROM ans"
MARKER = "@@query "


def generate(path, rows, seed):
    """Writes the table as CSV to `path` (deterministic for (rows, seed))."""
    rng = np.random.default_rng(seed)
    k = 100
    large = max(1, rows // k)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".part")
    started = time.perf_counter()
    small_names = np.array([f"id{i:03d}" for i in range(1, k + 1)])
    large_names = np.array([f"id{i:010d}" for i in range(1, large + 1)])
    with open(temporary, "w") as out:
        out.write("id1,id2,id3,id4,id5,id6,v1,v2,v3\n")
        chunk = 500_000
        for begin in range(0, rows, chunk):
            n = min(chunk, rows - begin)
            id1 = small_names[rng.integers(0, k, n)]
            id2 = small_names[rng.integers(0, k, n)]
            id3 = large_names[rng.integers(0, large, n)]
            id4 = rng.integers(1, k + 1, n)
            id5 = rng.integers(1, k + 1, n)
            id6 = rng.integers(1, large + 1, n)
            v1 = rng.integers(1, 6, n)
            v2 = rng.integers(1, 16, n)
            micro = rng.integers(0, 100_000_000, n)  # v3 in millionths: exact six-place decimals
            whole, fraction = np.divmod(micro, 1_000_000)
            lines = [
                f"{a},{b},{c},{d},{e},{f},{g},{h},{w}.{r:06d}"
                for a, b, c, d, e, f, g, h, w, r in zip(
                    id1.tolist(), id2.tolist(), id3.tolist(), id4.tolist(), id5.tolist(), id6.tolist(),
                    v1.tolist(), v2.tolist(), whole.tolist(), fraction.tolist())
            ]
            out.write("\n".join(lines))
            out.write("\n")
    os.replace(temporary, path)
    print(f"bench: generated {path} ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s")


def ensure_data(folder, rows, seed):
    path = folder / "x.csv"
    stamp = folder / "x.stamp"
    wanted = f"rows={rows} seed={seed}\n"
    if path.is_file() and stamp.is_file() and stamp.read_text() == wanted:
        print(f"bench: reusing {path} ({wanted.strip()})")
        return path
    generate(path, rows, seed)
    stamp.write_text(wanted)
    return path


def _sql_string(text):
    return "'" + str(text).replace("'", "''") + "'"


def groupby_sql(csv_path, for_duckdb, names):
    """The script of one engine: load, then per query a marker, the timed CREATE TABLE ans, its answer."""
    lines = [f"CREATE TABLE x AS SELECT * FROM read_csv({_sql_string(csv_path)});"]
    for name in names:
        query, order = GROUPBY_QUERIES[name]
        lines.append(f"SELECT '{MARKER}{name}' AS marker;")
        if not for_duckdb:
            lines.append(".timer on")
        lines.append(f"CREATE TABLE ans AS {query};")
        if not for_duckdb:
            lines.append(".timer off")
        lines.append((f"SELECT * FROM ans ORDER BY {order};" if order else DIGEST + ";"))
        lines.append("DROP TABLE ans;")
    return "\n".join(lines) + "\n"


# The DuckDB half: every statement executed in turn; each `CREATE TABLE ans` timed ("Run Time: X s" on
# stdout, where yotq's `.timer on` prints it), every SELECT's rows printed as CSV.
DUCKDB_GROUPBY_RUNNER = r"""
import csv, sys, time, duckdb
con = duckdb.connect()
con.execute("SET threads=2")
con.execute("SET enable_progress_bar=false")
out = csv.writer(sys.stdout, lineterminator="\n")
for statement in [s.strip() for s in open(sys.argv[1]).read().split(";\n") if s.strip()]:
    started = time.perf_counter()
    cursor = con.execute(statement)
    if statement.startswith("CREATE TABLE ans"):
        print(f"Run Time: {time.perf_counter() - started:.3f} s", flush=True)
    elif statement.startswith("SELECT"):
        rows = cursor.fetchall()
        out.writerow([d[0] for d in cursor.description])
        for row in rows:
            out.writerow([repr(v) if isinstance(v, float) else v for v in row])
        sys.stdout.flush()
"""


def split_output(text):
    """{query name: (seconds or None, [csv lines of its answer])} from one run's stdout."""
    results = {}
    current = None
    expect_header = False
    for line in text.splitlines():
        if line.startswith(MARKER):
            current = line[len(MARKER):].strip().strip('"')
            results[current] = [None, []]
            expect_header = True
            continue
        if current is None:
            continue
        if line.startswith("Run Time: "):
            results[current][0] = float(line[len("Run Time: "):].split()[0])
        elif line == "marker":
            continue
        else:
            results[current][1].append(line)
    return results
