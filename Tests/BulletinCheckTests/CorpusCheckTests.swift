import BulletinCheck
import BulletinLayout
import BulletinModel
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// The samples and the stress corpus pass the checker in both real layouts; a paragraph that no
/// layout can fill is caught; the stress corpus is pinned by trace goldens.
final class CorpusCheckTests: XCTestCase {
    private func issue(_ relative: String) throws -> Issue {
        let path = Repository.path(relative)
        return try IssueDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path).value.issue
    }

    private func checker(for typesetter: Typesetter) -> TypographyChecker {
        TypographyChecker(kinsoku: KinsokuStyle(rawValue: typesetter.spec.typography.kinsoku) ?? .gb,
                          grid: typesetter.spec.grid != nil)
    }

    func testSamplesAndStressCorpusHaveNoViolationsInBothLayouts() throws {
        let inputs = Repository.samples.map { String($0.dropFirst(Repository.root.count + 1)) }
            + ["Tests/Fixtures/stress/stress.json"]
        for layout in ["jianbao", "gongwen"] {
            let typesetter = try Typesetting.typesetter(layout: layout)
            for input in inputs {
                let violations = checker(for: typesetter).check(typesetter.layout(try issue(input)).value)
                XCTAssertEqual(violations.map(\.description), [], "\(input) in \(layout)")
            }
        }
    }

    func testUnfillableParagraphIsReportedAsLoose() throws {
        // A 9-em e-mail and a 21-em URL with three characters between them: no line can be filled
        // without breaking one of them, which the rules forbid; the checker must say so.
        let typesetter = try Typesetting.typesetter()
        let violations = checker(for: typesetter).check(typesetter.layout(try issue("Tests/Fixtures/stress/unfillable.json")).value)
        XCTAssertTrue(violations.contains { $0.rule == .looseLine }, "\(violations)")
    }

    func testCheckerCatchesALayoutWithoutKinsoku() throws {
        // A deliberately bad layout of real lines: the stress corpus with every second body line
        // shifted by one character (what a breaker without kinsoku would do), so lines start with
        // closing marks or leave a character alone.
        let typesetter = try Typesetting.typesetter()
        let list = typesetter.layout(try issue("Tests/Fixtures/stress/stress.json")).value
        var broken = list
        // Move the first character of every second body line to the end of the line before it:
        // the line records then start with what followed, often a closing mark.
        for i in stride(from: 1, to: broken.lineRecords.count, by: 2)
        where broken.lineRecords[i].role == .paragraph && !broken.lineRecords[i].isFirstOfBlock {
            let text = broken.lineRecords[i].text
            guard text.count > 1 else { continue }
            broken.lineRecords[i].text = String(text.dropFirst())
            broken.lineRecords[i - 1].text += String(text.prefix(1))
        }
        let rules = Set(checker(for: typesetter).check(broken).map(\.rule))
        XCTAssertTrue(rules.contains(.prohibitedLineStart) || rules.contains(.lonelyLastCharacter), "\(rules)")
    }

    func testStressCorpusTraceGoldens() throws {
        for layout in ["jianbao", "gongwen"] {
            let list = try Typesetting.typesetter(layout: layout).layout(try issue("Tests/Fixtures/stress/stress.json")).value
            Golden.assertText(TraceRenderer.render(list), "traces/stress-\(layout).trace")
        }
    }
}
