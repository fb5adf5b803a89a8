/// A command or subcommand: the single table from which parsing, help and
/// (later) shell completion are derived.
package struct CommandSpec: Sendable, Hashable {
    /// The word typed on the command line; for the root, the program name.
    package var name: String
    /// One line for `OVERVIEW:` and the parent's `SUBCOMMANDS:` list.
    package var abstract: String
    /// Extra paragraphs under the overview, printed as given.
    package var discussion: String?
    package var arguments: [ArgumentSpec]
    package var options: [OptionSpec]
    /// When non-empty, the command is a group: its first positional word names a subcommand.
    package var subcommands: [CommandSpec]

    package init(
        name: String,
        abstract: String,
        discussion: String? = nil,
        arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [],
        subcommands: [CommandSpec] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
    }

    /// The subcommand called `name`, if any.
    package func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    /// The option spelt `name` in any of its spellings, if any.
    package func option(named name: String) -> OptionSpec? {
        options.first { $0.names.contains(name) }
    }
}

extension CommandSpec {
    /// Spellings the parser handles itself; a spec must not declare them.
    static let helpNames = ["-h", "--help"]
    static let versionName = "--version"
    static let helpCommandName = "help"

    /// Mistakes in a command table (treating `self` as the root), one sentence each; empty when sound.
    ///
    /// The parser asserts this is empty, and a test over the real table keeps it so,
    /// because such mistakes would otherwise surface only as odd parsing.
    package func definitionProblems() -> [String] {
        problems(path: [name], isRoot: true)
    }

    private func problems(path: [String], isRoot: Bool) -> [String] {
        let here = "'\(path.joined(separator: " "))'"
        var found: [String] = []
        var seenNames: Set<String> = []
        for option in options {
            guard let primary = option.names.first else {
                found.append("\(here) has an option with no names")
                continue
            }
            if !primary.hasPrefix("--") || primary.count < 3 {
                found.append("\(here): option '\(primary)' must have a long name (--x) first")
            }
            for spelling in option.names {
                if !spelling.hasPrefix("-") || spelling == "-" || spelling == "--" || spelling.contains("=") {
                    found.append("\(here): '\(spelling)' is not a valid option spelling")
                }
                if !seenNames.insert(spelling).inserted {
                    found.append("\(here): '\(spelling)' is declared twice")
                }
                if Self.helpNames.contains(spelling) || (isRoot && spelling == Self.versionName) {
                    found.append("\(here): '\(spelling)' is handled by the parser and must not be declared")
                }
            }
            if option.isFlag, option.defaultValue != nil || !option.choices.isEmpty {
                found.append("\(here): flag '\(primary)' cannot have a default or choices")
            }
            if let value = option.defaultValue, !option.choices.isEmpty, !option.choices.contains(value) {
                found.append("\(here): the default '\(value)' of '\(primary)' is not one of its choices")
            }
        }
        for (index, argument) in arguments.enumerated() {
            if argument.isVariadic, index != arguments.count - 1 {
                found.append("\(here): only the last argument may be variadic ('<\(argument.name)>' is not last)")
            }
            if !argument.isOptional, arguments[..<index].contains(where: \.isOptional) {
                found.append("\(here): required argument '<\(argument.name)>' follows an optional one")
            }
        }
        if !subcommands.isEmpty, !arguments.isEmpty {
            found.append("\(here) has both subcommands and arguments")
        }
        var seenCommands: Set<String> = []
        for subcommand in subcommands {
            if subcommand.name.isEmpty || subcommand.name.hasPrefix("-") {
                found.append("\(here): '\(subcommand.name)' is not a valid subcommand name")
            }
            if !seenCommands.insert(subcommand.name).inserted {
                found.append("\(here): subcommand '\(subcommand.name)' is declared twice")
            }
            if isRoot, subcommand.name == Self.helpCommandName {
                found.append("\(here): 'help' is handled by the parser and must not be declared")
            }
            found += subcommand.problems(path: path + [subcommand.name], isRoot: false)
        }
        return found
    }
}
