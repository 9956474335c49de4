@testable import BulletinExtract
import BulletinPDFReader
import Foundation
import TestSupport
import XCTest

/// The two-pass extraction (`Extractor.stream`): pages dropped after the first pass and read again
/// give exactly the paragraphs of an extraction that keeps every page, and the document-wide
/// tallies (`DocumentStatistics`) give exactly what counting over all lines at once gives.
final class StreamingTests: XCTestCase {
    /// Every corpus fixture and sample, as page lists.
    static let documents: [(name: String, pages: [PageContent])] = {
        var documents = SampleFixtures.all.map { ($0.name, SampleFixtures.pages($0)) }
        for fixture in CorpusFixtureTests.fixtures {
            let document = try! PDFDocument(path: fixture.pdf)
            documents.append((fixture.producer, (0..<document.pageCount).map(document.page)))
        }
        return documents
    }()

    /// A long document: all pages of all documents, five times over, numbered in order (more
    /// pages than one reading window, running heads repeated, paragraphs across page breaks).
    static let longDocument: [PageContent] = {
        var pages: [PageContent] = []
        for _ in 0..<5 {
            for (_, document) in documents {
                for var page in document {
                    page.index = pages.count
                    pages.append(page)
                }
            }
        }
        return pages
    }()

    private func paragraphs(_ pages: [PageContent], budget: Int, options: ExtractOptions = ExtractOptions()) -> [TextParagraph] {
        var paragraphs: [TextParagraph] = []
        _ = Extractor.run(positions: PagePositions(allOf: pages.count), options: options, retainBudget: budget,
                          read: { Extractor.PageLines(pages[$0], options: options) }, page: { _ in },
                          paragraph: { paragraphs.append($0) })
        return paragraphs
    }

    func testReReadPagesGiveTheSameParagraphsAsKeptPages() {
        let pages = Self.longDocument
        XCTAssertGreaterThan(pages.count, 100)
        for options in [ExtractOptions(), ExtractOptions(keepFurniture: true)] {
            let kept = Extractor.extract(pages, options: options).paragraphs
            XCTAssertGreaterThan(kept.count, 500)
            // Nothing kept; about half kept (the rest read again).
            let half = pages.prefix(pages.count / 2).reduce(0) { $0 + Extractor.PageLines($1, options: options).footprint }
            for budget in [0, half] {
                let streamed = paragraphs(pages, budget: budget, options: options)
                XCTAssertEqual(streamed.count, kept.count, "budget \(budget)")
                if let k = streamed.indices.first(where: { $0 < kept.count && streamed[$0] != kept[$0] }) {
                    XCTFail("budget \(budget), keepFurniture \(options.keepFurniture): paragraph \(k) differs: "
                            + "“\(streamed[k].text.prefix(40))” vs “\(kept[k].text.prefix(40))”")
                }
            }
        }
    }

    func testStreamingAPDFDocumentMatchesExtract() throws {
        for fixture in CorpusFixtureTests.fixtures {
            let document = try PDFDocument(path: fixture.pdf)
            var streamed: [TextParagraph] = []
            let summary = Extractor.stream(document, retainBudget: 0) { streamed.append($0) }
            let extraction = Extractor.extract(document)
            XCTAssertEqual(streamed, extraction.paragraphs, fixture.producer)
            XCTAssertEqual(summary.bodySize, extraction.bodySize, fixture.producer)
            XCTAssertEqual(summary.warnings, extraction.warnings, fixture.producer)
        }
    }

    /// The measure is where most lines end, unless more lines overrun that end than end on it: then
    /// it is only two short lines of one length (footer fields in a document without body text).
    func testTheMeasureIsTheCommonestEndUnlessMoreLinesOverrunIt() {
        let bucket = PageMetrics.bucket(14)
        // Body lines ending on 522, two hanging a mark by an em, short last lines.
        XCTAssertEqual(PageMetrics.rightEdge(ends: [522: 30, 536: 2, 300: 1, 301: 1, 180: 1], bucket: bucket), 522)
        // Two fields end on 147; the masthead, 版记 and other lines run past it.
        XCTAssertEqual(PageMetrics.rightEdge(ends: [147: 2, 200: 1, 480: 1, 536: 1, 400: 1, 216: 1, 100: 1], bucket: bucket), 536)
        // No end repeated: the widest line.
        XCTAssertEqual(PageMetrics.rightEdge(ends: [147: 1, 300: 1], bucket: bucket), 300)
        // Narrow pages' lines end on 400, more wide pages' lines on 760 (and one longer line): the
        // wide measure, not the single widest line.
        XCTAssertEqual(PageMetrics.rightEdge(ends: [400: 5, 760: 6, 790: 1, 200: 1], bucket: bucket), 760)
        XCTAssertEqual(PageMetrics.rightEdge(ends: [400: 3, 760: 2, 790: 1, 700: 1], bucket: bucket), 760)
    }

    func testTalliesEqualCountingAllLinesAtOnce() {
        for (name, pages) in Self.documents + [("long", Self.longDocument)] {
            let reduced = pages.map { Extractor.PageLines($0, options: ExtractOptions()) }
            var statistics = DocumentStatistics()
            for page in reduced { statistics.add(page.page.lines, candidates: page.candidates, context: false) }
            let (decision, tallies) = statistics.resolveTallies()
            let metrics = tallies.metrics()
            var flagged = reduced.map(\.page)
            for p in flagged.indices { decision.apply(to: &flagged[p].lines, candidates: reduced[p].candidates) }

            var reference = reduced.map(\.page)
            ReferenceMetrics.markRunningHeads(&reference, candidates: reduced.map(\.candidates))
            XCTAssertEqual(flagged.map { $0.lines.map(\.furniture) }, reference.map { $0.lines.map(\.furniture) }, name)
            let expected = ReferenceMetrics(pages: reference)
            XCTAssertEqual(tallies.sizes, ReferenceMetrics.sizes(reference), name)
            XCTAssertEqual(tallies.ends, expected.ends, name)
            XCTAssertEqual(tallies.starts[PageMetrics.bucket(metrics.bodySize)], expected.bodyStarts, name)
            XCTAssertEqual(tallies.pitches, expected.pitches, name)
            XCTAssertEqual(metrics.bodySize, expected.bodySize, name)
            XCTAssertEqual(metrics.pitch, expected.pitch, name)
            XCTAssertEqual(metrics.rightEdge, expected.rightEdge, name)
            XCTAssertEqual(metrics.fullTolerance, expected.fullTolerance, name)
            XCTAssertEqual(metrics.defaultLeft, expected.defaultLeft, name)
            XCTAssertFalse(metrics.fullTolerance.isEmpty, name)
        }
    }

    /// Past `deferredLimit` held-back pages the oldest are settled with the verdict so far: memory
    /// stays bounded, and a document whose running heads repeat throughout gets the verdict and
    /// counts it gets with every page held back.
    func testHeldBackPagesAreBoundedAndSettleToTheSameVerdict() {
        var keysWithoutLimit = 0
        for (name, document) in Self.documents {
            var pages: [PageContent] = []
            for _ in 0..<40 { pages += document }
            let reduced = pages.map { Extractor.PageLines($0, options: ExtractOptions()) }
            // Repeating pages repeats their first lines of text too; in a real document those
            // differ from page to page, so give every candidate that is not a running head a key
            // of its own.
            var whole = DocumentStatistics(deferredLimit: .max)
            for page in reduced { whole.add(page.page.lines, candidates: page.candidates, context: false) }
            let heads = whole.resolve().furniture.runningHeads
            let candidates = reduced.enumerated().map { p, page in
                page.candidates.enumerated().map { c, candidate in
                    var candidate = candidate
                    if !heads.contains(candidate.key) { candidate.key = UInt64(p) << 8 | UInt64(c) }
                    return candidate
                }
            }
            var unlimited = DocumentStatistics(deferredLimit: .max)
            var bounded = DocumentStatistics(deferredLimit: 8)
            var largestHeld = 0, largestCounted = 0
            for (page, candidates) in zip(reduced, candidates) {
                unlimited.add(page.page.lines, candidates: candidates, context: false)
                bounded.add(page.page.lines, candidates: candidates, context: false)
                largestHeld = max(largestHeld, bounded.deferredCount)
                largestCounted = max(largestCounted, bounded.sightingCount)
            }
            XCTAssertGreaterThan(unlimited.deferredCount, 100, name)
            XCTAssertLessThanOrEqual(largestHeld, 8, name)
            // Keys seen once (each page's first line of text) are forgotten once their page is settled.
            keysWithoutLimit += unlimited.sightingCount
            XCTAssertLessThanOrEqual(largestCounted, heads.count + 4 * 9, name)
            let (expectedDecision, expected) = unlimited.resolveTallies()
            let (decision, tallies) = bounded.resolveTallies()
            XCTAssertEqual(decision.runningHeads, expectedDecision.runningHeads, name)
            XCTAssertEqual(decision.largestSize, expectedDecision.largestSize, name)
            XCTAssertEqual(tallies, expected, name)  // sizes, ends, starts, pitches and shortfalls alike
            XCTAssertEqual(tallies.metrics(), expected.metrics(), name)
        }
        XCTAssertGreaterThan(keysWithoutLimit, 1_000, "the documents' pages have few candidates: the bound is untested")
    }

    func testShortfallCountsGiveTheSortedPercentile() {
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<300 {
            let size = [9.0, 10.5, 12, 16, 22][trial % 5]
            let edge = Int.random(in: 300...560, using: &generator)
            // Ends around the edge: most on it (justified), some short, some past it.
            let lines = (0..<Int.random(in: 4...60, using: &generator)).map { _ -> Double in
                let spread = trial % 3 == 0 ? 0.45 : 5
                return Double(edge) - Double.random(in: -0.7...spread, using: &generator) * size
            }
            let ends = lines + [Double(edge) - 0.4 * size, Double(edge) + 0.5 * size, Double(edge) - 4 * size]
            var shortfalls = Shortfalls()
            for end in ends { shortfalls.add(end: end, size: size) }

            var values: [Double] = []
            for end in ends {
                let s = (Double(edge) - end) / size
                if s > -0.5 && s < 4 { values.append(max(0, s)) }
            }
            let expected: Double?
            if values.count >= 8 {
                let sorted = values.sorted()
                expected = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))] <= 0.4 ? 0.8 : 4
            } else {
                expected = nil
            }
            XCTAssertEqual(shortfalls.tolerance(edge: edge), expected, "trial \(trial)")
        }
    }

    func testLinesEndingExactlyAtTheLimitCountAsFull() {
        // Ten lines of 10 pt ending 4 pt (0.4 em, the limit itself) short of the edge: justified.
        var shortfalls = Shortfalls()
        for _ in 0..<10 { shortfalls.add(end: 496, size: 10) }
        XCTAssertEqual(shortfalls.tolerance(edge: 500), 0.8)
        XCTAssertEqual(shortfalls.tolerance(edge: 501), 4)
        XCTAssertNil(shortfalls.tolerance(edge: 491), "past the edge by more than half an em: not counted")
    }

    func testTheStreamForgetsPagesItNoLongerNeeds() {
        let pages = Self.longDocument
        var stream = ParagraphStream(metrics: DocumentStatistics().resolve().metrics, keepFurniture: false)
        var most = 0
        for page in pages.map({ Extractor.PageLines($0, options: ExtractOptions()).page }) {
            stream.add(page) { _ in }
            most = max(most, stream.pagesInUse)
        }
        XCTAssertLessThanOrEqual(most, 9, "pages whose rules and margins the stream holds")
    }
}

/// The body metrics and running heads counted the plain way, every line of every page at once
/// (as the extractor did before it read documents in two passes): the oracle for the tallies.
private struct ReferenceMetrics {
    var bodySize: Double
    var pitch: [Int: Double] = [:]
    var rightEdge: [Int: Double] = [:]
    var fullTolerance: [Int: Double] = [:]
    var defaultLeft: Double
    var ends: [Int: [Int: Int]] = [:]
    var bodyStarts: [Int: Int] = [:]
    var pitches: [Int: [Int: Int]] = [:]

    static func sizes(_ pages: [ExtractedPage]) -> [Int: Int] {
        var sizes: [Int: Int] = [:]
        for line in pages.flatMap(\.lines) where line.furniture == nil {
            sizes[PageMetrics.bucket(line.size), default: 0] += line.characterCount
        }
        return sizes
    }

    static func markRunningHeads(_ pages: inout [ExtractedPage], candidates: [[FurnitureFilter.Candidate]]) {
        let largest = PageMetrics.bodySize(sizes(pages)) * 1.2 + 0.01
        guard pages.count >= 2 else { return }
        var pagesWithKey: [UInt64: Set<Int>] = [:]
        for (p, list) in candidates.enumerated() {
            for c in list where c.size <= largest { pagesWithKey[c.key, default: []].insert(p) }
        }
        let needed = FurnitureFilter.pagesNeeded(pageCount: pages.count)
        for (p, list) in candidates.enumerated() {
            for c in list where c.size <= largest && (pagesWithKey[c.key]?.count ?? 0) >= needed {
                pages[p].lines[c.line].furniture = .runningHead
            }
        }
    }

    init(pages: [ExtractedPage]) {
        bodySize = PageMetrics.bodySize(Self.sizes(pages))
        let body = PageMetrics.bucket(bodySize)
        var pitches: [Int: [Int: Int]] = [:], ends: [Int: [Int: Int]] = [:], starts: [Int: Int] = [:]
        for page in pages {
            var previous: TextLine?
            for line in page.lines where line.furniture == nil {
                let b = PageMetrics.bucket(line.size)
                if !line.hasFieldGap { ends[b, default: [:]][Int(line.end.rounded()), default: 0] += 1 }
                if b == body { starts[Int(line.start.rounded()), default: 0] += 1 }
                if let p = previous, PageMetrics.bucket(p.size) == b, line.baseline - p.baseline > 0 {
                    pitches[b, default: [:]][Int(((line.baseline - p.baseline) * 4).rounded()), default: 0] += 1
                }
                previous = line
            }
        }
        defaultLeft = PageMetrics.mode(starts).map(Double.init) ?? 0
        pitch = pitches.mapValues { Double(PageMetrics.mode($0) ?? 0) / 4 }
        (self.ends, self.bodyStarts, self.pitches) = (ends, starts, pitches)
        rightEdge = ends.reduce(into: [:]) { $0[$1.key] = PageMetrics.rightEdge(ends: $1.value, bucket: $1.key) }
        var shortfalls: [Int: [Double]] = [:]
        for line in pages.flatMap(\.lines) where line.furniture == nil && !line.hasFieldGap && !line.last.isClosingMark {
            let b = PageMetrics.bucket(line.size)
            guard let edge = rightEdge[b] else { continue }
            let s = (edge - line.end) / line.size
            if s > -0.5 && s < 4 { shortfalls[b, default: []].append(max(0, s)) }
        }
        fullTolerance = shortfalls.compactMapValues { values in
            guard values.count >= 8 else { return nil }
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))] <= 0.4 ? 0.8 : 4
        }
    }
}
