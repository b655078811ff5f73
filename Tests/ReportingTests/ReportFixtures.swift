import Foundation
import Inspection
import Reporting

/// The bundled frameworks and the report context built from them, as a session that loaded
/// `Datasets/` has.
enum ReportFixtures {
    static let frameworkFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Datasets/frameworks").path
    static let frameworks: [Framework] = try! FrameworkLoader.loadFolder(frameworkFolder)
    static let context = ReportContext(frameworks: frameworks)
    static var palette: BandPalette { context.palette }
}
