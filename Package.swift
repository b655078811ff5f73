// swift-tools-version: 6.1
import PackageDescription

/// Module graph: one direction of dependency (docs/architecture.md).
/// `Columnar` is the bottom; `Shell` composes everything; `yotq` is a thin executable.
let package = Package(
    name: "yotq",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "yotq", targets: ["yotq"]),
        .library(name: "Shell", targets: ["Shell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Markdown prose → HTML for notebooks and reports.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        // FilePath: path arithmetic without Foundation's NSString (which traps on some paths on Linux).
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        // The ZIP container of XLSX and ODS workbooks (read and write); the XML inside is ours.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The one direction of dependency is drawn in docs/architecture.md; scripts/check-architecture
        // (run by .ci/run) fails when an import crosses it.
        .target(name: "Platform", dependencies: [.product(name: "SystemPackage", package: "swift-system")]),
        .target(name: "Columnar"),
        .target(name: "Spelling"),
        .target(name: "FileOutput", dependencies: ["Platform"]),
        .target(name: "Kernels", dependencies: ["Columnar", "Platform"]),
        .target(name: "Ingest", dependencies: ["Columnar", "Platform"]),
        // zlib (zlib1g-dev, which ZIPFoundation needs as well): the workbook writers deflate at level 1 and
        // reads check CRCs with it themselves, as ZIPFoundation's writer has no compression level and deflate
        // at its level 6 took most of a large workbook's write.
        .systemLibrary(name: "SystemZlib"),
        // Spreadsheets: XLSX and ODS workbooks read into tables (ZIPFoundation opens the container; the XML
        // is scanned by a purpose-written byte-level reader) and written from them (XML emitted directly,
        // zipped with SystemZlib, replaced atomically through FileOutput).
        .target(
            name: "Workbooks",
            dependencies: [
                "Columnar", "Spelling", "FileOutput", "Platform", "SystemZlib",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "QueryLanguage", dependencies: ["Spelling"]),
        .target(
            name: "QueryEngine",
            dependencies: ["QueryLanguage", "Columnar", "Kernels", "Ingest", "Workbooks", "Spelling"]
        ),
        .target(name: "Inspection", dependencies: ["Columnar", "Kernels", "Platform"]),
        .target(name: "Rendering", dependencies: ["Columnar", "FileOutput"]),
        .target(name: "Reporting", dependencies: ["Columnar", "Inspection", "Rendering", "FileOutput", "Workbooks"]),
        // GNU readline from libreadline-dev (headers in /usr/include, linked by the module map). No
        // pkgConfig: readline.pc pulls in tinfo.pc, whose -D flags SwiftPM rejects with a warning in
        // every build, and the system paths need no flags.
        .systemLibrary(name: "CReadline"),
        .target(name: "LineEditor", dependencies: ["CReadline", "Platform"]),
        .target(
            name: "Shell",
            dependencies: [
                "Platform", "Columnar", "Spelling", "FileOutput", "Kernels", "Ingest", "Workbooks", "QueryLanguage",
                "QueryEngine", "Inspection", "Rendering", "Reporting", "LineEditor",
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        .executableTarget(
            name: "yotq",
            dependencies: ["Shell", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // What the test targets share (the seeded generator, golden files, the package root and the built
        // binary, Columnar's invariants): a regular target kept under Tests/, depended on by tests only.
        .target(name: "TestSupport", dependencies: ["Columnar"], path: "Tests/TestSupport"),
        .testTarget(name: "ColumnarTests", dependencies: ["Columnar", "TestSupport"]),
        .testTarget(name: "SpellingTests", dependencies: ["Spelling"]),
        .testTarget(name: "KernelsTests", dependencies: ["Kernels", "Columnar", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Columnar", "TestSupport"]),
        .testTarget(name: "QueryLanguageTests", dependencies: ["QueryLanguage", "Spelling", "TestSupport"]),
        .testTarget(
            name: "QueryEngineTests",
            dependencies: ["QueryEngine", "QueryLanguage", "Columnar", "Reporting", "TestSupport"],
            resources: [.copy("Logic")]
        ),
        .testTarget(
            name: "WorkbooksTests", dependencies: ["Workbooks", "Columnar", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "InspectionTests", dependencies: ["Inspection", "Columnar", "TestSupport"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "FileOutput", "Columnar", "TestSupport"]),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["Reporting", "Rendering", "Inspection", "Columnar", "Workbooks", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "FileOutputTests", dependencies: ["FileOutput", "Platform"]),
        .testTarget(name: "PlatformTests", dependencies: ["Platform"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(
            name: "ShellTests",
            dependencies: [
                "Shell", "Columnar", "Ingest", "QueryLanguage", "QueryEngine", "Rendering", "Reporting", "FileOutput",
                "LineEditor", "Inspection", "Workbooks", "TestSupport",
            ],
            // Golden files, read from the source tree (re-recorded with YOTQ_RECORD=1).
            exclude: ["Notebook/Golden"]
        ),
    ]
)

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + upcomingFeatures
}
