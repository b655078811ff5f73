/// Path arithmetic on plain strings.
///
/// Foundation's `NSString.deletingLastPathComponent` traps on a one-character path on Linux
/// (swift-corelibs-foundation, Swift 6.3: `-o a` crashed `yotq notebook`), so the folder of a path
/// is worked out here.
enum FilePaths {
    /// The folder part of `path`: `a/b.md` → `a`, `/b.md` → `/`, `b.md` → `` (the current folder).
    /// Trailing slashes are not a component: `a/b/` → `a`.
    static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        var folder = trimmed[..<slash]
        while folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "/" : String(folder)
    }
}
