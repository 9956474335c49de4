#!/usr/bin/env python3
"""Writes Tests/Fixtures/stress/stress.json: an issue built to hit the typographic rules
(typography.md): runs of consecutive punctuation, quotes at every line position, long digit
strings and percentages, e-mail and URL in Chinese text, —— and …… at line ends, paragraphs whose
natural break would leave one character alone, a heading near a page foot, Latin paragraphs and
very long words. Deterministic; re-run after editing and review the trace goldens it changes."""
import json, os

base = "首都文明委自二〇二〇年起建立重点工作项目台账制度每年年初由各成员单位围绕文明委重点任务确定工作项目"
def han(n, offset=0):
    return "".join(base[(offset + i) % len(base)] for i in range(n))

paragraphs = []
# Consecutive punctuation and quotes, shifted through every position of a 28-cell line.
dense = "他说：“这是‘试验’。”（注意）【要点】《条例》，再看“七带头”、“十大文明行为”。"
for shift in range(0, 28, 3):
    paragraphs.append(han(shift, shift) + dense + han(20, shift) + "”。’）】》，" + han(9) + "。")
# Long digit strings, percentages, decimals, e-mail and URL inside Chinese text (with enough
# Chinese around each long Western run that a full line can always be made).
paragraphs.append(han(30) + "下降45.5%，完成率99.99%，共1234567890123人次，" + han(20, 4)
                  + "联系邮箱jswmzhxtc@163.com，" + han(24, 9)
                  + "或访问https://www.bjwmb.gov.cn/zxgk/index.html查询，" + han(20, 2)
                  + "电话010-55569506，编号2021-05-0001。")
# —— and …… landing at every line end.
for shift in range(22, 30):
    paragraphs.append(han(shift, 3) + "——" + han(15, 5) + "……" + han(shift, 7) + "——" + han(6) + "。")
# Paragraphs whose natural break would leave one character alone on the last line.
for n in (27, 28, 53, 54, 55, 81, 82):
    paragraphs.append(han(n, n) + "。")
# Latin paragraphs and very long words (each shorter than the measure).
paragraphs.append("The quick brown fox jumps over the lazy dog while the committee reviews the "
                  "internationalization of its annual report, a paragraph of Western text that must be "
                  "justified by its word spaces only, never by spacing out the letters of a word.")
paragraphs.append(han(29) + "Pneumonoultramicroscopicsilicovolcanoconiosis" + han(30, 3)
                  + "Supercalifragilisticexpialidocious" + han(30, 6) + "。")

blocks = [{"paragraph": [{"title": "压力测试文章标题。"}, paragraphs[0]]}] + paragraphs[1:]
# A heading that would fall at a page foot for some of the preceding lengths.
blocks.insert(12, {"heading": "标题应当与下文同页", "label": "一、"})
blocks.insert(20, {"heading": "第二个标题同样不能落在页脚", "label": "（一）"})
issue = {
    "masthead": {"title": "首都精神文明建设情况简报", "number": "第99期", "totalNumber": "总第9999期",
                 "issuer": "首都精神文明办", "date": "2024年12月31日"},
    "sections": [{"column": "排版压力测试", "articles": [{"headline": "标点、数字与西文混排的压力测试",
                                                        "blocks": blocks, "attribution": "测试处"}]}],
    "footer": [{"label": "责编", "value": "测试"}, {"label": "邮箱", "value": "test@example.com"}],
    "distribution": {"lines": [{"label": "报", "text": "中央文明办，首都文明委主任、副主任，市委、市人大、市政府、市政协。"},
                               {"label": "发", "text": "各区委书记、区长、宣传部长，各区文明办，有关新闻单位。"}],
                     "printRun": "共印200份"},
}
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "stress", "stress.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(issue, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(path)
