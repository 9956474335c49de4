@testable import BulletinExtract
import BulletinPDFReader
import TestSupport
import XCTest

/// `ClassifierStream` hands out what `BlockClassifier`'s rules give when applied to the whole
/// document at once, in the paragraphs' order, while holding only a bounded number of them.
final class ClassifierStreamTests: XCTestCase {
    /// Fonts of the synthetic documents: 0 仿宋 body, 1 黑体, 2 楷体, 3 bold.
    static let profile = DocumentProfile(fonts: [
        FontInfo(name: "FandolFang-Regular", isBold: false, isSyntheticBold: false, isHeavyFace: false, isItalic: false),
        FontInfo(name: "FandolHei-Regular", isBold: false, isSyntheticBold: false, isHeavyFace: true, isItalic: false),
        FontInfo(name: "FandolKai-Regular", isBold: false, isSyntheticBold: false, isHeavyFace: false, isItalic: false),
        FontInfo(name: "FandolSong-Bold", isBold: true, isSyntheticBold: false, isHeavyFace: false, isItalic: false),
    ], bodySize: 16, bodyFont: 0)

    /// Random bulletins and near-bulletins built from every kind of paragraph the rules tell
    /// apart, furniture among them: the stream equals the whole-document reading on each.
    func testStreamEqualsTheWholeDocumentReading() {
        var generator = SplitMix64(seed: 20261121)
        for trial in 0..<600 {
            let paragraphs = Self.randomDocument(using: &generator)
            let (streamed, order) = Self.streamed(paragraphs)
            XCTAssertEqual(streamed.map(\.role), Self.wholeDocument(paragraphs).map(\.role), "trial \(trial)")
            XCTAssertEqual(streamed.map(\.emphasis), Self.wholeDocument(paragraphs).map(\.emphasis), "trial \(trial)")
            XCTAssertEqual(order, paragraphs.map(\.text), "trial \(trial): every paragraph once, in its place")
        }
    }

    /// The fixture documents (our samples and the six producers' bulletins) read alike both ways.
    func testStreamEqualsTheWholeDocumentReadingOnFixtures() throws {
        var documents = SampleFixtures.all.map { (name: $0.name, pages: SampleFixtures.pages($0)) }
        for fixture in CorpusFixtureTests.fixtures {
            let document = try PDFDocument(path: fixture.pdf)
            documents.append((fixture.producer, (0..<document.pageCount).map { document.page($0) }))
        }
        XCTAssertGreaterThanOrEqual(documents.count, 10)
        for (name, pages) in documents {
            for keep in [false, true] {
                let extraction = Extractor.extract(pages, options: ExtractOptions(keepFurniture: keep))
                let whole = Self.wholeDocument(extraction.paragraphs, profile: extraction.profile)
                XCTAssertEqual(BlockClassifier.classify(extraction), whole, name)
                XCTAssertTrue(whole.contains { $0.role == .title } && whole.contains { $0.role == .distribution }, name)
            }
        }
    }

    /// A long document holds a handful of paragraphs at a time; a pathological run of footer-like
    /// or centred lines no more than the hold limit.
    /// Documents of no paragraph and of one (a page whose text could not be read, a title alone)
    /// are classified, in a stream and whole, and are no bulletin — once a trap in the plain-masthead
    /// search (`0..<count - 1` with no paragraph).
    func testDocumentsOfNoneOrOneParagraphAreClassified() {
        var one = SyntheticPage(0)
        one.text("首都精神文明建设情况简报", x: 80, baseline: 100)
        for pages in [[SyntheticPage(0).content], [one.content]] {
            let extraction = Extractor.extract(pages)
            let blocks = BlockClassifier.classify(extraction)
            XCTAssertEqual(blocks.count, extraction.paragraphs.count)
            XCTAssertNil(IssueRecovery.recover(blocks))
            XCTAssertEqual(Self.streamed(blocks.map(\.paragraph)).0.map(\.role), blocks.map(\.role))
        }
    }

    func testHoldsABoundedNumberOfParagraphs() {
        for (label, make) in [
            ("body", { (i: Int) in Self.paragraph("第\(i)段正文，内容在此展开说明。", lines: 3, alignment: .indented) }),
            ("footer fields", { (i: Int) in Self.paragraph("电话：\(i)") }),
            ("centred lines", { (i: Int) in Self.paragraph("居中\(i)", alignment: .centered) }),
        ] as [(String, (Int) -> TextParagraph)] {
            var stream = ClassifierStream(profile: Self.profile)
            var out = 0
            var most = 0
            for i in 0..<5_000 {
                stream.add(make(i)) { _ in out += 1 }
                most = max(most, stream.heldCount)
            }
            stream.finish { _ in out += 1 }
            XCTAssertEqual(out, 5_000, label)
            XCTAssertLessThanOrEqual(most, ClassifierStream.holdLimit + BlockClassifier.tailReach + 1, label)
            if label == "body" { XCTAssertLessThanOrEqual(most, BlockClassifier.mastheadReach + BlockClassifier.tailReach, label) }
        }
    }

    // MARK: - The whole-document reading

    /// The rules applied to all content paragraphs at once: masthead, tail, own roles, runs,
    /// editor's notes — the reading the stream must reproduce.
    static func wholeDocument(_ paragraphs: [TextParagraph], profile: DocumentProfile = profile) -> [ClassifiedParagraph] {
        let heavy = profile.bodyFont.map { profile.fonts[$0].isHeavyFace } ?? false
        var blocks = paragraphs.filter { $0.furniture == nil }
            .map { BlockClassifier.emphasised($0, profile: profile, bodyIsHeavy: heavy) }
        let start = BlockClassifier.markMasthead(&blocks, bodySize: profile.bodySize)
        var rest = Array(blocks[start...])
        let tail = BlockClassifier.markTail(&rest)
        for i in 0..<tail { rest[i].role = BlockClassifier.ownRole(rest[i], profile: profile) }
        let isRun = { (block: ClassifiedParagraph) in block.role == .kicker || block.role == .headline }
        var i = 0
        while i < tail {
            guard isRun(rest[i]) else { i += 1; continue }
            var end = i
            while end < tail && isRun(rest[end]) { end += 1 }
            var run = Array(rest[i..<end])
            BlockClassifier.resolveRun(&run)
            rest.replaceSubrange(i..<end, with: run)
            i = end
        }
        for i in 0..<tail where rest[i].role == .note && i + 1 < tail && isRun(rest[i + 1]) { rest[i].role = .editorsNote }
        return Array(blocks[..<start]) + rest
    }

    /// The stream's content paragraphs, and the text of everything it handed out in order.
    static func streamed(_ paragraphs: [TextParagraph]) -> ([ClassifiedParagraph], [String]) {
        var stream = ClassifierStream(profile: profile)
        var content: [ClassifiedParagraph] = []
        var order: [String] = []
        let take: (ClassifierStream.Output) -> Void = { output in
            switch output {
            case .furniture(let p): order.append(p.text)
            case .content(let block): content.append(block); order.append(block.paragraph.text)
            }
        }
        for paragraph in paragraphs { stream.add(paragraph, emit: take) }
        stream.finish(emit: take)
        return (content, order)
    }

    // MARK: - Synthetic documents

    /// A document of 0–80 paragraphs: sometimes a masthead first, sometimes a 版记 last, between
    /// them any mix, with runs of centred lines and of footer fields longer than the look-ahead.
    static func randomDocument(using generator: inout SplitMix64) -> [TextParagraph] {
        var out: [TextParagraph] = []
        var serial = 0
        func unique(_ text: String) -> String { serial += 1; return "\(text)\(serial)" }
        if Int.random(in: 0..<3, using: &generator) > 0 {
            if Bool.random(using: &generator) { out.append(paragraph(unique("内部资料"))) }
            out.append(paragraph("工作简报", size: 36, alignment: .centered, red: true))
            out.append(paragraph("第\(Int.random(in: 1...40, using: &generator))期"))
            out.append(paragraph("北京市某局　　　　2021年3月1日", alignment: .left, ruleAfter: true))
        }
        let count = Int.random(in: 0...70, using: &generator)
        var page = 0
        for _ in 0..<count {
            if Int.random(in: 0..<8, using: &generator) == 0 {
                page += 1
                out.append(paragraph("— \(page) —", alignment: .centered, page: page, furniture: .pageNumber))
            }
            let runLength = Int.random(in: 0..<10, using: &generator) == 0 ? Int.random(in: 2...16, using: &generator) : 1
            let kind = Int.random(in: 0..<14, using: &generator)
            for _ in 0..<runLength { out.append(element(kind, unique: unique, page: page, using: &generator)) }
        }
        if Bool.random(using: &generator) {
            for _ in 0..<Int.random(in: 0...14, using: &generator) {
                out.append(element(Int.random(in: 9...13, using: &generator), unique: unique, page: page, using: &generator))
            }
        }
        if Int.random(in: 0..<6, using: &generator) == 0 {
            out.append(paragraph("— \(page + 1) —", alignment: .centered, page: page, furniture: .pageNumber))
        }
        return out
    }

    /// One paragraph of a kind the rules tell apart.
    static func element(_ kind: Int, unique: (String) -> String, page: Int, using generator: inout SplitMix64) -> TextParagraph {
        switch kind {
        case 0: return paragraph(unique("【工作动态"), page: page)
        case 1: return paragraph(unique("（海淀区文明办") + "）", alignment: .right, page: page)
        case 2: return paragraph(unique("大标题"), size: 22, lines: 2, alignment: .centered, page: page)
        case 3: return paragraph(unique("居中一行"), alignment: .centered, page: page)
        case 4: return paragraph(unique("——副题"), alignment: .centered, page: page)
        case 5: return paragraph(unique("编者按：") + "请阅。", lines: 2, alignment: .indented, font: 2, page: page)
        case 6: return paragraph(unique("一、总体情况"), alignment: .indented, font: 1, page: page)
        case 7: return paragraph(unique("注：") + "数据来自统计局。", lines: 2, alignment: .indented, font: 2, page: page)
        case 8: return paragraph(unique("正文开始") + "，说明情况。", lines: 3, alignment: .indented, page: page,
                                 boldStart: Bool.random(using: &generator))
        case 9: return paragraph(unique("责编：张三"), page: page)
        case 10: return paragraph(unique("责编：张三") + "　　电话：55569506", page: page)
        case 11: return paragraph(unique("报：市委办公厅"), page: page, ruleBefore: Bool.random(using: &generator))
        case 12: return paragraph(unique("送：各区"), page: page)
        default: return paragraph(unique("（共印50份") + "）", alignment: .right, page: page)
        }
    }

    static func paragraph(_ text: String, size: Double = 16, lines: Int = 1, alignment: Alignment = .left,
                          font: Int = 0, red: Bool = false, page: Int = 0, furniture: Furniture? = nil,
                          ruleBefore: Bool = false, ruleAfter: Bool = false, boldStart: Bool = false) -> TextParagraph {
        let color = red ? PDFColor(red: 0.9, green: 0, blue: 0) : PDFColor(red: 0, green: 0, blue: 0)
        var spans = [TextSpan(text: text, x0: 0, x1: 100, font: font, size: size, color: color, bold: false, italic: false)]
        if boldStart {
            spans.insert(TextSpan(text: "要点。", x0: 0, x1: 48, font: 3, size: size, color: color, bold: true, italic: false), at: 0)
        }
        let line = TextLine(page: page, spans: spans, text: text, x0: 0, x1: 100, top: 0, bottom: size, baseline: size * 0.88,
                            size: size, furniture: furniture, start: 0, end: 100, hasFieldGap: false,
                            first: text.unicodeScalars.first ?? " ", last: text.unicodeScalars.last ?? " ",
                            firstFont: font, lastFont: font, singleFont: !boldStart, characterCount: text.count)
        return TextParagraph(lines: Array(repeating: line, count: lines), spans: spans,
                             text: spans.map(\.text).joined(), furniture: furniture, ruleBefore: ruleBefore,
                             ruleAfter: ruleAfter, alignment: alignment)
    }
}
