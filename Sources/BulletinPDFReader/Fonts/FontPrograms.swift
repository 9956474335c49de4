/// Reads just enough of embedded font programs to recover text when a Type0 font has no ToUnicode
/// (§9.10.2 method of last resort): the TrueType/OpenType `cmap` (Apple TrueType Reference, OpenType
/// spec "cmap": formats 0, 4, 6, 12) inverted to glyph → Unicode, and the CFF charset (Adobe TN #5176
/// §13) giving glyph → CID or glyph name.
enum TrueTypeTables {
    /// Table tag → byte range inside `font`.
    static func directory(_ font: [UInt8]) -> [String: Range<Int>] {
        var start = 0
        if font.count >= 16, font[0..<4].elementsEqual("ttcf".utf8) {
            start = Int(BigEndian.u32(font, 12) ?? 0)  // first font of a collection
        }
        guard let count = BigEndian.u16(font, start + 4) else { return [:] }
        var tables: [String: Range<Int>] = [:]
        for index in 0..<Int(count) {
            let record = start + 12 + index * 16
            guard record + 16 <= font.count, let offset = BigEndian.u32(font, record + 8),
                  let length = BigEndian.u32(font, record + 12) else { break }
            let tag = String(decoding: font[record..<(record + 4)], as: UTF8.self)
            let lower = Int(offset), upper = lower + Int(length)
            if upper <= font.count, lower <= upper { tables[tag] = lower..<upper }
        }
        return tables
    }

    /// Glyph ID → Unicode text from the best Unicode cmap subtable. Where several code points share a
    /// glyph, a unified ideograph beats a Kangxi radical or compatibility ideograph (the look-alike
    /// problem), and otherwise the lowest code point wins.
    ///
    /// With `legacy`, a font with no Unicode subtable is read through its symbol (3,0) or Macintosh
    /// (1,0) subtable: their codes are a simple font's character codes (the low byte of 0xF0xx for
    /// (3,0), §9.6.6.4), taken through WinAnsiEncoding or MacRomanEncoding.
    static func glyphToUnicode(_ font: [UInt8], legacy: Bool = false) -> [Int: String] {
        var best: (rank: Int, offset: Int, table: [UInt16]?)?
        for subtable in subtables(font) {
            let rank: Int
            var table: [UInt16]?
            switch (subtable.platform, subtable.encoding) {
            case (3, 10): rank = 5
            case (0, 4), (0, 6): rank = 4
            case (3, 1): rank = 3
            case (0, _): rank = 2
            case (3, 0) where legacy: rank = 1; table = BaseEncodingTables.winAnsi
            case (1, 0) where legacy: rank = 1; table = BaseEncodingTables.macRoman
            default: rank = 0
            }
            if rank > 0, rank > (best?.rank ?? 0) { best = (rank, subtable.offset, table) }
        }
        guard let best else { return [:] }
        var result: [Int: UInt32] = [:]
        forEachMapping(font, subtable: best.offset) { code, glyph in
            var codePoint = code
            if let table = best.table {
                guard code <= 0xFF || (0xF000...0xF0FF).contains(code) else { return }
                codePoint = UInt32(table[Int(code & 0xFF)])
            }
            guard glyph > 0, codePoint > 0 else { return }
            if let existing = result[glyph] {
                let existingAvoided = avoided(existing), newAvoided = avoided(codePoint)
                if existingAvoided && !newAvoided || existingAvoided == newAvoided && codePoint < existing { result[glyph] = codePoint }
            } else {
                result[glyph] = codePoint
            }
        }
        var text: [Int: String] = [:]
        for (glyph, codePoint) in result {
            if let scalar = Unicode.Scalar(codePoint) { text[glyph] = String(Character(scalar)) }
        }
        return text
    }

    /// The font's cmap subtables: platform, encoding and where each starts.
    static func subtables(_ font: [UInt8]) -> [(platform: UInt16, encoding: UInt16, offset: Int)] {
        guard let cmap = directory(font)["cmap"], let count = BigEndian.u16(font, cmap.lowerBound + 2) else { return [] }
        var result: [(platform: UInt16, encoding: UInt16, offset: Int)] = []
        for index in 0..<Int(count) {
            let record = cmap.lowerBound + 4 + index * 8
            guard let platform = BigEndian.u16(font, record), let encoding = BigEndian.u16(font, record + 2),
                  let offset = BigEndian.u32(font, record + 4) else { break }
            result.append((platform, encoding, cmap.lowerBound + Int(offset)))
        }
        return result
    }

    /// Calls `body` with each (code, glyph) pair of the cmap subtable at `table` (formats 0, 4, 6, 12).
    static func forEachMapping(_ font: [UInt8], subtable table: Int, _ body: (UInt32, Int) -> Void) {
        // Overlapping segments or groups in a hostile font could ask for billions of code points;
        // Unicode has 1.1 million, so stop well past that.
        var budget = 1 << 21
        func add(_ code: UInt32, _ glyph: Int) {
            budget -= 1
            body(code, glyph)
        }
        switch BigEndian.u16(font, table) {
        case 4?:
            guard let segmentsTimesTwo = BigEndian.u16(font, table + 6) else { break }
            let segments = Int(segmentsTimesTwo) / 2
            let ends = table + 14, starts = ends + segments * 2 + 2
            let deltas = starts + segments * 2, rangeOffsets = deltas + segments * 2
            for segment in 0..<segments {
                guard let end = BigEndian.u16(font, ends + segment * 2), let start = BigEndian.u16(font, starts + segment * 2),
                      let delta = BigEndian.u16(font, deltas + segment * 2),
                      let rangeOffset = BigEndian.u16(font, rangeOffsets + segment * 2), start <= end, start != 0xFFFF else { continue }
                for code in Int(start)...Int(end) {
                    if budget <= 0 { break }
                    var glyph: Int
                    if rangeOffset == 0 {
                        glyph = (code + Int(delta)) & 0xFFFF
                    } else {
                        let address = rangeOffsets + segment * 2 + Int(rangeOffset) + (code - Int(start)) * 2
                        guard let value = BigEndian.u16(font, address) else { continue }
                        glyph = value == 0 ? 0 : (Int(value) + Int(delta)) & 0xFFFF
                    }
                    add(UInt32(code), glyph)
                }
            }
        case 12?:
            guard let groups = BigEndian.u32(font, table + 12) else { break }
            for group in 0..<min(Int(groups), 1 << 20) {
                let record = table + 16 + group * 12
                guard let start = BigEndian.u32(font, record), let end = BigEndian.u32(font, record + 4),
                      let glyph = BigEndian.u32(font, record + 8), start <= end, end - start < 1 << 20, end <= 0x10FFFF else { continue }
                for code in start...end {
                    if budget <= 0 { break }
                    add(code, Int(glyph &+ code &- start))
                }
            }
        case 6?:
            guard let first = BigEndian.u16(font, table + 6), let entries = BigEndian.u16(font, table + 8) else { break }
            for index in 0..<Int(entries) {
                if let glyph = BigEndian.u16(font, table + 10 + index * 2) { add(UInt32(Int(first) + index), Int(glyph)) }
            }
        case 0?:
            for code in 0..<256 where table + 6 + code < font.count { add(UInt32(code), Int(font[table + 6 + code])) }
        default: break
        }
    }

    /// Character code → text of a symbolic simple TrueType font with no /Encoding and no Unicode
    /// cmap: §9.6.6.4 draws code c as the glyph its (3,0) subtable gives 0xF000 + c (or c), else its
    /// (1,0) subtable gives c. The glyph's 'post' name says what it is (`bullet` → •); a glyph without
    /// one, reached through (1,0), is read as the Mac OS Roman character of its code (the subtable is
    /// that encoding's). Codes left out fall back to the font's base encoding. Empty when the font has
    /// a Unicode subtable: then codes reach glyphs through their names (§9.6.6.4), as before.
    static func symbolicCodeText(_ font: [UInt8]) -> [Int: String] {
        let all = subtables(font)
        guard !all.contains(where: { $0.platform == 0 || $0.platform == 3 && ($0.encoding == 1 || $0.encoding == 10) }) else { return [:] }
        let symbol = all.first { $0.platform == 3 && $0.encoding == 0 }
        guard let chosen = symbol ?? all.first(where: { $0.platform == 1 && $0.encoding == 0 }) else { return [:] }
        var glyphs: [Int: Int] = [:]
        forEachMapping(font, subtable: chosen.offset) { code, glyph in
            guard glyph > 0 else { return }
            if code <= 0xFF, glyphs[Int(code)] == nil { glyphs[Int(code)] = glyph }
            // (3,0) codes usually sit at 0xF000 + c; those win over a bare c.
            if symbol != nil, (0xF000...0xF0FF).contains(code) { glyphs[Int(code & 0xFF)] = glyph }
        }
        let names = postGlyphNames(font)
        var text: [Int: String] = [:]
        for (code, glyph) in glyphs {
            if let name = names[glyph], name != ".notdef", let value = GlyphNames.unicode(name),
               !value.unicodeScalars.contains(where: { (0xE000...0xF8FF).contains($0.value) }) {
                text[code] = value
            } else if symbol == nil, code >= 0x20, let scalar = Unicode.Scalar(UInt32(BaseEncodingTables.macRoman[code])),
                      scalar.value >= 0x20 {
                text[code] = String(Character(scalar))
            }
        }
        return text
    }

    /// Glyph index → name from the 'post' table (Apple TrueType Reference, "post"): format 1 is the
    /// standard Macintosh order; format 2 indexes that order (below 258) or its own Pascal strings.
    static func postGlyphNames(_ font: [UInt8]) -> [Int: String] {
        guard let post = directory(font)["post"], let version = BigEndian.u32(font, post.lowerBound) else { return [:] }
        var names: [Int: String] = [:]
        switch version {
        case 0x0001_0000:
            for (glyph, name) in MacintoshGlyphOrder.names.enumerated() { names[glyph] = name }
        case 0x0002_0000:
            guard let count = BigEndian.u16(font, post.lowerBound + 32) else { return [:] }
            let indices = post.lowerBound + 34
            var strings: [String] = []
            var offset = indices + Int(count) * 2
            while offset < post.upperBound, strings.count < 65_536 {
                let length = Int(font[offset])
                guard offset + 1 + length <= post.upperBound else { break }
                strings.append(String(decoding: font[(offset + 1)..<(offset + 1 + length)], as: UTF8.self))
                offset += 1 + length
            }
            for glyph in 0..<Int(count) {
                guard let index = BigEndian.u16(font, indices + glyph * 2).map(Int.init) else { break }
                if index < 258 { names[glyph] = MacintoshGlyphOrder.names[index] }
                else if index - 258 < strings.count { names[glyph] = strings[index - 258] }
            }
        default: break
        }
        return names
    }

    /// Glyph index → text of a simple TrueType font's program, for glyph-index glyph names: its
    /// Unicode cmap, else its 'post' names; else, for the Windows core fonts (Arial, Times New Roman,
    /// Courier New, whose first 258 glyphs are in the standard Macintosh order), that order.
    static func glyphText(_ font: [UInt8], fontName: String) -> [Int: String] {
        let unicode = glyphToUnicode(font)
        if !unicode.isEmpty { return unicode }
        var names = postGlyphNames(font)
        let lower = fontName.lowercased()
        if names.isEmpty, ["arial", "times", "courier"].contains(where: lower.hasPrefix) {
            for (glyph, name) in MacintoshGlyphOrder.names.enumerated() { names[glyph] = name }
        }
        if !names.isEmpty {
            var text: [Int: String] = [:]
            for (glyph, name) in names { if let value = GlyphNames.unicode(name) { text[glyph] = value } }
            return text
        }
        return glyphToUnicode(font, legacy: true)
    }

    /// Kangxi radicals, CJK radicals supplement, compatibility ideographs: look-alikes of unified
    /// ideographs that fonts map to the same glyph.
    static func avoided(_ codePoint: UInt32) -> Bool {
        (0x2E80...0x2FDF).contains(codePoint) || (0xF900...0xFAFF).contains(codePoint)
            || (0x2F800...0x2FA1F).contains(codePoint) || (0xE000...0xF8FF).contains(codePoint)
    }
}

enum BigEndian {
    @inline(__always) static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= bytes.count else { return nil }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    @inline(__always) static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}

/// The parts of a CFF font program (Adobe TN #5176) that identify glyphs: whether it is CID-keyed
/// (ROS operator) and its charset (glyph ID → CID, or glyph ID → name through the string tables).
struct CFFCharset {
    var isCIDKeyed = false
    /// Glyph ID → CID (CID-keyed) or SID (name-keyed); glyph 0 is .notdef.
    var glyphIdentifiers: [Int] = [0]
    var strings: [String] = []
    /// Top DICT Encoding operand (name-keyed fonts): 0 Standard, 1 Expert, else an offset.
    var encodingOffset: Int?

    init?(_ data: [UInt8]) {
        guard data.count >= 4 else { return nil }
        let headerSize = Int(data[2])
        guard let names = CFFCharset.index(data, at: headerSize),
              let topDicts = CFFCharset.index(data, at: names.end),
              let stringIndex = CFFCharset.index(data, at: topDicts.end),
              let topDict = topDicts.items.first else { return nil }
        strings = stringIndex.items.map { String(decoding: data[$0], as: UTF8.self) }
        let operators = CFFCharset.dictionary(data, topDict)
        isCIDKeyed = operators[1230] != nil
        encodingOffset = operators[16]?.first.map { Int(clamping: $0) } ?? 0
        guard let charStringsOffset = operators[17]?.first, let charStrings = CFFCharset.index(data, at: Int(charStringsOffset)) else { return nil }
        let glyphCount = charStrings.items.count
        let charsetOffset = Int(operators[15]?.first ?? 0)
        var identifiers = [0]
        identifiers.reserveCapacity(glyphCount)
        if charsetOffset <= 2 {
            // Predefined charsets (ISOAdobe etc.): SID = GID for the first 229 glyphs.
            for glyph in 1..<max(glyphCount, 1) { identifiers.append(glyph) }
        } else {
            var position = charsetOffset
            guard position < data.count else { return nil }
            let format = data[position]
            position += 1
            while identifiers.count < glyphCount, position < data.count {
                switch format {
                case 0:
                    guard let value = BigEndian.u16(data, position) else { position = data.count; break }
                    identifiers.append(Int(value))
                    position += 2
                case 1, 2:
                    guard let first = BigEndian.u16(data, position) else { position = data.count; break }
                    let left: Int
                    if format == 1 {
                        guard position + 2 < data.count else { position = data.count; break }
                        left = Int(data[position + 2]); position += 3
                    } else {
                        guard let value = BigEndian.u16(data, position + 2) else { position = data.count; break }
                        left = Int(value); position += 4
                    }
                    for offset in 0...left where identifiers.count < glyphCount { identifiers.append(Int(first) + offset) }
                default:
                    position = data.count
                }
            }
        }
        glyphIdentifiers = identifiers
    }

    /// Glyph name of a name-keyed font's glyph (SID → standard string or the font's String INDEX).
    func name(glyph: Int) -> String? {
        guard !isCIDKeyed, glyph > 0, glyph < glyphIdentifiers.count else { return nil }
        return name(sid: glyphIdentifiers[glyph])
    }

    func name(sid: Int) -> String? {
        guard sid >= 0 else { return nil }
        if sid < CFFStandardStrings.names.count { return CFFStandardStrings.names[sid] }
        let index = sid - CFFStandardStrings.names.count
        return index < strings.count ? strings[index] : nil
    }

    /// An INDEX structure: items as byte ranges, and where the INDEX ends.
    static func index(_ data: [UInt8], at offset: Int) -> (items: [Range<Int>], end: Int)? {
        guard let count = BigEndian.u16(data, offset) else { return nil }
        if count == 0 { return ([], offset + 2) }
        guard offset + 2 < data.count else { return nil }
        let offsetSize = Int(data[offset + 2])
        guard (1...4).contains(offsetSize) else { return nil }
        let offsetsStart = offset + 3
        let dataStart = offsetsStart + (Int(count) + 1) * offsetSize - 1
        func read(_ i: Int) -> Int? {
            let position = offsetsStart + i * offsetSize
            guard position + offsetSize <= data.count else { return nil }
            var value = 0
            for k in 0..<offsetSize { value = value << 8 | Int(data[position + k]) }
            return value
        }
        var items: [Range<Int>] = []
        items.reserveCapacity(Int(count))
        guard var previous = read(0) else { return nil }
        for i in 1...Int(count) {
            guard let next = read(i), next >= previous, dataStart + next <= data.count else { return nil }
            items.append((dataStart + previous)..<(dataStart + next))
            previous = next
        }
        return (items, dataStart + previous)
    }

    /// A DICT's operators (two-byte operators as 1200 + second byte) with their number operands.
    static func dictionary(_ data: [UInt8], _ range: Range<Int>) -> [Int: [Double]] {
        var result: [Int: [Double]] = [:]
        var operands: [Double] = []
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = Int(data[position])
            position += 1
            switch byte {
            case 0...21:
                var op = byte
                if byte == 12, position < range.upperBound { op = 1200 + Int(data[position]); position += 1 }
                result[op] = operands
                operands.removeAll()
            case 28:
                guard position + 2 <= range.upperBound else { return result }
                operands.append(Double(Int16(bitPattern: UInt16(data[position]) << 8 | UInt16(data[position + 1]))))
                position += 2
            case 29:
                guard position + 4 <= range.upperBound else { return result }
                let value = Int32(bitPattern: UInt32(data[position]) << 24 | UInt32(data[position + 1]) << 16
                                  | UInt32(data[position + 2]) << 8 | UInt32(data[position + 3]))
                operands.append(Double(value))
                position += 4
            case 30:
                // Real number in nibbles; its value does not matter here, only skipping it.
                while position < range.upperBound {
                    let nibbles = data[position]
                    position += 1
                    if nibbles & 0x0F == 0x0F || nibbles >> 4 == 0x0F { break }
                }
                operands.append(0)
            case 32...246: operands.append(Double(byte - 139))
            case 247...250:
                guard position < range.upperBound else { return result }
                operands.append(Double((byte - 247) * 256 + Int(data[position]) + 108)); position += 1
            case 251...254:
                guard position < range.upperBound else { return result }
                operands.append(Double(-(byte - 251) * 256 - Int(data[position]) - 108)); position += 1
            default: break
            }
        }
        return result
    }
}

/// CID → Unicode text for a Type0 font without ToUnicode, from its embedded font program.
struct EmbeddedFontText {
    let store: ObjectStore

    func cidToText(descendant: PDFDictionary, descriptor: PDFDictionary?) -> [UInt32: String] {
        guard let descriptor else { return [:] }
        if case .stream(let stream) = store.resolve(descriptor["FontFile2"]),
           let font = store.decodedData(stream, feature: "embedded TrueType font") {
            let glyphText = TrueTypeTables.glyphToUnicode(font)
            return mapThroughCIDToGID(glyphText, descendant: descendant)
        }
        if case .stream(let stream) = store.resolve(descriptor["FontFile3"]),
           let font = store.decodedData(stream, feature: "embedded CFF font") {
            if store.name(stream.dictionary["Subtype"]) == "OpenType" {
                let glyphText = TrueTypeTables.glyphToUnicode(font)
                if let cff = TrueTypeTables.directory(font)["CFF "], let charset = CFFCharset(Array(font[cff])), charset.isCIDKeyed {
                    return throughCharset(charset, glyphText: glyphText)
                }
                return mapThroughCIDToGID(glyphText, descendant: descendant)
            }
            guard let charset = CFFCharset(font) else { return [:] }
            if charset.isCIDKeyed { return [:] }  // CIDs with no Unicode information in the font
            var result: [UInt32: String] = [:]
            for glyph in 1..<charset.glyphIdentifiers.count {
                if let name = charset.name(glyph: glyph), let text = GlyphNames.unicode(name) { result[UInt32(glyph)] = text }
            }
            return result
        }
        return [:]
    }

    /// CID → GID by the charset of a CID-keyed CFF, then GID → text.
    private func throughCharset(_ charset: CFFCharset, glyphText: [Int: String]) -> [UInt32: String] {
        var result: [UInt32: String] = [:]
        for (glyph, cid) in charset.glyphIdentifiers.enumerated() where glyph > 0 {
            if let text = glyphText[glyph] { result[UInt32(cid)] = text }
        }
        return result
    }

    /// CID → GID by /CIDToGIDMap (Identity or a stream of 2-byte GIDs, §9.7.4.2), then GID → text.
    private func mapThroughCIDToGID(_ glyphText: [Int: String], descendant: PDFDictionary) -> [UInt32: String] {
        guard !glyphText.isEmpty else { return [:] }
        if case .stream(let stream) = store.resolve(descendant["CIDToGIDMap"]),
           let map = store.decodedData(stream, feature: "CIDToGIDMap") {
            var result: [UInt32: String] = [:]
            var cid = 0
            while cid * 2 + 1 < map.count {
                let glyph = Int(map[cid * 2]) << 8 | Int(map[cid * 2 + 1])
                if glyph > 0, let text = glyphText[glyph] { result[UInt32(cid)] = text }
                cid += 1
            }
            return result
        }
        var result: [UInt32: String] = [:]
        for (glyph, text) in glyphText { result[UInt32(glyph)] = text }
        return result
    }
}

/// The built-in encoding of an embedded simple font (§9.6.5: used when the font dictionary gives no
/// base encoding): from a Type 1 program's cleartext `/Encoding` array (`dup 65 /A put`), or a CFF
/// program's Encoding (TN #5176 §12) through its charset's glyph names. Code → glyph name.
enum BuiltInEncoding {
    static func names(descriptor: PDFDictionary?, store: ObjectStore) -> [Int: String]? {
        guard let descriptor else { return nil }
        if case .stream(let stream) = store.resolve(descriptor["FontFile"]),
           let program = store.decodedData(stream, feature: "embedded Type 1 font") {
            let cleartext = program.prefix(store.integer(stream.dictionary["Length1"]) ?? program.count)
            return type1(Array(cleartext))
        }
        if case .stream(let stream) = store.resolve(descriptor["FontFile3"]), store.name(stream.dictionary["Subtype"]) == "Type1C",
           let program = store.decodedData(stream, feature: "embedded CFF font") {
            return cff(program)
        }
        return nil
    }

    /// `/Encoding StandardEncoding def` (nil: the standard table applies) or `dup <code> /<name> put`.
    static func type1(_ program: [UInt8]) -> [Int: String]? {
        let marker = Array("/Encoding".utf8)
        guard let start = program.indices.first(where: { index in
            index + marker.count <= program.count && program[index..<(index + marker.count)].elementsEqual(marker)
        }) else { return nil }
        var names: [Int: String] = [:]
        program.withUnsafeBytes { buffer in
            var scanner = Scanner(buffer, at: start + marker.count)
            var lastNumber: Int?
            var tokens = 0
            while !scanner.atEnd, tokens < 5000 {
                tokens += 1
                scanner.skipWhitespace()
                guard let byte = scanner.peek() else { break }
                if byte == 0x2F {
                    let name = scanner.readName()
                    if let code = lastNumber, code >= 0, code < 256 { names[code] = name }
                    lastNumber = nil
                } else if ObjectParser.startsNumber(byte) {
                    lastNumber = scanner.readNumber().integer
                } else if Scanner.isRegular(byte) {
                    let range = scanner.keywordRange()
                    let word = String(decoding: buffer[range], as: UTF8.self)
                    scanner.position = range.upperBound
                    if word == "StandardEncoding" && names.isEmpty { break }
                    if word == "def" { break }  // end of the encoding array
                    if word != "dup" && word != "put" && word != "readonly" && word != "array" && word != "for"
                        && word != "exch" && word != "pop" { lastNumber = nil }
                } else {
                    scanner.position += 1
                }
            }
        }
        return names.isEmpty ? nil : names
    }

    /// A name-keyed CFF's Encoding: 0 = Standard (nil), 1 = Expert (unsupported: nil), else formats
    /// 0/1 with supplements, giving code → glyph → name.
    static func cff(_ data: [UInt8]) -> [Int: String]? {
        guard let charset = CFFCharset(data), !charset.isCIDKeyed, let encodingOffset = charset.encodingOffset,
              encodingOffset > 1, encodingOffset < data.count else { return nil }
        var names: [Int: String] = [:]
        var position = encodingOffset
        let format = data[position]
        position += 1
        guard position < data.count else { return nil }
        switch format & 0x7F {
        case 0:
            let count = Int(data[position]); position += 1
            for glyph in 1...max(1, count) where count > 0 && position < data.count {
                if let name = charset.name(glyph: glyph) { names[Int(data[position])] = name }
                position += 1
            }
        case 1:
            let ranges = Int(data[position]); position += 1
            var glyph = 1
            for _ in 0..<ranges where position + 1 < data.count {
                let first = Int(data[position]), left = Int(data[position + 1])
                position += 2
                for code in first...(first + left) {
                    if code < 256, let name = charset.name(glyph: glyph) { names[code] = name }
                    glyph += 1
                }
            }
        default: return nil
        }
        if format & 0x80 != 0, position < data.count {
            let supplements = Int(data[position]); position += 1
            for _ in 0..<supplements where position + 2 < data.count {
                let code = Int(data[position])
                let sid = Int(data[position + 1]) << 8 | Int(data[position + 2])
                position += 3
                if let name = charset.name(sid: sid) { names[code] = name }
            }
        }
        return names.isEmpty ? nil : names
    }
}
