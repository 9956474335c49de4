@testable import BulletinPDFReader
import XCTest

/// The stream filters (PDF 32000-1 §7.4) on known vectors and round trips.
final class FilterTests: XCTestCase {
    private func decode(_ data: [UInt8], _ name: String, _ parameters: PDFDictionary? = nil, limit: Int = 1 << 20) -> (data: [UInt8], problem: String?) {
        StreamFilter.decode(data, filters: [(name, parameters)], limit: limit)
    }

    func testASCII85() {
        let encoded = Array("<~87cURD_*#4DfTZ)+WsTL7Nauq6V0j/2'@!PF*'#7!!!\"1DI`~>".utf8)
        let result = decode(encoded, "ASCII85Decode")
        XCTAssertNil(result.problem)
        XCTAssertEqual(result.data, Array("Hello, World! PDF ASCII85 test.\0\0\0\0end".utf8))
        XCTAssertEqual(decode(Array("z~>".utf8), "A85").data, [0, 0, 0, 0])
        let bad = decode(Array("87c\u{7F}~>".utf8), "ASCII85Decode")
        XCTAssertNotNil(bad.problem)
    }

    func testASCIIHex() {
        XCTAssertEqual(decode(Array("48 65 6c6C6f 7>".utf8), "ASCIIHexDecode").data, [0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x70])
        XCTAssertNotNil(decode(Array("4G>".utf8), "AHx").problem)
    }

    func testRunLength() {
        // 2 literal bytes, then 'z' repeated 4 times (257 - 253), then end.
        XCTAssertEqual(decode([1, 0x61, 0x62, 253, 0x7A, 128, 0x99], "RunLengthDecode").data, Array("abzzzz".utf8))
    }

    func testLZWSpecExample() {
        // PDF 32000-1 §7.4.4.2 example: "-----A---B".
        XCTAssertEqual(decode([0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01], "LZWDecode").data, Array("-----A---B".utf8))
    }

    func testLZWRoundTripBothEarlyChangeSettings() {
        var random = SplitMix64Local(seed: 3)
        let input = (0..<20_000).map { _ in UInt8(truncatingIfNeeded: random.next() % 7) + 0x41 }
        for early in [true, false] {
            let encoded = LZWEncoder.encode(input, earlyChange: early)
            let parameters = PDFDictionary(["EarlyChange": .integer(early ? 1 : 0)])
            let result = decode(encoded, "LZWDecode", parameters)
            XCTAssertNil(result.problem)
            XCTAssertEqual(result.data, input, "EarlyChange \(early)")
        }
    }

    func testFlateWithPNGPredictorsAndLimit() {
        let columns = 5
        let rows: [[UInt8]] = (0..<12).map { row in (0..<columns).map { UInt8(truncatingIfNeeded: $0 * 37 + row * 11) } }
        var predicted: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: columns)
        for (index, row) in rows.enumerated() {
            let type = UInt8(index % 5)
            predicted.append(type)
            for i in 0..<columns {
                let left = i > 0 ? Int(row[i - 1]) : 0, up = Int(previous[i]), upLeft = i > 0 ? Int(previous[i - 1]) : 0
                let p: Int
                switch type {
                case 1: p = left
                case 2: p = up
                case 3: p = (left + up) / 2
                case 4:
                    let e = left + up - upLeft
                    p = abs(e - left) <= abs(e - up) && abs(e - left) <= abs(e - upLeft) ? left : abs(e - up) <= abs(e - upLeft) ? up : upLeft
                default: p = 0
                }
                predicted.append(UInt8(truncatingIfNeeded: Int(row[i]) - p))
            }
            previous = row
        }
        let parameters = PDFDictionary(["Predictor": .integer(12), "Columns": .integer(columns)])
        let result = decode(PDFBadInputTests.deflate(predicted), "FlateDecode", parameters)
        XCTAssertNil(result.problem)
        XCTAssertEqual(result.data, rows.flatMap { $0 })
        // Limit: the output stops there, with a problem reported.
        let big = decode(PDFBadInputTests.deflate([UInt8](repeating: 7, count: 100_000)), "FlateDecode", limit: 1000)
        XCTAssertEqual(big.data.count, 1000)
        XCTAssertTrue(big.problem?.contains("limit") ?? false)
        // Truncated deflate data: what was inflated is kept.
        let compressed = PDFBadInputTests.deflate(Array(String(repeating: "BT (text) Tj ET ", count: 200).utf8))
        let truncated = decode(Array(compressed.prefix(compressed.count / 2)), "FlateDecode")
        XCTAssertFalse(truncated.data.isEmpty)
    }

    func testTIFFPredictor() {
        // Two RGB pixels per row, differences from the left pixel.
        let raw: [UInt8] = [10, 20, 30, 5, 5, 5, 100, 100, 100, 1, 2, 3]
        let parameters = PDFDictionary(["Predictor": .integer(2), "Colors": .integer(3), "Columns": .integer(2)])
        let result = decode(PDFBadInputTests.deflate(raw), "FlateDecode", parameters)
        XCTAssertEqual(result.data, [10, 20, 30, 15, 25, 35, 100, 100, 100, 101, 102, 103])
    }

    func testFilterChainAndUnsupported() {
        let hex = Array(PDFBadInputTests.deflate(Array("chained".utf8)).map { String(format: "%02x", $0) }.joined().utf8) + [0x3E]
        let chained = StreamFilter.decode(hex, filters: [("ASCIIHexDecode", nil), ("FlateDecode", nil)], limit: 1 << 20)
        XCTAssertEqual(chained.data, Array("chained".utf8))
        XCTAssertEqual(decode([1, 2, 3], "DCTDecode").problem, "the DCTDecode filter is not supported")
    }
}

/// A straightforward LZW encoder (PDF 32000-1 §7.4.4.2) to produce test input for the decoder.
enum LZWEncoder {
    static func encode(_ input: [UInt8], earlyChange: Bool) -> [UInt8] {
        var table: [[UInt8]: Int] = [:]
        func reset() {
            table.removeAll()
            for i in 0..<256 { table[[UInt8(i)]] = i }
        }
        reset()
        var next = 258, width = 9
        var output: [UInt8] = []
        var buffer = 0, bits = 0
        func emit(_ code: Int) {
            buffer = buffer << width | code
            bits += width
            while bits >= 8 {
                output.append(UInt8(truncatingIfNeeded: buffer >> (bits - 8)))
                bits -= 8
            }
            buffer &= (1 << bits) - 1
        }
        emit(256)
        var current: [UInt8] = []
        for byte in input {
            let candidate = current + [byte]
            if table[candidate] != nil {
                current = candidate
                continue
            }
            emit(table[current]!)
            table[candidate] = next
            next += 1
            current = [byte]
            let threshold = earlyChange ? next + 1 : next
            if threshold > (1 << width), width < 12 { width += 1 }
            if next >= 4094 {
                emit(256)
                reset()
                next = 258
                width = 9
            }
        }
        if !current.isEmpty { emit(table[current]!) }
        emit(257)
        if bits > 0 { output.append(UInt8(truncatingIfNeeded: buffer << (8 - bits))) }
        return output
    }
}

struct SplitMix64Local {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

import Foundation
