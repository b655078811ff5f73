import Reporting
import Inspection
import Columnar
import Rendering
import Testing
@testable import Shell

/// Running cells in one session: results in order, errors pointing into the notebook, stopping and
/// keeping going, and what each cell option does to the results.
@Suite struct NotebookRunnerTests {
    @Test func cellsShareOneSessionAndKeepResultsInOrder() throws {
        let run = try NotebookTesting.run(
            """
            Intro.

            ```sql
            CREATE TABLE t AS SELECT 1 AS a UNION ALL SELECT 2;
            INSERT INTO t VALUES (3);
            ```

            Between.

            ```sql
            SELECT sum(a) AS total FROM t;
            .tables
            ```
            """)
        #expect(run.failures.isEmpty)
        #expect(run.blocks.count == 4)
        let outputs = NotebookTesting.outputs(run)
        guard case .message(let message) = outputs.first else { Issue.record("no message"); return }
        #expect(message == "1 row inserted")
        #expect(NotebookTesting.tablesAsCSV(run) == ["total\n6\n", "name\nt\n"])
    }

    @Test func anErrorNamesTheNotebooksLineAndStopsTheRestWithoutKeepGoing() throws {
        let text = """
            # Title

            ```sql
            SELECT 1 AS a;
            SELECT * FROM nope;
            SELECT 2 AS b;
            ```

            ```sql
            SELECT 3 AS c;
            ```
            """
        let run = try NotebookTesting.run(text, name: "nb.md")
        #expect(
            run.failures.map { $0.formatted() } == [
                "nb.md:5:15: error: Table with name nope does not exist!\n  SELECT * FROM nope;\n                ^~~~"
            ])
        #expect(NotebookTesting.tablesAsCSV(run) == ["a\n1\n"])
        guard case .stopped(let reason)? = run.blocks.last else { Issue.record("not stopped"); return }
        #expect(reason.contains("cell on line 3 failed"))
        #expect(run.blocks.count == 3)

        let kept = try NotebookTesting.run(text, name: "nb.md", keepGoing: true)
        #expect(kept.failures.count == 1)
        #expect(NotebookTesting.tablesAsCSV(kept) == ["a\n1\n", "b\n2\n", "c\n3\n"])
        #expect(!kept.blocks.contains { if case .stopped = $0 { true } else { false } })
    }

    @Test func quitStopsTheNotebook() throws {
        let run = try NotebookTesting.run("```sql\n.quit\n```\n\n```sql\nSELECT 1;\n```\n")
        #expect(run.failures.isEmpty)
        guard case .stopped(let reason)? = run.blocks.last else { Issue.record("not stopped"); return }
        #expect(reason.hasPrefix("Stopped by .quit"))
        #expect(NotebookTesting.tablesAsCSV(run).isEmpty)
    }

    @Test func runFalseShowsTheSourceOnlyAndResultsFalseHidesAllButErrors() throws {
        let run = try NotebookTesting.run(
            """
            ```sql run=false
            SELECT * FROM never_run;
            ```

            ```sql results=false
            CREATE TABLE t AS SELECT 1 AS a;
            SELECT a FROM t;
            ```

            ```sql results=false
            SELECT * FROM missing;
            ```
            """, keepGoing: true)
        let outputs = NotebookTesting.outputs(run)
        #expect(outputs.count == 1)
        guard case .error(let diagnostic)? = outputs.first else { Issue.record("no error"); return }
        #expect(diagnostic.message.contains("missing"))
    }

    @Test func rowsColumnsAndMaxrowsShapeWhatIsShown() throws {
        let run = try NotebookTesting.run(
            """
            ```sql rows=2 columns="B, a" title="Numbers"
            SELECT n AS a, n * 10 AS b, 'x' AS c FROM (VALUES (1), (2), (3), (4), (5)) v(n);
            ```

            ```sql
            .maxrows 3
            SELECT * FROM (VALUES (1), (2), (3), (4), (5)) v(n);
            ```
            """)
        let tables = NotebookTesting.outputs(run).compactMap { output -> (String, TableDisplay)? in
            guard case .table(let table, let display) = output else { return nil }
            return (table.schema.fields.map(\.name).joined(separator: ","), display)
        }
        #expect(tables.map(\.0) == ["b,a", "n"])
        #expect(tables.map(\.1.maxRows) == [2, 3])
        #expect(tables[0].1.caption == "Numbers")
        #expect(tables[1].1.caption == nil)
    }

    @Test func underscoresInColumnNamesShowAsSpaces() throws {
        let run = try NotebookTesting.run("```sql\nSELECT 1 AS band_source;\n```\n")
        #expect(NotebookTesting.tablesAsCSV(run) == ["band source\n1\n"])
    }

    @Test func anUnknownColumnInColumnsIsACellErrorAtTheFence() throws {
        let run = try NotebookTesting.run("text\n\n```sql columns=scroe\nSELECT 1 AS score;\n```\n", name: "nb.md")
        #expect(run.failures.count == 1)
        #expect(
            run.failures.first?.formatted().hasPrefix("nb.md:3:1: error: columns=: the result has no column scroe")
                == true)
        #expect(run.failures.first?.suggestions == ["score"])
    }

    @Test func aChartTheCellAsksForThatCannotBeDrawnIsACellError() throws {
        // `x` has none of a bullet chart's columns, whatever the chart renderer draws.
        let run = try NotebookTesting.run("```sql chart=bullet\nSELECT 1 AS x;\n```\n", name: "nb.md")
        #expect(run.failures.count == 1)
        #expect(run.failures.first?.formatted().hasPrefix("nb.md:1:1: error: chart=bullet: ") == true)
        #expect(NotebookTesting.tablesAsCSV(run) == ["x\n1\n"])
    }

    @Test func aVerbsResultGetsItsUsualChartAndNoneWhenThereIsNothingToDraw() throws {
        let run = try NotebookTesting.run(
            """
            ```sql
            compare Harrow IN FRAMEWORK cci-2009;
            deltas Harrow;
            ```

            ```sql chart=none
            compare Harrow IN FRAMEWORK cci-2009;
            ```
            """, withData: true)
        #expect(run.failures.isEmpty)
        let kinds = NotebookTesting.outputs(run).map { output in
            switch output {
            case .table(let table, _): "table \(table.rowCount)"
            case .chart(let chart): "chart " + (chart.svg.hasPrefix("<svg") ? "svg" : "?")
            case .message, .error: "other"
            }
        }
        // compare → a bullet chart; deltas of an area inspected once under each framework → one row saying
        // so, nothing to draw.
        #expect(kinds == ["table 3", "chart svg", "table 1", "table 3"])
    }

    @Test(
        arguments: [
            ("compare Harrow;", "compare"), ("  -- note\nDISTRIBUTION overall;", "distribution"), ("deltas", "deltas"),
            ("SELECT * FROM compare('Harrow');", nil), (".tables", nil), ("comparer x;", nil),
        ] as [(String, String?)])
    func theVerbOfAStatementPicksItsUsualChart(statement: String, verb: String?) {
        #expect(NotebookCharts.verb(of: statement)?.name == verb)
    }
}
