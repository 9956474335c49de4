import BulletinFonts
import BulletinLayout
import BulletinModel
import Foundation

/// Typesetters over the repository's own fonts and layouts (never the system's fonts).
public enum Typesetting {
    public static let fonts: FontCatalog = try! FontCatalog(directory: Repository.path("Fonts"), allowsSystemFallback: false)

    public static func typesetter(layout: String = "jianbao") throws -> Typesetter {
        let path = Repository.path("Layouts/\(layout).json")
        let spec = try LayoutSpecDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
        return try Typesetter(spec: spec, fonts: fonts)
    }

    /// A small valid issue around the given articles.
    public static func issue(_ articles: [Article], column: String? = "测试", distribution: Bool = true) -> Issue {
        Issue(masthead: Masthead(title: "首都精神文明建设情况简报", number: "第1期", totalNumber: "总第2000期",
                                 issuer: "首都精神文明办", date: "2021年1月5日"),
              sections: [Section(column: column, articles: articles)],
              footer: [FooterField(label: "责编", value: "梅雪峰"), FooterField(label: "电话", value: "55569506")],
              distribution: distribution ? Distribution(lines: [
                  DistributionLine(label: "报", text: "中央文明办，首都文明委主任、副主任，市委、市人大、市政府、市政协。"),
                  DistributionLine(label: "送", text: "首都文明委委员，市委、市政府各部委办局。"),
              ]) : nil)
    }

    /// `count` characters of ordinary Chinese body text ending in 。.
    public static func filler(_ count: Int) -> String {
        let source = Array("首都文明委自二〇二〇年起建立重点工作项目台账制度每年年初由各成员单位围绕文明委重点任务确定工作项目汇总形成工作台账")
        var text = ""
        for i in 0..<max(1, count - 1) { text.append(source[i % source.count]) }
        return text + "。"
    }
}
