/// Glyph name → Unicode, following the Adobe Glyph List Specification's mapping rules: drop a suffix
/// after the first period (`a.sc` → `a`), split ligature names at underscores (`f_i` → "fi"), then
/// each component through the AGL, `uniXXXX[XXXX…]` (groups of four hex digits) or `uXXXX[XX]`.
enum GlyphNames {
    /// Byte offsets of the lines of the (name-sorted) glyph list text, found once; lookups then
    /// binary-search the text itself. Parsing all 4281 entries into a dictionary instead costs
    /// milliseconds at the first simple font — most of a small file's cold start.
    private static let lineStarts: [Int] = {
        var starts = [0]
        var text = AdobeGlyphListData.text
        text.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() where byte == 0x0A && index + 1 < bytes.count { starts.append(index + 1) }
        }
        return starts
    }()

    private static func lookup(_ name: String) -> String? {
        var key = name
        var text = AdobeGlyphListData.text
        let starts = lineStarts
        return key.withUTF8 { key -> String? in
            text.withUTF8 { bytes -> String? in
                var low = 0, high = starts.count - 1
                while low <= high {
                    let middle = (low + high) / 2
                    var position = starts[middle]
                    // Compare the line's name (up to the space) with the key, byte by byte.
                    var index = 0
                    var order = 0
                    while true {
                        let lineByte: UInt8 = position < bytes.count && bytes[position] != 0x20 ? bytes[position] : 0
                        let keyByte: UInt8 = index < key.count ? key[index] : 0
                        if lineByte != keyByte { order = lineByte < keyByte ? -1 : 1; break }
                        if lineByte == 0 { break }
                        position += 1
                        index += 1
                    }
                    if order < 0 { low = middle + 1; continue }
                    if order > 0 { high = middle - 1; continue }
                    // Found: hex code points follow the space, to the end of the line.
                    var result = ""
                    var value: UInt32 = 0
                    var digits = 0
                    position += 1
                    while position <= bytes.count {
                        let byte: UInt8 = position < bytes.count ? bytes[position] : 0x0A
                        if byte == 0x20 || byte == 0x0A {
                            if digits > 0, let scalar = Unicode.Scalar(value) { result.unicodeScalars.append(scalar) }
                            value = 0
                            digits = 0
                            if byte == 0x0A { break }
                        } else if let digit = Scanner.hexValue(byte) {
                            value = value << 4 | UInt32(digit)
                            digits += 1
                        }
                        position += 1
                    }
                    return result
                }
                return nil
            }
        }
    }

    /// The Unicode text for `name`, or nil when the name says nothing (`g123`, `.notdef`, unknown).
    static func unicode(_ name: String) -> String? {
        if let text = lookup(name) { return text }
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
        if let text = lookup(name) { return text }
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

    /// Hex digits. The AGL specification asks for uppercase; producers write `uni002a` too, and
    /// pdf.js and poppler read it.
    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            switch digit {
            case 0x30...0x39: value = value << 4 | UInt32(digit - 0x30)
            case 0x41...0x46: value = value << 4 | UInt32(digit - 0x41 + 10)
            case 0x61...0x66: value = value << 4 | UInt32(digit - 0x61 + 10)
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

    /// `text` in PDFDocEncoding, or nil when a character has no code there.
    static func pdfDocEncoded(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard let byte = BaseEncodingTables.pdfDoc.firstIndex(where: { $0 != 0 && UInt32($0) == scalar.value }) else { return nil }
            bytes.append(UInt8(byte))
        }
        return bytes
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
