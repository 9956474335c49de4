import Foundation
import XCTest

/// Golden files beside the tests. Recording is switched on by `RECORD_GOLDENS=1`; a recording run
/// writes the files and then fails, so a recorded golden is always looked at before it is kept.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    /// Compares `actual` with the golden text file at `relative` (under Tests/Goldens).
    public static func assertText(_ actual: String, _ relative: String, file: StaticString = #filePath, line: UInt = #line) {
        let path = Repository.path("Tests/Goldens/" + relative)
        if recording {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            XCTFail("recorded \(relative); unset RECORD_GOLDENS and run again", file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            XCTFail("missing golden \(relative); run with RECORD_GOLDENS=1 to record it", file: file, line: line)
            return
        }
        if expected != actual {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            let want = index < a.count ? String(a[index]) : "<end>"
            let got = index < b.count ? String(b[index]) : "<end>"
            XCTFail("\(relative) differs at line \(index + 1):\n  golden: \(want)\n  actual: \(got)", file: file, line: line)
        }
    }
}
