/// Where each object lives (PDF 32000-1 §7.5.4 cross-reference tables, §7.5.8 cross-reference
/// streams), merged over incremental updates: the newest section wins (§7.5.6), older ones are read
/// through /Prev. When the table is missing or wrong, `rebuild` finds objects by scanning for
/// `N G obj` as every mainstream reader does.
struct CrossReference {
    enum Entry: Equatable {
        case free
        /// Byte offset of `N G obj` in the file.
        case inFile(offset: Int, generation: Int)
        /// The `index`-th object of object stream `stream` (§7.5.7).
        case inObjectStream(stream: Int, index: Int)
    }

    var entries = ObjectTable()
    /// The merged trailer: newest keys win.
    var trailer = PDFDictionary()
    /// Problems met while reading (each becomes a document warning).
    var problems: [String] = []

    /// Adds entries of an older section: existing (newer) entries win.
    mutating func merge(older: ObjectTable) {
        entries.appendOlder(older)
    }

    mutating func merge(olderTrailer: PDFDictionary) {
        trailer.addMissing(from: olderTrailer)
    }
}

/// Reads the cross-reference chain starting at `startxref`.
struct CrossReferenceReader {
    let bytes: UnsafeRawBufferPointer
    /// Offset of `%PDF-` (files with junk before the header have offsets relative to it).
    let headerOffset: Int
    /// Decodes an xref stream's data (needs the filters; provided by the document).
    let decodeStream: (PDFStream) -> [UInt8]?

    /// Finds the value after the last `startxref` in the file.
    func startxref() -> Int? {
        let keyword = Array("startxref".utf8)
        var index = bytes.count - keyword.count
        let stop = max(0, bytes.count - 64 * 1024)
        while index >= stop {
            if bytes[index] == 0x73, bytes[index..<(index + keyword.count)].elementsEqual(keyword) {
                var scanner = Scanner(bytes, at: index + keyword.count)
                scanner.skipWhitespace()
                return scanner.readUnsignedInteger()
            }
            index -= 1
        }
        return nil
    }

    /// Reads the chain. Throws when the first section cannot be read (the caller then rebuilds).
    func read() throws(PDFSyntaxError) -> CrossReference {
        guard let start = startxref() else {
            throw PDFSyntaxError("no 'startxref' near the end of the file", at: max(0, bytes.count - 1))
        }
        var result = CrossReference()
        var visited = Set<Int>()
        var pending: [Int] = [start]
        var first = true
        while let offset = pending.popLast() {
            guard visited.insert(offset).inserted, visited.count < 10_000 else {
                result.problems.append("cross-reference /Prev chain loops back to byte offset \(offset)")
                continue
            }
            do throws(PDFSyntaxError) {
                let section = try readSection(at: offset)
                result.merge(older: section.entries)
                result.merge(olderTrailer: section.trailer)
                // /Prev is older than /XRefStm (hybrid files: the stream supplements its own table).
                if let previous = section.trailer["Prev"]?.integer { pending.append(previous) }
                if let stream = section.trailer["XRefStm"]?.integer { pending.append(stream) }
            } catch {
                if first { throw error }
                result.problems.append("an older cross-reference section is unreadable (\(error.message), byte offset \(error.offset)); objects only it lists may be missing")
            }
            first = false
        }
        if result.trailer["Root"] == nil {
            throw PDFSyntaxError("the trailer has no /Root (document catalog)", at: start)
        }
        return result
    }

    /// One section at `offset` (a table with `xref` or a stream object), trying the offset relative
    /// to the header too.
    private func readSection(at offset: Int) throws(PDFSyntaxError) -> (entries: ObjectTable, trailer: PDFDictionary) {
        var firstError: PDFSyntaxError?
        for candidate in headerOffset > 0 ? [offset, offset + headerOffset] : [offset] {
            do throws(PDFSyntaxError) {
                guard candidate >= 0, candidate < bytes.count else {
                    throw PDFSyntaxError("cross-reference offset \(candidate) is outside the file (\(bytes.count) bytes)", at: candidate)
                }
                var scanner = Scanner(bytes, at: candidate)
                scanner.skipWhitespace()
                if scanner.matches("xref") {
                    scanner.position += 4
                    return try readTable(scanner)
                }
                return try readStream(at: scanner.position)
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        throw firstError!
    }

    /// A classic table: subsections `first count` then `count` 20-byte lines `offset gen n|f`,
    /// then `trailer << … >>`. Left in the file (`InPlaceTable`) when every subsection's entries parse
    /// at even spacing; otherwise parsed by tokens, so lines of uneven length are fine too.
    private func readTable(_ start: Scanner) throws(PDFSyntaxError) -> (entries: ObjectTable, trailer: PDFDictionary) {
        var table = inPlaceTable(start)
        if table == nil { table = try parsedTable(start) }
        let (entries, end) = table!
        var parser = ObjectParser(bytes, at: end)
        let trailer = try parser.parseObject()
        guard let dictionary = trailer.dictionary else {
            throw PDFSyntaxError("the trailer is \(trailer.typeName), expected a dictionary", at: end)
        }
        return (entries, dictionary)
    }

    /// The table's subsections when each one's entries are evenly spaced, sorted and not
    /// overlapping, with where `trailer`'s dictionary starts; nil when not (then `parsedTable`).
    private func inPlaceTable(_ start: Scanner) -> (ObjectTable, end: Int)? {
        var scanner = start
        var subsections: [InPlaceTable.Subsection] = []
        while true {
            scanner.skipWhitespace()
            if scanner.matches("trailer") { break }
            guard let first = scanner.readUnsignedInteger() else { return nil }
            scanner.skipWhitespace()
            guard let count = scanner.readUnsignedInteger(), count <= bytes.count / 18 + 1 else { return nil }
            scanner.skipWhitespace()
            let entriesStart = scanner.position
            var stride = 0
            for index in 0..<count {
                guard let (_, next) = InPlaceTable.entry(in: bytes, at: scanner.position) else { return nil }
                if index == 0 { stride = next - entriesStart }
                guard next == entriesStart + (index + 1) * stride else { return nil }
                scanner.position = next
            }
            subsections.append(.init(first: first, count: count, start: entriesStart, stride: stride))
        }
        subsections.sort { $0.first < $1.first }
        for (earlier, later) in zip(subsections, subsections.dropFirst()) where earlier.first + earlier.count > later.first {
            return nil  // overlapping numbers: the later line wins, as `parsedTable` reads them
        }
        return (ObjectTable(InPlaceTable(bytes: bytes, subsections: subsections)), scanner.position + 7)
    }

    /// The table parsed entry by entry into packed entries; throws at the first malformed one.
    private func parsedTable(_ start: Scanner) throws(PDFSyntaxError) -> (ObjectTable, end: Int) {
        var scanner = start
        var entries = PackedEntries()
        while true {
            scanner.skipWhitespace()
            if scanner.matches("trailer") {
                scanner.position += 7
                break
            }
            guard let firstNumber = scanner.readUnsignedInteger() else {
                throw PDFSyntaxError("expected a subsection header 'first count' or 'trailer' in the cross-reference table", at: scanner.position)
            }
            scanner.skipWhitespace()
            guard let count = scanner.readUnsignedInteger() else {
                throw PDFSyntaxError("expected the entry count of the subsection starting at object \(firstNumber)", at: scanner.position)
            }
            guard count <= bytes.count / 18 + 1 else {
                throw PDFSyntaxError("subsection claims \(count) entries, more than the file can hold", at: scanner.position)
            }
            for index in 0..<count {
                scanner.skipWhitespace()
                let entryStart = scanner.position
                guard let offset = scanner.readUnsignedInteger() else {
                    throw PDFSyntaxError("expected entry \(index) of the subsection starting at object \(firstNumber)", at: entryStart)
                }
                scanner.skipWhitespace()
                guard let generation = scanner.readUnsignedInteger() else {
                    throw PDFSyntaxError("expected a generation number in a cross-reference entry", at: scanner.position)
                }
                scanner.skipWhitespace()
                let kind = scanner.peek()
                scanner.position += 1
                let number = firstNumber + index
                if kind == 0x6E {  // n
                    // Offset 0 "in use" entries are bogus (written by broken producers): treat as free.
                    entries[number] = offset > 0 ? .inFile(offset: offset, generation: generation) : .free
                } else if kind == 0x66 {  // f
                    entries[number] = .free
                } else {
                    throw PDFSyntaxError("expected 'n' or 'f' in a cross-reference entry", at: scanner.position - 1)
                }
            }
        }
        return (ObjectTable(entries), scanner.position)
    }

    /// A cross-reference stream object (§7.5.8): /W field widths, /Index subsections, /Size.
    private func readStream(at offset: Int) throws(PDFSyntaxError) -> (entries: ObjectTable, trailer: PDFDictionary) {
        var parser = ObjectParser(bytes, at: offset)
        guard let id = parser.parseObjectHeader() else {
            throw PDFSyntaxError("expected 'xref' or a cross-reference stream object", at: offset)
        }
        let object = try parser.parseObject()
        guard case .dictionary(let dictionary) = object, dictionary.name("Type") == "XRef",
              let dataStart = parser.streamDataStart() else {
            throw PDFSyntaxError("\(id) at the cross-reference offset is not a cross-reference stream", at: offset)
        }
        guard let length = dictionary["Length"]?.integer, length >= 0, dataStart + length <= bytes.count else {
            throw PDFSyntaxError("cross-reference stream \(id) has no usable direct /Length", at: offset)
        }
        let stream = PDFStream(dictionary: dictionary, dataRange: dataStart..<(dataStart + length), objectID: id)
        guard let data = decodeStream(stream) else {
            throw PDFSyntaxError("cross-reference stream \(id) could not be decoded", at: dataStart)
        }
        guard let widths = dictionary["W"]?.array?.compactMap(\.integer), widths.count >= 3,
              widths.allSatisfy({ $0 >= 0 && $0 <= 8 }), widths.reduce(0, +) > 0 else {
            throw PDFSyntaxError("cross-reference stream \(id) has no valid /W", at: offset)
        }
        let size = dictionary["Size"]?.integer ?? 0
        var index = dictionary["Index"]?.array?.compactMap(\.integer) ?? [0, size]
        if index.count % 2 == 1 { index.removeLast() }
        let entryWidth = widths.reduce(0, +)
        var entries = PackedEntries()
        entries.reserve(upTo: min(size, data.count / entryWidth + 1))
        var position = 0
        func field(_ width: Int, default value: Int) -> Int {
            guard width > 0 else { return value }
            var result = 0
            for _ in 0..<width {
                result = result << 8 | Int(data[position])
                position += 1
            }
            return result
        }
        var pair = 0
        while pair < index.count {
            let first = index[pair], count = index[pair + 1]
            pair += 2
            guard first >= 0, count >= 0, first < 1 << 40, count < 1 << 40 else { continue }
            for number in first..<(first + count) {
                guard position + entryWidth <= data.count else { break }
                let type = field(widths[0], default: 1)
                let second = field(widths[1], default: 0)
                let third = field(widths[2], default: 0)
                position += entryWidth - widths[0] - widths[1] - widths[2]
                switch type {
                case 0: entries[number] = .free
                case 1: entries[number] = second > 0 ? .inFile(offset: second, generation: third) : .free
                case 2: entries[number] = .inObjectStream(stream: second, index: third)
                default: break  // §7.5.8.3: unknown types are ignored (treated as null references)
                }
            }
        }
        return (ObjectTable(entries), dictionary)
    }
}

/// Recovers the cross-reference by scanning the whole file for `N G obj` (later definitions win, as
/// an incremental update would) and for `trailer` dictionaries.
struct CrossReferenceRebuilder {
    let bytes: UnsafeRawBufferPointer

    func rebuild() -> CrossReference {
        var result = CrossReference()
        var entries = PackedEntries()
        var index = 0
        let count = bytes.count
        while index + 3 <= count {
            let byte = bytes[index]
            if byte == 0x6F, bytes[index + 1] == 0x62, bytes[index + 2] == 0x6A,  // "obj"
               index + 3 == count || !Scanner.isRegular(bytes[index + 3]),
               let header = headerBefore(index) {
                entries[header.number] = .inFile(offset: header.offset, generation: header.generation)
                index += 3
                continue
            }
            if byte == 0x74, index + 7 <= count, bytes[index..<(index + 7)].elementsEqual("trailer".utf8) {
                var parser = ObjectParser(bytes, at: index + 7)
                if let trailer = try? parser.parseObject().dictionary {
                    var later = trailer
                    later.addMissing(from: result.trailer)
                    result.trailer = later
                }
            }
            index += 1
        }
        result.entries = ObjectTable(entries)
        return result
    }

    /// For `obj` at `objIndex`: the `N G ` before it, with N starting a line or after a delimiter.
    private func headerBefore(_ objIndex: Int) -> (number: Int, generation: Int, offset: Int)? {
        var position = objIndex - 1
        func skipSpaceBackward() -> Bool {
            let start = position
            while position >= 0, Scanner.isWhitespace(bytes[position]) { position -= 1 }
            return position < start
        }
        func digitsBackward() -> (value: Int, start: Int)? {
            let end = position
            while position >= 0, bytes[position] >= 0x30, bytes[position] <= 0x39, end - position < 10 { position -= 1 }
            guard position < end else { return nil }
            var value = 0
            for i in (position + 1)...end { value = value * 10 + Int(bytes[i] - 0x30) }
            return (value, position + 1)
        }
        guard skipSpaceBackward(), let generation = digitsBackward(), skipSpaceBackward(),
              let number = digitsBackward() else { return nil }
        if position >= 0, Scanner.isRegular(bytes[position]) { return nil }
        return (number.value, generation.value, number.start)
    }
}
