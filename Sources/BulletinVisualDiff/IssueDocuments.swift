import BulletinDiff
import BulletinLayout
import BulletinModel
import BulletinRender
import Foundation

/// An issue JSON file, or an archive directory of them (recursively), rendered on the fly through
/// our own pipeline: `RenderSession` lays the issue out, `PNGRenderer` (Cairo) draws each page.
/// The display list also gives the text lines and the trace.
public struct IssueDocuments: DocumentSet {
    public let path: String
    public let isSingleDocument: Bool
    public let names: [String]
    public let session: RenderSession
    public let layout: String
    public let dpi: Double
    private let files: [String: String]
    /// One render at a time per process: the session's fonts are shared C objects.
    private static let renderLock = NSLock()

    public init(path: String, session: RenderSession, layout: String = "jianbao", dpi: Double) {
        self.path = path
        self.session = session
        self.layout = layout
        self.dpi = dpi
        if DirectoryListing.isDirectory(path) {
            isSingleDocument = false
            var files: [String: String] = [:]
            for file in DirectoryListing.files(under: path, extension: "json") {
                files[(file as NSString).deletingPathExtension] = DirectoryListing.join(path, file)
            }
            self.files = files
        } else {
            isSingleDocument = true
            files = [DirectoryListing.stem(path): path]
        }
        names = files.keys.sorted()
    }

    public var summary: String {
        isSingleDocument ? "issue \(path)" : "archive \(path) (\(names.count) issues)"
    }

    /// The issue file behind a document name.
    public func file(of name: String) -> String { files[name]! }

    public func load(_ name: String) throws(DiffError) -> LoadedDocument {
        let file = files[name]!
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .issue(path: file, messages: ["error: \(file): cannot read the file"])
        }
        Self.renderLock.lock()
        defer { Self.renderLock.unlock() }
        let rendered: Warned<RenderSession.Output>
        do {
            rendered = try session.render(issueJSON: Array(data), file: file, layout: layout)
        } catch {
            throw .issue(path: file, messages: error.diagnostics.map { "error: \($0)" })
        }
        let list = rendered.value.displayList
        var pages: [LoadedDocument.Page] = []
        for index in list.pages.indices {
            do {
                let png = try PNGRenderer.render(list, page: index, dpi: dpi)
                pages.append(LoadedDocument.Page(image: Result { () throws(RasterImage.ReadError) in
                    try RasterImage(png: png, source: "\(file) p\(index + 1)")
                }.mapError { DiffError.unreadableImage($0) }, png: png))
            } catch {
                throw .issue(path: file, messages: ["error: \(file): p\(index + 1): \(error)"])
            }
        }
        return LoadedDocument(pages: pages, lines: DisplayListText.lines(of: list), pointsPerPixel: 72 / dpi,
                              trace: TraceRenderer.render(list), fontFiles: list.fonts.map(\.path),
                              warnings: rendered.warnings.map(\.description))
    }
}

/// The text lines of a display list, numbers rounded to 0.01 pt as the text trace writes them, so
/// lines read from a golden's trace (`TraceText`) and from a fresh layout compare equal.
enum DisplayListText {
    static func lines(of list: DisplayList) -> [TextLine] {
        var runs: [TextLine.Run] = []
        for (index, page) in list.pages.enumerated() {
            for case .glyphs(let run) in page.items {
                let x = hundredths(run.x), last = hundredths(run.glyphs.last?.x ?? 0)
                runs.append(TextLine.Run(page: index, baseline: hundredths(run.y), left: x, right: x + last + run.size,
                                         size: run.size, text: run.text))
            }
        }
        return TextLine.lines(from: runs)
    }

    static func hundredths(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
