public import Columnar

/// What the session's frameworks define, as tables: `frameworks()` and `measures()` list what exists,
/// so a newcomer can find measure ids, titles and aliases without opening the JSON files.
public enum FrameworkTables {
    /// One row per framework: id, title, programmes, the period it is in force, counts of its measures
    /// and triggers.
    public static func frameworks(_ frameworks: [Framework]) -> Table {
        Table(
            schema: Schema([
                Field(name: "framework", type: .varchar), Field(name: "title", type: .varchar),
                Field(name: "programmes", type: .varchar), Field(name: "in_force_from", type: .varchar),
                Field(name: "in_force_to", type: .varchar), Field(name: "measures", type: .bigint),
                Field(name: "triggers", type: .bigint),
            ]),
            rows: frameworks.map { f in
                [
                    .varchar(f.id), .varchar(f.title), .varchar(f.programmes.joined(separator: ", ")),
                    f.inForce.from.map(Value.varchar) ?? .null, f.inForce.to.map(Value.varchar) ?? .null,
                    .bigint(Int64(f.measures.count)), .bigint(Int64(f.triggers.count)),
                ]
            })
    }

    /// One row per measure: framework, id, title, kind, parent, value (percent / points / rating), its
    /// band scale, and the friendly names it answers to.
    public static func measures(_ frameworks: [Framework]) -> Table {
        var rows: [[Value]] = []
        for f in frameworks {
            for m in f.measures {
                let aliases = f.aliases.filter { $0.value == m.id }.keys.sorted()
                rows.append([
                    .varchar(f.id), .varchar(m.id), .varchar(m.title), .varchar(m.kind.rawValue),
                    m.parent.map(Value.varchar) ?? .null, .varchar(m.value.rawValue),
                    m.scale.map(Value.varchar) ?? .null, .varchar(aliases.joined(separator: ", ")),
                ])
            }
        }
        return Table(
            schema: Schema([
                Field(name: "framework", type: .varchar), Field(name: "measure", type: .varchar),
                Field(name: "title", type: .varchar), Field(name: "kind", type: .varchar),
                Field(name: "parent", type: .varchar), Field(name: "value", type: .varchar),
                Field(name: "scale", type: .varchar), Field(name: "aliases", type: .varchar),
            ]),
            rows: rows)
    }
}
