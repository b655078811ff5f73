import Foundation
import Columnar
@testable import Workbooks

/// A fixture workbook's path (Tests/WorkbooksTests/Fixtures, copied as a resource).
func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
}

func readFixture(
    _ name: String, _ options: SheetOptions = SheetOptions()
) throws(WorkbookError) -> SheetTable {
    let path = fixture(name)
    return try WorkbookReader.read(path: path, format: WorkbookFormat(path: path)!, options: options)
}

extension Table {
    var types: [DataType] { schema.fields.map(\.type) }
    func column(_ name: String) -> [Value] { column(named: name)!.values }
}

func date(_ text: String) -> Value { .date(Date32(iso: text)!) }

/// A fresh path in a temporary folder.
func temporaryPath(_ name: String) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yotq-workbooks-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name).path
}

func read(_ name: String, _ options: SheetOptions = SheetOptions()) throws(WorkbookError) -> SheetTable {
    try readFixture(name, options)
}
