/// How a result table is written. (Placeholder: the rendering work fills in every mode.)
public enum OutputMode: String, Sendable, CaseIterable {
    case table, box, csv, tsv, json, jsonl, markdown, html, line
}
