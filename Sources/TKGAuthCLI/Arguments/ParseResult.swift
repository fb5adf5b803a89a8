/// What `ArgumentParser.parse(_:)` decided; the caller turns it into output and an exit code.
package enum ParseResult: Sendable, Hashable {
    /// Run this command.
    case run(Invocation)
    /// Print this help text on stdout and exit 0.
    case help(String)
    /// Print this version on stdout and exit 0.
    case version(String)
    /// Print `error.render(programName:)` on stderr and exit `ExitCode.usage`.
    case usageError(UsageError)
}
