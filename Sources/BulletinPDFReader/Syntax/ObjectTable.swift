/// The cross-reference's entries by object number, held so that a long document's index costs
/// little or nothing: a classic table (§7.5.4) whose entries are evenly spaced is left in the file and
/// an entry is parsed only when its object is loaded; entries from cross-reference streams, damaged
/// tables and scans are packed in 8 bytes each. A dictionary of enums cost ~40 bytes an object
/// (12 MB of a 96,000-page file's peak, more than the pages being read).
///
/// Incremental updates (§7.5.6) add older sections behind newer ones: the newest entry for a number
/// wins. Any change (a rebuild by scanning, object-stream members registered after it) first packs
/// every section into one, which only damaged files pay.
struct ObjectTable {
    typealias Entry = CrossReference.Entry

    /// Sources of entries, newest first.
    private var layers: [Layer] = []

    private enum Layer {
        case inPlace(InPlaceTable)
        case packed(PackedEntries)

        subscript(number: Int) -> Entry? {
            switch self {
            case .inPlace(let table): table[number]
            case .packed(let entries): entries[number]
            }
        }

        func forEach(_ body: (Int, Entry) -> Void) {
            switch self {
            case .inPlace(let table): table.forEach(body)
            case .packed(let entries): entries.forEach(body)
            }
        }

        var isEmpty: Bool {
            switch self {
            case .inPlace(let table): table.isEmpty
            case .packed(let entries): entries.isEmpty
            }
        }
    }

    /// Sections searched before everything is packed into one: each lookup asks them in turn.
    static let maximumLayers = 16

    init() {}

    init(_ table: InPlaceTable) { layers = [.inPlace(table)] }

    init(_ entries: PackedEntries) { layers = [.packed(entries)] }

    var isEmpty: Bool { layers.allSatisfy(\.isEmpty) }

    /// Whether every entry is still read from the file, none packed (tests).
    var isLeftInFile: Bool {
        layers.allSatisfy {
            if case .inPlace = $0 { true } else { false }
        }
    }

    /// Sections a lookup may ask (tests).
    var layerCount: Int { layers.count }

    subscript(number: Int) -> Entry? {
        get {
            for layer in layers {
                if let entry = layer[number] { return entry }
            }
            return nil
        }
        set {
            var packed = packedCopy()
            layers = []  // `packed` is then the array's only owner: no copy per change
            packed[number] = newValue
            layers = [.packed(packed)]
        }
    }

    /// Puts the entries of an older section behind these (entries here win).
    mutating func appendOlder(_ older: ObjectTable) {
        layers += older.layers
        if layers.count > ObjectTable.maximumLayers { layers = [.packed(packedCopy())] }
    }

    /// Every number's newest entry, in number order.
    func sortedEntries() -> [(number: Int, entry: Entry)] {
        var result: [(number: Int, entry: Entry)] = []
        packedCopy().forEach { result.append(($0, $1)) }
        return result.sorted { $0.number < $1.number }
    }

    /// All layers merged into one (oldest first, so newer entries overwrite).
    private func packedCopy() -> PackedEntries {
        if layers.count == 1, case .packed(let entries) = layers[0] { return entries }
        var merged = PackedEntries()
        for layer in layers.reversed() {
            layer.forEach { number, entry in merged[number] = entry }
        }
        return merged
    }
}

/// Entries packed 8 bytes each in an array indexed by object number; numbers far beyond the
/// others (damaged files: `999999999 0 obj`) and values too large to pack go to a dictionary, so a
/// stray number does not make the array huge.
struct PackedEntries {
    /// 0: no entry; tag in the low 2 bits (1 free, 2 in the file, 3 in an object stream).
    private var dense: [UInt64] = []
    private var sparse: [Int: CrossReference.Entry] = [:]

    var isEmpty: Bool { sparse.isEmpty && !dense.contains { $0 != 0 } }

    /// Makes room for numbers below `size` (a section's or /Size's count) at once.
    mutating func reserve(upTo size: Int) {
        if size > dense.count, size <= 1 << 26 { dense.reserveCapacity(size) }
    }

    subscript(number: Int) -> CrossReference.Entry? {
        get {
            if number >= 0, number < dense.count, dense[number] != 0 { return PackedEntries.unpack(dense[number]) }
            return sparse.isEmpty ? nil : sparse[number]
        }
        set {
            // Numbers near the ones the array holds extend it; others (and unpackable values) stay sparse.
            if let packed = newValue.flatMap(PackedEntries.pack), number >= 0, number < 2 * dense.count + 65_536 {
                if number >= dense.count { dense.append(contentsOf: repeatElement(0, count: number + 1 - dense.count)) }
                dense[number] = packed
                if !sparse.isEmpty { sparse[number] = nil }
            } else {
                if number >= 0, number < dense.count { dense[number] = 0 }
                sparse[number] = newValue
            }
        }
    }

    func forEach(_ body: (Int, CrossReference.Entry) -> Void) {
        for (number, value) in dense.enumerated() where value != 0 { body(number, PackedEntries.unpack(value)) }
        for (number, entry) in sparse { body(number, entry) }
    }

    private static func pack(_ entry: CrossReference.Entry) -> UInt64? {
        switch entry {
        case .free:
            return 1
        case .inFile(let offset, let generation):
            guard offset >= 0, offset < 1 << 46, generation >= 0, generation < 1 << 16 else { return nil }
            return 2 | UInt64(offset) << 2 | UInt64(generation) << 48
        case .inObjectStream(let stream, let index):
            guard stream >= 0, stream < 1 << 31, index >= 0, index < 1 << 31 else { return nil }
            return 3 | UInt64(stream) << 2 | UInt64(index) << 33
        }
    }

    private static func unpack(_ value: UInt64) -> CrossReference.Entry {
        switch value & 3 {
        case 2: .inFile(offset: Int(value >> 2 & (1 << 46 - 1)), generation: Int(value >> 48))
        case 3: .inObjectStream(stream: Int(value >> 2 & (1 << 31 - 1)), index: Int(value >> 33))
        default: .free
        }
    }
}

/// A classic cross-reference section read in place: within each subsection the entries are evenly
/// spaced (20 bytes by the standard, 19 or 21 from some producers), so entry k is parsed at
/// `start + k × stride` when its object is asked for. Made only after every entry was checked to
/// parse at its place (`CrossReferenceReader`), so lookups cannot meet a malformed one.
struct InPlaceTable {
    struct Subsection {
        var first: Int
        var count: Int
        /// Byte offset of the subsection's first entry, and the distance between entries.
        var start: Int
        var stride: Int
    }

    let bytes: UnsafeRawBufferPointer
    /// In object-number order, not overlapping.
    let subsections: [Subsection]

    var isEmpty: Bool { subsections.allSatisfy { $0.count == 0 } }

    subscript(number: Int) -> CrossReference.Entry? {
        // Binary search for the last subsection starting at or before `number`.
        var low = 0, high = subsections.count
        while low < high {
            let middle = (low + high) / 2
            if subsections[middle].first <= number { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let subsection = subsections[low - 1]
        guard number < subsection.first + subsection.count else { return nil }
        return InPlaceTable.entry(in: bytes, at: subsection.start + (number - subsection.first) * subsection.stride)?.entry
    }

    func forEach(_ body: (Int, CrossReference.Entry) -> Void) {
        for subsection in subsections {
            for index in 0..<subsection.count {
                if let entry = InPlaceTable.entry(in: bytes, at: subsection.start + index * subsection.stride)?.entry {
                    body(subsection.first + index, entry)
                }
            }
        }
    }

    /// Parses `offset generation n|f` at `position`: the entry and where the next token starts, or
    /// nil when the bytes there are not an entry. An in-use entry at offset 0 is bogus (written by
    /// broken producers) and read as free.
    static func entry(in bytes: UnsafeRawBufferPointer, at position: Int) -> (entry: CrossReference.Entry, next: Int)? {
        var scanner = Scanner(bytes, at: position)
        guard let offset = scanner.readUnsignedInteger() else { return nil }
        scanner.skipWhitespace()
        guard let generation = scanner.readUnsignedInteger() else { return nil }
        scanner.skipWhitespace()
        let kind = scanner.peek()
        scanner.position += 1
        let entry: CrossReference.Entry
        switch kind {
        case 0x6E: entry = offset > 0 ? .inFile(offset: offset, generation: generation) : .free  // n
        case 0x66: entry = .free  // f
        default: return nil
        }
        scanner.skipWhitespace()
        return (entry, scanner.position)
    }
}
