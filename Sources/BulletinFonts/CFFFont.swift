/// The structure of a `CFF ` table (Adobe Technical Note #5176, "The Compact Font Format
/// Specification"), read far enough to subset it: INDEXes, the Top DICT, charset, FDSelect,
/// Font DICTs and Private DICTs. Glyph programs (charstrings) are located, never interpreted.
struct CFFFont {
    let data: BigEndianBytes
    /// Raw byte ranges copied unchanged into a subset.
    let headerSize: Int
    let nameIndex: Range<Int>
    let stringIndex: CFFIndex
    let globalSubrs: Range<Int>
    let topDict: [CFFDictEntry]
    let charStrings: CFFIndex
    /// CID-keyed (Top DICT starts with ROS) or name-keyed.
    let isCIDKeyed: Bool
    /// Per glyph: its CID (CID-keyed) or glyph-name SID (name-keyed); nil for a predefined charset.
    let charset: [UInt16]?
    /// Per glyph: its Font DICT (CID-keyed only).
    let fdSelect: [UInt8]
    /// CID-keyed: one per Font DICT; name-keyed: the Top DICT's Private DICT alone.
    let fontDicts: [[CFFDictEntry]]
    let privates: [CFFPrivate]

    var glyphCount: Int { charStrings.count }

    init(_ bytes: UnsafeRawBufferPointer) throws(FontProgramError) {
        data = BigEndianBytes(bytes: bytes, table: "CFF")
        guard try data.u8(0) == 1 else { throw FontProgramError("CFF table: version \(try data.u8(0)), expected 1") }
        headerSize = try data.u8(2)
        let names = try CFFIndex(at: headerSize, in: data)
        nameIndex = names.start..<names.end
        let tops = try CFFIndex(at: names.end, in: data)
        guard tops.count == 1 else { throw FontProgramError("CFF table: \(tops.count) fonts in one table, expected 1") }
        stringIndex = try CFFIndex(at: tops.end, in: data)
        let globals = try CFFIndex(at: stringIndex.end, in: data)
        globalSubrs = globals.start..<globals.end
        topDict = try CFFDictEntry.parse(try tops.range(of: 0, in: data), in: data)
        isCIDKeyed = topDict.first?.op == CFFOperator.ros

        guard let charStringsOffset = topDict.integer(CFFOperator.charStrings) else {
            throw FontProgramError("CFF table: no CharStrings")
        }
        charStrings = try CFFIndex(at: charStringsOffset, in: data)
        guard charStrings.count > 0 else { throw FontProgramError("CFF table: no glyphs") }

        let charsetOffset = topDict.integer(CFFOperator.charset) ?? 0
        if charsetOffset > 2 {
            charset = try CFFFont.readCharset(at: charsetOffset, glyphs: charStrings.count, in: data)
        } else if isCIDKeyed {
            throw FontProgramError("CFF table: a CID-keyed font needs its own charset")
        } else {
            charset = nil  // ISOAdobe, Expert or ExpertSubset: kept by reference
        }

        if isCIDKeyed {
            guard let fdArrayOffset = topDict.integer(CFFOperator.fdArray),
                  let fdSelectOffset = topDict.integer(CFFOperator.fdSelect) else {
                throw FontProgramError("CFF table: a CID-keyed font needs FDArray and FDSelect")
            }
            let fdArray = try CFFIndex(at: fdArrayOffset, in: data)
            var dicts: [[CFFDictEntry]] = []
            for i in 0..<fdArray.count {
                dicts.append(try CFFDictEntry.parse(try fdArray.range(of: i, in: data), in: data))
            }
            fontDicts = dicts
            fdSelect = try CFFFont.readFDSelect(at: fdSelectOffset, glyphs: charStrings.count,
                                                fontDicts: dicts.count, in: data)
        } else {
            fontDicts = [topDict]
            fdSelect = []
        }
        var privates: [CFFPrivate] = []
        for dict in fontDicts { privates.append(try CFFPrivate(of: dict, in: data)) }
        self.privates = privates
    }

    /// The ROS of a CID-keyed font (Top DICT's first operator), e.g. Adobe-GB1-5.
    var characterCollection: FontProgram.CharacterCollection? {
        guard isCIDKeyed, let registrySID = topDict.integer(CFFOperator.ros, operand: 0),
              let orderingSID = topDict.integer(CFFOperator.ros, operand: 1),
              let supplement = topDict.integer(CFFOperator.ros, operand: 2),
              let registry = string(sid: registrySID), let ordering = string(sid: orderingSID) else { return nil }
        return FontProgram.CharacterCollection(registry: registry, ordering: ordering, supplement: supplement)
    }

    /// A string by SID: the standard strings are not needed here (ROS names are custom strings).
    func string(sid: Int) -> String? {
        let index = sid - 391
        guard index >= 0, index < stringIndex.count, let range = try? stringIndex.range(of: index, in: data),
              let bytes = try? data.slice(range) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// charset formats 0, 1 and 2 (TN5176 §13); glyph 0 is .notdef, CID/SID 0.
    private static func readCharset(at offset: Int, glyphs: Int, in data: BigEndianBytes) throws(FontProgramError) -> [UInt16] {
        var result = [UInt16](repeating: 0, count: glyphs)
        var glyph = 1
        var position = offset + 1
        switch try data.u8(offset) {
        case 0:
            while glyph < glyphs {
                result[glyph] = UInt16(try data.u16(position))
                glyph += 1
                position += 2
            }
        case let format where format == 1 || format == 2:
            while glyph < glyphs {
                let first = try data.u16(position)
                let left = format == 1 ? try data.u8(position + 2) : try data.u16(position + 2)
                position += format == 1 ? 3 : 4
                for k in 0...left where glyph < glyphs {
                    guard first + k <= 0xFFFF else { throw FontProgramError("CFF table: charset value beyond 65535") }
                    result[glyph] = UInt16(first + k)
                    glyph += 1
                }
            }
        case let format:
            throw FontProgramError("CFF table: unknown charset format \(format)")
        }
        return result
    }

    /// FDSelect formats 0 and 3 (TN5176 §19).
    private static func readFDSelect(at offset: Int, glyphs: Int, fontDicts: Int,
                                     in data: BigEndianBytes) throws(FontProgramError) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: glyphs)
        switch try data.u8(offset) {
        case 0:
            for glyph in 0..<glyphs { result[glyph] = UInt8(try data.u8(offset + 1 + glyph)) }
        case 3:
            let ranges = try data.u16(offset + 1)
            for r in 0..<ranges {
                let at = offset + 3 + r * 3
                let first = try data.u16(at), fd = try data.u8(at + 2), next = try data.u16(at + 3)
                guard first <= next, next <= glyphs else { throw FontProgramError("CFF table: FDSelect range out of order") }
                for glyph in first..<next { result[glyph] = UInt8(fd) }
            }
        case let format:
            throw FontProgramError("CFF table: unknown FDSelect format \(format)")
        }
        if let bad = result.first(where: { Int($0) >= fontDicts }) {
            throw FontProgramError("CFF table: FDSelect names Font DICT \(bad) of \(fontDicts)")
        }
        return result
    }
}

/// A CFF INDEX: a count, offsets and the data they point into (TN5176 §5).
struct CFFIndex {
    let count: Int
    /// First byte of the INDEX and one past its last.
    let start: Int
    let end: Int
    private let offSize: Int
    private let offsetsStart: Int
    /// Offsets count from the byte before the data.
    private let dataBase: Int

    init(at start: Int, in data: BigEndianBytes) throws(FontProgramError) {
        self.start = start
        count = try data.u16(start)
        guard count > 0 else {
            offSize = 1
            offsetsStart = start + 2
            dataBase = start + 1
            end = start + 2
            return
        }
        offSize = try data.u8(start + 2)
        guard (1...4).contains(offSize) else { throw FontProgramError("CFF table: INDEX offset size \(offSize)") }
        offsetsStart = start + 3
        dataBase = offsetsStart + (count + 1) * offSize - 1
        end = dataBase + (try data.unsigned(offsetsStart + count * offSize, size: offSize))
        try data.check(start..<end)
    }

    /// The bytes of element `i`.
    func range(of i: Int, in data: BigEndianBytes) throws(FontProgramError) -> Range<Int> {
        let from = try data.unsigned(offsetsStart + i * offSize, size: offSize)
        let to = try data.unsigned(offsetsStart + (i + 1) * offSize, size: offSize)
        guard from >= 1, from <= to, dataBase + to <= end else {
            throw FontProgramError("CFF table: INDEX element \(i) has bad offsets \(from)…\(to)")
        }
        return (dataBase + from)..<(dataBase + to)
    }

    /// Writes an INDEX of `count` elements whose sizes are given, the data following from `data`.
    static func appendHeader(count: Int, sizes: some Sequence<Int>, to out: inout [UInt8]) {
        out.append(UInt8(count >> 8))
        out.append(UInt8(count & 0xFF))
        guard count > 0 else { return }
        var offsets: [Int] = [1]
        offsets.reserveCapacity(count + 1)
        for size in sizes { offsets.append(offsets[offsets.count - 1] + size) }
        let last = offsets[offsets.count - 1]
        let offSize = last < 0x100 ? 1 : last < 0x1_0000 ? 2 : last < 0x100_0000 ? 3 : 4
        out.append(UInt8(offSize))
        for offset in offsets {
            for shift in stride(from: (offSize - 1) * 8, through: 0, by: -8) { out.append(UInt8((offset >> shift) & 0xFF)) }
        }
    }

    /// Size in bytes of an INDEX holding elements whose data totals `dataSize`.
    static func size(count: Int, dataSize: Int) -> Int {
        guard count > 0 else { return 2 }
        let last = dataSize + 1
        let offSize = last < 0x100 ? 1 : last < 0x1_0000 ? 2 : last < 0x100_0000 ? 3 : 4
        return 3 + (count + 1) * offSize + dataSize
    }
}

/// DICT operators this code reads or rewrites (TN5176 Table 9 and 23; two-byte operators are
/// 1200 + the second byte).
enum CFFOperator {
    static let charset = 15
    static let encoding = 16
    static let charStrings = 17
    static let `private` = 18
    static let subrs = 19
    static let stdVW = 11
    static let ros = 1230
    static let fdArray = 1236
    static let fdSelect = 1237
}

/// One DICT entry: its operator, its operands (as numbers) and its bytes, so entries that need no
/// change are copied byte for byte.
struct CFFDictEntry {
    let op: Int
    let operands: [Double]
    let bytes: Range<Int>

    static func parse(_ range: Range<Int>, in data: BigEndianBytes) throws(FontProgramError) -> [CFFDictEntry] {
        var entries: [CFFDictEntry] = []
        var operands: [Double] = []
        var entryStart = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let b0 = try data.u8(i)
            switch b0 {
            case 0...21:
                var op = b0
                i += 1
                if b0 == 12 {
                    op = 1200 + (try data.u8(i))
                    i += 1
                }
                entries.append(CFFDictEntry(op: op, operands: operands, bytes: entryStart..<i))
                operands.removeAll()
                entryStart = i
            case 28:
                operands.append(Double(Int16(bitPattern: UInt16(try data.u16(i + 1)))))
                i += 3
            case 29:
                operands.append(Double(Int32(bitPattern: UInt32(try data.u32(i + 1)))))
                i += 5
            case 30:
                var text = ""
                i += 1
                nibbles: while true {
                    let byte = try data.u8(i)
                    i += 1
                    for nibble in [byte >> 4, byte & 0xF] {
                        switch nibble {
                        case 0...9: text.append(Character(String(nibble)))
                        case 0xA: text.append(".")
                        case 0xB: text.append("E")
                        case 0xC: text.append("E-")
                        case 0xE: text.append("-")
                        case 0xF: break nibbles
                        default: throw FontProgramError("CFF table: bad real number in a DICT")
                        }
                    }
                }
                operands.append(Double(text) ?? 0)
            case 32...246:
                operands.append(Double(b0 - 139))
                i += 1
            case 247...250:
                operands.append(Double((b0 - 247) * 256 + (try data.u8(i + 1)) + 108))
                i += 2
            case 251...254:
                operands.append(Double(-(b0 - 251) * 256 - (try data.u8(i + 1)) - 108))
                i += 2
            default:
                throw FontProgramError("CFF table: reserved byte \(b0) in a DICT")
            }
            guard operands.count <= 48 else { throw FontProgramError("CFF table: DICT operand stack overflow") }
        }
        return entries
    }

    /// Appends an operator with integer operands in the fixed 5-byte form, so its size is known
    /// before the offsets it carries are.
    static func appendFixed(_ op: Int, _ operands: [Int], to out: inout [UInt8]) {
        for value in operands {
            let v = UInt32(bitPattern: Int32(value))
            out.append(contentsOf: [29, UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
        }
        if op >= 1200 {
            out.append(contentsOf: [12, UInt8(op - 1200)])
        } else {
            out.append(UInt8(op))
        }
    }

    static func fixedSize(_ op: Int, operands: Int) -> Int { operands * 5 + (op >= 1200 ? 2 : 1) }
}

extension [CFFDictEntry] {
    func entry(_ op: Int) -> CFFDictEntry? { first { $0.op == op } }

    /// An operand as an integer; nil when absent or not a sane integer (a malformed font may
    /// give 1E999 where an offset belongs).
    func integer(_ op: Int, operand: Int = 0) -> Int? {
        guard let entry = entry(op), operand < entry.operands.count else { return nil }
        let value = entry.operands[operand]
        guard value.isFinite, abs(value) < 1e9 else { return nil }
        return Int(value)
    }
}

/// A Private DICT and its local subroutines, located.
struct CFFPrivate {
    let dict: [CFFDictEntry]
    /// The local Subrs INDEX (empty when none).
    let subrs: Range<Int>

    init(of fontDict: [CFFDictEntry], in data: BigEndianBytes) throws(FontProgramError) {
        guard let size = fontDict.integer(CFFOperator.private, operand: 0),
              let offset = fontDict.integer(CFFOperator.private, operand: 1) else {
            throw FontProgramError("CFF table: a font without a Private DICT")
        }
        guard size >= 0, offset >= 0 else { throw FontProgramError("CFF table: Private DICT at \(offset) of size \(size)") }
        try data.check(offset..<(offset + size))
        dict = try CFFDictEntry.parse(offset..<(offset + size), in: data)
        if let subrsOffset = dict.integer(CFFOperator.subrs) {
            let index = try CFFIndex(at: offset + subrsOffset, in: data)
            subrs = index.start..<index.end
        } else {
            subrs = 0..<0
        }
    }
}
