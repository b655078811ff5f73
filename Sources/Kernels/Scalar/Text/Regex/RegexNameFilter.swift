/// Which names a regular expression matches (anywhere in the name, as `regexp_matches`), with the
/// linear-time engine: DuckDB's `COLUMNS('regex')` selects columns this way.
public enum RegexNameFilter {
    public static func matches(_ names: [String], pattern: String) throws(KernelError) -> [Bool] {
        var machine = PikeVM(try RegexProgram(pattern: pattern, caseInsensitive: false))
        return names.map { name in
            machine.load(name)
            return machine.matches()
        }
    }
}
