import Glibc

/// Owns the bytes of a PDF file for the lifetime of a document: either a private read-only memory
/// map of the file (so only the pages of the file that are actually parsed are ever read into memory)
/// or a heap copy of bytes handed in. Parsers see it as one stable `UnsafeRawBufferPointer`.
final class ByteSource: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let release: Release

    private enum Release {
        case deallocate
        case unmap(length: Int)
        case nothing
    }

    private init(bytes: UnsafeRawBufferPointer, release: Release) {
        self.bytes = bytes
        self.release = release
    }

    convenience init(copying array: [UInt8]) {
        if array.isEmpty {
            self.init(bytes: UnsafeRawBufferPointer(start: nil, count: 0), release: .nothing)
            return
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: array.count, alignment: 16)
        array.withUnsafeBytes { buffer.copyMemory(from: $0) }
        self.init(bytes: UnsafeRawBufferPointer(buffer), release: .deallocate)
    }

    /// Maps the file at `path` read-only. Errors carry the system's reason (`strerror`).
    convenience init(mapping path: String) throws(PDFReadError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw PDFReadError(.fileUnreadable, file: path, message: "cannot open: \(ByteSource.systemError())")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw PDFReadError(.fileUnreadable, file: path, message: "cannot stat: \(ByteSource.systemError())")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw PDFReadError(.fileUnreadable, file: path, message: "is a directory, not a PDF file")
        }
        let length = Int(status.st_size)
        if (status.st_mode & S_IFMT) != S_IFREG {
            // A pipe or device: read it to the end instead of mapping.
            var data: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    throw PDFReadError(.fileUnreadable, file: path, offset: data.count,
                                       message: "read failed: \(ByteSource.systemError())")
                }
                if count == 0 { break }
                data.append(contentsOf: chunk[0..<count])
            }
            self.init(copying: data)
            return
        }
        if length == 0 {
            self.init(bytes: UnsafeRawBufferPointer(start: nil, count: 0), release: .nothing)
            return
        }
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw PDFReadError(.fileUnreadable, file: path, message: "cannot map: \(ByteSource.systemError())")
        }
        self.init(bytes: UnsafeRawBufferPointer(start: address, count: length), release: .unmap(length: length))
    }

    deinit {
        switch release {
        case .deallocate: UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
        case .unmap(let length): munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), length)
        case .nothing: break
        }
    }

    var count: Int { bytes.count }

    /// Lets go of the file's pages this process has read so far, when the bytes are a map of the
    /// file: they stay in the system's file cache and come back on the next access (a minor page
    /// fault), but no longer count against the process. Reading every page of a large file would
    /// otherwise end with the whole file resident. Safe while other threads read: the map is
    /// private and read-only, so what they see again is the same bytes.
    func releaseResidentPages() {
        guard case .unmap(let length) = release, let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), length, MADV_DONTNEED)
    }

    /// A copy of `range` (clamped to the file).
    func copy(_ range: Range<Int>) -> [UInt8] {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return Array(bytes[lower..<upper])
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
