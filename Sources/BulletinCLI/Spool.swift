import BulletinRender
import Foundation

/// Text written now and read back once, in order: JSON's paragraph entries, which are ready while
/// the pages before them in the output are still being written. Kept in memory up to
/// `memoryLimit` bytes; beyond, in an unnamed temporary file (in `$TMPDIR`, else /tmp), so that a
/// long document's entries do not stay in memory.
final class Spool {
    private var buffer: [UInt8] = []
    private var fd: Int32 = -1
    private let memoryLimit: Int
    /// Where the temporary file goes (named in errors).
    private let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"

    init(memoryLimit: Int = 1 << 20) {
        self.memoryLimit = memoryLimit
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    func write(_ text: String) throws(AtomicFile.WriteError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= memoryLimit { try spill() }
    }

    /// Writes everything spooled, in order, to `writer`.
    func copy(to writer: AtomicFile.Writer) throws(AtomicFile.WriteError) {
        if fd >= 0 {
            try spill()
            guard lseek(fd, 0, SEEK_SET) == 0 else { throw failure() }
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw failure() }
                if n == 0 { break }
                try writer.write(Array(chunk[..<n]))
            }
        }
        try writer.write(buffer)
        buffer = []
    }

    /// Moves the buffer to the temporary file (created, and unlinked at once, the first time).
    private func spill() throws(AtomicFile.WriteError) {
        if fd < 0 {
            var template = Array((directory + "/bulletin-pdf-spool.XXXXXX").utf8CString)
            fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw failure() }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        if let reason = AtomicFile.writeAll(buffer, to: fd) {
            throw AtomicFile.WriteError(path: "temporary file in \(directory)", reason: reason)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func failure() -> AtomicFile.WriteError {
        AtomicFile.WriteError(path: "temporary file in \(directory) (set TMPDIR to change)", reason: String(cString: strerror(errno)))
    }
}
