#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether to colour diagnostics, and the colouring itself.
///
/// Colour only helps a person at a terminal: pipes, CI logs and `NO_COLOR`
/// users (https://no-color.org) get plain text. The inputs are parameters so tests
/// need no real terminal.
package struct Terminal: Sendable {
    package enum Style: Sendable, CaseIterable {
        case bold
        case red
        case yellow

        var code: String {
            switch self {
            case .bold: "1"
            case .red: "31"
            case .yellow: "33"
            }
        }
    }

    package let usesColor: Bool

    /// Colour when the stream is a TTY, `NO_COLOR` is unset or empty, and `TERM` is not `dumb`.
    package init(isTTY: Bool, environment: [String: String]) {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        usesColor = isTTY && !noColor && environment["TERM"] != "dumb"
    }

    /// The decision for this process's stderr, where diagnostics go.
    package static func standardError() -> Terminal {
        var environment: [String: String] = [:]
        for name in ["NO_COLOR", "TERM"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return Terminal(isTTY: isatty(STDERR_FILENO) == 1, environment: environment)
    }

    /// `text` wrapped in the ANSI codes for `style`, or unchanged when colour is off.
    package func paint(_ text: String, _ style: Style) -> String {
        guard usesColor, !text.isEmpty else { return text }
        return "\u{1B}[\(style.code)m\(text)\u{1B}[0m"
    }
}
