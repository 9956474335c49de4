import BulletinRender
import Foundation

/// Where a batch puts its files. The real one writes atomically (`AtomicFile`: temporary name,
/// then rename); tests put one in its place that fails like a full disk would.
public protocol OutputWriter: Sendable {
    /// Writes `bytes` to `path` completely or not at all.
    func write(_ bytes: [UInt8], to path: String) throws(AtomicFile.WriteError)
    /// Creates `path` and its missing parents.
    func createDirectory(_ path: String) throws(AtomicFile.WriteError)
}

/// The writer of real runs.
public struct AtomicOutputWriter: OutputWriter {
    public init() {}

    public func write(_ bytes: [UInt8], to path: String) throws(AtomicFile.WriteError) {
        try AtomicFile.write(bytes, to: path)
    }

    public func createDirectory(_ path: String) throws(AtomicFile.WriteError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw AtomicFile.WriteError(path: path, reason: "not a directory") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try createDirectory(parent) }
        // Another worker may create it at the same moment: EEXIST is success.
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw AtomicFile.WriteError(path: path, reason: "cannot create the directory: \(String(cString: strerror(errno)))")
        }
    }
}
