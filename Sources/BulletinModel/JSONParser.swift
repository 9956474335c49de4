/// A JSON syntax error: what is wrong and where. Parsing stops at the first one, because after a
/// syntax error the rest of the text can no longer be read reliably.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation
    /// JSON path of the value being read when the error was found (`sections[0].articles[1]`);
    /// nil at the top level.
    public var path: String?

    public init(_ message: String, at location: SourceLocation, path: String? = nil) {
        self.message = message
        self.location = location
        self.path = path
    }

    /// `line:column: message`.
    public var description: String { "\(location): \(message)" }
}

/// Parses JSON text (RFC 8259) into a `JSONValue` tree in which every value knows its location.
///
/// We have our own parser because Foundation's `JSONDecoder` reports no line:column, and issue
/// files are written by hand: "14:9: expected ',' or '}'" is what makes an error fixable.
///
/// Strict RFC 8259: no comments, no trailing commas, no single quotes; the input must be valid
/// UTF-8 (a leading byte order mark is skipped); a `\u` escape of half a surrogate pair is an
/// error; duplicate keys in one object are an error (RFC 8259 leaves them undefined, and in a
/// hand-written file the second one is nearly always a copy-paste slip).
///
/// Nesting deeper than `maxDepth` is an error, and the parser does not recurse, so no input can
/// overflow the stack. It works on bytes, not `Character`s: a 10 MB file parses in well under a
/// second in release (about 0.05 s for a 10 MB issue).
///
/// Files: this one has the entry point and the cursor (whitespace, line:column, messages);
/// `JSONParser+Structure.swift` reads arrays and objects; `JSONParser+Scalars.swift` reads
/// strings, numbers and literals.
public enum JSONParser {
    /// Far deeper than any real document needs; a limit at all keeps hostile input cheap.
    public static let defaultMaxDepth = 512

    /// Parses `bytes` (UTF-8) as one JSON value, optionally surrounded by whitespace.
    public static func parse(_ bytes: [UInt8],
                             maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var cursor = Cursor(bytes: buffer)
            return Result { () throws(JSONSyntaxError) in try cursor.parseDocument(maxDepth: maxDepth) }
        }
        return try result.get()
    }

    /// Parses a string's UTF-8 form.
    public static func parse(_ text: String,
                             maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }
}

/// The ASCII bytes the JSON grammar uses, named for readability.
enum JSONByte {
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":"), minus = UInt8(ascii: "-")
    static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    static let digits = UInt8(ascii: "0") ... UInt8(ascii: "9")
}

extension JSONParser {
    /// A position in the input, with the line bookkeeping needed to turn byte offsets into
    /// line:column. It reads the input once, front to back.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        // Line breaks can only occur in whitespace (a raw one inside a string is an error), so
        // `skipWhitespace` is the only place that advances `line`.
        var line = 1
        var lineStart = 0
        // Columns are computed lazily by counting the bytes that start a scalar, from the last
        // computed point on the current line; locations are asked for left to right, so the
        // total work stays linear even for a 10 MB single-line file.
        var columnCacheOffset = 0
        var columnCacheCount = 0

        /// Reused buffer for strings that contain escapes.
        var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        // MARK: Whitespace and locations

        var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhitespace() {
            while let byte = peek {
                switch byte {
                case 0x20, 0x09:
                    position += 1
                case JSONByte.newline, JSONByte.carriageReturn:
                    // CR LF counts as one line break, and so does a lone CR.
                    position += 1
                    if byte == JSONByte.carriageReturn, peek == JSONByte.newline { position += 1 }
                    line += 1
                    lineStart = position
                    columnCacheOffset = position
                    columnCacheCount = 0
                default:
                    return
                }
            }
        }

        /// The location of byte `offset`, which must lie on the current line.
        mutating func location(at offset: Int) -> SourceLocation {
            if offset < columnCacheOffset {  // rare: an error pointing back, e.g. at an opening quote
                columnCacheOffset = lineStart
                columnCacheCount = 0
            }
            var count = columnCacheCount
            for i in columnCacheOffset ..< offset where bytes[i] & 0xC0 != 0x80 { count += 1 }
            columnCacheOffset = offset
            columnCacheCount = count
            return SourceLocation(line: line, column: count + 1, offset: offset)
        }

        // MARK: Error messages

        /// "expected X, found Y" at the current position.
        mutating func expected(_ what: String) -> JSONSyntaxError {
            JSONSyntaxError("expected \(what), found \(describeCurrent())", at: location(at: position))
        }

        /// Names what is at the current position, with a remark for mistakes common in
        /// hand-written JSON (comments, single quotes).
        func describeCurrent() -> String {
            guard let byte = peek else { return "end of input" }
            switch byte {
            case UInt8(ascii: "/"): return "'/' (comments are not allowed in JSON)"
            case UInt8(ascii: "'"): return "\"'\" (JSON strings use double quotes)"
            case 0x20 ..< 0x7F: return "'\(UnicodeScalar(byte))'"
            case 0 ..< 0x20, 0x7F: return codePoint(UInt32(byte))
            default:
                guard let length = validUTF8SequenceLength(at: position) else { return invalidUTF8(byte) }
                let character = UnsafeBufferPointer(rebasing: bytes[position ..< position + length])
                return "'" + String(decoding: character, as: UTF8.self) + "'"
            }
        }
    }
}

/// `U+001F` style.
func codePoint(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// `invalid UTF-8 (byte 0xFF)`.
func invalidUTF8(_ byte: UInt8) -> String {
    "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))"
}
