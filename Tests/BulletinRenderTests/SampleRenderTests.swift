import BulletinModel
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// Every sample rendered and read back by poppler, an independent oracle: the text comes back
/// exactly, fonts are embedded subsets with ToUnicode maps, pages are A4, output is reproducible,
/// and the display list matches its trace golden. Both PDF engines (ours and Cairo's) are held to
/// the same text, fonts and metadata.
final class SampleRenderTests: XCTestCase {
    static let session: RenderSession = {
        try! RenderSession(home: Repository.root, systemFallback: false)
    }()

    private func render(_ sample: String, engine: PDFEngine = .native) throws -> (RenderSession.Output, Issue, String) {
        let data = Array(try Data(contentsOf: URL(fileURLWithPath: sample)))
        let output = try Self.session.render(issueJSON: data, file: sample, engine: engine)
        XCTAssertEqual(output.warnings, [], "\(sample) renders without warnings")
        let issue = try IssueDecoder.decode(data, file: sample).value.issue
        let pdf = (Repository.temporaryDirectory() as NSString).appendingPathComponent("out.pdf")
        try AtomicFile.write(output.value.pdf, to: pdf)
        return (output.value, issue, pdf)
    }

    func testSamplesExist() {
        XCTAssertEqual(Repository.samples.count, 4, "the four seeds are in Samples/")
    }

    func testTextCopiesOutExactly() throws {
        for engine in PDFEngine.allCases {
            for sample in Repository.samples { try assertTextCopiesOutExactly(sample, engine: engine) }
        }
    }

    private func assertTextCopiesOutExactly(_ sample: String, engine: PDFEngine) throws {
        let (_, issue, pdf) = try render(sample, engine: engine)
        let text = try Poppler.text(pdf)
        XCTAssertNil(PrintedTextMatch.mismatch(extracted: text, items: issue.printedItems), "\(sample) (\(engine))")
        // No space between two Chinese characters, except the spaces the text itself has
        // (`常态化推进 项目化落实`).
        let allowed = Set(issue.printedItems.flatMap { item -> [String] in
            let c = Array(item.text)
            return c.indices.dropFirst().dropLast().filter { c[$0] == " " }.map { String([c[$0 - 1], c[$0 + 1]]) }
        })
        let chars = Array(text)
        for i in 1..<max(1, chars.count - 1) where chars[i] == " " {
            let pair = String([chars[i - 1], chars[i + 1]])
            XCTAssertFalse(PrintedTextMatch.isHan(chars[i - 1]) && PrintedTextMatch.isHan(chars[i + 1])
                           && !allowed.contains(pair),
                           "\(sample): space inserted between “\(chars[i - 1])” and “\(chars[i + 1])”")
        }
    }

    func testFontsEmbeddedSubsetWithToUnicode() throws {
        for engine in PDFEngine.allCases {
            for sample in Repository.samples { try assertFontsEmbeddedSubsetWithToUnicode(sample, engine: engine) }
        }
    }

    private func assertFontsEmbeddedSubsetWithToUnicode(_ raw: String, engine: PDFEngine) throws {
        let sample = "\(raw) (\(engine))"
        let (_, _, pdf) = try render(raw, engine: engine)
        let fonts = try Poppler.fonts(pdf)
        XCTAssertFalse(fonts.isEmpty, sample)
        for font in fonts {
            XCTAssertTrue(font.embedded, "\(sample): \(font.name) embedded")
            XCTAssertTrue(font.subset, "\(sample): \(font.name) subset")
            XCTAssertTrue(font.unicode, "\(sample): \(font.name) has a ToUnicode map")
        }
        // One font object per font file, not one per run.
        let names = fonts.map { $0.name.split(separator: "+").last.map(String.init) ?? $0.name }
        XCTAssertEqual(names.count, Set(names).count, "\(sample): a font embedded twice: \(names)")
    }

    func testPagesAreA4AndMetadataIsSet() throws {
        for (engine, sample) in PDFEngine.allCases.flatMap({ e in Repository.samples.map { (e, $0) } }) {
            let (output, issue, pdf) = try render(sample, engine: engine)
            let info = try Poppler.info(pdf)
            XCTAssertEqual(info["Page size"], "595.276 x 841.89 pts (A4)", sample)
            XCTAssertEqual(info["Pages"], String(output.displayList.pages.count))
            XCTAssertEqual(info["Title"], "\(issue.masthead.title) \(issue.masthead.number)")
            XCTAssertEqual(info["Author"], issue.masthead.issuer)
            let date = IssueDate(parsing: issue.masthead.date)!
            XCTAssertTrue(info["CreationDate"]?.contains(String(date.year)) ?? false, "creation date from the issue")
        }
    }

    func testRenderingTwiceGivesIdenticalBytes() throws {
        for sample in Repository.samples {
            let data = Array(try Data(contentsOf: URL(fileURLWithPath: sample)))
            for engine in PDFEngine.allCases {
                let first = try Self.session.render(issueJSON: data, file: sample, engine: engine).value.pdf
                let second = try RenderSession(home: Repository.root, systemFallback: false)
                    .render(issueJSON: data, file: sample, engine: engine).value.pdf
                XCTAssertEqual(first, second, "\(sample) (\(engine)): same input, same bytes (even from a fresh session)")
            }
        }
    }

    func testOutlineHasAnEntryPerArticle() throws {
        for sample in Repository.samples {
            let (output, issue, _) = try render(sample)
            let articles = issue.sections.reduce(0) { $0 + $1.articles.count }
            let columns = issue.sections.compactMap(\.column).count
            XCTAssertEqual(output.displayList.outline.count, articles + columns, sample)
        }
    }

    func testDisplayListTraceGoldens() throws {
        for sample in Repository.samples {
            let (output, _, _) = try render(sample)
            let name = URL(fileURLWithPath: sample).deletingPathExtension().lastPathComponent
            Golden.assertText(TraceRenderer.render(output.displayList), "traces/\(name).trace")
        }
    }
}
