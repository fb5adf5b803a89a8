import TKGYAML

/// One finding about an input, located at `file:line:column`.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file as the user named it.
    public var file: String
    /// Where in the file; `.none` when the finding is about the file as a whole.
    public var mark: Mark
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, file: String, at mark: Mark, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.mark = mark
        self.message = message
        self.hint = hint
    }

    public static func error(_ message: String, file: String, at mark: Mark, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, at: mark, message, hint: hint)
    }

    public static func warning(_ message: String, file: String, at mark: Mark, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, at: mark, message, hint: hint)
    }

    /// `file:line:column`, or just `file` for a finding about the whole file.
    public var location: String {
        mark == .none ? file : "\(file):\(mark.line):\(mark.column)"
    }

    /// `FILE:LINE:COL: error: MESSAGE`, with the hint on an indented line of its own.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    /// Sorted by file, then position, then message, so output never depends on the order of checks.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.mark != rhs.mark { return lhs.mark < rhs.mark }
        if lhs.severity != rhs.severity { return lhs.severity == .error }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Every warning promoted to an error, for `--strict`.
    public func promotingWarnings() -> [Diagnostic] {
        map { diagnostic in
            var copy = diagnostic
            copy.severity = .error
            return copy
        }
    }
}
