import BulletinExtract

/// `bulletin-pdf extract` read straight from the command line, without swift-argument-parser, for
/// the plain command lines that pipelines run thousands of times.
///
/// Why: the parser costs ~14M of the ~43M instructions of a whole 5-page extraction (callgrind),
/// ~3 ms. Building its argument sets instantiates generic types (`Option<String>`, …) whose
/// protocol conformances the Swift runtime looks up by scanning every conformance record of the
/// binary — ~5,900 of them, most Foundation's — once per type. `extract` is timed against
/// pdftotext as a whole process, so this start-up counts.
///
/// Only what is unambiguous is read here: `extract`, then inputs (`-` or not starting with a
/// dash) and the options `--format`, `--pages`, `-o`/`--output`, `--retain-budget` (as
/// `--name value` or `--name=value`) and `--keep-furniture`, each at most once, with a job that
/// passes `ExtractJob.validate`. Anything else — help, an unknown or repeated option, a value
/// that starts with a dash, a usage error — returns nil and swift-argument-parser reads the
/// command line as always, so messages and exit codes are its own. `ExtractFastPathTests` checks
/// that both give the same job for every command line accepted here.
enum ExtractFastPath {
    /// The job `arguments` (the command line without the executable's name) ask for, or nil
    /// when swift-argument-parser should read them.
    static func job(_ arguments: [String]) -> ExtractJob? {
        guard arguments.first == "extract" else { return nil }
        var job = ExtractJob(inputs: [])
        var seen: [String] = []
        var index = 1
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if token.isEmpty { return nil }
            if token == "-" || !token.hasPrefix("-") {
                job.inputs.append(token)
                continue
            }
            var name = token == "-o" ? "--output" : token
            var value: String?
            if token.hasPrefix("--"), let equals = token.firstIndex(of: "=") {
                name = String(token[..<equals])
                value = String(token[token.index(after: equals)...])
                if value!.isEmpty { return nil }
            }
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            if name == "--keep-furniture" {
                guard value == nil else { return nil }
                job.keepFurniture = true
                continue
            }
            guard ["--format", "--pages", "--output", "--retain-budget"].contains(name) else { return nil }
            if value == nil {
                guard index < arguments.count, !arguments[index].isEmpty, !arguments[index].hasPrefix("-") else { return nil }
                value = arguments[index]
                index += 1
            }
            guard let value else { return nil }
            switch name {
            case "--format":
                guard let format = ExtractFormat(rawValue: value) else { return nil }
                job.format = format
            case "--pages":
                job.pages = value
            case "--output":
                job.output = value
            default:
                guard let budget = Int(value) else { return nil }
                job.retainBudget = budget
            }
        }
        guard !job.inputs.isEmpty, (try? job.validate()) != nil else { return nil }
        return job
    }

    /// Runs `arguments` when they are a plain `extract` and returns its exit status; nil when
    /// swift-argument-parser should take them (including a usage problem found on the way —
    /// nothing has been read or written then).
    static func run(_ arguments: [String]) -> Int32? {
        guard let job = job(arguments) else { return nil }
        return try? job.execute()
    }
}
