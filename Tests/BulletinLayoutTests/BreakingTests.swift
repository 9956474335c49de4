import Foundation
import XCTest
@testable import BulletinLayout

/// Line breaking with fake widths (no fonts) and the kinsoku rules.
final class BreakingTests: XCTestCase {

    // MARK: - Helpers

    /// `count` characters of width 1 with CJK inter-character glue, then `paragraphEnd`.
    /// Box i sits at item index 2i; the glue after it at 2i + 1.
    private func cjk(_ count: Int) -> [BreakItem] {
        var items: [BreakItem] = []
        for i in 0..<count {
            items.append(.box(width: 1))
            if i < count - 1 { items.append(.glue(width: 0, stretch: 0.1, shrink: 0.05)) }
        }
        return items + BreakItem.paragraphEnd
    }

    /// Monospace words: a box per word (its length), a glue per space.
    private func words(_ text: String, space: BreakItem = .glue(width: 1, stretch: 1, shrink: 0.5)) -> [BreakItem] {
        var items: [BreakItem] = []
        for (i, word) in text.split(separator: " ").enumerated() {
            if i > 0 { items.append(space) }
            items.append(.box(width: Double(word.count)))
        }
        return items + BreakItem.paragraphEnd
    }

    /// The item ranges of the lines.
    private func lines(_ breaks: [LineBreak]) -> [ClosedRange<Int>] {
        var start = 0
        return breaks.map { b in defer { start = b.position + 1 }; return start...b.position }
    }

    private func boxCount(_ items: [BreakItem], _ range: ClosedRange<Int>) -> Int {
        items[range].filter { if case .box = $0 { return true } else { return false } }.count
    }

    /// Width of a line once its glue is set at `ratio`.
    private func setWidth(_ items: [BreakItem], _ range: ClosedRange<Int>, ratio: Double) -> Double {
        let m = LineBreaker.lineMetrics(items[range])
        return m.width + (ratio > 0 ? ratio * m.stretch : ratio * m.shrink)
    }

    /// Basic sanity every result must have: increasing positions, last one at the end.
    private func assertWellFormed(_ breaks: [LineBreak], _ items: [BreakItem],
                                  file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(breaks.last?.position, items.count - 1, file: file, line: line)
        XCTAssertEqual(breaks.map(\.position), breaks.map(\.position).sorted(), file: file, line: line)
        XCTAssertEqual(Set(breaks.map(\.position)).count, breaks.count, file: file, line: line)
        XCTAssertTrue(breaks.allSatisfy { $0.ratio >= -1 && $0.ratio.isFinite }, file: file, line: line)
    }

    // MARK: - Knuth–Plass

    func testTextbookParagraphIsJustifiedWithinTolerance() {
        // The opening of "The Frog King", Knuth & Plass's example, in a monospace font.
        let text = """
            In olden times when wishing still helped one, there lived a king whose daughters were \
            all beautiful; and the youngest was so beautiful that the sun itself, which has seen so \
            much, was astonished whenever it shone in her face. Close by the king's castle lay a \
            great dark forest, and under an old lime-tree in the forest was a well, and when the day \
            was very warm, the king's child went out into the forest and sat down by the side of \
            the cool fountain; and when she was bored she took a golden ball, and threw it up on \
            high and caught it; and this ball was her favorite plaything.
            """
        let items = words(text)
        let breaks = LineBreaker().breakLines(items, lineWidth: { _ in 40 })
        assertWellFormed(breaks, items)
        XCTAssertGreaterThan(breaks.count, 10)
        for (b, range) in zip(breaks.dropLast(), lines(breaks).dropLast()) {
            guard case .glue = items[b.position] else { return XCTFail("break at \(items[b.position])") }
            XCTAssertLessThanOrEqual(b.ratio, 3)
            XCTAssertEqual(setWidth(items, range, ratio: b.ratio), 40, accuracy: 1e-9)
        }
        XCTAssertLessThanOrEqual(breaks.last!.ratio, 0)   // the last line is never stretched
    }

    func testExactFitWordsBreakAtTheObviousPlaces() {
        // 4-letter words, space 1: three words make exactly 14.
        let items = words(Array(repeating: "abcd", count: 7).joined(separator: " "))
        let breaks = LineBreaker().breakLines(items, lineWidth: { _ in 14 })
        XCTAssertEqual(breaks, [LineBreak(position: 5, ratio: 0), LineBreak(position: 11, ratio: 0),
                                LineBreak(position: 14, ratio: 0)])
    }

    func testForcedBreakEndsALine() {
        // Two paragraphs' worth of text in one list, joined by a forced break.
        let items = cjk(10) + cjk(40)
        let breaks = LineBreaker().breakLines(items, lineWidth: { _ in 28 })
        assertWellFormed(breaks, items)
        XCTAssertEqual(breaks.first, LineBreak(position: cjk(10).count - 1, ratio: 0))
        XCTAssertEqual(lines(breaks).map { boxCount(items, $0) }, [10, 28, 12])
    }

    func testEmptyLineBetweenTwoForcedBreaks() {
        let forced = BreakItem.penalty(width: 0, cost: BreakItem.forced, flagged: false)
        let items = cjk(5) + [forced] + cjk(5)
        let breaks = LineBreaker().breakLines(items, lineWidth: { _ in 28 })
        assertWellFormed(breaks, items)
        XCTAssertEqual(lines(breaks).map { boxCount(items, $0) }, [5, 0, 5])
    }

    func testForbiddenPenaltyIsNeverABreak() {
        // Forbid the break after character 28 (a penalty before glue makes the glue illegal).
        var items = cjk(60)
        items.insert(.penalty(width: 0, cost: BreakItem.forbidden, flagged: false), at: 2 * 27 + 1)
        let breaks = LineBreaker().breakLines(items, lineWidth: { _ in 28 })
        assertWellFormed(breaks, items)
        XCTAssertFalse(breaks.contains { $0.position == 2 * 27 + 1 || $0.position == 2 * 27 + 2 })
        XCTAssertNotEqual(boxCount(items, lines(breaks)[0]), 28)
        for b in breaks.dropLast() { XCTAssertTrue((-1...3).contains(b.ratio)) }
    }

    func testPenaltyWidthCountsOnlyAtTheBreak() {
        // A hyphen-like penalty: width 1 if broken there.
        let items: [BreakItem] = [.box(width: 5), .penalty(width: 1, cost: 50, flagged: true), .box(width: 5)]
            + BreakItem.paragraphEnd
        let breaks = LineBreaker().breakLines(items, lineWidth: { _ in 6 })
        XCTAssertEqual(breaks.map(\.position), [1, items.count - 1])
        XCTAssertEqual(LineBreaker.lineMetrics(items[0...1]).width, 6)
        XCTAssertEqual(LineBreaker.lineMetrics(items[0...2]).width, 10)   // mid-line penalty: no width
    }

    func testFirstLineMayBeShorter() {
        let items = cjk(100)
        let breaks = LineBreaker().breakLines(items, lineWidth: { $0 == 0 ? 26 : 28 })
        assertWellFormed(breaks, items)
        XCTAssertEqual(lines(breaks).map { boxCount(items, $0) }, [26, 28, 28, 18])
    }

    func testCJKParagraphFillsFullLinesOf28() {
        let items = cjk(300)
        let breaks = LineBreaker().breakLines(items, lineWidth: { _ in 28 })
        assertWellFormed(breaks, items)
        let counts = lines(breaks).map { boxCount(items, $0) }
        XCTAssertEqual(counts, Array(repeating: 28, count: 10) + [20])
        XCTAssertTrue(breaks.allSatisfy { $0.ratio == 0 })
    }

    func testLineMetricsDiscardLeadingGlueAndTheBreakGlue() {
        let items: [BreakItem] = [.glue(width: 3, stretch: 1, shrink: 1), .penalty(width: 0, cost: 0, flagged: false),
                                  .box(width: 2), .glue(width: 1, stretch: 1, shrink: 0.5), .box(width: 2)]
            + BreakItem.paragraphEnd
        let m = LineBreaker.lineMetrics(items[0...5])   // ends at the fill glue: left out
        XCTAssertEqual(m.width, 5)
        XCTAssertEqual(m.stretch, 1)
        XCTAssertEqual(m.shrink, 0.5)
        let last = LineBreaker.lineMetrics(items[0...6])   // ends at the forced break
        XCTAssertEqual(last.width, 5)
        XCTAssertEqual(last.stretch, .infinity)
    }

    func testOverlongBoxFallsBackWithoutCrashing() {
        var items = cjk(60)
        items.insert(contentsOf: [.box(width: 100), .glue(width: 0, stretch: 0.1, shrink: 0.05)], at: 40)
        let breaks = LineBreaker().breakLines(items, lineWidth: { _ in 28 })
        assertWellFormed(breaks, items)
        let overlong = lines(breaks).first { $0.contains(40) }!
        XCTAssertGreaterThan(LineBreaker.lineMetrics(items[overlong]).width, 28)
    }

    func testSingleOverlongBoxAndOddInputs() {
        let breaker = LineBreaker()
        XCTAssertEqual(breaker.breakLines([], lineWidth: { _ in 10 }), [])
        // No paragraph end appended by the caller: the breaker supplies it.
        XCTAssertEqual(breaker.breakLines([.box(width: 50)], lineWidth: { _ in 10 }),
                       [LineBreak(position: 0, ratio: -1)])
        let items = words("aaa bbb ccc ddd").dropLast(2)
        let breaks = breaker.breakLines(Array(items), lineWidth: { _ in 7 })
        XCTAssertEqual(breaks.map(\.position), [3, items.count - 1])
        // Nothing stretches and nothing fits exactly: still an answer.
        let rigid: [BreakItem] = [.box(width: 3), .glue(width: 1, stretch: 0, shrink: 0), .box(width: 3)]
        XCTAssertEqual(breaker.breakLines(rigid, lineWidth: { _ in 5 }).map(\.position), [1, 2])
        XCTAssertEqual(breaker.breakLines(rigid, lineWidth: { _ in 0 }).map(\.position), [1, 2])
    }

    func testHundredThousandItemsTerminateQuickly() {
        var items: [BreakItem] = []
        var seed: UInt64 = 42
        for _ in 0..<50_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            items.append(.box(width: Double(2 + (seed >> 33) % 9)))
            items.append(.glue(width: 1, stretch: 1, shrink: 0.5))
        }
        items.removeLast()
        items += BreakItem.paragraphEnd
        let start = Date()
        let breaks = LineBreaker().breakLines(items, lineWidth: { _ in 60 })
        let elapsed = Date().timeIntervalSince(start)
        assertWellFormed(breaks, items)
        XCTAssertGreaterThan(breaks.count, 5_000)
        XCTAssertLessThan(elapsed, 10, "debug build; release is far faster")
        print("100,000 items: \(breaks.count) lines in \(Int(elapsed * 1000)) ms")
    }

    func testHundredThousandItemsWithoutAnyFeasibleBreaking() {
        // Rigid boxes that never fit: both optimal passes fail fast, the fallback answers.
        let items = Array(repeating: [BreakItem.box(width: 30), .glue(width: 1, stretch: 0, shrink: 0)],
                          count: 50_000).flatMap { $0 }
        let breaks = LineBreaker().breakLines(items, lineWidth: { _ in 28 })
        XCTAssertEqual(breaks.count, 50_000)
        XCTAssertEqual(breaks.last?.position, items.count - 1)
    }

    // MARK: - Kinsoku

    /// Whether a break is allowed before each character of `s` after the first.
    private func allowed(_ s: String, _ style: KinsokuStyle = .basic) -> [Bool] {
        let u = Array(s.unicodeScalars)
        return zip(u, u.dropFirst()).map { Kinsoku.isBreakAllowed(between: $0, and: $1, style: style) }
    }

    func testHanHanAndHanWesternBreaksAreAllowed() {
        XCTAssertEqual(allowed("中华人民"), [true, true, true])
        XCTAssertEqual(allowed("第2季度"), [true, true, true])
        XCTAssertEqual(allowed("使用GPS定位"), [true, true, false, false, true, true])
    }

    func testClosingAndPauseMarksNeverStartALine() {
        for mark in "、，。；：！？”’）》〉」』】〗〕］｝·～-" {
            let c = mark.unicodeScalars.first!
            XCTAssertTrue(Kinsoku.cannotStartLine(c, style: .basic), "\(mark)")
            XCTAssertFalse(Kinsoku.isBreakAllowed(between: "字", and: c, style: .basic), "\(mark)")
        }
        XCTAssertEqual(allowed("好，我们"), [false, true, true])
    }

    func testOpeningMarksNeverEndALine() {
        for mark in "“‘（《〈「『【〖〔［｛" {
            let c = mark.unicodeScalars.first!
            XCTAssertTrue(Kinsoku.cannotEndLine(c, style: .basic), "\(mark)")
            XCTAssertFalse(Kinsoku.isBreakAllowed(between: c, and: "字", style: .basic), "\(mark)")
        }
        XCTAssertEqual(allowed("关于《通知》的"), [true, true, false, true, false, true])
    }

    func testSolidusByStyle() {
        for style in [KinsokuStyle.basic, .gb, .strict] {
            XCTAssertTrue(Kinsoku.cannotStartLine("／", style: style))
        }
        XCTAssertFalse(Kinsoku.cannotEndLine("／", style: .basic))
        XCTAssertTrue(Kinsoku.cannotEndLine("／", style: .gb))
        XCTAssertTrue(Kinsoku.cannotEndLine("／", style: .strict))
        XCTAssertEqual(allowed("男／女", .basic), [false, true])
        XCTAssertEqual(allowed("男／女", .gb), [false, false])
    }

    func testDashAndEllipsisAreOneUnitAndStrictKeepsThemOffTheLineStart() {
        for style in [KinsokuStyle.basic, .gb, .strict] {
            XCTAssertEqual(allowed("他——我", style)[1], false)
            XCTAssertEqual(allowed("等等……好", style)[2], false)
        }
        XCTAssertEqual(allowed("他——我", .basic), [true, false, true])
        XCTAssertEqual(allowed("他——我", .strict), [false, false, true])
        XCTAssertEqual(allowed("等……", .strict), [false, false])
        XCTAssertTrue(Kinsoku.cannotStartLine("…", style: .strict))
        XCTAssertFalse(Kinsoku.cannotStartLine("…", style: .gb))
    }

    func testWesternWordsNumbersAddressesStayWhole() {
        for run in ["someone@example.gov.cn", "https://www.gov.cn/zhengce/2024-01/05/content_1.htm",
                    "45.5%", "1,000", "10:30", "COVID-19", "GB/T 15834"] {
            // Only a break after a space, never inside the run.
            XCTAssertEqual(allowed(run), run.unicodeScalars.dropLast().map { $0 == " " }, run)
        }
        XCTAssertEqual(allowed("增长45.5%，"), [true, true, false, false, false, false, false])
        XCTAssertEqual(allowed("增长４５％"), [true, true, false, false])
        XCTAssertEqual(allowed("约￥100元"), [true, false, false, false, true])
    }

    func testSpacesAndNoBreakSpaces() {
        XCTAssertEqual(allowed("a b"), [false, true])
        XCTAssertEqual(allowed("a\u{00A0}b"), [false, false])
        XCTAssertEqual(allowed("中　文"), [false, true])   // ideographic space
    }
}
