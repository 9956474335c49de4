/// Parses PDF objects (PDF 32000-1 §7.3) from bytes: direct objects, `N G R` references, and the
/// `N G obj … endobj` wrapper of indirect objects. Stream data is not read here: the caller (the
/// object store) finds it after the dictionary because its /Length may be an indirect object.
struct ObjectParser {
    var scanner: Scanner
    /// Nesting limit for arrays and dictionaries: deeper input is an error, not a stack overflow.
    /// Acrobat's own limit is 28 (PDF 32000-1 Annex C); 100 leaves room and stays far from the stack
    /// size of a secondary thread (512 KiB) even with the recursion's frames.
    static let maximumDepth = 100

    init(_ bytes: UnsafeRawBufferPointer, at position: Int = 0) {
        scanner = Scanner(bytes, at: position)
    }

    var position: Int {
        get { scanner.position }
        set { scanner.position = newValue }
    }

    /// Reads one object. `depth` counts enclosing arrays/dictionaries.
    mutating func parseObject(depth: Int = 0) throws(PDFSyntaxError) -> PDFObject {
        scanner.skipWhitespace()
        guard let byte = scanner.peek() else {
            throw PDFSyntaxError("unexpected end of data, expected an object", at: scanner.position)
        }
        switch byte {
        case 0x2F:  // /
            return .name(scanner.readName())
        case 0x28:  // (
            var bytes: [UInt8] = []
            scanner.readLiteralString(into: &bytes)
            return .string(bytes)
        case 0x3C:  // <
            if scanner.peek(1) == 0x3C {
                return .dictionary(try parseDictionary(depth: depth))
            }
            var bytes: [UInt8] = []
            scanner.readHexString(into: &bytes)
            return .string(bytes)
        case 0x5B:  // [
            guard depth < ObjectParser.maximumDepth else {
                throw PDFSyntaxError("arrays and dictionaries nested deeper than \(ObjectParser.maximumDepth)",
                                     at: scanner.position)
            }
            scanner.position += 1
            var elements: [PDFObject] = []
            while true {
                scanner.skipWhitespace()
                guard let next = scanner.peek() else {
                    throw PDFSyntaxError("unterminated array, expected ']'", at: scanner.position)
                }
                if next == 0x5D { scanner.position += 1; break }
                if next == 0x3E || next == 0x29 || next == 0x7B || next == 0x7D {
                    // A stray '>' ')' '{' '}' inside an array: skip it rather than fail the object.
                    scanner.position += 1
                    continue
                }
                if Scanner.isRegular(next), !ObjectParser.startsNumber(next) {
                    // A keyword: `endobj`/`stream` means the array was never closed.
                    if scanner.matches("endobj") || scanner.matches("stream") || scanner.matches("obj") {
                        throw PDFSyntaxError("unterminated array, expected ']'", at: scanner.position)
                    }
                }
                elements.append(try parseObject(depth: depth + 1))
            }
            return .array(elements)
        case 0x2B, 0x2D, 0x2E, 0x30...0x39:
            return parseNumberOrReference()
        default:
            if Scanner.isRegular(byte) {
                if scanner.matches("true") { scanner.position += 4; return .boolean(true) }
                if scanner.matches("false") { scanner.position += 5; return .boolean(false) }
                if scanner.matches("null") { scanner.position += 4; return .null }
                let range = scanner.keywordRange()
                let word = String(decoding: scanner.bytes[range.prefix(20)], as: UTF8.self)
                throw PDFSyntaxError("unexpected keyword '\(word)', expected an object", at: scanner.position)
            }
            throw PDFSyntaxError("unexpected '\(Character(Unicode.Scalar(byte)))', expected an object",
                                 at: scanner.position)
        }
    }

    static func startsNumber(_ byte: UInt8) -> Bool {
        byte == 0x2B || byte == 0x2D || byte == 0x2E || (byte >= 0x30 && byte <= 0x39)
    }

    /// A number, or `N G R` when two unsigned integers are followed by the keyword R.
    private mutating func parseNumberOrReference() -> PDFObject {
        let start = scanner.position
        let first = scanner.readNumber()
        guard case .integer(let number) = first, number >= 0, let firstByte = scanner.bytes[start...].first,
              firstByte >= 0x30, firstByte <= 0x39 else { return first }
        let afterFirst = scanner.position
        scanner.skipWhitespace()
        if let generation = scanner.readUnsignedInteger(), generation <= 65535 {
            scanner.skipWhitespace()
            if scanner.peek() == 0x52, scanner.matches("R") {
                scanner.position += 1
                return .reference(ObjectID(number: number, generation: generation))
            }
        }
        scanner.position = afterFirst
        return first
    }

    /// Reads `<< key value … >>`. A key without a value (odd count) gets null; a non-name key is skipped.
    mutating func parseDictionary(depth: Int) throws(PDFSyntaxError) -> PDFDictionary {
        guard depth < ObjectParser.maximumDepth else {
            throw PDFSyntaxError("arrays and dictionaries nested deeper than \(ObjectParser.maximumDepth)",
                                 at: scanner.position)
        }
        let start = scanner.position
        scanner.position += 2
        var pairs: [(key: String, value: PDFObject)] = []
        while true {
            scanner.skipWhitespace()
            guard let byte = scanner.peek() else {
                throw PDFSyntaxError("unterminated dictionary (opened at byte offset \(start)), expected '>>'",
                                     at: scanner.position)
            }
            if byte == 0x3E {  // >
                scanner.position += scanner.peek(1) == 0x3E ? 2 : 1
                break
            }
            guard byte == 0x2F else {
                if scanner.matches("endobj") || scanner.matches("stream") {
                    throw PDFSyntaxError("unterminated dictionary (opened at byte offset \(start)), expected '>>'",
                                         at: scanner.position)
                }
                // Not a name where a key belongs: skip the object (some writers emit junk here). A
                // bare word is skipped too: `/BaseFont /Arial,Unicode MS` (a name with a space, as
                // some writers print it) leaves `MS` there, and pdf.js and poppler read on past it.
                if Scanner.isRegular(byte), !ObjectParser.startsNumber(byte),
                   !(scanner.matches("true") || scanner.matches("false") || scanner.matches("null")) {
                    scanner.position = max(scanner.keywordRange().upperBound, scanner.position + 1)
                    continue
                }
                _ = try parseObject(depth: depth + 1)
                continue
            }
            let key = scanner.readName()
            scanner.skipWhitespace()
            if scanner.peek() == 0x3E {  // `/Key >>`: a key without value
                pairs.append((key, .null))
                continue
            }
            let value = try parseObject(depth: depth + 1)
            pairs.append((key, value))
        }
        return PDFDictionary(pairs: pairs)
    }

    /// Reads `N G obj` at the position; returns the ID, or nil (position unchanged) when absent.
    mutating func parseObjectHeader() -> ObjectID? {
        let start = scanner.position
        scanner.skipWhitespace()
        guard let number = scanner.readUnsignedInteger() else { scanner.position = start; return nil }
        scanner.skipWhitespace()
        guard let generation = scanner.readUnsignedInteger() else { scanner.position = start; return nil }
        scanner.skipWhitespace()
        guard scanner.matches("obj") else { scanner.position = start; return nil }
        scanner.position += 3
        return ObjectID(number: number, generation: generation)
    }

    /// After a dictionary: when the keyword `stream` follows, the offset where the stream data begins
    /// (after the single end-of-line that must follow the keyword, §7.3.8.1; a lone CR is tolerated).
    mutating func streamDataStart() -> Int? {
        let saved = scanner.position
        scanner.skipWhitespace()
        guard scanner.matches("stream") else { scanner.position = saved; return nil }
        scanner.position += 6
        // Some writers put spaces before the EOL.
        while scanner.peek() == 0x20 { scanner.position += 1 }
        if scanner.peek() == 0x0D { scanner.position += 1 }
        if scanner.peek() == 0x0A { scanner.position += 1 }
        return scanner.position
    }
}
