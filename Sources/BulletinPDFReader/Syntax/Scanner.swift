/// Byte classes and the token readers shared by the object parser, the content-stream parser and the
/// CMap parser (PDF 32000-1 §7.2: white-space and delimiter characters). Works on an
/// `UnsafeRawBufferPointer` with integer positions: no String in the hot path.
struct Scanner {
    let bytes: UnsafeRawBufferPointer
    var position: Int

    /// A negative start (an offset read from a damaged file) is clamped to 0: every read below
    /// checks only the upper bound, and unchecked raw-buffer reads must never go below the start.
    init(_ bytes: UnsafeRawBufferPointer, at position: Int = 0) {
        self.bytes = bytes
        self.position = max(0, position)
    }

    var count: Int { bytes.count }
    var atEnd: Bool { position >= bytes.count }

    @inline(__always) func peek(_ offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < bytes.count && index >= 0 ? bytes[index] : nil
    }

    // MARK: Character classes

    /// White-space bytes 0, 9, 10, 12, 13, 32 and delimiters `( ) < > [ ] { } / %` as bit masks over
    /// byte values 0–63 and 64–127 (bit tests, no table lookups through a lazily initialized global).
    private static let whitespaceMask: UInt64 = 1 << 0 | 1 << 9 | 1 << 10 | 1 << 12 | 1 << 13 | 1 << 32
    private static let delimiterMaskLow: UInt64 = 1 << 0x25 | 1 << 0x28 | 1 << 0x29 | 1 << 0x2F | 1 << 0x3C | 1 << 0x3E
    private static let delimiterMaskHigh: UInt64 = 1 << (0x5B - 64) | 1 << (0x5D - 64) | 1 << (0x7B - 64) | 1 << (0x7D - 64)

    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte < 64 && (whitespaceMask >> UInt64(byte)) & 1 != 0
    }

    @inline(__always) static func isDelimiter(_ byte: UInt8) -> Bool {
        if byte < 64 { return (delimiterMaskLow >> UInt64(byte)) & 1 != 0 }
        if byte < 128 { return (delimiterMaskHigh >> UInt64(byte - 64)) & 1 != 0 }
        return false
    }

    @inline(__always) static func isRegular(_ byte: UInt8) -> Bool {
        if byte < 64 { return ((whitespaceMask | delimiterMaskLow) >> UInt64(byte)) & 1 == 0 }
        if byte < 128 { return (delimiterMaskHigh >> UInt64(byte - 64)) & 1 == 0 }
        return true
    }

    @inline(__always) static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    // MARK: Skipping

    /// Skips white-space and comments (`%` to end of line).
    @inline(__always) mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            if Scanner.isWhitespace(byte) {
                position += 1
            } else if byte == 0x25 {  // %
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// Skips regular characters (one keyword or number token).
    mutating func skipRegular() {
        while position < bytes.count, Scanner.isRegular(bytes[position]) { position += 1 }
    }

    /// True when the bytes at the position are `keyword` followed by a non-regular byte or the end.
    func matches(_ keyword: StaticString) -> Bool {
        let length = keyword.utf8CodeUnitCount
        guard position + length <= bytes.count else { return false }
        let pointer = keyword.utf8Start
        for index in 0..<length where bytes[position + index] != pointer[index] { return false }
        return position + length == bytes.count || !Scanner.isRegular(bytes[position + length])
    }

    /// The regular-character token at the position (a keyword), not consumed.
    func keywordRange() -> Range<Int> {
        var end = position
        while end < bytes.count, Scanner.isRegular(bytes[end]) { end += 1 }
        return position..<end
    }

    // MARK: Numbers

    /// Reads an unsigned decimal integer (no sign, no point); nil when the next byte is not a digit or
    /// the number has more than 18 digits.
    mutating func readUnsignedInteger() -> Int? {
        var value = 0
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            guard byte >= 0x30, byte <= 0x39 else { break }
            if position - start >= 18 { return nil }
            value = value * 10 + Int(byte - 0x30)
            position += 1
        }
        return position > start ? value : nil
    }

    /// Reads a number token (§7.3.3) leniently, as producers write them: `+`/`-` signs (repeated signs
    /// and a sign after digits are tolerated as Acrobat does), a decimal point, no exponent. Returns
    /// an integer when there is no point and the value fits, else a real.
    mutating func readNumber() -> PDFObject {
        var negative = false
        while position < bytes.count, bytes[position] == 0x2D || bytes[position] == 0x2B {
            if bytes[position] == 0x2D { negative.toggle() }
            position += 1
        }
        var integerPart: Int = 0
        var digits = 0
        var real = false
        var fraction: Double = 0
        var scale: Double = 1
        var overflow = false
        var big: Double = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= 0x30, byte <= 0x39 {
                let digit = Int(byte - 0x30)
                if real {
                    scale *= 0.1
                    fraction += Double(digit) * scale
                } else {
                    digits += 1
                    if digits > 18 {
                        if !overflow { big = Double(integerPart); overflow = true }
                        big = big * 10 + Double(digit)
                    } else {
                        integerPart = integerPart * 10 + digit
                    }
                }
            } else if byte == 0x2E, !real {  // .
                real = true
            } else if byte == 0x2D || byte == 0x2B {
                // "5-" or "0.5-3": a stray sign inside a number; skip it (Acrobat reads up to it).
            } else {
                break
            }
            position += 1
        }
        if !real, !overflow {
            return .integer(negative ? -integerPart : integerPart)
        }
        var value = (overflow ? big : Double(integerPart)) + fraction
        if negative { value = -value }
        return .real(value)
    }

    /// Fast path for content streams: the number as a Double.
    @inline(__always) mutating func readDouble() -> Double {
        switch readNumber() {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        default: return 0
        }
    }

    // MARK: Names and strings

    /// Reads a name after its `/` (position at the slash): `#xx` escapes decoded (§7.3.5).
    mutating func readName() -> String {
        position += 1  // '/'
        let start = position
        var hasEscape = false
        var ascii = true
        while position < bytes.count, Scanner.isRegular(bytes[position]) {
            let byte = bytes[position]
            if byte == 0x23 { hasEscape = true }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        if !hasEscape && ascii {
            // The common case: build the string straight from the buffer, no intermediate array.
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        }
        var raw = Array(bytes[start..<position])
        if hasEscape {
            var decoded: [UInt8] = []
            decoded.reserveCapacity(raw.count)
            var index = 0
            while index < raw.count {
                if raw[index] == 0x23, index + 2 < raw.count,
                   let high = Scanner.hexValue(raw[index + 1]), let low = Scanner.hexValue(raw[index + 2]) {
                    decoded.append(high << 4 | low)
                    index += 3
                } else {
                    decoded.append(raw[index])
                    index += 1
                }
            }
            raw = decoded
        }
        return Scanner.nameString(raw)
    }

    /// Reads a name after its `/` (position at the slash) into `output`, `#xx` escapes decoded.
    mutating func readName(into output: inout [UInt8]) {
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            guard Scanner.isRegular(byte) else { return }
            if byte == 0x23, position + 2 < bytes.count, let high = Scanner.hexValue(bytes[position + 1]),
               let low = Scanner.hexValue(bytes[position + 2]) {
                output.append(high << 4 | low)
                position += 3
            } else {
                output.append(byte)
                position += 1
            }
        }
    }

    /// Names are byte sequences; UTF-8 where valid (the common case), else Latin-1 so every byte is kept.
    static func nameString(_ raw: [UInt8]) -> String {
        if let text = String(validating: raw, as: UTF8.self) { return text }
        return String(raw.map { Character(Unicode.Scalar($0)) })
    }

    /// Reads a literal string `( … )` (position at the opening parenthesis) with balanced parentheses,
    /// escapes and end-of-line normalization (§7.3.4.2). An unterminated string ends at the buffer end.
    mutating func readLiteralString(into output: inout [UInt8]) {
        position += 1
        var depth = 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x28:  // (
                depth += 1
                output.append(byte)
            case 0x29:  // )
                depth -= 1
                if depth == 0 { return }
                output.append(byte)
            case 0x5C:  // backslash
                guard position < bytes.count else { return }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case 0x6E: output.append(0x0A)  // n
                case 0x72: output.append(0x0D)  // r
                case 0x74: output.append(0x09)  // t
                case 0x62: output.append(0x08)  // b
                case 0x66: output.append(0x0C)  // f
                case 0x0D:  // line continuation
                    if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                case 0x0A: break
                case 0x30...0x37:
                    var value = Int(escaped - 0x30)
                    for _ in 0..<2 {
                        guard position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x37 else { break }
                        value = value * 8 + Int(bytes[position] - 0x30)
                        position += 1
                    }
                    output.append(UInt8(truncatingIfNeeded: value))
                default: output.append(escaped)  // \( \) \\ and unknown escapes: the character itself
                }
            case 0x0D:  // CR or CR LF → LF
                if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                output.append(0x0A)
            default:
                output.append(byte)
            }
        }
    }

    /// Reads a hexadecimal string `< … >` (position at `<`); white-space ignored, an odd final digit
    /// padded with 0 (§7.3.4.3). Non-hex garbage is skipped.
    mutating func readHexString(into output: inout [UInt8]) {
        position += 1
        var high: UInt8? = nil
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == 0x3E { break }  // >
            guard let value = Scanner.hexValue(byte) else { continue }
            if let pending = high {
                output.append(pending << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        if let pending = high { output.append(pending << 4) }
    }
}
