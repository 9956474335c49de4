/// Fonts of a document, each parsed once (keyed by the font dictionary's object) and shared by all
/// pages: fonts and their CMaps are the costly part of a page.
final class FontCache {
    /// Each font with the last page (of this reader's, counted by `trim`) that used it, and the
    /// problems loading it raised — raised again on every page that uses it, so that which pages
    /// report a broken font does not depend on which reader loaded it first.
    private var byReference: [ObjectID: (font: PDFFont, lastPage: Int, problems: [ObjectStore.Problem])] = [:]
    /// Pages this reader has finished.
    private var pagesRead = 0
    /// Fonts held now.
    var count: Int { byReference.count }
    /// Glyph name → Unicode results, shared by all fonts of the document (producers such as
    /// Chromium repeat the same /Differences names in every font of every page).
    let glyphNames = GlyphNameMemo()
    /// ToUnicode maps parsed by any reader of the document.
    let sharedToUnicode: ToUnicodeCache

    /// Memory the fonts may hold between pages before the ones not used lately are let go. A
    /// bulletin's handful of fonts is far below the default (4 MB); a volume of many issues merged
    /// into one file has each issue's own subset fonts (hundreds, ~100 KB each once parsed), and
    /// keeping them all would make memory grow with the file rather than with the page.
    let byteLimit: Int

    init(sharedToUnicode: ToUnicodeCache = ToUnicodeCache(), byteLimit: Int = 4 << 20) {
        self.sharedToUnicode = sharedToUnicode
        self.byteLimit = byteLimit
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
        if let cached = byReference[reference] {
            if cached.lastPage != pagesRead { byReference[reference]!.lastPage = pagesRead }
            store.replay(cached.problems)
            return cached.font
        }
        let (font, problems) = store.recordingProblems { () -> PDFFont? in
            guard let dictionary = store.dictionary(.reference(reference)) else { return nil }
            return FontLoader(store: store, glyphNames: glyphNames, sharedToUnicode: sharedToUnicode)
                .load(dictionary, resourceName: resourceName)
        }
        guard let font else { return nil }
        byReference[reference] = (font, pagesRead, problems)
        return font
    }

    /// Pages back a font counts as in use: those fonts stay whatever the budget (a Chromium page
    /// has a hundred Type 3 fonts, and the next pages share them).
    static let recentPages = 4

    /// Called after each page: past `byteLimit`, the fonts no page among the last `recentPages`
    /// used are dropped (loaded again if a later page needs them).
    func trim() {
        pagesRead += 1
        guard byReference.count > 8,
              byReference.values.reduce(0, { $0 + $1.font.estimatedBytes }) > byteLimit else { return }
        byReference = byReference.filter { pagesRead - $0.value.lastPage <= FontCache.recentPages }
        glyphNames.toUnicodeByStream.removeAll()
    }
}

/// Memoized `GlyphNames.unicode`, and ToUnicode maps by stream (fonts often share one; parsing it
/// again per font would also let a hostile CMap cost its full price once per font).
final class GlyphNameMemo {
    private var results: [String: String?] = [:]
    var toUnicodeByStream: [ObjectID: ToUnicodeCache.Entry] = [:]
    /// Names remembered at most (a hostile file could name millions of glyphs).
    static let nameLimit = 65_536

    func unicode(_ name: String) -> String? {
        if let known = results[name] { return known }
        let result = GlyphNames.unicode(name)
        if results.count >= GlyphNameMemo.nameLimit { results.removeAll() }
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
        /// Problems with the map, reported for each font that uses it.
        var problems: [String]
        /// What the store said while decoding the stream, raised again for each font that uses it.
        var raised: [ObjectStore.Problem] = []
    }

    private let lock = Lock()
    /// Each map with when it was last asked for (`uses` then).
    private var entries: [ObjectID: (entry: Entry, lastUse: Int)] = [:]
    private var uses = 0
    /// Mappings held in all (the size of the maps).
    private var mappings = 0
    /// Streams a reader is parsing now.
    private var parsing: [ObjectID] = []
    /// Mappings kept at most (a few MB; thirty CJK fonts' maps, hundreds of Type 3 ones); past it
    /// the maps asked for longest ago are let go.
    static let mappingLimit = 100_000

    /// The entry of stream `id`: cached, or waited for while another reader parses it, or parsed
    /// here by `parse` (a stream that cannot be decoded gives an empty map with what was said of it).
    func entry(_ id: ObjectID, parse: () -> Entry) -> Entry {
        let cached: Entry? = lock.withLock {
            while true {
                uses += 1
                if let known = entries[id] {
                    entries[id]!.lastUse = uses
                    return known.entry
                }
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
            entries[id] = (entry, uses)
            mappings += entry.map.count
            while mappings > ToUnicodeCache.mappingLimit, entries.count > 1,
                  let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                mappings -= oldest.value.entry.map.count
                entries[oldest.key] = nil
            }
            parsing.removeAll { $0 == id }
            lock.broadcast()
        }
        return entry
    }
}
