/// The one place that decides how a scalar is written, so every string the tool writes reads back as
/// the same string in YAML 1.1 readers (PyYAML, go-yaml v2 used by helm and kubectl) and YAML 1.2 readers.
public enum ScalarQuoting {
    /// How the emitter writes a scalar.
    public enum Choice: Sendable, Hashable {
        /// Written as-is, untagged: the caller means the typed value (`true`, `3`, `null`).
        /// libyaml still quotes it if the text cannot be plain at all (`a: b`).
        case plain
        /// Forced double quotes: plain would be read as something other than this string,
        /// or the text holds line breaks that other styles would let a reader normalise.
        case doubleQuoted
        /// A `|` block for multi-line text; libyaml falls back to double quotes when a block cannot hold it.
        case literal
        /// Whatever libyaml finds safe for the syntax: plain when possible, else single quotes.
        /// libyaml knows nothing of types; that is handled by `doubleQuoted`.
        case libyamlChoice
    }

    /// How to write `scalar`. Only `.plain` scalars may be typed; every other style is a string.
    public static func choice(for scalar: YAMLScalar) -> Choice {
        if scalar.style == .plain { return .plain }
        let text = scalar.text
        if hasNonLineFeedBreak(text) { return .doubleQuoted }
        // With an explicit tag the reader takes the type from the tag, so the text needs no guarding.
        if scalar.tag == nil && needsQuotes(text) { return .doubleQuoted }
        if text.unicodeScalars.contains("\n") {
            return fitsLiteralBlock(text) ? .literal : .doubleQuoted
        }
        return .libyamlChoice
    }

    /// True when `text` written plain could be read as a bool, int, float, null, timestamp, merge key
    /// or value key by a YAML 1.1 or 1.2 core-schema reader. Deliberately broad: quoting a string
    /// that did not need it (`1.2.3`, `-`) costs nothing, missing one changes its meaning.
    public static func needsQuotes(_ text: String) -> Bool {
        if reservedWords.contains(text.lowercased()) { return true }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return true }
        // Numbers of every base and notation, .inf/.nan, sexagesimal 1:20, 1_000, 1e3 and ISO
        // timestamps written with `t`: all start with a digit, sign or dot and use only these characters.
        if isDigit(first) || first == "+" || first == "-" || first == "." {
            if scalars.allSatisfy(isNumberish) { return true }
        }
        // Timestamps may also contain spaces (`2001-12-14 21:59:43.10 -5`): any `dddd-` prefix counts.
        if scalars.count >= 5 && scalars[0..<4].allSatisfy(isDigit) && scalars[4] == "-" {
            return true
        }
        return false
    }

    /// Compared lowercased, so `yEs` is quoted too; harmless.
    private static let reservedWords: Set<String> = [
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "=",
    ]

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s >= "0" && s <= "9"
    }

    private static func isNumberish(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || (s >= "a" && s <= "z") || (s >= "A" && s <= "Z")
            || s == "_" || s == "." || s == ":" || s == "+" || s == "-"
    }

    /// `\r`, NEL, LS and PS are line breaks to YAML: libyaml writes them raw in single quotes and
    /// blocks, and readers then fold or normalise them. Double quotes escape them.
    private static func hasNonLineFeedBreak(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\r" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    /// A `|` block ending in one newline at most: keep-chomping (`|+`) would leave extra blank lines
    /// at the end of the output, so text ending in several newlines (or only newlines) is double-quoted.
    private static func fitsLiteralBlock(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" } && !text.hasSuffix("\n\n")
    }
}
