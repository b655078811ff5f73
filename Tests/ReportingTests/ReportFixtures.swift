import Inspection
import Reporting
import TestSupport

/// The bundled frameworks and the report context built from them, as a session that loaded
/// `Datasets/` has.
enum ReportFixtures {
    static let frameworks: [Framework] = try! FrameworkLoader.loadFolder(PackageRoot.path("Datasets/frameworks"))
    static let context = ReportContext(frameworks: frameworks)
    static var palette: BandPalette { context.palette }
}
