import BulletinModel

/// Shared test inputs: one issue that uses every construct of the format, as JSON and as model.
enum Fixtures {
    /// Uses every key of every object kind (the schema test relies on that) and every short form.
    static let fullIssueJSON = #"""
    {
      "$schema": "./issue.schema.json",
      "masthead": {
        "title": "首都精神文明建设情况简报",
        "number": "第33期",
        "totalNumber": "总第2142期",
        "issuer": "首都精神文明办",
        "date": "2020年7月7日",
        "extraLines": ["内部资料 注意保存"]
      },
      "sections": [
        {
          "column": "文明创建",
          "articles": [
            {
              "kicker": "聚焦创城",
              "headline": "海淀区开展“文明餐桌”行动",
              "subtitle": "——记海淀区文明办",
              "editorsNote": [{"bold": "编者按："}, "近期，各区积极推进……"],
              "blocks": [
                "为进一步巩固创建成果，海淀区开展了系列活动。",
                {"heading": "2020年台账完成情况", "label": "一、"},
                {"heading": "工作措施", "label": "（一）", "level": 3},
                {"heading": "无标号标题"},
                {"paragraph": [{"title": "门头沟区建立奖惩机制。"}, "为进一步巩固……", {"lead": "带头参与疫情防控。"}, " 下文"]},
                {"paragraph": "单独一段。"},
                {"note": "注：数据截至6月底。"},
                {"note": [{"bold": "附："}, "名单"]}
              ],
              "attribution": "海淀区文明办"
            }
          ]
        },
        {
          "articles": [{"blocks": ["😀 罕见字𠀀也可以。"]}]
        }
      ],
      "footer": [
        {"label": "责编", "value": "梅雪峰"},
        {"label": "邮箱", "value": "jswmzhxtc@163.com"}
      ],
      "distribution": {
        "lines": [{"label": "报", "text": "中央文明办，首都文明委主任、副主任。"}],
        "printRun": "共印200份",
        "notes": ["本期增发各区文明办。"]
      }
    }
    """#

    /// `fullIssueJSON` as the model.
    static let fullIssue = Issue(
        masthead: Masthead(title: "首都精神文明建设情况简报", number: "第33期", totalNumber: "总第2142期",
                           issuer: "首都精神文明办", date: "2020年7月7日", extraLines: ["内部资料 注意保存"]),
        sections: [
            Section(column: "文明创建", articles: [
                Article(kicker: "聚焦创城", headline: "海淀区开展“文明餐桌”行动", subtitle: "——记海淀区文明办",
                        editorsNote: Paragraph(runs: [Run("编者按：", role: .bold), Run("近期，各区积极推进……")]),
                        blocks: [
                            .paragraph(Paragraph("为进一步巩固创建成果，海淀区开展了系列活动。")),
                            .heading(Heading(label: "一、", text: "2020年台账完成情况")),
                            .heading(Heading(label: "（一）", text: "工作措施", level: 3)),
                            .heading(Heading(label: nil, text: "无标号标题")),
                            .paragraph(Paragraph(runs: [Run("门头沟区建立奖惩机制。", role: .title), Run("为进一步巩固……"),
                                                        Run("带头参与疫情防控。", role: .lead), Run(" 下文")])),
                            .paragraph(Paragraph("单独一段。")),
                            .note(Paragraph("注：数据截至6月底。")),
                            .note(Paragraph(runs: [Run("附：", role: .bold), Run("名单")])),
                        ],
                        attribution: "海淀区文明办"),
            ]),
            Section(column: nil, articles: [Article(blocks: [.paragraph(Paragraph("😀 罕见字𠀀也可以。"))])]),
        ],
        footer: [FooterField(label: "责编", value: "梅雪峰"), FooterField(label: "邮箱", value: "jswmzhxtc@163.com")],
        distribution: Distribution(lines: [DistributionLine(label: "报", text: "中央文明办，首都文明委主任、副主任。")],
                                   printRun: "共印200份", notes: ["本期增发各区文明办。"]))

    /// The smallest valid issue; tests splice their mistakes into copies of it.
    static let minimalIssueJSON = #"""
    {
      "masthead": {"title": "简报", "number": "第1期", "issuer": "办公室", "date": "2020年1月1日"},
      "sections": [{"articles": [{"blocks": ["正文。"]}]}]
    }
    """#
}
