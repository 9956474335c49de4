/// Why a PDF could not be opened at all. Problems that leave part of the document readable are
/// `PDFWarning`s instead; this error means there is nothing to extract.
public struct PDFReadError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What kind of failure, for callers that react differently (e.g. ask for a password).
    public enum Kind: String, Sendable, Equatable {
        /// The file could not be opened, mapped or read (see `message` for the system's reason).
        case fileUnreadable
        /// Zero bytes.
        case empty
        /// No `%PDF-` header and no PDF objects anywhere in the bytes.
        case notPDF
        /// The structure (cross-reference table, trailer, catalog, page tree) could not be recovered.
        case damaged
        /// The file is encrypted, does not open with the empty user password, and no password was given.
        case passwordRequired
        /// The file is encrypted and the password given is neither its user nor its owner password.
        case wrongPassword
        /// Encrypted with a security handler or algorithm this reader does not implement.
        case unsupportedEncryption
    }

    public var kind: Kind
    /// The file's path when it was opened from one.
    public var file: String?
    /// Byte offset in the file where the problem was found, when there is one place to point at.
    public var offset: Int?
    /// What went wrong and, where it helps, what was expected.
    public var message: String

    public init(_ kind: Kind, file: String? = nil, offset: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.offset = offset
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let offset { parts.append("byte offset \(offset)") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

/// A syntax problem found while parsing one object or stream, located by byte offset in the buffer
/// being parsed. Internal: the document turns these into warnings or a `PDFReadError`.
struct PDFSyntaxError: Error, Sendable {
    var offset: Int
    var message: String

    init(_ message: String, at offset: Int) {
        self.offset = offset
        self.message = message
    }
}
