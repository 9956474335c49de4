import Foundation

/// Writes a file all at once: to a temporary name in the same directory, then renamed over the
/// target, so a reader (or a crash) never sees half a file and a failure never leaves one.
public enum AtomicFile {
    /// Why a file could not be written.
    public struct WriteError: Error, Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write: \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let writer = try Writer(path: path)
        try writer.write(bytes)
        try writer.commit()
    }

    /// The hidden name a file is written under before its rename: `.NAME.PID.RANDOM.tmp`. Hidden, so
    /// archive discovery and users' globs pass over it; unique per process and call.
    static func temporaryName(for name: String) -> String {
        ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// Whether `name` is one `temporaryName(for:)` makes: what a killed writer (kill -9, a power
    /// cut) leaves behind, and what a later run that holds the directory alone may delete.
    public static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return false }
        let pid = parts[parts.count - 2], random = parts[parts.count - 1]
        return !parts[0].isEmpty && !pid.isEmpty && !random.isEmpty
            && pid.allSatisfy(\.isASCII) && pid.allSatisfy(\.isNumber) && random.allSatisfy(\.isASCII) && random.allSatisfy(\.isNumber)
    }

    /// Writes `bytes` to standard output; a failed write (a full disk, a closed pipe when SIGPIPE
    /// is ignored) is an error, not a crash (`FileHandle.write(_:)` traps on errors).
    public static func writeStandardOutput(_ bytes: [UInt8]) throws(WriteError) {
        if let failure = writeAll(bytes, to: STDOUT_FILENO) {
            throw WriteError(path: "standard output", reason: failure)
        }
    }

    /// Writes a file piece by piece, buffered: a file under its temporary name, renamed over the
    /// target by `commit()` (dropped without it, the temporary file is removed), or standard
    /// output, written as it comes. For outputs too long to hold whole (a thousand-page extraction).
    public final class Writer {
        private let path: String?
        private let temporary: String?
        private let fd: Int32
        private var buffer: [UInt8] = []
        private var finished = false
        private static let bufferSize = 1 << 16

        /// A writer for the file at `path`, or for standard output when `path` is nil.
        public init(path: String?) throws(WriteError) {
            self.path = path
            guard let path else {
                temporary = nil
                fd = STDOUT_FILENO
                return
            }
            let url = URL(fileURLWithPath: path)
            let directory = url.deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
                throw WriteError(path: path, reason: "directory \(directory) does not exist")
            }
            guard isDirectory.boolValue else {
                throw WriteError(path: path, reason: "\(directory) is not a directory")
            }
            let temporary = (directory as NSString).appendingPathComponent(temporaryName(for: url.lastPathComponent))
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
            self.temporary = temporary
            buffer.reserveCapacity(Self.bufferSize)
        }

        public func write(_ text: String) throws(WriteError) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= Self.bufferSize { try flush() }
        }

        public func write(_ bytes: [UInt8]) throws(WriteError) {
            if buffer.isEmpty && bytes.count >= Self.bufferSize {
                if let failure = writeAll(bytes, to: fd) { throw WriteError(path: path ?? "standard output", reason: failure) }
                return
            }
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.bufferSize { try flush() }
        }

        /// Writes what is buffered; for a file, renames it over the target.
        public func commit() throws(WriteError) {
            try flush()
            finished = true
            guard let temporary, let path else { return }
            if close(fd) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw WriteError(path: path, reason: reason)
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw WriteError(path: path, reason: reason)
            }
        }

        private func flush() throws(WriteError) {
            defer { buffer.removeAll(keepingCapacity: true) }
            if let failure = writeAll(buffer, to: fd) {
                throw WriteError(path: path ?? "standard output", reason: failure)
            }
        }

        deinit {
            guard !finished, let temporary else { return }
            close(fd)
            unlink(temporary)
        }
    }

    /// Writes all of `bytes` to a file descriptor, retrying interrupted and partial writes;
    /// returns the reason on failure.
    package static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
        var written = 0
        return bytes.withUnsafeBytes { buffer -> String? in
            while written < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += n
            }
            return nil
        }
    }
}
