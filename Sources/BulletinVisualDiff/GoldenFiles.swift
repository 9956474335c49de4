import BulletinRender
import Foundation

/// Writes and removes files in a goldens directory, creating subdirectories for nested document
/// names; each file is written atomically.
struct GoldenFiles {
    let directory: String

    func write(_ bytes: [UInt8], _ relative: String) throws(DiffError) {
        let path = DirectoryListing.join(directory, relative)
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: folder, reason: "cannot create the directory")
        }
        do { try AtomicFile.write(bytes, to: path) } catch { throw .writeFailed(path: path, reason: error.reason) }
    }

    /// Removes a file if it is there; true when it was.
    @discardableResult
    func remove(_ relative: String) throws(DiffError) -> Bool {
        let path = DirectoryListing.join(directory, relative)
        guard FileManager.default.fileExists(atPath: path) else { return false }
        do { try FileManager.default.removeItem(atPath: path) } catch {
            throw .writeFailed(path: path, reason: "cannot remove the file")
        }
        return true
    }

    /// Every file a manifest accounts for.
    static func files(of manifest: GoldenManifest) -> Set<String> {
        var files: Set<String> = []
        for document in manifest.documents {
            files.insert(GoldenManifest.traceFile(document.name))
            for page in 0..<document.pages { files.insert(GoldenManifest.pageFile(document.name, page + 1)) }
        }
        return files
    }
}
