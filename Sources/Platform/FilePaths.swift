public import SystemPackage

/// Path arithmetic on plain strings, through swift-system's `FilePath`: the one place yotq joins and
/// splits paths. Foundation's `NSString` path methods are not used: `deletingLastPathComponent` traps on
/// a one-character path on Linux (swift-corelibs-foundation, Swift 6.3: `-o a` crashed `yotq notebook`).
public enum FilePaths {
    /// `folder/name`; a `name` that is absolute stands alone. `join("", "x")` is `x`.
    public static func join(_ folder: String, _ name: String) -> String {
        FilePath(folder).pushing(FilePath(name)).string
    }

    /// The folder part of `path`: `a/b.md` → `a`, `/b.md` → `/`, `b.md` → `` (the current folder).
    /// Trailing slashes are not a component: `a/b/` → `a`.
    public static func folder(of path: String) -> String {
        FilePath(path).removingLastComponent().string
    }

    /// The last component: `a/b.md` → `b.md`; empty for `/` and ``.
    public static func lastComponent(of path: String) -> String {
        FilePath(path).lastComponent?.string ?? ""
    }

    /// The last component without its extension: `a/scores.csv` → `scores`, `a/.hidden` → `.hidden`.
    public static func stem(of path: String) -> String {
        FilePath(path).lastComponent?.stem ?? ""
    }

    /// The extension of the last component, without the dot: `a/b.tar.gz` → `gz`; empty without one.
    public static func fileExtension(of path: String) -> String {
        FilePath(path).extension ?? ""
    }

    /// `path` without the extension of its last component: `out/x.md` → `out/x`.
    public static func deletingExtension(_ path: String) -> String {
        var file = FilePath(path)
        file.extension = nil
        return file.string
    }
}
