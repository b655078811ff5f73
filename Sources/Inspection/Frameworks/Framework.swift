/// An inspection framework read from a data file (`Datasets/frameworks/*.json`): its measures, the
/// band scales that turn a score into a label, and the trigger rules. Adding a framework is adding a
/// file; nothing here names a particular framework.
public struct Framework: Sendable, Equatable {
    public let id: String
    public let title: String
    /// The `inspections.programme` values this framework scores (e.g. `CCI`, `CCI-RE`).
    public let programmes: [String]
    /// ISO dates as written in the file; `to` is nil while the framework is in force.
    public let inForce: (from: String?, to: String?)
    /// In the file's order, which is the order reports print them.
    public let measures: [Measure]
    public let scales: [BandScale]
    public let triggers: [TriggerRule]
    /// Friendly name (lower-cased) → measure id.
    public let aliases: [String: String]

    public static func == (a: Framework, b: Framework) -> Bool {
        a.id == b.id && a.title == b.title && a.programmes == b.programmes && a.inForce == b.inForce
            && a.measures == b.measures && a.scales == b.scales && a.triggers == b.triggers && a.aliases == b.aliases
    }

    public func measure(_ id: String) -> Measure? { measures.first { $0.id == id } }

    public func scale(_ id: String) -> BandScale? { scales.first { $0.id == id } }

    /// The scale that bands `measure`, if it has one.
    public func scale(for measure: Measure) -> BandScale? { measure.scale.flatMap(scale) }

    /// Whether an inspection of `programme` is scored under this framework (case-insensitive).
    public func covers(programme: String) -> Bool {
        programmes.contains { $0.lowercased() == programme.lowercased() }
    }

    /// A measure from its id, title or alias, case-insensitively; nil when nothing matches.
    public func resolveMeasure(_ name: String) -> Measure? {
        let key = name.trimmingCharacters(in: " \t").lowercased()
        if let byID = measures.first(where: { $0.id.lowercased() == key }) { return byID }
        if let target = aliases[key], let aliased = measure(target) { return aliased }
        return measures.first { $0.title.lowercased() == key }
    }

    /// Every name a user may type for a measure (for "did you mean").
    public var measureNames: [String] { measures.map(\.id) + aliases.keys.sorted() }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
