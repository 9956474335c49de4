import BulletinImport
import BulletinModel
import Foundation
import TestSupport
import XCTest

/// No character of content is ever dropped: for every seed and every synthetic fixture, the
/// input's content characters with the explained changes applied are exactly the model's
/// printed text (`Issue.printedItems`, in reading order).
final class AccountabilityTests: XCTestCase {
    func testInputPlusExplainedChangesIsTheModelText() throws {
        for input in try ImportFixtures.allInputs() {
            let result = try ImportFixtures.importing(input.path).value
            let replayed = try ImportFixtures.replay(input.text, result.notes)
            let printed = result.issue.printedItems.map(\.text).joined()
            XCTAssertNil(ImportFixtures.firstDifference(replayed, printed), "\(input.name): input + changes ≠ model text")
        }
    }

    func testEveryChangeIsLocatedAndExplained() throws {
        for input in try ImportFixtures.allInputs() {
            let result = try ImportFixtures.importing(input.path).value
            XCTAssertFalse(result.notes.isEmpty)
            for note in result.notes {
                XCTAssertGreaterThanOrEqual(note.line, 1, "\(input.name): \(note)")
                XCTAssertGreaterThanOrEqual(note.column, 1, "\(input.name): \(note)")
                XCTAssertFalse(note.message.isEmpty, "\(input.name): \(note)")
                if note.kind == .change { XCTAssertNotEqual(note.before, note.after, "\(input.name): \(note)") }
            }
            // The notes come in input order.
            let positions = result.notes.map { [$0.line, $0.column] }
            XCTAssertEqual(positions, positions.sorted { $0.lexicographicallyPrecedes($1) }, input.name)
        }
    }

    /// The importer's normalized text is the same replay, line by line.
    func testNormalizedTextIsTheReplayedInput() throws {
        for input in try ImportFixtures.allInputs() {
            let result = try ImportFixtures.importing(input.path).value
            let flat = result.normalizedText.replacingOccurrences(of: "\n", with: "")
            XCTAssertNil(ImportFixtures.firstDifference(flat, try ImportFixtures.replay(input.text, result.notes)), input.name)
        }
    }

    /// The replay itself catches a dropped character and a wrong `before`.
    func testReplayDetectsDroppedOrMisplacedText() throws {
        let path = ImportFixtures.seedPath("002_3542e7b5ed8bb9b8.txt")
        let input = try ImportFixtures.text(path)
        let result = try ImportFixtures.importing(path).value
        let printed = result.issue.printedItems.map(\.text).joined()
        var notes = result.notes
        let index = notes.firstIndex { $0.rule == .width }!
        notes.remove(at: index)  // an unexplained change
        XCTAssertNotEqual(try ImportFixtures.replay(input, notes), printed)
        notes = result.notes
        notes[index].before = "。"
        XCTAssertThrowsError(try ImportFixtures.replay(input, notes))
        var dropped = result.issue
        dropped.footer.removeLast()  // a field the model lost
        XCTAssertNotEqual(try ImportFixtures.replay(input, result.notes), dropped.printedItems.map(\.text).joined())
    }
}
