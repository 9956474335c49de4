@testable import BulletinPDFReader
import Foundation
import TestSupport
import XCTest

/// The cross-reference index: classic tables read in place, packed entries, incremental updates
/// (newest entry wins), and the fallback to token parsing when lines are unevenly spaced.
final class ObjectTableTests: XCTestCase {
    /// A file holding one table per section, newest last; each section's trailer points at the
    /// previous one with /Prev, and `startxref` at the newest. `eol` ends each 18-byte entry.
    private func file(sections: [[(first: Int, lines: [String])]], eol: (Int) -> String) -> [UInt8] {
        var text = "%PDF-1.4\n% padding so offsets are not tiny\n"
        var previous: Int?
        var line = 0
        for section in sections {
            let start = text.utf8.count
            text += "xref\n"
            for subsection in section {
                text += "\(subsection.first) \(subsection.lines.count)\n"
                for entry in subsection.lines {
                    text += entry + eol(line)
                    line += 1
                }
            }
            text += "trailer\n<< /Size 50 /Root 1 0 R\(previous.map { " /Prev \($0)" } ?? "") >>\n"
            previous = start
        }
        text += "startxref\n\(previous!)\n%%EOF\n"
        return Array(text.utf8)
    }

    private func read(_ bytes: [UInt8]) throws -> CrossReference {
        try bytes.withUnsafeBytes { buffer in
            try CrossReferenceReader(bytes: buffer, headerOffset: 0, decodeStream: { _ in nil }).read()
        }
    }

    private let older: [(first: Int, lines: [String])] = [
        (0, ["0000000000 65535 f", "0000000017 00000 n", "0000000081 00000 n"]),
        (5, ["0000000100 00001 n", "0000000000 00000 n"]),
    ]
    private let newer: [(first: Int, lines: [String])] = [
        (0, ["0000000000 65535 f"]),
        (2, ["0000000200 00000 n"]),
        (9, ["0000000300 00000 n"]),
    ]

    private func assertMerged(_ table: ObjectTable, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(table[0], .free, file: file, line: line)
        XCTAssertEqual(table[1], .inFile(offset: 17, generation: 0), "only the older section has it", file: file, line: line)
        XCTAssertEqual(table[2], .inFile(offset: 200, generation: 0), "the newer section wins", file: file, line: line)
        XCTAssertNil(table[3], file: file, line: line)
        XCTAssertNil(table[4], file: file, line: line)
        XCTAssertEqual(table[5], .inFile(offset: 100, generation: 1), file: file, line: line)
        XCTAssertEqual(table[6], .free, "an in-use entry at offset 0 is bogus: free", file: file, line: line)
        XCTAssertNil(table[7], file: file, line: line)
        XCTAssertEqual(table[9], .inFile(offset: 300, generation: 0), file: file, line: line)
        XCTAssertNil(table[10], file: file, line: line)
        XCTAssertNil(table[-1], file: file, line: line)
        XCTAssertEqual(table.sortedEntries().map(\.number), [0, 1, 2, 5, 6, 9], file: file, line: line)
    }

    func testEvenlySpacedTablesAreReadInPlace() throws {
        // 20-byte lines both ways the standard allows, and the 19-byte lines some producers write.
        for eol in ["\r\n", " \n", " \r", "\n"] {
            let crossReference = try read(file(sections: [older, newer], eol: { _ in eol }))
            XCTAssertTrue(crossReference.entries.isLeftInFile, "EOL \(eol.debugDescription)")
            assertMerged(crossReference.entries)
        }
    }

    func testEveryEntryOfALongSubsectionIsFoundAtItsPlace() throws {
        // Far enough that a wrong line length would land in another entry's digits.
        func offset(_ k: Int) -> Int { 1_000 + k * 7_919 }
        let lines: [String] = (0..<60).map { k in
            let digits = String(offset(k)), kind = k % 5 == 4 ? "f" : "n"
            return String(repeating: "0", count: 10 - digits.count) + digits + " 0000\(k % 3) " + kind
        }
        for eol in ["\r\n", "\n"] {
            let table = try read(file(sections: [[(first: 10, lines: lines)]], eol: { _ in eol })).entries
            XCTAssertTrue(table.isLeftInFile)
            for k in 0..<60 {
                let expected: CrossReference.Entry = k % 5 == 4 ? .free : .inFile(offset: offset(k), generation: k % 3)
                XCTAssertEqual(table[10 + k], expected, "entry \(k), EOL \(eol.debugDescription)")
            }
            XCTAssertNil(table[70])
            XCTAssertNil(table[9])
        }
    }

    func testProducersTablesAreReadInPlaceAndFindEveryObject() throws {
        // Classic tables from four producers and an incremental update: left in the file, and every
        // in-use entry names the offset where a scan of the file finds that object.
        let files = ["extract/corpus/cairo-000.pdf", "extract/corpus/chromium-001.pdf", "extract/corpus/libreoffice-002.pdf",
                     "extract/corpus/typst-004.pdf", "pdf/incremental.pdf"]
        for name in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("Tests/Fixtures/\(name)"))))
            try bytes.withUnsafeBytes { buffer in
                let table = try CrossReferenceReader(bytes: buffer, headerOffset: 0, decodeStream: { _ in nil }).read().entries
                let scanned = CrossReferenceRebuilder(bytes: buffer).rebuild().entries
                XCTAssertTrue(table.isLeftInFile, name)
                let inUse = table.sortedEntries().filter { if case .inFile = $0.entry { true } else { false } }
                XCTAssertGreaterThan(inUse.count, 10, name)
                for (number, entry) in inUse { XCTAssertEqual(entry, scanned[number], "\(name): object \(number)") }
            }
        }
    }

    func testUnevenLinesAreParsedByTokens() throws {
        // Lines of 19 and 21 bytes mixed: no arithmetic finds entry k, but every entry still counts.
        let crossReference = try read(file(sections: [older, newer], eol: { $0 % 2 == 0 ? "\n" : "  \n" }))
        XCTAssertFalse(crossReference.entries.isLeftInFile)
        assertMerged(crossReference.entries)
    }

    func testOverlappingSubsectionsKeepTheLaterLine() throws {
        // Within one table, a number listed twice takes the later line (as token parsing reads it).
        let section: [(first: Int, lines: [String])] = [
            (1, ["0000000017 00000 n", "0000000081 00000 n"]),
            (2, ["0000000099 00000 n"]),
        ]
        let crossReference = try read(file(sections: [section], eol: { _ in "\r\n" }))
        XCTAssertFalse(crossReference.entries.isLeftInFile)
        XCTAssertEqual(crossReference.entries[2], .inFile(offset: 99, generation: 0))
    }

    func testAMalformedEntryStillFailsTheSection() {
        let section: [(first: Int, lines: [String])] = [(0, ["0000000000 65535 f", "00000000x7 00000 n"])]
        XCTAssertThrowsError(try read(file(sections: [section], eol: { _ in "\r\n" })))
    }

    func testChangingATableKeepsNewestEntries() throws {
        var table = try read(file(sections: [older, newer], eol: { _ in "\r\n" })).entries
        table[7] = .inObjectStream(stream: 9, index: 2)
        table[1] = nil
        XCTAssertFalse(table.isLeftInFile)
        XCTAssertEqual(table[2], .inFile(offset: 200, generation: 0))
        XCTAssertEqual(table[7], .inObjectStream(stream: 9, index: 2))
        XCTAssertNil(table[1])
        XCTAssertEqual(table.sortedEntries().map(\.number), [0, 2, 5, 6, 7, 9])
    }

    func testManyUpdatesArePackedIntoOne() {
        // Each update redefines object 1 and adds one more; the newest must win after packing.
        var table = ObjectTable()
        for update in (0..<40).reversed() {  // newest first, as the /Prev chain is read
            var entries = PackedEntries()
            entries[1] = .inFile(offset: 1_000 + update, generation: 0)
            entries[100 + update] = .free
            table.appendOlder(ObjectTable(entries))
        }
        XCTAssertEqual(table[1], .inFile(offset: 1_039, generation: 0))
        XCTAssertEqual(table.sortedEntries().count, 41)
        XCTAssertLessThanOrEqual(table.layerCount, ObjectTable.maximumLayers)
    }

    func testPackedEntriesKeepEveryValue() {
        var entries = PackedEntries()
        let values: [(Int, CrossReference.Entry)] = [
            (0, .free),
            (1, .inFile(offset: (1 << 46) - 1, generation: 65_535)),
            (2, .inFile(offset: 1 << 46, generation: 0)),  // too large to pack: kept aside
            (3, .inFile(offset: 5, generation: 70_000)),
            (4, .inObjectStream(stream: (1 << 31) - 1, index: (1 << 31) - 1)),
            (5, .inObjectStream(stream: 1 << 31, index: 0)),
            (999_999_999, .inFile(offset: 12, generation: 0)),  // far beyond the others
        ]
        for (number, entry) in values { entries[number] = entry }
        for (number, entry) in values { XCTAssertEqual(entries[number], entry, "object \(number)") }
        XCTAssertNil(entries[6])
        XCTAssertNil(entries[-3])
        // Replacing an unpackable value by a packable one and back, then removing.
        entries[2] = .free
        XCTAssertEqual(entries[2], .free)
        entries[1] = .inObjectStream(stream: 1 << 40, index: 1)
        XCTAssertEqual(entries[1], .inObjectStream(stream: 1 << 40, index: 1))
        entries[999_999_999] = nil
        XCTAssertNil(entries[999_999_999])
        var seen: [Int] = []
        entries.forEach { number, _ in seen.append(number) }
        XCTAssertEqual(seen.sorted(), [0, 1, 2, 3, 4, 5])
    }

    func testObjectSetSeesEachReferenceOnce() {
        var set = ObjectSet()
        for id in [ObjectID(number: 3, generation: 0), ObjectID(number: 3, generation: 1),
                   ObjectID(number: 200_000, generation: 0), ObjectID(number: 1 << 30, generation: 0)] {
            XCTAssertTrue(set.insert(id), "\(id)")
            XCTAssertFalse(set.insert(id), "\(id) again")
        }
        XCTAssertTrue(set.insert(ObjectID(number: 4, generation: 0)))
    }
}
