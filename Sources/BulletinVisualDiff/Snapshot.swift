import BulletinRender
import Foundation

/// `bulletin-pdf snapshot ARCHIVE --goldens DIR`: renders every issue of the archive through our
/// Cairo PNG path and records, per issue, its page PNGs and display-list trace, plus a manifest of
/// the resolution, layout, library versions and font hashes.
///
/// All issues are rendered before anything is written (into a staging directory inside DIR), so an
/// issue that fails leaves the previous goldens untouched. Goldens of issues no longer in the
/// archive are removed.
public struct Snapshot {
    public var archive: IssueDocuments

    public init(archive: IssueDocuments) { self.archive = archive }

    /// What a snapshot did.
    public struct Summary: Sendable {
        public var documents: Int
        public var pages: Int
        public var removed: [String]
        public var warnings: [String]
    }

    public func record(into directory: String) throws(DiffError) -> Summary {
        let previous = try? GoldenManifest.read(directory: directory)
        let staging = DirectoryListing.join(directory, ".staging-\(getpid())-\(UUID().uuidString.prefix(8))")
        let stage = GoldenFiles(directory: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        var documents: [GoldenManifest.Document] = []
        var fontFiles: [String] = [], written: [String] = [], warnings: [String] = []
        for name in archive.names {
            let document = try archive.load(name)
            warnings += document.warnings
            for (index, page) in document.pages.enumerated() {
                let file = GoldenManifest.pageFile(name, index + 1)
                try stage.write(page.png!, file)
                written.append(file)
            }
            try stage.write(Array(document.trace!.utf8), GoldenManifest.traceFile(name))
            written.append(GoldenManifest.traceFile(name))
            documents.append(GoldenManifest.Document(name: name, pages: document.pages.count))
            fontFiles += document.fontFiles
        }
        // Everything rendered: move the files into place, then drop stale ones, then the manifest.
        for file in written {
            let target = DirectoryListing.join(directory, file)
            do {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
            } catch {
                throw .writeFailed(path: target, reason: "cannot create the directory")
            }
            guard rename(DirectoryListing.join(staging, file), target) == 0 else {
                throw .writeFailed(path: target, reason: String(cString: strerror(errno)))
            }
        }
        var removed: [String] = []
        if let previous {
            let goldens = GoldenFiles(directory: directory)
            for file in GoldenFiles.files(of: previous).subtracting(written).sorted() where try goldens.remove(file) {
                removed.append(file)
            }
        }
        let manifest = GoldenManifest(dpi: archive.dpi, layout: archive.layout,
                                      environment: .current(fontFiles: fontFiles), documents: documents)
        try GoldenFiles(directory: directory).write(manifest.encoded(), GoldenManifest.fileName)
        return Summary(documents: documents.count, pages: documents.reduce(0) { $0 + $1.pages }, removed: removed,
                       warnings: warnings)
    }
}
