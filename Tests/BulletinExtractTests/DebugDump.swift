import BulletinExtract
import Foundation
import XCTest

/// Writes each sample's extracted text to $EXTRACT_DUMP/<name>.txt when that variable is set (a
/// debugging aid; asserts nothing).
final class DebugDump: XCTestCase {
    func testDump() throws {
        guard let directory = ProcessInfo.processInfo.environment["EXTRACT_DUMP"] else { throw XCTSkip("EXTRACT_DUMP not set") }
        for sample in SampleFixtures.all {
            let extraction = Extractor.extract(SampleFixtures.pages(sample))
            try TextWriter.write(extraction).write(toFile: "\(directory)/\(sample.name).txt", atomically: true, encoding: .utf8)
        }
    }
}
