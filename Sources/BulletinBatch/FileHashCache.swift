import BulletinDigest
import BulletinRender
import Foundation

/// SHA-256 of large files that rarely change (fonts, the executable, layouts), remembered across
/// runs by their stat: device, inode, size, modification and change time (nanoseconds). The
/// change time cannot be set back by `touch` or `cp -p`, so a file whose content changed is hashed
/// again; an unchanged one costs one `stat`. This is what keeps a no-change re-run under a second
/// when the fonts alone are 35 MB (the tool itself is hashed too).
///
/// The cache is a tab-separated text file (one line per file) in the user's cache directory,
/// shared by every output directory; losing it only costs hashing time.
public final class FileHashCache: @unchecked Sendable {
    /// Where the cache lives; nil keeps it in memory only.
    public let file: String?
    private var entries: [String: Entry] = [:]
    private var changed = false
    private let lock = NSLock()

    private struct Entry: Equatable {
        var stamp: String
        var digest: String
    }

    /// Reads the cache at `file` (a missing or damaged file is an empty cache).
    public init(file: String?) {
        self.file = file
        guard let file, let data = FileManager.default.contents(atPath: file) else { return }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0].count == 64 else { continue }
            entries[String(fields[2])] = Entry(stamp: String(fields[1]), digest: String(fields[0]))
        }
    }

    /// The default location: `$BULLETIN_PDF_CACHE`, else `$XDG_CACHE_HOME/bulletin-pdf`, else
    /// `~/.cache/bulletin-pdf`, with `file-hashes.tsv` inside.
    public static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let directory: String
        if let explicit = environment["BULLETIN_PDF_CACHE"], !explicit.isEmpty {
            directory = explicit
        } else if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            directory = xdg + "/bulletin-pdf"
        } else if let home = environment["HOME"], !home.isEmpty {
            directory = home + "/.cache/bulletin-pdf"
        } else {
            return nil
        }
        return directory + "/file-hashes.tsv"
    }

    /// The SHA-256 of the file at `path`, from the cache when its stat is unchanged.
    public func digest(of path: String) throws(BatchError) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var status = stat()
        guard stat(absolute, &status) == 0 else {
            throw .settings(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        let stamp = "\(status.st_dev):\(status.st_ino):\(status.st_size):"
            + "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec):\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
        lock.lock()
        let cached = entries[absolute]
        lock.unlock()
        if let cached, cached.stamp == stamp { return cached.digest }
        let digest = try Self.hashFile(absolute, shownAs: path)
        lock.lock()
        entries[absolute] = Entry(stamp: stamp, digest: digest)
        changed = true
        lock.unlock()
        return digest
    }

    /// Writes the cache back when something new was hashed. Failures are ignored: the cache only
    /// saves time.
    public func save() {
        lock.lock()
        defer { lock.unlock() }
        guard changed, let file else { return }
        let directory = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let text = entries.sorted { $0.key < $1.key }.map { "\($0.value.digest)\t\($0.value.stamp)\t\($0.key)\n" }.joined()
        if (try? AtomicFile.write(Array(text.utf8), to: file)) != nil { changed = false }
    }

    /// Streams a file through SHA-256 in 1 MiB reads.
    static func hashFile(_ path: String, shownAs name: String) throws(BatchError) -> String {
        do {
            return try SHA256.hex(ofFile: path)
        } catch {
            throw .settings(path: name, reason: "cannot read: \(error.reason)")
        }
    }
}
