/// Loads indirect objects on demand (lazily, with a cache) from the file through the cross-reference,
/// including objects packed in object streams, decrypting strings and streams when the document is
/// encrypted. Not thread-safe: each thread reading pages has its own (`PageReaderPool`).
final class ObjectStore {
    let source: ByteSource
    var crossReference: CrossReference
    /// Caps decoded stream sizes (zip bombs give a warning, not an out-of-memory).
    let streamLimit: Int
    /// Set once the security handler has been set up (nil for unencrypted files).
    var decryptor: Decryptor?
    /// Warnings for the document as a whole (unreadable objects, …), each once.
    private(set) var warnings: [PDFWarning] = []
    private var warned = Set<String>()
    /// The page whose content is being read, so object problems found meanwhile land on it.
    private(set) var currentPage: Int?
    private(set) var pageWarnings: [PDFWarning] = []
    /// The page's warnings so far, each once (reset per page: a page read twice warns twice).
    private var pageWarned = Set<String>()

    private var cache: [ObjectID: PDFObject] = [:]
    /// Problems met while loading an object, given again whenever a page uses it from the cache:
    /// every page that uses a damaged object is told so, whichever reader (thread) happened to
    /// parse it first — otherwise which pages warn would depend on the threads' timing.
    private var objectProblems: [ObjectID: [Problem]] = [:]
    /// Warnings being collected by `recordingProblems`, innermost last.
    private var recorders: [[Problem]] = []
    private var resolving = Set<ObjectID>()
    /// Parsed object streams: offsets of their objects and the decoded data. Few are kept.
    private var objectStreams: [Int: ObjectStreamContents] = [:]
    private var objectStreamOrder: [Int] = []
    private var rebuilt = false

    struct ObjectStreamContents {
        var data: [UInt8]
        var offsets: [(number: Int, offset: Int)]
        /// Problems decoding it, given again with each object read from it.
        var problems: [Problem] = []
    }

    /// A warning as `warn` takes it, kept to be given again (`replay`).
    struct Problem: Hashable {
        var feature: String
        var message: String
    }

    /// References followed in a row before giving up (a → b → c …).
    static let maximumReferenceChain = 32

    init(source: ByteSource, crossReference: CrossReference, streamLimit: Int) {
        self.source = source
        self.crossReference = crossReference
        self.streamLimit = streamLimit
    }

    var bytes: UnsafeRawBufferPointer { source.bytes }

    /// A store over the same file, cross-reference (as repaired so far) and decryptor, with empty
    /// caches and no warnings: for another thread. `self` must not change meanwhile.
    func sibling() -> ObjectStore {
        let store = ObjectStore(source: source, crossReference: crossReference, streamLimit: streamLimit)
        store.decryptor = decryptor
        store.rebuilt = rebuilt
        return store
    }

    func warn(_ feature: String, _ message: String) {
        for r in recorders.indices { recorders[r].append(Problem(feature: feature, message: message)) }
        let key = "\(feature)|\(message)"
        let warning = PDFWarning(page: currentPage, feature: feature, message: message)
        if currentPage != nil {
            if pageWarned.insert(key).inserted { pageWarnings.append(warning) }
        } else if warned.insert(key).inserted {
            warnings.append(warning)
        }
    }

    /// Runs `body`; returns its result with the warnings raised meanwhile (raised as usual too),
    /// for what is cached to give them again when used from the cache.
    func recordingProblems<T>(_ body: () -> T) -> (T, [Problem]) {
        recorders.append([])
        let result = body()
        return (result, recorders.removeLast())
    }

    /// Raises `problems` again (each once per page, as `warn` does).
    func replay(_ problems: [Problem]) {
        for problem in problems { warn(problem.feature, problem.message) }
    }

    /// Starts reading page `index`: warnings from now on are the page's.
    func beginPage(_ index: Int) {
        currentPage = index
        pageWarnings = []
        pageWarned = []
    }

    /// Ends the page; returns its warnings.
    func endPage() -> [PDFWarning] {
        defer {
            currentPage = nil
            pageWarnings = []
            pageWarned = []
        }
        return pageWarnings
    }

    // MARK: Resolving

    /// Follows references until a direct object (null for missing/broken ones, with a warning).
    func resolve(_ object: PDFObject?) -> PDFObject {
        guard var current = object else { return .null }
        var hops = 0
        while case .reference(let id) = current {
            hops += 1
            if hops > ObjectStore.maximumReferenceChain {
                warn("\(id)", "more than \(ObjectStore.maximumReferenceChain) references in a row (a reference cycle?); read as null")
                return .null
            }
            current = self.object(id)
        }
        return current
    }

    /// The dictionary `object` is or refers to (of a stream too).
    func dictionary(_ object: PDFObject?) -> PDFDictionary? { resolve(object).dictionary }
    func array(_ object: PDFObject?) -> [PDFObject]? { resolve(object).array }
    func number(_ object: PDFObject?) -> Double? { resolve(object).number }
    func integer(_ object: PDFObject?) -> Int? { resolve(object).integer }
    func name(_ object: PDFObject?) -> String? { resolve(object).name }

    /// A rectangle `[x0 y0 x1 y1]` (§7.9.5) with its corners in order, or nil when it is not four
    /// finite numbers enclosing some area (page boxes, annotation /Rect, form /BBox).
    func rectangle(_ object: PDFObject?) -> (x0: Double, y0: Double, x1: Double, y1: Double)? {
        guard let values = array(object)?.compactMap({ number($0) }), values.count == 4, values.allSatisfy(\.isFinite) else { return nil }
        let box = (x0: min(values[0], values[2]), y0: min(values[1], values[3]), x1: max(values[0], values[2]), y1: max(values[1], values[3]))
        guard box.x1 - box.x0 > 0, box.y1 - box.y0 > 0 else { return nil }
        return box
    }

    /// The indirect object `id` (not following a reference it may itself be).
    func object(_ id: ObjectID) -> PDFObject {
        if let cached = cache[id] {
            if !objectProblems.isEmpty, let problems = objectProblems[id] { replay(problems) }
            return cached
        }
        guard resolving.insert(id).inserted else {
            warn("\(id)", "refers to itself while being read (a reference cycle); read as null")
            return .null
        }
        defer { resolving.remove(id) }
        let (loaded, problems) = recordingProblems { load(id) }
        objectProblems[id] = problems.isEmpty ? nil : problems
        // Streams are small records (dictionary + byte range), so caching them is cheap.
        cache[id] = loaded
        return loaded
    }

    private func load(_ id: ObjectID) -> PDFObject {
        switch crossReference.entries[id.number] {
        case .inFile(let offset, _):
            if let object = parseIndirect(id, at: offset) { return object }
            if rebuildOnce(), case .inFile(let newOffset, _) = crossReference.entries[id.number], newOffset != offset,
               let object = parseIndirect(id, at: newOffset) {
                return object
            }
            warn("\(id)", "cannot be read at byte offset \(offset); read as null")
            return .null
        case .inObjectStream(let stream, let index):
            if let object = objectFromStream(stream, index: index, number: id.number) { return object }
            warn("\(id)", "cannot be read from object stream \(stream); read as null")
            return .null
        case .free, nil:
            // §7.3.10: a reference to a missing object is the null object. Not worth a warning when
            // the table simply lacks it, but a damaged table may: rebuild once and look again.
            if crossReference.entries[id.number] == nil, rebuildOnce(reason: nil), crossReference.entries[id.number] != nil {
                warn("cross-reference table", "\(id) is missing from it; found by scanning the file")
                return load(id)
            }
            return .null
        }
    }

    /// Scans the file for objects once (the table pointed somewhere wrong). Entries found by the scan
    /// replace the table's; the trailer keeps the table's keys where the scan found none. `reason`,
    /// when given, is reported as a warning.
    @discardableResult
    func rebuildOnce(reason: String? = "points at wrong places") -> Bool {
        guard !rebuilt else { return false }
        rebuilt = true
        let scanned = CrossReferenceRebuilder(bytes: bytes).rebuild()
        guard !scanned.entries.isEmpty else { return false }
        if let reason { warn("cross-reference table", "\(reason); rebuilt by scanning the file for objects") }
        for (number, entry) in scanned.entries.sortedEntries() {
            if case .inObjectStream? = crossReference.entries[number] { continue }
            crossReference.entries[number] = entry
        }
        crossReference.trailer.addMissing(from: scanned.trailer)
        cache.removeAll()
        completeScannedTable()
        return true
    }

    /// After a scan: objects packed in object streams are not visible to the scan, so every object
    /// stream found registers its members (where nothing else defines them), and cross-reference
    /// streams found supply trailer keys (/Root, /Info, /Encrypt, /ID) the scan found no `trailer` for.
    /// Objects are visited in number order (here and in `findCatalog`), not the table's hash order:
    /// what a damaged file yields, and the order of its warnings, must not change from run to run.
    func completeScannedTable() {
        var trailers: [(number: Int, dictionary: PDFDictionary)] = []
        for (number, entry) in crossReference.entries.sortedEntries() {
            guard case .inFile(let offset, let generation) = entry, offset < bytes.count else { continue }
            // Cheap pre-check before parsing: a dictionary must follow the header.
            var scanner = Scanner(bytes, at: offset)
            scanner.skipRegular(); scanner.skipWhitespace(); scanner.skipRegular(); scanner.skipWhitespace()
            scanner.skipRegular(); scanner.skipWhitespace()
            guard scanner.peek() == 0x3C, scanner.peek(1) == 0x3C else { continue }
            guard case .stream(let stream) = object(ObjectID(number: number, generation: generation)) else { continue }
            switch stream.dictionary.name("Type") {
            case "ObjStm":
                guard let contents = objectStreamContents(number) else { continue }
                for (index, member) in contents.offsets.enumerated() where crossReference.entries[member.number] == nil {
                    crossReference.entries[member.number] = .inObjectStream(stream: number, index: index)
                }
            case "XRef":
                trailers.append((number, stream.dictionary))
            default: break
            }
        }
        for (_, dictionary) in trailers.sorted(by: { $0.number > $1.number }) {
            for key in ["Root", "Info", "Encrypt", "ID"] where crossReference.trailer[key] == nil {
                if let value = dictionary[key] { crossReference.trailer[key] = value }
            }
        }
    }

    /// Records that the cross-reference already comes from a scan (no second rebuild) and completes
    /// it with object-stream members and cross-reference-stream trailers.
    func markRebuilt() {
        rebuilt = true
        completeScannedTable()
    }

    /// The catalog found by looking at every object for /Type /Catalog (a damaged trailer), newest
    /// object number first. Also registers objects inside object streams the scan found.
    func findCatalog() -> PDFDictionary? {
        var catalog: (number: Int, dictionary: PDFDictionary)?
        for (number, entry) in crossReference.entries.sortedEntries() {
            guard case .inFile(_, let generation) = entry else { continue }
            let object = object(ObjectID(number: number, generation: generation))
            if object.dictionary?.name("Type") == "Catalog", object.dictionary?["Pages"] != nil, number > (catalog?.number ?? -1) {
                catalog = (number, object.dictionary!)
            }
        }
        if let catalog {
            warn("document catalog", "the trailer has no usable /Root; found the catalog as object \(catalog.number)")
            return catalog.dictionary
        }
        // Catalogs packed in object streams (damaged files with xref streams).
        for (number, entry) in crossReference.entries.sortedEntries() {
            guard case .inFile(_, let generation) = entry,
                  case .stream(let stream) = object(ObjectID(number: number, generation: generation)),
                  stream.dictionary.name("Type") == "ObjStm", let contents = objectStreamContents(number) else { continue }
            for (index, member) in contents.offsets.enumerated() where crossReference.entries[member.number] == nil {
                crossReference.entries[member.number] = .inObjectStream(stream: number, index: index)
            }
            for member in contents.offsets {
                let object = self.object(ObjectID(number: member.number, generation: 0))
                if object.dictionary?.name("Type") == "Catalog", let dictionary = object.dictionary {
                    warn("document catalog", "the trailer has no usable /Root; found the catalog as object \(member.number)")
                    return dictionary
                }
            }
        }
        return nil
    }

    /// Parses `N G obj <object> [stream …]` at `offset`; nil when the header there is not `id`.
    func parseIndirect(_ id: ObjectID, at offset: Int) -> PDFObject? {
        guard offset >= 0, offset < bytes.count else { return nil }
        var parser = ObjectParser(bytes, at: offset)
        guard let header = parser.parseObjectHeader(), header.number == id.number else { return nil }
        let object: PDFObject
        do throws(PDFSyntaxError) {
            object = try parser.parseObject()
        } catch {
            warn("\(id)", "\(error.message) (byte offset \(error.offset))")
            return .null
        }
        if case .dictionary(let dictionary) = object, let dataStart = parser.streamDataStart() {
            let end = streamEnd(dictionary: dictionary, dataStart: dataStart, id: id)
            let stream = PDFStream(dictionary: decryptStrings(in: .dictionary(dictionary), id: header).dictionary ?? dictionary,
                                   dataRange: dataStart..<end, objectID: header)
            return .stream(stream)
        }
        return decryptStrings(in: object, id: header)
    }

    /// Where stream data ends: /Length when `endstream` follows it, else the first `endstream` found
    /// (§7.3.8.1 says Length is authoritative, but damaged and hand-edited files lie).
    private func streamEnd(dictionary: PDFDictionary, dataStart: Int, id: ObjectID) -> Int {
        var length: Int?
        switch dictionary["Length"] {
        case .integer(let value)?: length = value
        case .reference(let lengthID)?:
            if lengthID != id { length = resolve(.reference(lengthID)).integer }
        default: break
        }
        if let length, length >= 0, dataStart + length <= bytes.count {
            var scanner = Scanner(bytes, at: dataStart + length)
            scanner.skipWhitespace()
            if scanner.matches("endstream") || scanner.atEnd { return dataStart + length }
        }
        // Search for endstream.
        let keyword = Array("endstream".utf8)
        var index = dataStart
        while index + keyword.count <= bytes.count {
            if bytes[index] == 0x65, bytes[index..<(index + keyword.count)].elementsEqual(keyword) {
                var end = index
                if end > dataStart, bytes[end - 1] == 0x0A { end -= 1 }
                if end > dataStart, bytes[end - 1] == 0x0D { end -= 1 }
                if length != nil { warn("\(id)", "stream /Length is wrong; the data was delimited by 'endstream'") }
                return end
            }
            index += 1
        }
        warn("\(id)", "stream has no 'endstream'; read to the end of the file")
        return bytes.count
    }

    // MARK: Object streams

    private func objectFromStream(_ streamNumber: Int, index: Int, number: Int) -> PDFObject? {
        guard let contents = objectStreamContents(streamNumber) else { return nil }
        // The index should point at the object; fall back to searching by number.
        var entry: (number: Int, offset: Int)?
        if index >= 0, index < contents.offsets.count, contents.offsets[index].number == number {
            entry = contents.offsets[index]
        } else {
            entry = contents.offsets.first { $0.number == number }
        }
        guard let entry else { return nil }
        return contents.data.withUnsafeBytes { buffer -> PDFObject? in
            var parser = ObjectParser(buffer, at: entry.offset)
            do throws(PDFSyntaxError) {
                return try parser.parseObject()
            } catch {
                warn("object \(number) in object stream \(streamNumber)", "\(error.message) (offset \(error.offset) in the decoded stream)")
                return nil
            }
        }
    }

    private func objectStreamContents(_ streamNumber: Int) -> ObjectStreamContents? {
        if let contents = objectStreams[streamNumber] {
            replay(contents.problems)
            return contents
        }
        let (contents, problems) = recordingProblems { decodeObjectStream(streamNumber) }
        guard var contents else { return nil }
        contents.problems = problems
        objectStreams[streamNumber] = contents
        objectStreamOrder.append(streamNumber)
        if objectStreamOrder.count > 8 {  // memory bounded: keep the few most recent
            objectStreams[objectStreamOrder.removeFirst()] = nil
        }
        return contents
    }

    /// Decodes object stream `streamNumber` and reads its table of object numbers and offsets.
    private func decodeObjectStream(_ streamNumber: Int) -> ObjectStreamContents? {
        guard case .stream(let stream) = object(ObjectID(number: streamNumber, generation: 0)) else { return nil }
        guard let data = decodedData(stream, feature: "object stream \(streamNumber)") else { return nil }
        let count = max(0, min(stream.dictionary["N"]?.integer ?? 0, data.count / 2 + 1))
        let first = stream.dictionary["First"]?.integer ?? 0
        var offsets: [(Int, Int)] = []
        offsets.reserveCapacity(count)
        data.withUnsafeBytes { buffer in
            var scanner = Scanner(buffer)
            for _ in 0..<count {
                scanner.skipWhitespace()
                guard let number = scanner.readUnsignedInteger() else { break }
                scanner.skipWhitespace()
                guard let offset = scanner.readUnsignedInteger() else { break }
                offsets.append((number, first + offset))
            }
        }
        return ObjectStreamContents(data: data, offsets: offsets)
    }

    // MARK: Stream data

    /// The stream's data after decryption and all filters, or nil (with a warning naming `feature`)
    /// when a filter is unsupported. Damaged data gives what could be decoded plus a warning.
    func decodedData(_ stream: PDFStream, feature: String) -> [UInt8]? {
        let range = stream.dataRange.clamped(to: 0..<bytes.count)
        var raw = Array(bytes[range])
        if let decryptor, let id = stream.objectID, stream.dictionary.name("Type") != "XRef" {
            raw = decryptor.decryptStream(raw, id: id, dictionary: stream.dictionary)
        }
        let filters = filterChain(stream.dictionary)
        if filters.isEmpty { return raw }
        let (data, problem) = StreamFilter.decode(raw, filters: filters, limit: streamLimit)
        if let problem {
            warn(feature, problem)
            if problem.contains("not supported") { return nil }
        }
        return data
    }

    /// /Filter and /DecodeParms as pairs (either may be a single item or an array).
    func filterChain(_ dictionary: PDFDictionary) -> [(name: String, parameters: PDFDictionary?)] {
        let filter = resolve(dictionary["Filter"] ?? dictionary["F"])
        let parameters = resolve(dictionary["DecodeParms"] ?? dictionary["DP"])
        switch filter {
        case .name(let name):
            let single: PDFDictionary? = parameters.array.flatMap { $0.first.flatMap { resolve($0).dictionary } } ?? parameters.dictionary
            return [(name, single)]
        case .array(let names):
            let parameterList = parameters.array ?? []
            return names.enumerated().compactMap { index, name in
                guard let name = resolve(name).name else { return nil }
                let parameter = index < parameterList.count ? resolve(parameterList[index]).dictionary : nil
                return (name, parameter)
            }
        default:
            return []
        }
    }

    // MARK: Decryption

    private func decryptStrings(in object: PDFObject, id: ObjectID) -> PDFObject {
        guard let decryptor else { return object }
        return decryptor.decryptStrings(in: object, id: id)
    }

    /// Forgets every parsed object (after the security handler is set up, objects parsed before it
    /// must be read again, decrypted).
    func resetCaches() {
        cache.removeAll()
        objectProblems.removeAll()
        objectStreams.removeAll()
        objectStreamOrder.removeAll()
    }

    /// Drops cached objects that are cheap to reload, keeping memory bounded by what one page needs.
    /// A page needs a few dozen objects (its dictionary, contents, resources, fonts); the limit
    /// keeps the shared ones across many pages while a long document's page dictionaries pass
    /// through. (2,000 held 2–3 MB per reader on long files for no measurable speed: parsed fonts
    /// live in `FontCache`, not here.)
    func trimCache(keeping limit: Int = 500) {
        if cache.count > limit {
            cache.removeAll(keepingCapacity: true)
            objectProblems.removeAll()
        }
    }
}
