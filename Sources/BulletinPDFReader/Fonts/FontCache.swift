/// Fonts of a document, each parsed once (keyed by the font dictionary's object) and shared by all
/// pages: fonts and their CMaps are the costly part of a page.
final class FontCache {
    private var byReference: [ObjectID: PDFFont] = [:]
    /// Fonts held now.
    var count: Int { byReference.count }
    /// Glyph name → Unicode results, shared by all fonts of the document (producers such as
    /// Chromium repeat the same /Differences names in every font of every page).
    let glyphNames = GlyphNameMemo()
    /// ToUnicode maps parsed by any reader of the document.
    let sharedToUnicode: ToUnicodeCache

    init(sharedToUnicode: ToUnicodeCache = ToUnicodeCache()) {
        self.sharedToUnicode = sharedToUnicode
    }

    /// The font a content stream names with `Tf`, looked up in `resources`' /Font dictionary.
    func font(named name: String, resources: PDFDictionary, store: ObjectStore) -> PDFFont? {
        guard let fontResources = store.dictionary(resources["Font"]), let entry = fontResources[name] else { return nil }
        if let reference = entry.reference { return font(reference: reference, resourceName: name, store: store) }
        // A direct font dictionary (rare): parse it each time it is selected.
        guard let dictionary = entry.dictionary else { return nil }
        return FontLoader(store: store, glyphNames: glyphNames, sharedToUnicode: sharedToUnicode).load(dictionary, resourceName: name)
    }

    func font(reference: ObjectID, resourceName: String, store: ObjectStore) -> PDFFont? {
        if let font = byReference[reference] { return font }
        guard let dictionary = store.dictionary(.reference(reference)) else { return nil }
        let font = FontLoader(store: store, glyphNames: glyphNames, sharedToUnicode: sharedToUnicode).load(dictionary, resourceName: resourceName)
        byReference[reference] = font
        return font
    }

    /// Fonts kept between pages. A bulletin uses a handful; a volume of many issues merged into one
    /// file has each issue's own subset fonts (hundreds, tens of KB each once parsed), and keeping
    /// them all would make memory grow with the file rather than with the page.
    static let fontLimit = 32

    /// Called between pages: past `fontLimit` fonts the cache starts again (the next pages load
    /// what they use).
    func trim() {
        guard byReference.count > FontCache.fontLimit else { return }
        byReference.removeAll()
        glyphNames.forgetMaps()
    }
}

/// Memoized `GlyphNames.unicode`, and ToUnicode maps by stream (fonts often share one; parsing it
/// again per font would also let a hostile CMap cost its full price once per font).
final class GlyphNameMemo {
    private var results: [String: String?] = [:]
    var toUnicodeByStream: [ObjectID: [UInt32: String]] = [:]
    /// ToUnicode streams whose problems this reader has reported (kept when the maps are
    /// forgotten, so a font loaded again is not reported again).
    var reportedToUnicode: Set<ObjectID> = []

    /// Drops the ToUnicode maps and the glyph-name results (`FontCache.trim`).
    func forgetMaps() {
        toUnicodeByStream.removeAll()
        results.removeAll()
    }

    func unicode(_ name: String) -> String? {
        if let known = results[name] { return known }
        let result = GlyphNames.unicode(name)
        results[name] = result
        return result
    }
}

/// ToUnicode maps parsed by any of a document's page readers, by stream, with the problems their
/// parse found (each reader still reports those on its own pages). Thread-safe. A font's
/// ToUnicode is often the biggest part of loading it (xdvipdfmx writes thousands of bfchar
/// entries), and every reading thread meets every font — usually all at once, on the first pages:
/// a reader that finds a map being parsed waits for it rather than parsing it too.
final class ToUnicodeCache: @unchecked Sendable {
    struct Entry {
        var map: [UInt32: String]
        var problems: [String]
    }

    private let lock = Lock()
    private var entries: [ObjectID: Entry] = [:]
    /// Streams a reader is parsing now.
    private var parsing: [ObjectID] = []
    /// Maps kept at most: as many as the readers' fonts (`FontCache.fontLimit`); past it the cache
    /// starts again.
    static let limit = FontCache.fontLimit

    /// The entry of stream `id`: cached, or waited for while another reader parses it, or parsed
    /// here by `parse`. A failed parse (nil) is not cached: each reader then tries, and reports, itself.
    func entry(_ id: ObjectID, parse: () -> Entry?) -> Entry? {
        let cached: Entry? = lock.withLock {
            while true {
                if let entry = entries[id] { return entry }
                if !parsing.contains(id) {
                    parsing.append(id)
                    return nil
                }
                lock.wait()
            }
        }
        if let cached { return cached }
        let entry = parse()
        lock.withLock {
            if entries.count >= ToUnicodeCache.limit { entries.removeAll() }
            entries[id] = entry
            parsing.removeAll { $0 == id }
            lock.broadcast()
        }
        return entry
    }
}
