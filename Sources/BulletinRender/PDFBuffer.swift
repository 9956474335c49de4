/// Bytes of PDF syntax (PDF 32000 §7.3) built by appending tokens: numbers, names, strings.
/// Everything is written straight into one array; numbers are formatted without `String` so a
/// page of ten thousand glyph positions costs little.
struct PDFBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    /// ASCII syntax: operators, keys, delimiters.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(ascii text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    mutating func append(_ integer: Int) {
        if integer < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendDigits(UInt64(-integer))
        } else {
            appendDigits(UInt64(integer))
        }
    }

    /// A real number with at most `decimals` digits after the point, trailing zeros dropped:
    /// `12`, `0.5`, `-3.25`. Not-finite values (never produced by the layout) are written as 0 so
    /// the file stays valid.
    mutating func append(_ value: Double, decimals: Int) {
        let scale = PDFBuffer.powersOfTen[decimals]
        let scaled = (value * Double(scale)).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15, scaled != 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = UInt64(abs(scaled))
        appendDigits(magnitude / scale)
        var fraction = magnitude % scale
        guard fraction != 0 else { return }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        bytes.append(UInt8(ascii: "."))
        var divisor = PDFBuffer.powersOfTen[digits - 1]
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    private static let powersOfTen: [UInt64] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

    private mutating func appendDigits(_ value: UInt64) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    /// A name object, `/FandolFang-Regular`; bytes outside the regular printable set are written
    /// as `#xx` (§7.3.5).
    mutating func append(name: String) {
        bytes.append(UInt8(ascii: "/"))
        for byte in name.utf8 {
            if byte > 0x20, byte < 0x7F, !PDFBuffer.delimiters.contains(byte), byte != UInt8(ascii: "#") {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "#"))
                appendHex(byte)
            }
        }
    }

    private static let delimiters: Set<UInt8> = Set("()<>[]{}/%".utf8)

    /// A text string (§7.9.2.2): printable ASCII as a literal string, anything else as UTF-16BE
    /// with a byte-order mark, in hex.
    mutating func append(textString text: String) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            bytes.append(UInt8(ascii: "("))
            for byte in text.utf8 {
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") {
                    bytes.append(UInt8(ascii: "\\"))
                }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: ")"))
        } else {
            bytes.append(UInt8(ascii: "<"))
            append(hex16: 0xFEFF)
            for unit in text.utf16 { append(hex16: unit) }
            bytes.append(UInt8(ascii: ">"))
        }
    }

    /// Four hex digits (a CID in a hex string, a UTF-16 code unit).
    mutating func append(hex16 value: UInt16) {
        appendHex(UInt8(value >> 8))
        appendHex(UInt8(value & 0xFF))
    }

    mutating func appendHex(_ byte: UInt8) {
        bytes.append(PDFBuffer.hexDigits[Int(byte >> 4)])
        bytes.append(PDFBuffer.hexDigits[Int(byte & 0xF)])
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
