/// Reading the values that contain no other values: strings (escapes and UTF-8 checking),
/// numbers and the literals `true`, `false` and `null`.
extension JSONParser.Cursor {
    // MARK: Strings

    /// Parses a string starting at its opening quote. Plain runs of text are copied in one go,
    /// straight from the input; only strings with escapes go through `scratch`.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let openingQuote = position
        position += 1
        var segmentStart = position  // start of the text not yet copied to `scratch`
        var hasEscapes = false
        while let byte = peek {
            switch byte {
            case JSONByte.quote:
                let segment = UnsafeBufferPointer(rebasing: bytes[segmentStart ..< position])
                position += 1
                if !hasEscapes { return String(decoding: segment, as: UTF8.self) }
                scratch.append(contentsOf: segment)
                return String(decoding: scratch, as: UTF8.self)
            case JSONByte.backslash:
                if !hasEscapes { scratch.removeAll(keepingCapacity: true); hasEscapes = true }
                scratch.append(contentsOf: bytes[segmentStart ..< position])
                try parseEscape()
                segmentStart = position
            case JSONByte.newline, JSONByte.carriageReturn:
                // Most likely the closing quote is missing, so point at the opening one.
                throw JSONSyntaxError("unterminated string (a line break inside a string must be written \\n)",
                                      at: location(at: openingQuote))
            case 0 ..< 0x20:
                throw JSONSyntaxError("control character \(codePoint(UInt32(byte))) must be escaped in a string",
                                      at: location(at: position))
            case 0x20 ..< 0x80:
                position += 1
            default:
                guard let length = validUTF8SequenceLength(at: position) else {
                    throw JSONSyntaxError("\(invalidUTF8(byte)) in string", at: location(at: position))
                }
                position += length
            }
        }
        throw JSONSyntaxError("unterminated string", at: location(at: openingQuote))
    }

    /// Parses one escape sequence starting at its backslash and appends its UTF-8 to `scratch`.
    mutating func parseEscape() throws(JSONSyntaxError) {
        let escapeStart = position
        position += 1
        guard let letter = peek else { throw JSONSyntaxError("unterminated string", at: location(at: escapeStart)) }
        position += 1
        let simple: UInt8? = switch letter {
        case JSONByte.quote, JSONByte.backslash, UInt8(ascii: "/"): letter
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            scratch.append(simple)
            return
        }
        guard letter == UInt8(ascii: "u") else {
            let shown = (0x20 ..< 0x7F).contains(letter) ? String(UnicodeScalar(letter)) : codePoint(UInt32(letter))
            let valid = #"\" \\ \/ \b \f \n \r \t \uXXXX"#
            throw JSONSyntaxError("invalid escape '\\\(shown)' in string (valid: \(valid))",
                                  at: location(at: escapeStart))
        }
        var code = try parseHex4(escapeStart)
        // Characters outside the Basic Multilingual Plane are written as a UTF-16 surrogate
        // pair, \uD83D\uDE00; either half alone is no character at all.
        let loneSurrogate = "lone surrogate \\u\(String(code, radix: 16, uppercase: true)): "
        if (0xDC00 ... 0xDFFF).contains(code) {
            throw JSONSyntaxError(loneSurrogate + "a low surrogate must follow a high surrogate \\uD800–\\uDBFF",
                                  at: location(at: escapeStart))
        }
        if (0xD800 ... 0xDBFF).contains(code) {
            let lowStart = position
            var low: UInt32 = 0
            let followedByEscape = bytes.count - position >= 2 && bytes[position] == JSONByte.backslash
                && bytes[position + 1] == UInt8(ascii: "u")
            if followedByEscape {
                position += 2
                low = try parseHex4(lowStart)
            }
            guard (0xDC00 ... 0xDFFF).contains(low) else {
                throw JSONSyntaxError(loneSurrogate + "a high surrogate must be followed by a low surrogate "
                                      + "\\uDC00–\\uDFFF", at: location(at: escapeStart))
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        UTF8.encode(Unicode.Scalar(code)!) { scratch.append($0) }
    }

    /// Reads the four hex digits of a `\u` escape whose backslash is at `escapeStart`.
    mutating func parseHex4(_ escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            guard let byte = peek, let digit = hexDigitValue(byte) else {
                throw JSONSyntaxError("invalid \\u escape: expected four hex digits", at: location(at: escapeStart))
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// The length of the well-formed UTF-8 sequence starting at `index` (the RFC 3629 table: no
    /// overlong forms, no surrogates, nothing above U+10FFFF), or nil.
    func validUTF8SequenceLength(at index: Int) -> Int? {
        let (length, second): (Int, ClosedRange<UInt8>) = switch bytes[index] {
        case 0x00 ... 0x7F: (1, 0 ... 0)
        case 0xC2 ... 0xDF: (2, 0x80 ... 0xBF)
        case 0xE0: (3, 0xA0 ... 0xBF)
        case 0xED: (3, 0x80 ... 0x9F)
        case 0xE1 ... 0xEF: (3, 0x80 ... 0xBF)
        case 0xF0: (4, 0x90 ... 0xBF)
        case 0xF1 ... 0xF3: (4, 0x80 ... 0xBF)
        case 0xF4: (4, 0x80 ... 0x8F)
        default: (0, 0 ... 0)
        }
        guard length > 0, bytes.count - index >= length else { return nil }
        if length == 1 { return 1 }
        guard second.contains(bytes[index + 1]) else { return nil }
        for i in 2 ..< length where bytes[index + i] & 0xC0 != 0x80 { return nil }
        return length
    }

    // MARK: Numbers and literals

    /// Checks the RFC 8259 number grammar and returns the literal text.
    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = position
        if peek == JSONByte.minus { position += 1 }
        if peek == UInt8(ascii: "0") {
            position += 1
            if isDigit(peek) {
                throw JSONSyntaxError("leading zeros are not allowed in numbers", at: location(at: start))
            }
        } else {
            guard isDigit(peek) else { throw expected("a digit after '-'") }
            skipDigits()
        }
        if peek == UInt8(ascii: ".") {
            position += 1
            guard isDigit(peek) else { throw expected("a digit after the decimal point") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == JSONByte.minus { position += 1 }
            guard isDigit(peek) else { throw expected("a digit in the exponent") }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< position]), as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8?) -> Bool { byte.map(JSONByte.digits.contains) ?? false }

    private mutating func skipDigits() {
        while isDigit(peek) { position += 1 }
    }

    /// Reads `true`, `false` or `null`.
    mutating func parseLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - position >= expected.count,
              bytes[position ..< position + expected.count].elementsEqual(expected) else {
            throw JSONSyntaxError("invalid literal; expected \(word)", at: location(at: position))
        }
        position += expected.count
    }
}

private func hexDigitValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0") ... UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a") ... UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A") ... UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}
