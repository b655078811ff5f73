"""Workloads of scripts/bench. W1: load the canonical layout, score every inspection by criterion and by
headline theme from its judgements (the inspectorate's pooled method), and summarise each region's latest
theme scores. The yotq and DuckDB texts differ only in read_csv's `types` option: DuckDB's sniffer would
read question ids such as `1.1.01` as dates, yotq keeps dotted ids as text by itself."""

DATA_FILES = ["areas.csv", "inspections.csv", "questions.csv", "question_themes.csv", "judgements.csv"]

# Tables whose `question` column DuckDB must be told is text.
_QUESTION_TABLES = {"questions", "question_themes", "judgements"}

import os

# The queries after loading, shared with the Swift harness and the CI smoke run.
_QUERIES = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Benchmarks", "w1.sql")).read()


def _sql_string(text):
    return "'" + str(text).replace("'", "''") + "'"


def w1_sql(data_folder, for_duckdb):
    """The W1 script for one engine, reading the dataset in `data_folder`."""
    lines = []
    for name in DATA_FILES:
        table = name[: -len(".csv")]
        path = _sql_string(f"{data_folder}/{name}")
        options = ", types={'question': 'VARCHAR'}" if for_duckdb and table in _QUESTION_TABLES else ""
        lines.append(f"CREATE TABLE {table} AS SELECT * FROM read_csv({path}{options});")
    return "\n".join(lines) + "\n" + _QUERIES


# Workload SETOPS: hash-based duplicate elimination over the 10 M judgement rows, one statement a case. Each
# case's yotq script turns `.timer on` before its statement, the DuckDB runner times every statement, so the
# statement's own time is reported beside the whole process's.
SETOPS_CASES = {
    "distinct": "SELECT count(*) FROM (SELECT DISTINCT * FROM judgements);",
    "union": "SELECT count(*) FROM (SELECT * FROM judgements UNION SELECT * FROM judgements);",
    "intersect": "SELECT count(*) FROM (SELECT * FROM judgements INTERSECT SELECT * FROM judgements);",
    "group-by": "SELECT count(*) FROM (SELECT inspection_id, case_id, question FROM judgements GROUP BY inspection_id, case_id, question);",
}


def setops_sql(data_folder, for_duckdb, case):
    """One SETOPS case's script for one engine: load judgements, then the case's statement, timed."""
    path = _sql_string(f"{data_folder}/judgements.csv")
    options = ", types={'question': 'VARCHAR'}" if for_duckdb else ""
    timer = "" if for_duckdb else ".timer on\n"
    return f"CREATE TABLE judgements AS SELECT * FROM read_csv({path}{options});\n{timer}{SETOPS_CASES[case]}\n"
