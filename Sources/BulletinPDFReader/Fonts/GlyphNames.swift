/// Glyph name → Unicode, following the Adobe Glyph List Specification's mapping rules: drop a suffix
/// after the first period (`a.sc` → `a`), split ligature names at underscores (`f_i` → "fi"), then
/// each component through the AGL, `uniXXXX[XXXX…]` (groups of four hex digits) or `uXXXX[XX]`.
enum GlyphNames {
    private static let list: [String: String] = {
        var table: [String: String] = [:]
        table.reserveCapacity(4400)
        for line in AdobeGlyphListData.text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count >= 2 else { continue }
            var text = ""
            for hex in parts.dropFirst() {
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            }
            table[String(parts[0])] = text
        }
        return table
    }()

    /// The Unicode text for `name`, or nil when the name says nothing (`g123`, `.notdef`, unknown).
    static func unicode(_ name: String) -> String? {
        if let text = list[name] { return text }
        var base = Substring(name)
        if let period = base.firstIndex(of: ".") { base = base[..<period] }
        if base.isEmpty { return nil }
        if base.contains("_") {
            var text = ""
            for part in base.split(separator: "_") {
                guard let part = component(String(part)) else { return nil }
                text += part
            }
            return text
        }
        return component(String(base))
    }

    private static func component(_ name: String) -> String? {
        if let text = list[name] { return text }
        let utf8 = Array(name.utf8)
        if utf8.count >= 7, name.hasPrefix("uni"), (utf8.count - 3) % 4 == 0 {
            var text = ""
            var index = 3
            while index < utf8.count {
                guard let value = hex(utf8[index..<(index + 4)]), !(0xD800...0xDFFF).contains(value),
                      let scalar = Unicode.Scalar(value) else { return nil }
                text.unicodeScalars.append(scalar)
                index += 4
            }
            return text
        }
        if utf8.count >= 5, utf8.count <= 7, utf8[0] == 0x75,  // u
           let value = hex(utf8[1...]), !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value) {
            return String(Character(scalar))
        }
        return nil
    }

    /// Uppercase hex only, as the AGL specification requires.
    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            switch digit {
            case 0x30...0x39: value = value << 4 | UInt32(digit - 0x30)
            case 0x41...0x46: value = value << 4 | UInt32(digit - 0x41 + 10)
            default: return nil
            }
        }
        return value
    }
}

/// Decoding PDF text strings (§7.9.2.2): UTF-16BE with a byte-order mark, UTF-8 with one (PDF 2.0),
/// otherwise PDFDocEncoding.
enum TextString {
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return utf16BigEndian(bytes[2...])
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes[3...], as: UTF8.self)
        }
        var text = ""
        text.unicodeScalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = BaseEncodingTables.pdfDoc[Int(byte)]
            if value != 0, let scalar = Unicode.Scalar(UInt32(value)) { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    /// UTF-16BE code units (an odd trailing byte is dropped; lone surrogates become U+FFFD).
    static func utf16BigEndian(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
