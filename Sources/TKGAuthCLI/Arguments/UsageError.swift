/// A command line the parser rejected, with enough context to print the usage of the command concerned.
package struct UsageError: Error, Sendable, Hashable {
    /// What went wrong, so callers and tests need not match on message text.
    package enum Kind: Sendable, Hashable {
        case unknownCommand
        case unknownOption
        case missingValue
        case invalidValue
        case unexpectedValue
        case duplicateOption
        case missingArgument
        case unexpectedArgument
        case missingSubcommand
    }

    package var kind: Kind
    /// One sentence, without the `Error: ` prefix.
    package var message: String
    /// The subcommands resolved before the error, without the program name.
    package var commandPath: [String]
    /// The command at `commandPath`, for its usage line (or full help, for a missing subcommand).
    package var command: CommandSpec

    package init(_ kind: Kind, _ message: String, commandPath: [String], command: CommandSpec) {
        self.kind = kind
        self.message = message
        self.commandPath = commandPath
        self.command = command
    }

    /// The text for stderr, without a trailing newline, in swift-argument-parser's layout:
    ///
    ///     Error: Unknown option '--outptu-dir'. Did you mean '--output-dir'?
    ///     Usage: tkgauth generate <site> ... [--output-dir <dir>]
    ///       See 'tkgauth generate --help' for more information.
    ///
    /// A group run without its subcommand gets its whole help instead, since the
    /// list of subcommands is the thing the user is missing.
    package func render(programName: String) -> String {
        let formatter = HelpFormatter(programName: programName)
        if kind == .missingSubcommand {
            return "Error: \(message)\n\n" + formatter.help(for: command, path: commandPath)
        }
        let invoked = ([programName] + commandPath).joined(separator: " ")
        return """
            Error: \(message)
            Usage: \(formatter.usage(for: command, path: commandPath))
              See '\(invoked) --help' for more information.
            """
    }
}
