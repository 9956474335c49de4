/// The JSON Schema (draft 2020-12) of issue JSON, for editors: point `"$schema"` at a saved copy
/// and VS Code and similar editors complete keys, show the descriptions and underline mistakes
/// while an issue is typed by hand.
///
/// It says what `IssueDecoder` accepts; the decoder stays the authority (it also warns about
/// surrounding whitespace, which the schema allows). `IssueSchemaTests` checks that both agree on
/// every object's keys and required keys, so a change to the format must change both.
public enum IssueSchema {
    /// The schema document, pretty-printed JSON.
    public static let json: String = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "urn:bulletin-pdf:issue:1",
      "title": "bulletin-pdf issue",
      "description": "One issue of a Chinese government bulletin (简报): masthead, sections of articles, footer and distribution block. Text is written as printed, in normalized Chinese (full-width ，；：（）？！ next to Chinese, no spaces between Chinese and digits or Latin letters).",
      "type": "object",
      "properties": {
        "$schema": {
          "description": "The schema this file follows, for editors; ignored by bulletin-pdf."
        },
        "masthead": { "$ref": "#/$defs/masthead" },
        "sections": {
          "description": "The body: runs of articles, each run optionally under a column head (栏目). At least one.",
          "type": "array",
          "minItems": 1,
          "items": { "$ref": "#/$defs/section" }
        },
        "footer": {
          "description": "Fields printed under the last article, in this order, e.g. 责编：梅雪峰.",
          "type": "array",
          "items": { "$ref": "#/$defs/footerField" }
        },
        "distribution": { "$ref": "#/$defs/distribution" }
      },
      "required": ["masthead", "sections"],
      "additionalProperties": false,
      "$defs": {
        "text": {
          "description": "Text as printed: not blank, no control characters (no tabs or line breaks; a new paragraph is a new block). Leading and trailing spaces are removed with a warning.",
          "type": "string",
          "pattern": "\\S",
          "not": { "pattern": "[\\u0000-\\u001F\\u007F-\\u009F]" }
        },
        "masthead": {
          "description": "The 报头 at the top of the first page.",
          "type": "object",
          "properties": {
            "title": { "$ref": "#/$defs/text", "description": "The bulletin's name, e.g. 首都精神文明建设情况简报." },
            "number": { "$ref": "#/$defs/text", "description": "The issue number as printed, e.g. 第33期, 第九期, 2021年第5期, 增刊第1期." },
            "totalNumber": { "$ref": "#/$defs/text", "description": "The running total without brackets, e.g. 总第2142期; the brackets are added when printing." },
            "issuer": { "$ref": "#/$defs/text", "description": "The issuing office, e.g. 首都精神文明办." },
            "date": { "$ref": "#/$defs/text", "description": "The date as printed, e.g. 2020年7月7日 or 二〇二〇年七月七日." },
            "extraLines": {
              "description": "Lines printed above the title, e.g. 内部资料 注意保存.",
              "type": "array",
              "items": { "$ref": "#/$defs/text" }
            }
          },
          "required": ["title", "number", "issuer", "date"],
          "additionalProperties": false
        },
        "section": {
          "description": "A run of articles, optionally under a column head.",
          "type": "object",
          "properties": {
            "column": { "$ref": "#/$defs/text", "description": "The column name without brackets, e.g. 文明创建 (printed 【文明创建】). Leave out for an issue without columns." },
            "articles": {
              "description": "The section's articles, at least one.",
              "type": "array",
              "minItems": 1,
              "items": { "$ref": "#/$defs/article" }
            }
          },
          "required": ["articles"],
          "additionalProperties": false
        },
        "article": {
          "description": "One article: optional kicker, headline and subtitle, editor's note, body blocks, attribution.",
          "type": "object",
          "properties": {
            "kicker": { "$ref": "#/$defs/text", "description": "The 引题 printed above the headline." },
            "headline": { "$ref": "#/$defs/text", "description": "The article's headline. Leave out when the first paragraph starts with a run-in title instead." },
            "subtitle": { "$ref": "#/$defs/text", "description": "The subtitle (副题) printed under the headline, e.g. ——记…." },
            "editorsNote": { "$ref": "#/$defs/paragraph", "description": "The editor's note (按语) printed before the body." },
            "blocks": {
              "description": "The body: paragraphs, headings and notes, at least one.",
              "type": "array",
              "minItems": 1,
              "items": { "$ref": "#/$defs/block" }
            },
            "attribution": { "$ref": "#/$defs/text", "description": "The contributing unit without brackets, e.g. 海淀区文明办; the brackets are added when printing." }
          },
          "required": ["blocks"],
          "additionalProperties": false
        },
        "block": {
          "description": "A body block: a string (a plain paragraph), or an object with \"paragraph\", \"heading\" or \"note\".",
          "oneOf": [
            { "$ref": "#/$defs/text" },
            { "$ref": "#/$defs/paragraphBlock" },
            { "$ref": "#/$defs/headingBlock" },
            { "$ref": "#/$defs/noteBlock" }
          ]
        },
        "paragraphBlock": {
          "description": "A body paragraph with bold, title or lead runs.",
          "type": "object",
          "properties": { "paragraph": { "$ref": "#/$defs/paragraph" } },
          "required": ["paragraph"],
          "additionalProperties": false
        },
        "headingBlock": {
          "description": "A standalone numbered heading, e.g. {\"heading\": \"2020年台账完成情况\", \"label\": \"一、\"}.",
          "type": "object",
          "properties": {
            "heading": { "$ref": "#/$defs/text", "description": "The heading text without its label." },
            "label": { "$ref": "#/$defs/text", "description": "The number label as printed: 一、 (level 1), （一） (level 2), 1. (level 3) or （1） (level 4)." },
            "level": {
              "description": "1 to 4. Leave out to take it from the label: 一、→1, （一）→2, 1.→3, （1）→4 (1 without a label).",
              "type": "integer",
              "minimum": 1,
              "maximum": 4
            }
          },
          "required": ["heading"],
          "additionalProperties": false
        },
        "noteBlock": {
          "description": "A note set apart from the body (注, 附), printed in the note style.",
          "type": "object",
          "properties": { "note": { "$ref": "#/$defs/paragraph" } },
          "required": ["note"],
          "additionalProperties": false
        },
        "paragraph": {
          "description": "A paragraph: a string (plain text), or an array of runs such as [{\"title\": \"…。\"}, \"…\"]. Spaces between runs are kept.",
          "oneOf": [
            { "$ref": "#/$defs/text" },
            { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/run" } }
          ]
        },
        "run": {
          "description": "A stretch of a paragraph: a string (plain text), or an object with exactly one of \"bold\", \"title\" or \"lead\".",
          "oneOf": [
            { "$ref": "#/$defs/text" },
            { "$ref": "#/$defs/boldRun" },
            { "$ref": "#/$defs/titleRun" },
            { "$ref": "#/$defs/leadRun" }
          ]
        },
        "boldRun": {
          "type": "object",
          "properties": { "bold": { "$ref": "#/$defs/text", "description": "Emphasised text, printed bold." } },
          "required": ["bold"],
          "additionalProperties": false
        },
        "titleRun": {
          "type": "object",
          "properties": { "title": { "$ref": "#/$defs/text", "description": "A run-in article title: the first sentence of the article's first paragraph, e.g. 门头沟区建立社区农村文明创建工作奖惩机制。" } },
          "required": ["title"],
          "additionalProperties": false
        },
        "leadRun": {
          "type": "object",
          "properties": { "lead": { "$ref": "#/$defs/text", "description": "An inline sub-lead (小标题) inside a paragraph, e.g. 带头参与疫情防控。" } },
          "required": ["lead"],
          "additionalProperties": false
        },
        "footerField": {
          "description": "One footer field, printed label：value.",
          "type": "object",
          "properties": {
            "label": { "$ref": "#/$defs/text", "description": "e.g. 责编, 邮箱." },
            "value": { "$ref": "#/$defs/text", "description": "e.g. 梅雪峰." }
          },
          "required": ["label", "value"],
          "additionalProperties": false
        },
        "distribution": {
          "description": "The 版记 block at the end: 报/送/发 lines, print run and extra notes.",
          "type": "object",
          "properties": {
            "lines": {
              "description": "The recipient lines, in order.",
              "type": "array",
              "items": { "$ref": "#/$defs/distributionLine" }
            },
            "printRun": { "$ref": "#/$defs/text", "description": "The print run as printed, e.g. 共印200份." },
            "notes": {
              "description": "Extra lines, e.g. 本期增发….",
              "type": "array",
              "items": { "$ref": "#/$defs/text" }
            }
          },
          "required": ["lines"],
          "additionalProperties": false
        },
        "distributionLine": {
          "description": "One 版记 line, printed label：text.",
          "type": "object",
          "properties": {
            "label": { "$ref": "#/$defs/text", "description": "报, 送 or 发 (or another short label)." },
            "text": { "$ref": "#/$defs/text", "description": "The recipients, e.g. 中央文明办，首都文明委主任、副主任。" }
          },
          "required": ["label", "text"],
          "additionalProperties": false
        }
      }
    }
    """#
}
