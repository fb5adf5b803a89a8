import TKGAuthKit

/// Turns `CommandLine.arguments.dropFirst()` into a `ParseResult`, driven by one `CommandSpec` table.
///
/// Grammar: subcommand words first (`templates cat`), then options and positionals in any order.
/// `--opt value`, `--opt=value` and `-o value` give values; `--` ends options; a lone `-` is a
/// value (stdout/stdin), never an option. `-h`/`--help` anywhere before `--` prints help of the
/// command reached so far, even if the rest of the line is wrong; `help [<command> ...]` at the
/// root does the same; `--version` at the root prints the version.
package struct ArgumentParser: Sendable {
    package let root: CommandSpec
    package let version: String

    package init(root: CommandSpec, version: String) {
        assert(
            root.definitionProblems().isEmpty,
            "Invalid command table: " + root.definitionProblems().joined(separator: "; ")
        )
        self.root = root
        self.version = version
    }

    /// Parses the arguments after the program name.
    package func parse(_ args: [String]) -> ParseResult {
        var scan = Scan(root: root, args: args)
        while let token = scan.next() {
            if scan.afterTerminator {
                scan.positionals.append(token)
            } else if token == "--" {
                scan.afterTerminator = true
            } else if CommandSpec.helpNames.contains(token) {
                return .help(help(for: scan.command, path: scan.path))
            } else if token.hasPrefix("-"), token != "-" {
                if scan.path.isEmpty, token == CommandSpec.versionName { return .version(version) }
                if let error = scan.takeOption(token) { return failing(error, scan) }
            } else if !scan.command.subcommands.isEmpty {
                if scan.path.isEmpty, token == CommandSpec.helpCommandName {
                    return helpCommand(scan)
                }
                guard let subcommand = scan.command.subcommand(named: token) else {
                    return failing(unknownCommand(token, in: scan.command, path: scan.path), scan)
                }
                scan.enter(subcommand)
            } else {
                scan.positionals.append(token)
            }
        }
        if let error = scan.finish() { return .usageError(error) }
        return .run(scan.invocation)
    }

    private func help(for command: CommandSpec, path: [String]) -> String {
        HelpFormatter(programName: root.name).help(for: command, path: path)
    }

    /// `help`, `help generate`, `help templates cat`: each word must name a subcommand of the previous.
    private func helpCommand(_ start: Scan) -> ParseResult {
        var scan = start
        var command = root
        var path: [String] = []
        while let word = scan.next() {
            if CommandSpec.helpNames.contains(word) || (path.isEmpty && word == CommandSpec.helpCommandName) {
                continue
            }
            if let subcommand = command.subcommand(named: word) {
                command = subcommand
                path.append(word)
                continue
            }
            let error: UsageError
            if word.hasPrefix("-"), word != "-" {
                error = UsageError(.unknownOption, "Unknown option '\(word)'", commandPath: path, command: command)
            } else if command.subcommands.isEmpty {
                error = UsageError(.unexpectedArgument, "Unexpected argument '\(word)'", commandPath: path, command: command)
            } else {
                error = unknownCommand(word, in: command, path: path)
            }
            return .usageError(error)
        }
        return .help(help(for: command, path: path))
    }

    private func unknownCommand(_ word: String, in command: CommandSpec, path: [String]) -> UsageError {
        var candidates = command.subcommands.map(\.name)
        if path.isEmpty { candidates.append(CommandSpec.helpCommandName) }
        let message = "Unknown command '\(word)'" + didYouMean(word, candidates)
        return UsageError(.unknownCommand, message, commandPath: path, command: command)
    }

    /// An error, unless help was asked for later on the line: then help wins, since a user
    /// who appends `--help` to a broken line wants to learn how to fix it.
    private func failing(_ error: UsageError, _ scan: Scan) -> ParseResult {
        let rest = scan.args[scan.index...].prefix { $0 != "--" }
        if rest.contains(where: CommandSpec.helpNames.contains) {
            return .help(help(for: scan.command, path: scan.path))
        }
        return .usageError(error)
    }
}

/// `. Did you mean 'x'?`, or nothing when no candidate is close.
private func didYouMean(_ word: String, _ candidates: [String]) -> String {
    guard let match = Suggestion.closest(to: word, among: candidates) else { return "" }
    return ". Did you mean '\(match)'?"
}

/// The parser's position and what it has collected so far.
private struct Scan {
    let args: [String]
    var index = 0
    var command: CommandSpec
    var path: [String] = []
    var afterTerminator = false
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
    /// Options of every command on the path, so parent options keep their defaults.
    var declared: [OptionSpec]

    init(root: CommandSpec, args: [String]) {
        self.args = args
        self.command = root
        self.declared = root.options
    }

    mutating func next() -> String? {
        guard index < args.count else { return nil }
        defer { index += 1 }
        return args[index]
    }

    mutating func enter(_ subcommand: CommandSpec) {
        command = subcommand
        path.append(subcommand.name)
        declared += subcommand.options
    }

    var invocation: Invocation {
        Invocation(commandPath: path, optionValues: values, flags: flags, arguments: positionals, options: declared)
    }

    private func error(_ kind: UsageError.Kind, _ message: String) -> UsageError {
        UsageError(kind, message, commandPath: path, command: command)
    }

    /// Records one option token (with its value, taken from `=` or the next word); nil when accepted.
    mutating func takeOption(_ token: String) -> UsageError? {
        let name: String
        var inline: String?
        if let equals = token.firstIndex(of: "=") {
            name = String(token[..<equals])
            inline = String(token[token.index(after: equals)...])
        } else {
            name = token
        }
        let builtIn = CommandSpec.helpNames.contains(name) || (path.isEmpty && name == CommandSpec.versionName)
        if builtIn, let inline {
            return error(.unexpectedValue, "The flag '\(name)' does not take a value, but '\(inline)' was given")
        }
        guard let option = command.option(named: name) else {
            return error(.unknownOption, "Unknown option '\(name)'" + suggestion(for: name))
        }
        let key = option.primaryName
        if option.isFlag {
            if let inline {
                return error(.unexpectedValue, "The flag '\(name)' does not take a value, but '\(inline)' was given")
            }
            if flags.contains(key), !option.isRepeatable { return duplicate(option) }
            flags.insert(key)
            return nil
        }
        if inline == nil, index < args.count, args[index] == "-" || !args[index].hasPrefix("-") {
            inline = next()
        }
        // An empty value (`--output-dir=` with an unset variable) is never what was meant.
        guard let value = inline, !value.isEmpty else {
            return error(.missingValue, "Missing value for '\(option.synopsis(as: name))'")
        }
        if !option.choices.isEmpty, !option.choices.contains(value) {
            let expected = option.choices.joined(separator: ", ")
            return error(
                .invalidValue,
                "The value '\(value)' is invalid for '\(option.synopsis(as: name))'. Expected one of: \(expected)"
                    + didYouMean(value, option.choices)
            )
        }
        if values[key] != nil, !option.isRepeatable { return duplicate(option) }
        values[key, default: []].append(value)
        return nil
    }

    private func duplicate(_ option: OptionSpec) -> UsageError {
        error(.duplicateOption, "The option '\(option.synopsis())' was given more than once")
    }

    /// Suggests among long spellings only: a two-character `-x` is one edit from every other short option.
    private func suggestion(for name: String) -> String {
        guard name.count > 2 else { return "" }
        var candidates = command.options.flatMap(\.names).filter { $0.hasPrefix("--") }
        candidates.append("--help")
        if path.isEmpty { candidates.append(CommandSpec.versionName) }
        return didYouMean(name, candidates)
    }

    /// Checks what can only be checked at the end: a subcommand was chosen, arguments fit the spec.
    func finish() -> UsageError? {
        if !command.subcommands.isEmpty {
            if let extra = positionals.first { return error(.unexpectedArgument, "Unexpected argument '\(extra)'") }
            return error(.missingSubcommand, "Missing subcommand")
        }
        var remaining = positionals[...]
        for argument in command.arguments {
            if argument.isVariadic {
                if remaining.isEmpty, !argument.isOptional { return missing(argument) }
                remaining = []
            } else if remaining.popFirst() == nil, !argument.isOptional {
                return missing(argument)
            }
        }
        if let extra = remaining.first { return error(.unexpectedArgument, "Unexpected argument '\(extra)'") }
        return nil
    }

    private func missing(_ argument: ArgumentSpec) -> UsageError {
        error(.missingArgument, "Missing expected argument '\(argument.synopsis)'")
    }
}
