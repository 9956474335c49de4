import BulletinDiff
import BulletinRender
import BulletinVisualDiff
import Foundation
import TestSupport

/// Small issues and a shared render session for the visual-diff tests.
enum Fixtures {
    static let session: RenderSession = try! RenderSession(home: Repository.root, systemFallback: false)

    /// A one-page issue JSON with these paragraphs.
    static func issue(_ paragraphs: [String], number: String = "第1期") -> String {
        let object: [String: Any] = [
            "masthead": ["title": "测试简报", "number": number, "issuer": "测试办", "date": "2020年7月7日"],
            "sections": [["articles": [["headline": "测试标题", "blocks": paragraphs]]]],
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static let paragraphs = [
        "首都文明委自二〇二〇年起建立重点工作项目台账制度，每年年初由各成员单位围绕文明委重点任务确定工作项目，汇总形成工作台账。",
        "各区结合实际细化落实措施，推动项目化管理，确保各项任务落到实处、见到实效。",
        "下一步，将继续完善督查考核机制，定期通报工作进展。",
    ]

    /// Writes `text` to `path`, creating directories.
    static func write(_ text: String, to path: String) {
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Renders an issue JSON text to a PDF file through our pipeline; returns the path.
    static func pdf(issueJSON text: String, at path: String) throws -> String {
        let output = try session.render(issueJSON: Array(text.utf8), file: path).value
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try AtomicFile.write(output.pdf, to: path)
        return path
    }

    /// The human-readable lines of a report, for failure messages.
    static func describe(_ report: DiffReport) -> String {
        var lines = report.errors
        for document in report.documents {
            lines += document.errors
            lines += document.pages.compactMap(\.error)
            for page in document.pages where page.status != .same {
                lines.append("\(document.name) p\(page.page): \(page.status) \(page.differingPixels) px")
            }
            lines += document.changes.map(\.description)
        }
        return lines.joined(separator: "\n")
    }
}
