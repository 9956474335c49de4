import Glibc

/// A PDF document opened for text extraction: parses the cross-reference and page tree on open and
/// everything else lazily, page by page. Fonts are parsed once per reading thread and shared by
/// the pages it reads.
///
/// Thread-safe: pages may be requested from several threads and are read in parallel, each thread
/// with its own object and font caches (`PageReaderPool`).
public final class PDFDocument: @unchecked Sendable {
    /// Limits that keep hostile files from exhausting memory.
    public struct Options: Sendable {
        /// Largest decoded size of one stream; a stream inflating beyond it is cut there with a warning.
        public var maximumStreamBytes: Int
        /// Memory each reading thread's parsed fonts may hold between pages before the fonts not
        /// used on recent pages are let go (`FontCache.trim`).
        public var fontCacheBytes: Int
        /// The password of an encrypted file, its user or its owner password; nil or empty: the
        /// file must open with the empty password (as most "protected" PDFs do). Ignored when the
        /// file is not encrypted or opens without it.
        public var password: String?

        public init(maximumStreamBytes: Int = 256 << 20, fontCacheBytes: Int = 4 << 20, password: String? = nil) {
            self.maximumStreamBytes = maximumStreamBytes
            self.fontCacheBytes = fontCacheBytes
            self.password = password
        }
    }

    /// Number of pages found in the page tree.
    public var pageCount: Int { pages.count }
    /// The document information dictionary (§14.3.3), text strings decoded (PDFDocEncoding, UTF-16BE).
    public let info: [String: String]
    /// Problems with the document as a whole (repaired cross-reference, page tree loops, …).
    /// In a fixed order whatever the threads' timing: those found on opening first, then by the
    /// first page whose reading meets them, in the order that page's reading met them.
    public var warnings: [PDFWarning] {
        lock.withLock { documentWarnings.sorted { ($0.page, $0.order) < ($1.page, $1.order) }.map(\.warning) }
    }
    /// The file's path when opened from one (used in messages).
    public let path: String?

    private let pages: PageIndex
    private let source: ByteSource
    /// Pages read since the file's resident pages were last released (`ByteSource.releaseResidentPages`).
    private var pagesSinceRelease = 0
    /// Pages read between releases of the file's resident pages: often enough that a long file is
    /// never resident as a whole, seldom enough that the objects pages share (fonts, the
    /// cross-reference) are rarely faulted in again.
    static let pagesPerRelease = 64
    /// Files smaller than this are left resident: at most this much, and releasing their pages cost
    /// a 75-page file ~0.7 ms of system time for nothing.
    static let smallestReleasedFile = 16 << 20
    private let readers: PageReaderPool
    /// Fonts each idle page reader holds (tests).
    var fontCacheCounts: [Int] { readers.idleFontCounts }
    /// The warnings of opening the document (cross-reference, page tree), which pages do not repeat.
    private let openingProblems: Set<ObjectStore.Problem>
    /// Guards `documentWarnings`.
    private let lock = Lock()
    /// Each warning once, with where it was first met: the page being read (-1: opening the
    /// document) and its position among that page's new warnings.
    private var documentWarnings: [(warning: PDFWarning, page: Int, order: Int)]

    public convenience init(path: String, options: Options = Options()) throws(PDFReadError) {
        let source = try ByteSource(mapping: path)
        try self.init(source: source, path: path, options: options)
    }

    public convenience init(bytes: [UInt8], options: Options = Options()) throws(PDFReadError) {
        try self.init(source: ByteSource(copying: bytes), path: nil, options: options)
    }

    init(source: ByteSource, path: String?, options: Options) throws(PDFReadError) {
        self.path = path
        self.source = source
        func failure(_ kind: PDFReadError.Kind, _ message: String, at offset: Int? = nil) -> PDFReadError {
            PDFReadError(kind, file: path, offset: offset, message: message)
        }
        let bytes = source.bytes
        guard bytes.count > 0 else { throw failure(.empty, "the file is empty (0 bytes), expected a PDF") }
        let headerOffset = PDFDocument.findHeader(bytes)

        // Cross-reference: the chain from startxref, else rebuilt by scanning.
        let limit = options.maximumStreamBytes
        let reader = CrossReferenceReader(bytes: bytes, headerOffset: headerOffset ?? 0) { stream in
            let raw = Array(bytes[stream.dataRange.clamped(to: 0..<bytes.count)])
            let filters = PDFDocument.directFilters(stream.dictionary)
            let (data, problem) = StreamFilter.decode(raw, filters: filters, limit: limit)
            return problem == nil || !data.isEmpty ? data : nil
        }
        var crossReference: CrossReference
        var repairNote: String?
        do throws(PDFSyntaxError) {
            crossReference = try reader.read()
        } catch {
            crossReference = CrossReferenceRebuilder(bytes: bytes).rebuild()
            repairNote = "\(error.message) (byte offset \(error.offset)); rebuilt by scanning the file for objects"
            if crossReference.entries.isEmpty {
                if headerOffset == nil {
                    throw failure(.notPDF, "not a PDF file: no '%PDF-' header and no objects", at: 0)
                }
                throw failure(.damaged, "no objects found: \(error.message)", at: error.offset)
            }
        }
        let store = ObjectStore(source: source, crossReference: crossReference, streamLimit: limit)
        if headerOffset == nil { store.warn("header", "no '%PDF-' header in the first 1024 bytes") }
        if let repairNote { store.warn("cross-reference table", repairNote) }
        for problem in crossReference.problems { store.warn("cross-reference table", problem) }
        if repairNote != nil { store.markRebuilt() }

        // Encryption (§7.6).
        if let encrypt = crossReference.trailer["Encrypt"], !store.resolve(encrypt).isNull {
            store.decryptor = try StandardSecurityHandler.open(store: store, encrypt: encrypt, path: path, password: options.password)
            store.resetCaches()
        }

        // Catalog and page tree.
        var catalog = store.dictionary(store.crossReference.trailer["Root"])
        if catalog == nil || catalog?["Pages"] == nil, store.rebuildOnce() {
            catalog = store.dictionary(store.crossReference.trailer["Root"])
        }
        if catalog == nil || catalog?["Pages"] == nil { catalog = store.findCatalog() }
        guard let catalog else {
            throw failure(.damaged, "no document catalog (/Root) could be found; the file is damaged or not a PDF")
        }
        guard let pagesRoot = catalog["Pages"] else {
            throw failure(.damaged, "the document catalog has no /Pages (page tree)")
        }
        var pages = PageTreeWalker(store: store).pages(root: pagesRoot)
        if pages.isEmpty, store.rebuildOnce() {
            pages = PageTreeWalker(store: store).pages(root: store.findCatalog()?["Pages"] ?? pagesRoot)
        }
        if pages.isEmpty { store.warn("page tree", "no pages found") }
        self.pages = pages

        var info: [String: String] = [:]
        // In key order: resolving a value may warn (a damaged object), and warnings keep their order.
        for (key, value) in (store.dictionary(store.crossReference.trailer["Info"])?.entries ?? [:]).sorted(by: { $0.key < $1.key }) {
            switch store.resolve(value) {
            case .string(let bytes): info[key] = TextString.decode(bytes)
            case .name(let name): info[key] = name
            case .integer(let number): info[key] = String(number)
            case .real(let number): info[key] = String(number)
            case .boolean(let flag): info[key] = String(flag)
            default: break
            }
        }
        self.info = info
        documentWarnings = store.warnings.enumerated().map { (warning: $1, page: -1, order: $0) }
        openingProblems = Set(store.warnings.map { ObjectStore.Problem(feature: $0.feature, message: $0.message) })
        let first = PageReader(store: store, fonts: FontCache(sharedToUnicode: ToUnicodeCache(), byteLimit: options.fontCacheBytes))
        first.reportedWarnings = store.warnings.count
        readers = PageReaderPool(first: first, template: store.sibling())
    }

    /// Reads page `index` (zero-based). Never throws: what cannot be read becomes a warning on the page
    /// and the rest is extracted. An index out of range gives an empty page with a warning.
    public func page(_ index: Int) -> PageContent {
        guard index >= 0, index < pages.count else {
            return PageContent(index: index, width: 0, height: 0, warnings: [
                PDFWarning(page: index, feature: "page", message: "no page \(index + 1); the document has \(pages.count)")])
        }
        return readers.withReader { reader in
            let store = reader.store
            let entry = pages[index]
            store.beginPage(index)
            let geometry = PageGeometry(entry)
            let interpreter = ContentInterpreter(store: store, fonts: reader.fonts, pageIndex: index, pageMatrix: geometry.matrix)
            let dictionary = entry.dictionary(in: store)
            let resources = entry.resources(of: dictionary, in: store)
            for content in contentStreams(of: dictionary, store: store) {
                interpreter.run(content, resources: resources)
            }
            // Annotations are painted over the content: filled-in form fields, text boxes, stamps.
            let annotations = PageAnnotations(page: dictionary, store: store)
            for appearance in annotations.appearances {
                interpreter.drawAppearance(appearance, pageResources: resources)
            }
            for text in annotations.unpainted { interpreter.draw(text) }
            if !annotations.unpainted.isEmpty {
                store.warn("form fields", "\(annotations.unpainted.count) field value(s) or text box(es) have no appearance stream "
                           + "(the file leaves drawing them to the viewer); their text is placed in their boxes with estimated advances")
            }
            interpreter.finish()
            // A damaged object the document's opening already reported is not reported again
            // for each page that uses it (a reader that parses it afresh would).
            let warnings = store.endPage().filter { !openingProblems.contains(ObjectStore.Problem(feature: $0.feature, message: $0.message)) }
            passOnDocumentWarnings(of: reader, page: index)
            store.trimCache()
            reader.fonts.trim()
            releaseFilePagesNowAndThen()
            return PageContent(index: index, width: geometry.width, height: geometry.height,
                               glyphs: interpreter.glyphs, rules: interpreter.rules, warnings: warnings)
        }
    }

    /// Every `pagesPerRelease` pages read from a large file, lets go of its resident pages.
    private func releaseFilePagesNowAndThen() {
        guard source.count >= PDFDocument.smallestReleasedFile else { return }
        let due = lock.withLock {
            pagesSinceRelease += 1
            guard pagesSinceRelease >= PDFDocument.pagesPerRelease else { return false }
            pagesSinceRelease = 0
            return true
        }
        if due { source.releaseResidentPages() }
    }

    /// Adds the document-level warnings `reader` found since it last reported (while reading
    /// `page`), once each: two readers may meet the same damaged object, and a warning keeps the
    /// earliest page that met it, so the list does not depend on which thread got there first.
    private func passOnDocumentWarnings(of reader: PageReader, page: Int) {
        let found = reader.store.warnings
        guard found.count > reader.reportedWarnings else { return }
        let new = found[reader.reportedWarnings...]
        reader.reportedWarnings = found.count
        lock.withLock {
            for (order, warning) in new.enumerated() {
                if let known = documentWarnings.firstIndex(where: { $0.warning == warning }) {
                    if page < documentWarnings[known].page { documentWarnings[known] = (warning, page, order) }
                } else {
                    documentWarnings.append((warning, page, order))
                }
            }
        }
    }

    /// The page's /Contents: one stream or an array of streams, decoded. Each array element is run
    /// as its own piece, which is equivalent to concatenation for well-formed files (§7.8.2).
    private func contentStreams(of page: PDFDictionary, store: ObjectStore) -> [[UInt8]] {
        let contents = store.resolve(page["Contents"])
        var streams: [PDFObject] = []
        switch contents {
        case .stream: streams = [contents]
        case .array(let items): streams = items.map { store.resolve($0) }
        case .null: return []
        default:
            store.warn("page contents", "/Contents is \(contents.typeName), not a stream; the page is empty")
            return []
        }
        // Concatenate: operators may straddle stream boundaries in an array (§7.8.2 allows splitting
        // only between tokens, but some writers split anywhere).
        var data: [UInt8] = []
        for case .stream(let stream) in streams {
            if let decoded = store.decodedData(stream, feature: "page content stream") {
                data.append(contentsOf: decoded)
                data.append(0x0A)
            }
        }
        return [data]
    }

    /// Finds `%PDF-` in the first 1024 bytes.
    private static func findHeader(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let signature: [UInt8] = Array("%PDF-".utf8)
        let end = min(bytes.count, 1024) - signature.count
        guard end >= 0 else { return nil }
        for index in 0...end where bytes[index] == 0x25 && bytes[index..<(index + 5)].elementsEqual(signature) {
            return index
        }
        return nil
    }

    /// /Filter and /DecodeParms of a stream whose dictionary holds only direct objects (xref streams).
    static func directFilters(_ dictionary: PDFDictionary) -> [(name: String, parameters: PDFDictionary?)] {
        switch dictionary["Filter"] {
        case .name(let name)?: return [(name, dictionary["DecodeParms"]?.dictionary ?? dictionary["DecodeParms"]?.array?.first?.dictionary)]
        case .array(let names)?:
            let parameters = dictionary["DecodeParms"]?.array ?? []
            return names.enumerated().compactMap { index, name in
                name.name.map { ($0, index < parameters.count ? parameters[index].dictionary : nil) }
            }
        default: return []
        }
    }
}

/// The visible page: crop box (clipped to the media box), /Rotate, and the matrix from default user
/// space to the contract's page space (origin top-left of the visible page, y downwards).
struct PageGeometry {
    var width: Double
    var height: Double
    var matrix: Matrix

    init(_ entry: PageEntry) {
        var box = entry.mediaBox
        if let crop = entry.cropBox {
            let clipped = (x0: max(crop.x0, box.x0), y0: max(crop.y0, box.y0), x1: min(crop.x1, box.x1), y1: min(crop.y1, box.y1))
            if clipped.x1 > clipped.x0, clipped.y1 > clipped.y0 { box = clipped }
        }
        let w = box.x1 - box.x0, h = box.y1 - box.y0
        switch entry.rotate {
        case 90:
            // Displayed turned 90° clockwise: user x runs down the page, user y runs right.
            width = h; height = w
            matrix = Matrix(a: 0, b: 1, c: 1, d: 0, e: -box.y0, f: -box.x0)
        case 180:
            width = w; height = h
            matrix = Matrix(a: -1, b: 0, c: 0, d: 1, e: box.x1, f: -box.y0)
        case 270:
            width = h; height = w
            matrix = Matrix(a: 0, b: -1, c: -1, d: 0, e: box.y1, f: box.x1)
        default:
            width = w; height = h
            matrix = Matrix(a: 1, b: 0, c: 0, d: -1, e: -box.x0, f: box.y1)
        }
    }
}

/// A pthread mutex owner, with a condition variable to wait on while holding it (Foundation-free,
/// so the reader stays light to load).
final class Lock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Inside `withLock` only: releases the lock until `broadcast` (or a spurious wake-up; callers
    /// re-check what they wait for), then holds it again.
    func wait() { pthread_cond_wait(condition, mutex) }

    /// Wakes every thread in `wait`.
    func broadcast() { pthread_cond_broadcast(condition) }
}
