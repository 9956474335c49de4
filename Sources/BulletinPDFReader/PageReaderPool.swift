import Glibc

/// The mutable state that reading one page needs: an object store (its object cache, parsed object
/// streams, page warnings) and a font cache (parsed fonts and their glyph caches). Used by one
/// thread at a time.
final class PageReader {
    let store: ObjectStore
    let fonts: FontCache
    /// How many of `store.warnings` (the document-level ones) were passed on to the document.
    var reportedWarnings = 0

    init(store: ObjectStore, fonts: FontCache) {
        self.store = store
        self.fonts = fonts
    }
}

/// Lets several threads read pages at once. A `PageReader` is not thread-safe, so each thread
/// borrows one of its own; the pool makes a new reader (over a fresh `ObjectStore` sharing the
/// file, the cross-reference and the decryptor: `ObjectStore.sibling()`) only when every existing
/// one is busy, up to one per processor. A single-threaded caller therefore uses one reader and
/// parses each font once; two threads parse a font at most twice — cheap next to reading pages
/// at twice the speed (the extractor reads pages on every processor).
final class PageReaderPool: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let returned = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var idle: [PageReader]
    private var count: Int
    private let maximum: Int
    /// Never reads a page: the state every new reader starts from (after the document was opened).
    private let template: ObjectStore
    /// The document's ToUnicode maps, shared by every reader of the pool.
    private let sharedToUnicode: ToUnicodeCache
    /// Each reader's font budget (`FontCache.byteLimit`).
    private let fontCacheBytes: Int

    /// `first` reads with the store that opened the document (its cache is warm); `template` is
    /// that store's sibling, made before any page was read.
    init(first: PageReader, template: ObjectStore, maximum: Int = PageReaderPool.processorCount) {
        idle = [first]
        sharedToUnicode = first.fonts.sharedToUnicode
        fontCacheBytes = first.fonts.byteLimit
        count = 1
        self.template = template
        self.maximum = max(1, maximum)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(returned, nil)
    }

    deinit {
        pthread_cond_destroy(returned)
        pthread_mutex_destroy(mutex)
        returned.deallocate()
        mutex.deallocate()
    }

    /// Online processors, at most 8 (more readers would mostly hold more caches).
    static var processorCount: Int { min(8, max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))) }

    /// Runs `body` with a reader no other thread is using.
    func withReader<T>(_ body: (PageReader) -> T) -> T {
        let reader = borrow()
        defer { giveBack(reader) }
        return body(reader)
    }

    private func borrow() -> PageReader {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if let reader = idle.popLast() { return reader }
            if count < maximum {
                count += 1
                // The document's ToUnicode maps are shared: parsed once for all readers.
                return PageReader(store: template.sibling(),
                                  fonts: FontCache(sharedToUnicode: sharedToUnicode, byteLimit: fontCacheBytes))
            }
            pthread_cond_wait(returned, mutex)
        }
    }

    private func giveBack(_ reader: PageReader) {
        pthread_mutex_lock(mutex)
        idle.append(reader)
        pthread_cond_signal(returned)
        pthread_mutex_unlock(mutex)
    }

    /// Fonts each idle reader holds (for tests of the cache's bound).
    var idleFontCounts: [Int] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return idle.map(\.fonts.count)
    }
}
