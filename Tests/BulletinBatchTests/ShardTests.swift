@testable import BulletinBatch
import XCTest

/// `--shard K/N`: parts that are disjoint, complete, stable and about even.
final class ShardTests: XCTestCase {
    private let items = (0..<2000).map { i in
        ArchiveItem(path: "a/\(2000 + i / 50)/\(i % 50 + 1).json", relativePath: "\(2000 + i / 50)/\(i % 50 + 1).json", kind: .issueJSON)
    }

    func testPartsAreDisjointAndTogetherEverything() {
        for count in 1...7 {
            var owners: [String: [Int]] = [:]
            for index in 1...count {
                let shard = Shard(index: index, count: count)!
                for item in items where shard.contains(item) { owners[item.outputPath, default: []].append(index) }
            }
            XCTAssertEqual(owners.count, items.count, "N=\(count): some item is in no shard")
            XCTAssertTrue(owners.values.allSatisfy { $0.count == 1 }, "N=\(count): some item is in two shards")
            // About even: every part within 25 % of its fair share.
            let sizes = (1...count).map { k in owners.values.filter { $0 == [k] }.count }
            let fair = Double(items.count) / Double(count)
            XCTAssertTrue(sizes.allSatisfy { abs(Double($0) - fair) < 0.25 * fair }, "N=\(count): \(sizes)")
        }
    }

    func testAddingItemsNeverMovesOthers() {
        let shard = Shard(index: 2, count: 4)!
        let before = items.prefix(1000).filter(shard.contains)
        let after = items.filter(shard.contains)
        XCTAssertEqual(Array(after.prefix(before.count)), before)
    }

    func testCollidingInputsLandInTheSameShard() {
        let json = ArchiveItem(path: "033.json", relativePath: "2020/033.json", kind: .issueJSON)
        let text = ArchiveItem(path: "033.txt", relativePath: "2020/033.txt", kind: .bulletinText)
        for index in 1...5 {
            let shard = Shard(index: index, count: 5)!
            XCTAssertEqual(shard.contains(json), shard.contains(text))
        }
    }

    func testParsing() {
        XCTAssertEqual(Shard(parsing: "2/4"), Shard(index: 2, count: 4))
        XCTAssertEqual(Shard(parsing: "1/1")?.description, "1/1")
        for bad in ["0/4", "5/4", "2/0", "a/b", "2", "2/4/6", "-1/4", ""] {
            XCTAssertNil(Shard(parsing: bad), bad)
        }
    }
}
