/// A problem found in an input, located as precisely as the input allows.
///
/// Follows Typst's `SourceDiagnostic`: severity, where (file, line:column, JSON path), what, and an
/// optional hint. Errors stop a command; warnings travel beside a successful result.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// The input file as the user named it (`-` for stdin); nil when there is no file.
    public var file: String?
    /// 1-based line and column (column counts Unicode scalars); nil when unknown.
    public var line: Int?
    public var column: Int?
    /// JSON path such as `sections[0].articles[1].blocks[3]`; nil when not in a JSON value.
    public var path: String?
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, file: String? = nil, line: Int? = nil, column: Int? = nil,
                path: String? = nil, message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: path: message` (each part only when known), then `(hint)`; the form
    /// compilers use, so editors can jump to it. Warnings say so.
    public var description: String {
        var parts: [String] = []
        var place = file ?? ""
        if let line { place += (place.isEmpty ? "" : ":") + "\(line)" + (column.map { ":\($0)" } ?? "") }
        if !place.isEmpty { parts.append(place) }
        if let path, !path.isEmpty { parts.append(path) }
        parts.append((severity == .warning ? "warning: " : "") + message)
        var text = parts.joined(separator: ": ")
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// A result with the warnings gathered while producing it (Typst's `Warned<T>`).
public struct Warned<Value> {
    public var value: Value
    public var warnings: [Diagnostic]

    public init(_ value: Value, warnings: [Diagnostic] = []) {
        self.value = value
        self.warnings = warnings
    }
}

extension Warned: Sendable where Value: Sendable {}

/// Thrown when an input has one or more errors; carries all of them (and any warnings).
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
