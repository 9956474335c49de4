import BulletinExtract
import BulletinModel
import BulletinPDFReader
import BulletinRender
import TestSupport
import XCTest

/// render → extract → the issue: for every sample, the issue recovered from its pages equals the
/// sample, and its JSON (IssueEncoder) decodes back to it.
final class IssueRecoveryTests: XCTestCase {
    func testDisplayListGivesBackTheSampleIssue() {
        for sample in SampleFixtures.all {
            let extraction = Extractor.extract(SampleFixtures.pages(sample))
            let issue = IssueRecovery.recover(BlockClassifier.classify(extraction))
            XCTAssertNotNil(issue, sample.name)
            if let issue { assertSameIssue(issue, sample.issue, sample.name) }
        }
    }

    func testPDFGivesBackTheSampleIssue() throws {
        for sample in SampleFixtures.all + SampleFixtures.cairo {
            let extraction = Extractor.extract(try PDFDocument(bytes: sample.pdf))
            guard let issue = IssueRecovery.recover(BlockClassifier.classify(extraction)) else {
                XCTFail("\(sample.name): no issue recovered")
                continue
            }
            assertSameIssue(issue, sample.issue, sample.name)
            let decoded = try IssueDecoder.decode(Array(IssueEncoder.encode(issue).utf8), file: "recovered").value.issue
            XCTAssertEqual(decoded, sample.issue, sample.name)
        }
    }
}

/// The issue written as it is recovered (`IssueRecovery.JSONStream`, what `extract --format issue`
/// and JSON's `issue` stream) is the encoded whole recovered issue — nothing for a non-bulletin.
final class IssueStreamTests: XCTestCase {
    func testStreamedIssueIsTheEncodedRecoveredIssue() throws {
        for sample in SampleFixtures.all {
            let blocks = BlockClassifier.classify(Extractor.extract(SampleFixtures.pages(sample)))
            let issue = try XCTUnwrap(IssueRecovery.recover(blocks), sample.name)
            for indent in ["", "  "] {
                var stream = IssueRecovery.JSONStream(indent: indent)
                var output = ""
                var before = 0
                for (index, block) in blocks.enumerated() {
                    output += stream.add(block)
                    if index == blocks.count / 2 { before = output.count }
                }
                // Written as it goes: half the paragraphs in, most of the issue is out.
                XCTAssertGreaterThan(before, 0, sample.name)
                output += try XCTUnwrap(stream.finish(), sample.name)
                let expected = IssueEncoder.encode(issue).dropLast().replacingOccurrences(of: "\n", with: "\n" + indent)
                XCTAssertEqual(output, expected, sample.name)
            }
        }
    }

    /// A column head with no article under it (here the first one doubled) stays as the text it
    /// printed, a paragraph in a section of its own — an issue needs an article in every section
    /// (render refused the empty one) and the head's text must not be lost.
    func testAColumnHeadWithoutArticlesIsKeptAsItsText() throws {
        let sample = SampleFixtures.all[0]
        var blocks = BlockClassifier.classify(Extractor.extract(SampleFixtures.pages(sample)))
        guard let first = blocks.firstIndex(where: { $0.role == .column }) else { return XCTFail("no column") }
        blocks.insert(blocks[first], at: first)
        guard let issue = IssueRecovery.recover(blocks) else { return XCTFail("no issue") }
        guard let column = sample.issue.sections.first?.column else { return XCTFail("sample has no column") }
        XCTAssertEqual(issue.sections.count, sample.issue.sections.count + 1)
        XCTAssertNil(issue.sections[0].column)
        XCTAssertEqual(issue.sections[0].articles, [Article(blocks: [.paragraph(Paragraph("【\(column)】"))])])
        XCTAssertEqual(Array(issue.sections.dropFirst()), sample.issue.sections)
        XCTAssertNoThrow(try IssueDecoder.decode(Array(IssueEncoder.encode(issue).utf8), file: "recovered"))
        var stream = IssueRecovery.JSONStream()
        let streamed = blocks.map { stream.add($0) }.joined() + (stream.finish() ?? "")
        XCTAssertEqual(streamed, String(IssueEncoder.encode(issue).dropLast()), "the stream writes the same issue")
    }

    func testNoIssueWithoutMastheadOrArticles() {
        let sample = SampleFixtures.all[0]
        let blocks = BlockClassifier.classify(Extractor.extract(SampleFixtures.pages(sample)))
        for cut in [Array(blocks.filter { $0.role != .title }), Array(blocks.prefix { $0.role != .paragraph && $0.role != .column })] {
            var stream = IssueRecovery.JSONStream()
            for block in cut { _ = stream.add(block) }
            XCTAssertNil(stream.finish())
            XCTAssertNil(IssueRecovery.recover(cut))
        }
    }
}

/// Our renderer's synthetic bold is bold to the extractor, from either engine: our own writer fills
/// and strokes the outline (Tr 2, a 1/24 em pen); Cairo embeds the emboldened face as
/// `CairoFont-n-m`. With every bold role set that way, the runs still come back.
final class SyntheticBoldTests: XCTestCase {
    func testSyntheticBoldRunsAreRecovered() throws {
        let layout = Repository.path("Tests/Fixtures/extract/synthetic-bold.json")
        for engine in PDFEngine.allCases {
            for name in ["2020-038", "2021-012"] {
                let sample = SampleFixtures.load(Repository.path("Samples/\(name).json"), layout: layout, engine: engine)
                let document = try PDFDocument(bytes: sample.pdf)
                let label = "\(name), \(engine)"
                switch engine {
                case .native:
                    XCTAssertTrue(document.page(0).glyphs.contains { $0.renderingMode == 2 && $0.strokeWidth > 0 }, label)
                case .cairo:
                    XCTAssertTrue(Extractor.extract(document).fonts.contains { $0.isSyntheticBold }, label)
                }
                let extraction = Extractor.extract(document)
                let issue = try XCTUnwrap(IssueRecovery.recover(BlockClassifier.classify(extraction)), label)
                assertSameIssue(issue, sample.issue, label)
            }
        }
    }
}

/// Equal, or a failure naming the first part that differs (an Issue's own diff is unreadable).
func assertSameIssue(_ got: Issue, _ expected: Issue, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    guard got != expected else { return }
    if got.masthead != expected.masthead { XCTFail("\(name): masthead \(got.masthead) ≠ \(expected.masthead)", file: file, line: line); return }
    if got.footer != expected.footer { XCTFail("\(name): footer \(got.footer) ≠ \(expected.footer)", file: file, line: line); return }
    if got.distribution != expected.distribution {
        XCTFail("\(name): distribution \(String(describing: got.distribution)) ≠ \(String(describing: expected.distribution))", file: file, line: line); return
    }
    XCTAssertEqual(got.sections.count, expected.sections.count, "\(name): sections", file: file, line: line)
    for (s, (a, b)) in zip(got.sections, expected.sections).enumerated() where a != b {
        XCTAssertEqual(a.column, b.column, "\(name): sections[\(s)].column", file: file, line: line)
        XCTAssertEqual(a.articles.count, b.articles.count, "\(name): sections[\(s)] articles", file: file, line: line)
        for (i, (x, y)) in zip(a.articles, b.articles).enumerated() where x != y {
            let path = "\(name): sections[\(s)].articles[\(i)]"
            XCTAssertEqual(x.kicker, y.kicker, "\(path).kicker", file: file, line: line)
            XCTAssertEqual(x.headline, y.headline, "\(path).headline", file: file, line: line)
            XCTAssertEqual(x.subtitle, y.subtitle, "\(path).subtitle", file: file, line: line)
            XCTAssertEqual(x.editorsNote, y.editorsNote, "\(path).editorsNote", file: file, line: line)
            XCTAssertEqual(x.attribution, y.attribution, "\(path).attribution", file: file, line: line)
            XCTAssertEqual(x.blocks.count, y.blocks.count, "\(path).blocks", file: file, line: line)
            for (b, (p, q)) in zip(x.blocks, y.blocks).enumerated() where p != q {
                XCTFail("\(path).blocks[\(b)]: \(p) ≠ \(q)", file: file, line: line)
            }
        }
    }
}
