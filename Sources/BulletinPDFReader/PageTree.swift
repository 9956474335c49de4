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

    func pages(root: PDFObject) -> [PageEntry] {
        var pages: [PageEntry] = []
        var visited = Set<ObjectID>()
        walk(root, inherited: Inherited(), depth: 0, visited: &visited, pages: &pages)
        return pages
    }

    private func walk(_ node: PDFObject, inherited: Inherited, depth: Int, visited: inout Set<ObjectID>, pages: inout [PageEntry]) {
        var id: ObjectID?
        if let reference = node.reference {
            guard visited.insert(reference).inserted else {
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
        let mediaBox = box(inherited.mediaBox) ?? {
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
                               mediaBox: mediaBox, cropBox: box(inherited.cropBox), rotate: rotate))
        // The page dictionaries just read are not needed again until their page is.
        store.trimCache()
    }

    private func box(_ object: PDFObject?) -> (x0: Double, y0: Double, x1: Double, y1: Double)? {
        guard let values = store.array(object)?.compactMap({ store.number($0) }), values.count == 4 else { return nil }
        let box = (x0: min(values[0], values[2]), y0: min(values[1], values[3]), x1: max(values[0], values[2]), y1: max(values[1], values[3]))
        guard box.x1 - box.x0 > 0, box.y1 - box.y0 > 0 else { return nil }
        return box
    }
}
