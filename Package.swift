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
        // The ZIP container of XLSX and ODS workbooks (read and write); the XML inside is ours.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The one direction of dependency is drawn in docs/architecture.md; scripts/check-architecture
        // (run by .ci/run) fails when an import crosses it.
        .target(name: "Columnar"),
        .target(name: "Spelling"),
        .target(name: "FileOutput"),
        .target(name: "Kernels", dependencies: ["Columnar"]),
        .target(name: "Ingest", dependencies: ["Columnar"]),
        // zlib (zlib1g-dev, which ZIPFoundation needs as well): the workbook writers deflate at level 1 and reads check CRCs with it
        // themselves, as ZIPFoundation's writer has no compression level and deflate at its level 6 took
        // most of a large workbook's write.
        .systemLibrary(name: "SystemZlib"),
        // Spreadsheets: XLSX and ODS workbooks read into tables (ZIPFoundation opens the container; the XML
        // is scanned by a purpose-written byte-level reader) and written from them (XML emitted directly,
        // zipped with SystemZlib, replaced atomically through FileOutput).
        .target(
            name: "Workbooks",
            dependencies: [
                "Columnar", "Spelling", "FileOutput", "SystemZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "QueryLanguage", dependencies: ["Spelling"]),
        .target(name: "QueryEngine", dependencies: ["QueryLanguage", "Columnar", "Kernels", "Ingest", "Workbooks", "Spelling"]),
        .target(name: "Inspection", dependencies: ["Columnar", "Kernels", "Spelling"]),
        .target(name: "Rendering", dependencies: ["Columnar", "FileOutput"]),
        .target(name: "Reporting", dependencies: ["Columnar", "Inspection", "Rendering", "FileOutput", "Workbooks"]),
        // GNU readline from libreadline-dev (headers in /usr/include, linked by the module map). No
        // pkgConfig: readline.pc pulls in tinfo.pc, whose -D flags SwiftPM rejects with a warning in
        // every build, and the system paths need no flags.
        .systemLibrary(name: "CReadline"),
        .target(name: "LineEditor", dependencies: ["CReadline"]),
        .target(
            name: "Shell",
            dependencies: [
                "Columnar", "Spelling", "FileOutput", "Kernels", "Ingest", "Workbooks", "QueryLanguage", "QueryEngine",
                "Inspection", "Rendering", "Reporting", "LineEditor", .product(name: "Ink", package: "Ink"),
            ]
        ),
        .executableTarget(
            name: "yotq",
            dependencies: ["Shell", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ColumnarTests", dependencies: ["Columnar"]),
        .testTarget(name: "SpellingTests", dependencies: ["Spelling"]),
        .testTarget(name: "KernelsTests", dependencies: ["Kernels", "Columnar"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Columnar"]),
        .testTarget(name: "QueryLanguageTests", dependencies: ["QueryLanguage", "Spelling"]),
        .testTarget(
            name: "QueryEngineTests",
            dependencies: ["QueryEngine", "QueryLanguage", "Columnar", "Reporting"],
            resources: [.copy("Logic")]
        ),
        .testTarget(
            name: "WorkbooksTests", dependencies: ["Workbooks", "Columnar"], resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "InspectionTests", dependencies: ["Inspection", "Columnar"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "FileOutput", "Columnar"]),
        .testTarget(
            name: "ReportingTests", dependencies: ["Reporting", "Rendering", "Inspection", "Columnar", "Workbooks"], exclude: ["Golden"]
        ),
        .testTarget(name: "FileOutputTests", dependencies: ["FileOutput"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(
            name: "ShellTests",
            dependencies: [
                "Shell", "Columnar", "Ingest", "QueryLanguage", "QueryEngine", "Rendering", "Reporting", "FileOutput",
                "LineEditor", "Inspection", "Workbooks",
            ],
            // Golden files, read from the source tree (re-recorded with YOTQ_RECORD=1).
            exclude: ["Notebook/Golden"]
        ),
    ]
)

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + upcomingFeatures
}
