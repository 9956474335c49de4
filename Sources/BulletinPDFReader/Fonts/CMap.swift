/// A CMap (PDF 32000-1 §9.7.5, Adobe Technical Note #5014): code space ranges that split a string
/// into 1–4-byte codes, code → CID mappings (encoding CMaps of Type0 fonts), and code → Unicode
/// mappings (ToUnicode CMaps, §9.10.3, `bfchar`/`bfrange` with arrays and multi-character targets).
struct CMap {
    struct Codespace {
        var low: [UInt8]
        var high: [UInt8]
    }

    struct CIDRange {
        var low: UInt32
        var high: UInt32
        var cid: UInt32
    }

    var codespaces: [Codespace] = []
    var cidSingles: [UInt32: UInt32] = [:]
    var cidRanges: [CIDRange] = []
    var unicode: [UInt32: String] = [:]
    /// `/UseCMap` or `usecmap` parent (a predefined CMap name).
    var parentName: String?
    /// 1 for vertical writing (`/WMode 1`).
    var writingMode = 0
    var name: String?
    /// Problems met (malformed entries, ranges over the size cap); each becomes a warning.
    var problems: [String] = []

    /// Mappings expanded per CMap at most (a malicious `bfrange <0000> <FFFF>` per entry stays
    /// bounded; real ToUnicode maps of CJK fonts have up to ~65,000).
    static let maximumMappings = 1 << 17
    /// Longest destination kept, in UTF-16 units (§9.10.3 allows 512 bytes; real ones are a few
    /// characters). Longer ones are cut, which keeps a hostile bfrange from costing minutes.
    static let maximumTargetUnits = 64

    /// Splits off the next code at `index` by the code space ranges (§9.7.6.2). Without ranges,
    /// `defaultLength` bytes.
    func nextCode(_ bytes: UnsafeRawBufferPointer, at index: Int, defaultLength: Int) -> (code: UInt32, length: Int) {
        let available = bytes.count - index
        if !codespaces.isEmpty {
            var shortest = 4
            for length in 1...4 where length <= available {
                for space in codespaces where space.low.count == length {
                    shortest = min(shortest, length)
                    var inside = true
                    for i in 0..<length {
                        let byte = bytes[index + i]
                        if byte < space.low[i] || byte > space.high[i] { inside = false; break }
                    }
                    if inside { return (CMap.value(bytes, index, length), length) }
                }
            }
            for space in codespaces { shortest = min(shortest, space.low.count) }
            let length = min(max(1, shortest), available)
            return (CMap.value(bytes, index, length), length)
        }
        let length = min(defaultLength, available)
        return (CMap.value(bytes, index, length), length)
    }

    @inline(__always) static func value(_ bytes: UnsafeRawBufferPointer, _ index: Int, _ length: Int) -> UInt32 {
        var value: UInt32 = 0
        for i in 0..<length { value = value << 8 | UInt32(bytes[index + i]) }
        return value
    }

    /// The CID of `code` through cidchar/cidrange; nil when unmapped.
    func cid(for code: UInt32) -> UInt32? {
        if let cid = cidSingles[code] { return cid }
        // Ranges are few in embedded CMaps; a linear scan beats building an index.
        for range in cidRanges where code >= range.low && code <= range.high {
            return range.cid &+ (code - range.low)
        }
        return nil
    }

    var hasCIDMappings: Bool { !cidSingles.isEmpty || !cidRanges.isEmpty }

    // MARK: Parsing

    /// Parses CMap program text (a ToUnicode stream or an embedded encoding CMap). Never throws:
    /// unreadable parts are skipped with a problem noted.
    static func parse(_ data: [UInt8]) -> CMap {
        var cmap = CMap()
        data.withUnsafeBytes { cmap.parse($0) }
        return cmap
    }

    private enum Token {
        case hex([UInt8])
        case number(Int)
        case name(String)
        case keyword(String)
        case arrayStart
        case arrayEnd
        /// A bfrange destination array, by index into the section's arrays (a token of its own: a
        /// negative number in the input must never be taken for one).
        case arrayReference(Int)
        case other
    }

    private mutating func parse(_ bytes: UnsafeRawBufferPointer) {
        var scanner = Scanner(bytes)
        var operands: [Token] = []
        var mappings = 0
        var unitBudget = CMap.maximumMappings * 2

        func nextToken() -> Token? {
            scanner.skipWhitespace()
            guard let byte = scanner.peek() else { return nil }
            switch byte {
            case 0x3C:
                if scanner.peek(1) == 0x3C { scanner.position += 2; return .other }
                var value: [UInt8] = []
                scanner.readHexString(into: &value)
                return .hex(value)
            case 0x3E:
                scanner.position += scanner.peek(1) == 0x3E ? 2 : 1
                return .other
            case 0x28:
                var value: [UInt8] = []
                scanner.readLiteralString(into: &value)
                return .hex(value)  // a literal string code, same meaning
            case 0x2F: return .name(scanner.readName())
            case 0x5B: scanner.position += 1; return .arrayStart
            case 0x5D: scanner.position += 1; return .arrayEnd
            case 0x7B, 0x7D: scanner.position += 1; return .other
            default:
                if ObjectParser.startsNumber(byte) {
                    return .number(scanner.readNumber().integer ?? 0)
                }
                let range = scanner.keywordRange()
                if range.isEmpty { scanner.position += 1; return .other }
                scanner.position = range.upperBound
                return .keyword(String(decoding: bytes[range], as: UTF8.self))
            }
        }

        func codeValue(_ bytes: [UInt8]) -> UInt32 {
            var value: UInt32 = 0
            for byte in bytes.suffix(4) { value = value << 8 | UInt32(byte) }
            return value
        }

        while let token = nextToken() {
            guard case .keyword(let keyword) = token else {
                operands.append(token)
                if operands.count > 64 { operands.removeFirst(32) }
                continue
            }
            switch keyword {
            case "begincodespacerange", "beginbfchar", "beginbfrange", "begincidchar", "begincidrange", "beginnotdefrange":
                let end = "end" + keyword.dropFirst(5)
                var items: [Token] = []
                var inArray: [Token]? = nil
                var arrays: [[Token]] = []
                while let item = nextToken() {
                    if case .keyword(let word) = item, word == end { break }
                    if case .keyword = item { continue }
                    switch item {
                    case .arrayStart: inArray = []
                    case .arrayEnd:
                        if let array = inArray { arrays.append(array); items.append(.arrayReference(arrays.count - 1)) }
                        inArray = nil
                    default:
                        if inArray != nil { inArray!.append(item) } else { items.append(item) }
                    }
                }
                switch keyword {
                case "begincodespacerange":
                    var i = 0
                    while i + 1 < items.count {
                        if case .hex(let low) = items[i], case .hex(let high) = items[i + 1], low.count == high.count,
                           (1...4).contains(low.count) {
                            codespaces.append(Codespace(low: low, high: high))
                        }
                        i += 2
                    }
                case "beginbfchar":
                    var i = 0
                    while i + 1 < items.count {
                        if case .hex(let source) = items[i] {
                            switch items[i + 1] {
                            case .hex(let target): unicode[codeValue(source)] = CMap.unicodeString(target)
                            case .name(let glyph): if let text = GlyphNames.unicode(glyph) { unicode[codeValue(source)] = text }
                            default: break
                            }
                        }
                        mappings += 1
                        i += 2
                    }
                case "beginbfrange":
                    var i = 0
                    while i + 2 < items.count {
                        defer { i += 3 }
                        guard case .hex(let lowBytes) = items[i], case .hex(let highBytes) = items[i + 1] else { continue }
                        let low = codeValue(lowBytes), high = codeValue(highBytes)
                        guard high >= low else { continue }
                        let count = Int(high - low) + 1
                        guard count <= 65536, mappings + count <= CMap.maximumMappings else {
                            problems.append("bfrange <\(String(low, radix: 16))>–<\(String(high, radix: 16))> is too large; skipped")
                            continue
                        }
                        mappings += count
                        switch items[i + 2] {
                        case .hex(let target):
                            // §9.10.3: the last byte of the destination is incremented for each code.
                            var units = CMap.utf16Units(target)
                            guard !units.isEmpty else { continue }
                            // Work is codes × destination length: bounded as a whole, not per range.
                            guard unitBudget >= count * units.count else {
                                problems.append("bfrange <\(String(low, radix: 16))>–<\(String(high, radix: 16))> exceeds the CMap size limit; skipped")
                                continue
                            }
                            unitBudget -= count * units.count
                            let last = units.count - 1
                            let start = units[last]
                            for offset in 0..<count {
                                units[last] = start &+ UInt16(truncatingIfNeeded: offset)
                                unicode[low &+ UInt32(offset)] = CMap.string(units)
                            }
                        case .arrayReference(let index) where index >= 0 && index < arrays.count:
                            let array = arrays[index]
                            for (offset, item) in array.prefix(count).enumerated() {
                                if case .hex(let target) = item { unicode[low &+ UInt32(offset)] = CMap.unicodeString(target) }
                                if case .name(let glyph) = item, let text = GlyphNames.unicode(glyph) { unicode[low &+ UInt32(offset)] = text }
                            }
                        default: break
                        }
                    }
                case "begincidchar":
                    var i = 0
                    while i + 1 < items.count {
                        if case .hex(let source) = items[i], case .number(let cid) = items[i + 1], cid >= 0, cid <= Int(UInt32.max) {
                            cidSingles[codeValue(source)] = UInt32(cid)
                        }
                        i += 2
                    }
                case "begincidrange":
                    var i = 0
                    while i + 2 < items.count {
                        if case .hex(let low) = items[i], case .hex(let high) = items[i + 1], case .number(let cid) = items[i + 2],
                           cid >= 0, cid <= Int(UInt32.max), codeValue(high) >= codeValue(low) {
                            cidRanges.append(CIDRange(low: codeValue(low), high: codeValue(high), cid: UInt32(cid)))
                        }
                        i += 3
                    }
                default: break  // notdefrange: nothing to map
                }
                operands.removeAll()
            case "usecmap":
                if case .name(let parent)? = operands.last { parentName = parent }
                operands.removeAll()
            case "def":
                if operands.count >= 2, case .name(let key) = operands[operands.count - 2] {
                    switch (key, operands[operands.count - 1]) {
                    case ("WMode", .number(let mode)): writingMode = mode
                    case ("CMapName", .name(let value)): name = value
                    default: break
                    }
                }
                operands.removeAll()
            default:
                operands.removeAll()
            }
        }
    }

    static func utf16Units(_ bytes: [UInt8]) -> [UInt16] {
        if bytes.count == 1 { return [UInt16(bytes[0])] }
        var units: [UInt16] = []
        var index = 0
        while index + 1 < bytes.count, units.count < maximumTargetUnits {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        return units
    }

    /// A bfchar/bfrange destination: UTF-16BE (surrogate pairs and several characters allowed).
    static func unicodeString(_ bytes: [UInt8]) -> String {
        string(utf16Units(bytes))
    }

    /// UTF-16 units to a String, with a fast path for the usual single BMP character.
    @inline(__always) static func string(_ units: [UInt16]) -> String {
        if units.count == 1, let scalar = Unicode.Scalar(units[0]) { return String(Character(scalar)) }
        return String(decoding: units, as: UTF16.self)
    }
}
