import BulletinDiff
import Foundation

/// A goldens directory as one side of a diff: the manifest's documents, their page PNGs and the
/// text lines read back from their traces.
public struct GoldenDocuments: DocumentSet {
    public let path: String
    public let manifest: GoldenManifest
    public var isSingleDocument: Bool { false }
    public var names: [String] { manifest.documents.map(\.name).sorted() }

    public init(directory: String) throws(DiffError) {
        path = directory
        manifest = try GoldenManifest.read(directory: directory)
    }

    public var summary: String {
        "goldens \(path) (\(manifest.documents.count) documents at \(String(format: "%g", manifest.dpi)) dpi)"
    }

    public func load(_ name: String) throws(DiffError) -> LoadedDocument {
        let entry = manifest.documents.first { $0.name == name }!
        let pages = (1...max(1, entry.pages)).prefix(entry.pages).map { page -> LoadedDocument.Page in
            let file = DirectoryListing.join(path, GoldenManifest.pageFile(name, page))
            guard FileManager.default.fileExists(atPath: file) else {
                return LoadedDocument.Page(image: .failure(.missingGolden(
                    path: file, hint: "the manifest lists \(entry.pages) pages; re-record with `diff --goldens … --update`")))
            }
            return PNGDocuments.readPage(file)
        }
        let traceFile = DirectoryListing.join(path, GoldenManifest.traceFile(name))
        guard let data = FileManager.default.contents(atPath: traceFile) else {
            throw .missingGolden(path: traceFile, hint: "re-record with `diff --goldens … --update`")
        }
        let trace = String(decoding: data, as: UTF8.self)
        switch TraceText.lines(of: trace) {
        case .success(let lines):
            return LoadedDocument(pages: pages, lines: lines, pointsPerPixel: 72 / manifest.dpi, trace: trace)
        case .failure(let error):
            throw .manifest(path: traceFile, location: "\(error.line)", message: "not a display-list trace line")
        }
    }
}
