#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import TKGAuthKit

/// The process's output streams. Diagnostics and messages go to stderr; results to stdout.
struct Console {
    let terminal: Terminal

    static let standard = Console(terminal: .standardError())

    func out(_ text: String) {
        Self.write(text, to: STDOUT_FILENO)
    }

    func err(_ text: String) {
        Self.write(text, to: STDERR_FILENO)
    }

    /// Set when stdout could not take what was written (a full disk behind `> plan.sh`): the run must then
    /// fail with 74 rather than leave a truncated file and report success. One thread writes; nothing races.
    nonisolated(unsafe) static var outputFailed = false

    /// Unbuffered, so stdout and stderr interleave in the order written.
    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if descriptor == STDOUT_FILENO { outputFailed = true }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// `FILE:LINE:COL: error: MESSAGE` and its hint, coloured only on a terminal.
    func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            let label = diagnostic.severity == .error
                ? terminal.paint("error:", .red) : terminal.paint("warning:", .yellow)
            var line = "\(terminal.paint(diagnostic.location + ":", .bold)) \(label) \(diagnostic.message)\n"
            if let hint = diagnostic.hint { line += "  hint: \(hint)\n" }
            err(line)
        }
    }

    /// `tkgauth: error: MESSAGE` for problems that belong to no input line.
    func fail(_ message: String) {
        err("tkgauth: \(terminal.paint("error:", .red)) \(message)\n")
    }
}

/// The process environment as a dictionary (secret references resolve against it).
enum ProcessEnvironment {
    static func current() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
