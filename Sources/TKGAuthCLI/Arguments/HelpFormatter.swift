/// Help and usage text in the layout swift-argument-parser users already know.
///
/// Nothing is wrapped: lines come out as written in the spec, so output is the
/// same on every terminal and can be compared byte for byte in tests.
package struct HelpFormatter: Sendable {
    /// Help text starts at this 0-based column; a label too long to leave a gap gets a line of its own.
    package static let helpColumn = 26
    /// Labels start after this many spaces.
    package static let indent = 2

    package var programName: String

    package init(programName: String) {
        self.programName = programName
    }

    /// The full help of `command`, found at `path` below the root (empty for the root), without a trailing newline.
    package func help(for command: CommandSpec, path: [String]) -> String {
        let isRoot = path.isEmpty
        var blocks: [String] = []

        var overview: [String] = []
        if !command.abstract.isEmpty { overview.append("OVERVIEW: \(command.abstract)") }
        if let discussion = command.discussion, !discussion.isEmpty { overview.append(discussion) }
        if !overview.isEmpty { blocks.append(overview.joined(separator: "\n\n")) }

        blocks.append("USAGE: " + usage(for: command, path: path))

        if !command.arguments.isEmpty {
            blocks.append(section("ARGUMENTS", command.arguments.map { ("<\($0.name)>", $0.help) }))
        }

        var optionRows = command.options.map { (label(for: $0), helpText(for: $0)) }
        if isRoot { optionRows.append((CommandSpec.versionName, "Show the version.")) }
        optionRows.append((CommandSpec.helpNames.joined(separator: ", "), "Show help information."))
        blocks.append(section("OPTIONS", optionRows))

        if !command.subcommands.isEmpty {
            var rows = command.subcommands.map { ($0.name, $0.abstract) }
            if isRoot { rows.append((CommandSpec.helpCommandName, "Show subcommand help information.")) }
            blocks.append(section("SUBCOMMANDS", rows))
            let helpPath = ([programName, CommandSpec.helpCommandName] + path).joined(separator: " ")
            blocks.append(pad("See '\(helpPath) <subcommand>' for detailed help."))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// The usage line without its `USAGE:` prefix: arguments, then options, in declaration order;
    /// a group ends with `<subcommand>` because its options must come before it.
    package func usage(for command: CommandSpec, path: [String]) -> String {
        var words = [programName] + path
        if command.subcommands.isEmpty { words += command.arguments.map(\.synopsis) }
        for option in command.options {
            let repeated = option.isRepeatable && !option.isFlag ? " ..." : ""
            words.append("[\(option.synopsis())\(repeated)]")
        }
        if !command.subcommands.isEmpty { words.append("<subcommand>") }
        return words.joined(separator: " ")
    }

    /// `-o, --output-dir <dir>`: short spellings first, as swift-argument-parser lists them.
    package func label(for option: OptionSpec) -> String {
        let short = option.names.filter { !$0.hasPrefix("--") }
        let long = option.names.filter { $0.hasPrefix("--") }
        var text = (short + long).joined(separator: ", ")
        if let valueName = option.valueName {
            text += " <\(valueName)>"
            if option.isRepeatable { text += " ..." }
        }
        return text
    }

    /// The option's help followed by `(values: a, b; default: a)` when it has choices or a default.
    package func helpText(for option: OptionSpec) -> String {
        var notes: [String] = []
        if !option.choices.isEmpty { notes.append("values: " + option.choices.joined(separator: ", ")) }
        if let value = option.defaultValue { notes.append("default: \(value)") }
        guard !notes.isEmpty else { return option.help }
        let note = "(" + notes.joined(separator: "; ") + ")"
        return option.help.isEmpty ? note : "\(option.help) \(note)"
    }

    private func section(_ title: String, _ rows: [(label: String, help: String)]) -> String {
        ([title + ":"] + rows.map { row($0.label, $0.help) }).joined(separator: "\n")
    }

    /// One `  label   help` line; a help text with several lines keeps them, each at the help column.
    private func row(_ label: String, _ help: String) -> String {
        let lead = pad(label)
        guard !help.isEmpty else { return lead }
        let margin = String(repeating: " ", count: Self.helpColumn)
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        var text = lead.count < Self.helpColumn
            ? lead + String(repeating: " ", count: Self.helpColumn - lead.count)
            : lead + "\n" + margin
        text += lines[0]
        for line in lines.dropFirst() {
            text += line.isEmpty ? "\n" : "\n" + margin + line
        }
        return text
    }

    private func pad(_ text: String) -> String {
        String(repeating: " ", count: Self.indent) + text
    }
}
