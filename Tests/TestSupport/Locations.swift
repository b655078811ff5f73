public import Foundation

/// The package's root folder (holding `Package.swift`, `Datasets/`, `Notebooks/`, `Benchmarks/`), found from
/// this source file's place in the tree: `Tests/TestSupport/Locations.swift`.
public enum PackageRoot {
    public static let url: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        precondition(
            FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path),
            "TestSupport expected Package.swift in \(root.path)")
        return root
    }()

    public static var path: String { url.path }

    /// `relative` inside the package, e.g. `Datasets` or `Notebooks/harrow-2011.md`.
    public static func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
}

/// The build products of the running tests: SwiftPM puts the test bundle and the package's executables in
/// one folder (`<scratch path>/<triple>/<configuration>/`), so the executable is found beside the test
/// bundle whatever `--scratch-path` and `-c` were, never from a path guessed in the source tree.
public enum BuiltProducts {
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// The folder holding the running test bundle, or nil when it cannot be told.
    public static let directory: URL? = {
        #if os(macOS)
            // The bundle is loaded by a runner (xctest, swiftpm-testing-helper): find it among the loaded bundles.
            if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
                return bundle.bundleURL.deletingLastPathComponent()
            }
        #endif
        // On Linux the test bundle is itself the running executable.
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath(),
            executable.path.hasSuffix(".xctest")
        {
            return executable.deletingLastPathComponent()
        }
        let argument = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        if argument.path.hasSuffix(".xctest") { return argument.deletingLastPathComponent() }
        return nil
    }()

    /// The path of the built executable `name` (e.g. `yotq`) beside the test bundle, or an error saying where
    /// it was looked for. When the bundle's folder cannot be told (a runner that is not SwiftPM's), falls back
    /// to `.build/debug/` in the package.
    public static func executable(_ name: String) throws -> String {
        let folder = directory ?? PackageRoot.url.appendingPathComponent(".build/debug")
        let path = folder.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            let origin =
                directory == nil ? "the default build folder (test bundle not found)" : "beside the test bundle"
            throw Missing(
                description: "the built `\(name)` is not at \(path), \(origin): `swift test` builds it; "
                    + "with `--skip-build`, run `swift build --build-tests` with the same --scratch-path and -c first")
        }
        return path
    }

    /// The built `yotq`.
    public static func yotq() throws -> String { try executable("yotq") }
}
