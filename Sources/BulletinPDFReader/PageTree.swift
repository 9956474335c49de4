/// One page of the page tree with its inherited attributes resolved (§7.7.3.4: Resources, MediaBox,
/// CropBox and Rotate are inherited from ancestor Pages nodes).
///
/// A page that is an indirect object (nearly all) keeps only its reference: its dictionary is
/// parsed again by the reader of the page, so a ten-thousand-page document does not hold ten
/// thousand page dictionaries (and their inline resources) in memory.
struct PageEntry {
    var id: ObjectID?
    /// The page dictionary, kept only when it is a direct object (a Kids entry written inline).
    var directDictionary: PDFDictionary?
    /// /Resources inherited from an ancestor, for a page without its own.
    var inheritedResources: PDFObject?
    var mediaBox: (x0: Double, y0: Double, x1: Double, y1: Double)
    var cropBox: (x0: Double, y0: Double, x1: Double, y1: Double)?
    var rotate: Int

    /// The page dictionary, read through `store`.
    func dictionary(in store: ObjectStore) -> PDFDictionary {
        directDictionary ?? id.flatMap { store.dictionary(.reference($0)) } ?? PDFDictionary()
    }

    /// The page's resources: its own, else inherited.
    func resources(of dictionary: PDFDictionary, in store: ObjectStore) -> PDFDictionary? {
        store.dictionary(dictionary["Resources"] ?? inheritedResources)
    }
}

/// The document's pages in order, held compactly: pages whose object numbers step evenly (3, 4, 5 …
/// after a merge; 9, 13, 17 … from Cairo, one page object and its contents, fonts …) and that
/// inherit alike are one run of 32 bytes, so most documents' page lists take a few runs whatever
/// their length, and the worst (numbers at random) 16 bytes a page. The attributes pages inherit
/// (resources, boxes, rotation) are stored once for the pages that share them.
struct PageIndex {
    /// Pages `firstPage ..< firstPage + count`, page k being object `firstNumber + k × step`.
    private struct Run {
        var firstPage: Int
        var firstNumber: Int
        var count: Int32
        var step: Int32
        var attributes: UInt32
        var generation: UInt16
        var isIndirect: Bool

        /// Whether the next page (`number`, …) continues the run.
        func continues(number: Int, generation: UInt16, isIndirect: Bool, attributes: UInt32) -> Bool {
            guard attributes == self.attributes, generation == self.generation, isIndirect == self.isIndirect,
                  count < Int32.max else { return false }
            if count == 1 { return Int32(exactly: number - firstNumber) != nil }
            return number == firstNumber + Int(step) * Int(count)
        }
    }

    /// What a page has besides its reference; equal for most pages of a document.
    private struct Attributes {
        var directDictionary: PDFDictionary?
        var inheritedResources: PDFObject?
        var mediaBox: (x0: Double, y0: Double, x1: Double, y1: Double)
        var cropBox: (x0: Double, y0: Double, x1: Double, y1: Double)?
        var rotate: Int

        init(_ entry: PageEntry) {
            directDictionary = entry.directDictionary
            inheritedResources = entry.inheritedResources
            mediaBox = entry.mediaBox
            cropBox = entry.cropBox
            rotate = entry.rotate
        }

        /// Whether the two can be stored once: no inline page dictionary, the same inherited
        /// resources object (by reference, or both absent), the same boxes and rotation.
        func canShare(with other: Attributes) -> Bool {
            guard directDictionary == nil, other.directDictionary == nil else { return false }
            switch (inheritedResources, other.inheritedResources) {
            case (nil, nil): break
            case (.reference(let a)?, .reference(let b)?) where a == b: break
            default: return false
            }
            return mediaBox == other.mediaBox && rotate == other.rotate
                && cropBox.map { [$0.x0, $0.y0, $0.x1, $0.y1] } == other.cropBox.map { [$0.x0, $0.y0, $0.x1, $0.y1] }
        }
    }

    private var runs: [Run] = []
    private var attributes: [Attributes] = []
    /// Recently stored attributes, searched before storing new ones (odd and even pages may differ).
    private var recent: [UInt32] = []

    private(set) var count = 0
    var isEmpty: Bool { count == 0 }
    /// Runs stored (tests).
    var runCount: Int { runs.count }
    /// Distinct attribute records stored (tests).
    var attributeRecords: Int { attributes.count }

    mutating func append(_ entry: PageEntry) {
        let new = Attributes(entry)
        let index: UInt32
        if let shared = recent.first(where: { attributes[Int($0)].canShare(with: new) }) {
            index = shared
        } else {
            index = UInt32(attributes.count)
            attributes.append(new)
            recent.insert(index, at: 0)
            if recent.count > 4 { recent.removeLast() }
        }
        let number = entry.id?.number ?? 0, isIndirect = entry.id != nil
        // A reference's generation is at most 65,535 (the parser refuses more).
        let generation = UInt16(clamping: entry.id?.generation ?? 0)
        if let last = runs.last, last.continues(number: number, generation: generation, isIndirect: isIndirect, attributes: index) {
            if last.count == 1 { runs[runs.count - 1].step = Int32(number - last.firstNumber) }
            runs[runs.count - 1].count += 1
        } else {
            runs.append(Run(firstPage: count, firstNumber: number, count: 1, step: 0, attributes: index,
                            generation: generation, isIndirect: isIndirect))
        }
        count += 1
    }

    subscript(index: Int) -> PageEntry {
        // The last run starting at or before `index`.
        var low = 0, high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].firstPage <= index { low = middle + 1 } else { high = middle }
        }
        let run = runs[low - 1]
        precondition(index >= 0 && index < run.firstPage + Int(run.count), "page \(index) of \(count)")
        let number = run.firstNumber + Int(run.step) * (index - run.firstPage)
        let shared = attributes[Int(run.attributes)]
        return PageEntry(id: run.isIndirect ? ObjectID(number: number, generation: Int(run.generation)) : nil,
                         directDictionary: shared.directDictionary, inheritedResources: shared.inheritedResources,
                         mediaBox: shared.mediaBox, cropBox: shared.cropBox, rotate: shared.rotate)
    }
}

/// Walks the page tree (§7.7.3) depth-first in order, with loop protection (a node reached twice is
/// skipped with a warning) and a depth limit.
struct PageTreeWalker {
    let store: ObjectStore
    static let maximumDepth = 64
    static let letterSize = (x0: 0.0, y0: 0.0, x1: 612.0, y1: 792.0)

    private struct Inherited {
        var resources: PDFObject?
        var mediaBox: PDFObject?
        var cropBox: PDFObject?
        var rotate: PDFObject?
    }

    /// Pages walked between releases of a large file's resident pages: the walk reads every page
    /// dictionary, which would otherwise leave the whole file resident before the first page is read.
    static let pagesPerRelease = 4_096

    func pages(root: PDFObject) -> PageIndex {
        var pages = PageIndex()
        var visited = ObjectSet()
        walk(root, inherited: Inherited(), depth: 0, visited: &visited, pages: &pages)
        return pages
    }

    private func walk(_ node: PDFObject, inherited: Inherited, depth: Int, visited: inout ObjectSet, pages: inout PageIndex) {
        var id: ObjectID?
        if let reference = node.reference {
            guard visited.insert(reference) else {
                store.warn("page tree", "\(reference) appears twice (a loop in the page tree); skipped the second time")
                return
            }
            id = reference
        }
        guard depth < PageTreeWalker.maximumDepth else {
            store.warn("page tree", "nested deeper than \(PageTreeWalker.maximumDepth) levels; the deeper pages are skipped")
            return
        }
        guard let dictionary = store.dictionary(node) else {
            store.warn("page tree", "a node\(id.map { " (\($0))" } ?? "") is not a dictionary; skipped")
            return
        }
        var inherited = inherited
        if let value = dictionary["Resources"] { inherited.resources = value }
        if let value = dictionary["MediaBox"] { inherited.mediaBox = value }
        if let value = dictionary["CropBox"] { inherited.cropBox = value }
        if let value = dictionary["Rotate"] { inherited.rotate = value }
        let type = store.name(dictionary["Type"])
        let kids = store.array(dictionary["Kids"])
        if type == "Pages" || (type != "Page" && kids != nil) {
            for kid in kids ?? [] {
                walk(kid, inherited: inherited, depth: depth + 1, visited: &visited, pages: &pages)
            }
            return
        }
        let mediaBox = store.rectangle(inherited.mediaBox) ?? {
            store.warn("page \(pages.count + 1)", "no usable /MediaBox; US Letter assumed")
            return PageTreeWalker.letterSize
        }()
        var rotate = store.integer(inherited.rotate) ?? 0
        rotate = ((rotate % 360) + 360) % 360
        if rotate % 90 != 0 {
            store.warn("page \(pages.count + 1)", "/Rotate \(rotate) is not a multiple of 90; rounded")
            rotate = (rotate + 45) / 90 * 90 % 360
        }
        pages.append(PageEntry(id: id, directDictionary: id == nil ? dictionary : nil,
                               inheritedResources: dictionary["Resources"] == nil ? inherited.resources : nil,
                               mediaBox: mediaBox, cropBox: store.rectangle(inherited.cropBox), rotate: rotate))
        // The page dictionaries just read are not needed again until their page is.
        store.trimCache()
        if pages.count % PageTreeWalker.pagesPerRelease == 0, store.bytes.count >= PDFDocument.smallestReleasedFile {
            store.source.releaseResidentPages()
        }
    }
}

/// Object references seen, one bit each for the usual generation-0 numbers (a 100,000-page tree's
/// pages in 12 KB rather than a 2 MB hash set), a set for the rest.
struct ObjectSet {
    private var bits: [UInt64] = []
    private var others = Set<ObjectID>()
    /// Numbers below this are kept as bits (8 MB of them at most).
    static let bitLimit = 1 << 26

    /// Adds `id`; false when it was already there.
    mutating func insert(_ id: ObjectID) -> Bool {
        guard id.generation == 0, id.number >= 0, id.number < ObjectSet.bitLimit else {
            return others.insert(id).inserted
        }
        let word = id.number >> 6, bit = UInt64(1) << UInt64(id.number & 63)
        if word >= bits.count { bits.append(contentsOf: repeatElement(0, count: max(word + 1, bits.count * 2) - bits.count)) }
        guard bits[word] & bit == 0 else { return false }
        bits[word] |= bit
        return true
    }
}
