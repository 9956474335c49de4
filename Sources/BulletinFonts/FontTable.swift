import CHarfBuzz

/// One table of a font file (`CFF `, `head` …), read in place: HarfBuzz keeps the file mapped and
/// the table is a view into that mapping, so a 7 MB `CFF ` table is never copied.
final class FontTable: @unchecked Sendable {
    private let blob: OpaquePointer
    /// The table's bytes; empty when the font has no such table.
    let bytes: UnsafeRawBufferPointer

    /// `face` is an `hb_face_t`; the table stays valid after the face is gone (the blob holds the file).
    init(face: OpaquePointer, tag: String) {
        blob = hb_face_reference_table(face, hb_tag_from_string(tag, 4))
        var length: UInt32 = 0
        if let data = hb_blob_get_data(blob, &length), length > 0 {
            bytes = UnsafeRawBufferPointer(start: data, count: Int(length))
        } else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
        }
    }

    deinit { hb_blob_destroy(blob) }

    var isEmpty: Bool { bytes.isEmpty }
}

/// Why a font program cannot be read for embedding (a malformed table, an offset outside it).
struct FontProgramError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Big-endian reads with bounds checks: font tables come from files we did not make, so every
/// offset is checked before it is followed (a broken font is an error, never a crash).
struct BigEndianBytes {
    let bytes: UnsafeRawBufferPointer
    /// What is being read, for error messages (`CFF`, `head`).
    let table: String

    var count: Int { bytes.count }

    func check(_ range: Range<Int>) throws(FontProgramError) {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw FontProgramError("\(table) table: offset \(range.lowerBound)…\(range.upperBound) outside its \(bytes.count) bytes")
        }
    }

    func u8(_ at: Int) throws(FontProgramError) -> Int {
        try check(at..<(at + 1))
        return Int(bytes[at])
    }

    func u16(_ at: Int) throws(FontProgramError) -> Int {
        try check(at..<(at + 2))
        return Int(bytes[at]) << 8 | Int(bytes[at + 1])
    }

    func i16(_ at: Int) throws(FontProgramError) -> Int {
        Int(Int16(bitPattern: UInt16(try u16(at))))
    }

    func u32(_ at: Int) throws(FontProgramError) -> Int {
        try check(at..<(at + 4))
        return Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }

    /// An unsigned integer of `size` (1…4) bytes (CFF INDEX offsets).
    func unsigned(_ at: Int, size: Int) throws(FontProgramError) -> Int {
        try check(at..<(at + size))
        var value = 0
        for i in 0..<size { value = value << 8 | Int(bytes[at + i]) }
        return value
    }

    func slice(_ range: Range<Int>) throws(FontProgramError) -> UnsafeRawBufferPointer {
        try check(range)
        return UnsafeRawBufferPointer(rebasing: bytes[range])
    }
}
