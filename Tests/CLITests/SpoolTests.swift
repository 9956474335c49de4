@testable import BulletinCLI
import BulletinRender
import Foundation
import XCTest

/// JSON's paragraph entries wait in a `Spool` while the pages are written: past its memory limit
/// they go to an unnamed temporary file, and come back whole and in order.
final class SpoolTests: XCTestCase {
    func testEverythingComesBackInOrderPastTheMemoryLimit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for limit in [1 << 20, 64, 1] {
            let spool = Spool(memoryLimit: limit)
            var expected = ""
            for i in 0..<3_000 {
                let piece = "{\"n\": \(i), \"text\": \"第\(i)段\"}\n"
                try spool.write(piece)
                expected += piece
            }
            let path = "\(directory)/out-\(limit).json"
            let writer = try AtomicFile.Writer(path: path)
            try writer.write("[")
            try spool.copy(to: writer)
            try writer.write("]")
            try writer.commit()
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "[" + expected + "]", "limit \(limit)")
        }
        // The temporary file has no name: nothing is left behind in the temporary directory.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
        XCTAssertFalse(leftovers.contains { $0.hasPrefix("bulletin-pdf-spool.") })
    }
}
