import BulletinExtract
import BulletinLayout
import BulletinModel
import BulletinPDFReader
import BulletinRender
import Foundation
import TestSupport

/// The samples laid out once per test run: issue, display list, PDF bytes.
enum SampleFixtures {
    struct Sample {
        var path: String
        var issue: Issue
        var displayList: DisplayList
        var pdf: [UInt8]
        var name: String { ((path as NSString).lastPathComponent as NSString).deletingPathExtension }
    }

    static let session: RenderSession = try! RenderSession(home: Repository.root, systemFallback: false)

    static let all: [Sample] = Repository.samples.map { load($0) }

    /// The samples' PDFs from Cairo's PDF surface, the second engine (`render --pdf-engine cairo`).
    static let cairo: [Sample] = Repository.samples.map { load($0, engine: .cairo) }

    static func load(_ path: String, layout: String = "jianbao", engine: PDFEngine = .native) -> Sample {
        let data = Array(try! Data(contentsOf: URL(fileURLWithPath: path)))
        let output = try! session.render(issueJSON: data, file: path, layout: layout, engine: engine).value
        let issue = try! IssueDecoder.decode(data, file: path).value.issue
        return Sample(path: path, issue: issue, displayList: output.displayList, pdf: output.pdf)
    }

    /// A sample's pages as the reader would see them, from the display list (no PDF reading).
    static func pages(_ sample: Sample) -> [PageContent] { DisplayListPages.pages(sample.displayList) }

    /// Items that are whole paragraphs on the page (body elements and 版记 lines — not the
    /// masthead's shared lines nor the footer rows) must each come out as exactly one paragraph, in
    /// order; the first that does not, described, or nil.
    static func paragraphMismatch(_ extraction: Extraction, _ issue: Issue) -> String? {
        let paragraphs = extraction.paragraphs.map(\.text)
        var cursor = 0
        for item in issue.printedItems where item.path.hasPrefix("sections") || item.path.hasPrefix("distribution") {
            guard let found = paragraphs[cursor...].firstIndex(of: item.text) else {
                return "\(item.path) is not a paragraph of its own after paragraph \(cursor): “\(item.text.prefix(30))…”"
            }
            cursor = found + 1
        }
        return nil
    }
}
