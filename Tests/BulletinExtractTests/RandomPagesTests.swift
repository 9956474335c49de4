import BulletinExtract
import BulletinModel
import BulletinPDFReader
import Foundation
import TestSupport
import XCTest

/// The extraction stages past the PDF reader (lines, paragraphs, furniture, roles, issue recovery,
/// the four writers) on random pages made of a bulletin's pieces — mastheads, 第N期, dates, column
/// heads, attributions, footer fields, 版记 labels, page numbers, body text — in random sizes,
/// colours, places and orders. The reader has its own fuzz target (scripts/fuzz-reader.sh); these
/// stages are reached only through text a PDF draws, which random bytes seldom make.
///
/// Every document must give every format without trapping, lose no character (`--keep-furniture`
/// text holds every drawn character, each as often), write JSON that parses, and — when an issue is
/// recovered — an issue that decodes again (what `render` reads) and prints every character of
/// the text output; markdown without its marks has the text's characters.
final class RandomPagesTests: XCTestCase {
    static let fragments = [
        "首都精神文明建设情况简报", "工作简报", "第33期", "第 5 期", "（总第2142期）", "(总第12期)", "首都精神文明办",
        "2020年7月7日", "首都精神文明办　　2020年7月7日", "【文明创建】", "【志愿服务】", "一、总体情况", "（一）加强组织",
        "1.坚持标准", "（门头沟区文明办）", "(通州区文明办)", "（试行）", "（", "）", "责编：梅雪峰", "核稿：田文松　　电话：55569506",
        "电话:55569506", "报：中央文明办，首都文明委主任。", "送：首都文明委委员，", "市级群众团体。", "发：各区委书记。",
        "共印200份", "— 3 —", "- 3 -", "第3页", "编者按：", "内部资料", "注意保存", "——记海淀区", "COVID 19 Beijing",
        "*", "#", "---", "**加粗**", "“", "”", "《条例》", "：", "。", "，", "、", "a", "1",
    ]

    /// Random body text: the filler source with punctuation and digits mixed in.
    static func body(_ generator: inout SplitMix64) -> String {
        let marks = Array("，。、“”《》：；（）0123456789 ")
        var s = ""
        for _ in 0..<(1 + generator.next(upTo: 40)) {
            s.append(generator.next(upTo: 6) == 0 ? marks[generator.next(upTo: marks.count)]
                                                  : BodyText.source[generator.next(upTo: BodyText.source.count)])
        }
        return s
    }

    static func randomDocument(_ generator: inout SplitMix64) -> [PageContent] {
        let sizes = [9.0, 12, 14, 16, 16, 16, 22, 30, 42]
        var pages: [PageContent] = []
        for index in 0..<(1 + generator.next(upTo: 4)) {
            var page = SyntheticPage(index)
            var y = 40.0 + Double(generator.next(upTo: 60))
            var previousSize = 16.0
            while y < 800 {
                let size = sizes[generator.next(upTo: sizes.count)]
                y += max(previousSize, size) * (1.05 + Double(generator.next(upTo: 100)) / 100)
                previousSize = size
                guard y < 820 else { break }
                var text = generator.next(upTo: 2) == 0 ? fragments[generator.next(upTo: fragments.count)] : body(&generator)
                if generator.next(upTo: 5) == 0 { text += fragments[generator.next(upTo: fragments.count)] }
                let width = text.reduce(0.0) { $0 + SyntheticPage.advance($1, size: size) }
                let x: Double
                switch generator.next(upTo: 5) {
                case 0: x = 80
                case 1: x = 80 + 2 * size
                case 2: x = max(0, (595 - width) / 2)
                case 3: x = max(0, 515 - width)
                default: x = Double(generator.next(upTo: 500))
                }
                let red = generator.next(upTo: 6) == 0
                page.text(text, x: x, baseline: y, size: size,
                          font: ["FandolFang-Regular", "FandolHei-Regular", "FandolSong-Bold"][generator.next(upTo: 3)],
                          color: red ? PDFColor(red: 0.9, green: 0.1, blue: 0.1) : .black,
                          artifact: generator.next(upTo: 20) == 0)
                if generator.next(upTo: 8) == 0 {
                    let ruleY = y + size * 0.4
                    page.rules.append(PDFRule(x0: 80, y0: ruleY, x1: 515, y1: ruleY, thickness: 1 + Double(generator.next(upTo: 3)),
                                              color: red ? PDFColor(red: 0.9, green: 0.1, blue: 0.1) : .black))
                }
            }
            // Now and then text at an angle: a watermark, a margin label, a stamp. Drawn from a
            // generator of its own, so the documents above stay what they were.
            var angled = SplitMix64(seed: UInt64(page.glyphs.count) &* 0x9E37_79B9 &+ UInt64(index))
            for _ in 0..<angled.next(upTo: 3) where angled.next(upTo: 2) == 0 {
                let angle = [30.0, 45, 90, 270, 315, 180, 5, Double(angled.next(upTo: 360))][angled.next(upTo: 8)]
                let text = fragments[angled.next(upTo: fragments.count)]
                page.rotatedText(text, from: (x: Double(angled.next(upTo: 595)), y: Double(angled.next(upTo: 842))), angle: angle,
                                 size: [12.0, 16, 40][angled.next(upTo: 3)])
            }
            pages.append(page.content)
        }
        return pages
    }

    /// A bulletin's order of parts — masthead, column heads, articles with attributions, footer
    /// fields, 版记 — each part dropped, doubled or set off its usual place now and then.
    static func randomBulletin(_ generator: inout SplitMix64) -> [PageContent] {
        var parts: [(text: String, size: Double, x: Double?, red: Bool, ruleBelow: Bool)] = [
            ("首都精神文明建设情况简报", 42, nil, true, false), ("第\(generator.next(upTo: 60))期", 16, nil, false, false),
            ("（总第\(2000 + generator.next(upTo: 300))期）", 16, nil, false, false),
            ("首都精神文明办", 16, 80, false, false), ("2020年7月\(1 + generator.next(upTo: 28))日", 16, 380, false, true),
        ]
        for _ in 0..<(1 + generator.next(upTo: 3)) {
            if generator.next(upTo: 2) == 0 { parts.append(("【文明创建】", 16, 80, false, false)) }
            if generator.next(upTo: 3) == 0 { parts.append(("海淀区推动文明创建", 22, nil, false, false)) }
            for _ in 0..<(1 + generator.next(upTo: 4)) {
                var text = body(&generator)
                while text.count < 60 { text += body(&generator) }
                parts.append((text + "。", 16, nil, false, false))
            }
            if generator.next(upTo: 3) != 0 { parts.append(("（门头沟区文明办）", 16, 400, false, false)) }
        }
        parts += [("责编：梅雪峰　　核稿：田文松", 14, 80, false, false), ("电话：55569506", 14, 80, false, true),
                  ("报：中央文明办，首都文明委主任、副主任，市委、市人大、市政府、市政协。", 14, 94, false, false),
                  ("送：首都文明委委员，市委、市政府各部委办局。", 14, 94, false, false), ("发：各区委书记、区长。", 14, 94, false, true)]
        // Perturb: drop, swap or repeat a part.
        for _ in 0..<generator.next(upTo: 3) {
            let i = generator.next(upTo: parts.count), j = generator.next(upTo: parts.count)
            switch generator.next(upTo: 3) {
            case 0: parts.remove(at: i)
            case 1: parts.swapAt(i, j)
            default: parts.insert(parts[i], at: j)
            }
        }
        var pages: [PageContent] = []
        var page = SyntheticPage(0)
        var y = 100.0
        for part in parts {
            // Body parts are set 26 characters a line, first line indented.
            let characters = Array(part.text)
            var start = 0
            var first = true
            repeat {
                let room = part.x == nil && part.size == 16 ? (first ? 26 : 28) : characters.count
                let line = String(characters[start..<min(characters.count, start + room)])
                start += room
                let width = line.reduce(0.0) { $0 + SyntheticPage.advance($1, size: part.size) }
                let x = part.x ?? (part.size == 16 ? (first ? 112 : 80) : max(0, (595 - width) / 2))
                if y > 760 {
                    page.text("— \(page.index + 1) —", x: 270, baseline: 800, size: 14)
                    pages.append(page.content)
                    page = SyntheticPage(page.index + 1)
                    y = 80
                }
                page.text(line, x: x, baseline: y, size: part.size,
                          color: part.red ? PDFColor(red: 0.9, green: 0.1, blue: 0.1) : .black)
                y += part.size * 1.8
                first = false
            } while start < characters.count
            if part.ruleBelow {
                page.rules.append(PDFRule(x0: 80, y0: y - part.size, x1: 515, y1: y - part.size, thickness: 1, color: .black))
            }
        }
        pages.append(page.content)
        return pages
    }

    /// Markdown without its marks: rule lines, heading hashes, bold stars, backslash escapes.
    static func unmarked(_ markdown: String) -> String {
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" { continue }
            var text = Substring(line)
            if text.hasPrefix("#") {
                let hashes = text.prefix { $0 == "#" }
                if text.dropFirst(hashes.count).hasPrefix(" ") { text = text.dropFirst(hashes.count + 1) }
            }
            var out = ""
            var escaped = false
            var index = text.startIndex
            while index < text.endIndex {
                let c = text[index]
                if escaped {
                    out.append(c)
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "*", text[text.index(after: index)...].hasPrefix("*") {
                    index = text.index(after: index)
                } else {
                    out.append(c)
                }
                index = text.index(after: index)
            }
            lines.append(out)
        }
        return lines.joined(separator: "\n")
    }

    /// Brackets and colons full-width, as the layout prints attributions and labels.
    static func fullWidth(_ text: String) -> String {
        String(text.map { c -> Character in
            switch c {
            case "(": return "（"
            case ")": return "）"
            case ":": return "："
            default: return c
            }
        })
    }

    /// Whether any of the glyph is on the page: an upright glyph's box (its advance, 0.8 of its
    /// size up from the baseline, 0.2 down) meets the page; a turned glyph's origin lies within its
    /// size of it.
    static func isOnPage(_ glyph: PDFGlyph, _ page: PageContent) -> Bool {
        let margin = glyph.angle == 0 ? 0 : glyph.size
        let box = glyph.angle == 0
            ? (left: glyph.x, right: glyph.x + glyph.width, top: glyph.baseline - 0.8 * glyph.size, bottom: glyph.baseline + 0.2 * glyph.size)
            : (left: glyph.x, right: glyph.x, top: glyph.baseline, bottom: glyph.baseline)
        return box.right >= -margin && box.left <= page.width + margin && box.bottom >= -margin && box.top <= page.height + margin
    }

    /// Non-space characters with their counts.
    static func characters(_ texts: [String]) -> [Character: Int] {
        var counts: [Character: Int] = [:]
        for text in texts { for c in text where !c.isWhitespace { counts[c, default: 0] += 1 } }
        return counts
    }

    func testRandomBulletinPiecesGiveEveryFormatAndLoseNoCharacter() throws {
        var generator = SplitMix64(seed: 0x5EED_2026_1121)
        var issues = 0, rotatedPages = 0
        for trial in 0..<1000 {
            let pages = trial % 2 == 0 ? Self.randomDocument(&generator) : Self.randomBulletin(&generator)
            // Text set at random places may run off the page: those glyphs are left out, and each
            // is counted in a warning; every other character comes out.
            let onPage = pages.flatMap { page in page.glyphs.filter { Self.isOnPage($0, page) } }
            let drawn = Self.characters(onPage.map(\.text))
            let kept = Extractor.extract(pages, options: ExtractOptions(keepFurniture: true))
            XCTAssertEqual(Self.characters([TextWriter.write(kept)]), drawn, "trial \(trial): characters with --keep-furniture")
            let reported = kept.warnings.compactMap { warning in
                warning.message.hasSuffix("outside the visible page (its crop box) are left out")
                    ? Int(warning.message.prefix { $0.isNumber }) : nil
            }
            XCTAssertEqual(reported.reduce(0, +), pages.reduce(0) { $0 + $1.glyphs.count } - onPage.count, "trial \(trial): glyphs off the page")

            let extraction = Extractor.extract(pages)
            rotatedPages += extraction.pages.filter { !$0.rotatedLines.isEmpty }.count
            for format in ExtractFormat.allCases {
                switch format.render(extraction, file: "trial-\(trial).pdf") {
                case .success(let output) where format == .json:
                    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(output.utf8)), "trial \(trial): JSON")
                case .success(let output) where format == .issue:
                    issues += 1
                    // Nothing the text output has is missing from what the issue prints (the
                    // layout prints brackets and colons full-width).
                    if let issue = IssueRecovery.recover(BlockClassifier.classify(extraction)) {
                        let printed = Self.characters(issue.printedItems.map { Self.fullWidth($0.text) })
                        let lost = Self.characters([Self.fullWidth(TextWriter.write(extraction))])
                            .filter { printed[$0.key, default: 0] < $0.value }.map(\.key)
                        XCTAssertEqual(lost, [], "trial \(trial): characters the issue does not print")
                    }
                    XCTAssertNoThrow(try IssueDecoder.decode(Array(output.utf8), file: "trial-\(trial).json"), "trial \(trial): issue")
                case .success(let output) where format == .markdown:
                    XCTAssertEqual(Self.characters([Self.unmarked(output)]), Self.characters([TextWriter.write(extraction)]),
                                   "trial \(trial): markdown characters")
                case .success(let output):
                    XCTAssertFalse(output.isEmpty && !extraction.paragraphs.isEmpty, "trial \(trial): \(format)")
                case .failure:
                    XCTAssertEqual(format, .issue, "trial \(trial)")
                }
            }
        }
        // The generator makes bulletins too, not only noise: some mastheads are found.
        XCTAssertGreaterThan(issues, 100)
        // And text at an angle is read apart on some pages.
        XCTAssertGreaterThan(rotatedPages, 100)
    }
}
