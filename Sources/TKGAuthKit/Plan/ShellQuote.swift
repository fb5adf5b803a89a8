/// POSIX shell quoting, shared by the text and the script formatters so both show the same command lines.
public enum ShellQuote {
    /// `text` as one shell word: bare when it holds only `[A-Za-z0-9_@%+=:,./-]`, else in single quotes,
    /// where nothing is special except `'` itself, written `'\''`.
    public static func quote(_ text: String) -> String {
        if !text.isEmpty, text.unicodeScalars.allSatisfy(isBare) { return text }
        var quoted = "'"
        for scalar in text.unicodeScalars {
            if scalar == "'" { quoted += "'\\''" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "'"
    }

    /// One argument as a shell word: a variable is expanded inside double quotes, so its value stays one
    /// word and is never written out (`--from-literal=KEY="$VAR"`).
    public static func word(_ argument: PlanArgument) -> String {
        switch argument {
        case .literal(let text):
            return quote(text)
        case .variable(let name, let prefix):
            return (prefix.isEmpty ? "" : quote(prefix)) + "\"${" + name + "}\""
        }
    }

    /// A command line as a person would type it: words joined by spaces, stages by ` | `.
    public static func line(_ command: PlanCommand) -> String {
        command.stages.map { $0.map(word).joined(separator: " ") }.joined(separator: " | ")
    }

    /// True for a POSIX shell variable name (`[A-Za-z_][A-Za-z0-9_]*`).
    public static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !(first >= "0" && first <= "9") else { return false }
        return text.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "_" }
    }

    private static func isBare(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || "_@%+=:,./-".unicodeScalars.contains(scalar)
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
    }
}
