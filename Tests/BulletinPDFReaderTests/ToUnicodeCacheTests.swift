@testable import BulletinPDFReader
import Dispatch
import XCTest

/// The ToUnicode maps shared by a document's reading threads: a map is parsed once even when every
/// thread asks for it at the same moment; one that cannot be decoded is remembered with what was
/// said of it, for every reader to report.
final class ToUnicodeCacheTests: XCTestCase {
    /// Counts calls from several threads.
    private final class Counter: @unchecked Sendable {
        private let lock = Lock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    func testAMapAskedForByEveryThreadAtOnceIsParsedOnce() {
        let cache = ToUnicodeCache()
        let parses = Counter()
        let id = ObjectID(number: 12, generation: 0)
        nonisolated(unsafe) var results = [Int](repeating: 0, count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            let entry = cache.entry(id) {
                parses.increment()
                usleep(50_000)  // long enough for the other threads to arrive and wait
                return ToUnicodeCache.Entry(map: [1: "一"], problems: [])
            }
            results[thread] = entry.map.count
        }
        XCTAssertEqual(parses.count, 1)
        XCTAssertEqual(results, Array(repeating: 1, count: 8))
    }

    func testAStreamThatCannotBeDecodedIsRememberedWithItsProblems() {
        let cache = ToUnicodeCache()
        let id = ObjectID(number: 3, generation: 0)
        let said = [ObjectStore.Problem(feature: "font F1 (A) ToUnicode", message: "unsupported filter")]
        XCTAssertEqual(cache.entry(id) { ToUnicodeCache.Entry(map: [:], problems: [], raised: said) }.raised, said)
        let again = cache.entry(id) { XCTFail("cached: not parsed again"); return ToUnicodeCache.Entry(map: [:], problems: []) }
        XCTAssertEqual(again.raised, said, "another reader reports it too")
    }

    /// Past `mappingLimit` mappings the maps asked for longest ago are let go.
    func testTheLeastRecentlyUsedMapsGoPastTheLimit() {
        let cache = ToUnicodeCache()
        let size = ToUnicodeCache.mappingLimit * 2 / 5
        let big = ToUnicodeCache.Entry(map: Dictionary(uniqueKeysWithValues: (0..<UInt32(size)).map { ($0, "字") }), problems: [])
        let a = ObjectID(number: 1, generation: 0), b = ObjectID(number: 2, generation: 0), c = ObjectID(number: 3, generation: 0)
        _ = cache.entry(a) { big }
        _ = cache.entry(b) { big }
        _ = cache.entry(a) { XCTFail("a is cached"); return big }   // a is now the more recent
        _ = cache.entry(c) { big }                                   // over the limit: b goes
        var parsedAgain: [Int] = []
        _ = cache.entry(a) { parsedAgain.append(1); return big }
        _ = cache.entry(b) { parsedAgain.append(2); return big }
        XCTAssertEqual(parsedAgain, [2])
    }
}
