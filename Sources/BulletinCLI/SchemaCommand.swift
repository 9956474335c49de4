import ArgumentParser
import BulletinModel

/// `bulletin-pdf schema`: prints the JSON Schema of the issue format.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the issue format.",
        discussion: """
        Editors that understand JSON Schema can check and complete an issue file with it:
          bulletin-pdf schema > issue.schema.json
        then add "$schema": "issue.schema.json" to the issue.
        """)

    func run() throws {
        print(IssueSchema.json, terminator: IssueSchema.json.hasSuffix("\n") ? "" : "\n")
    }
}
