/// One option or flag of a command, as declared in its `CommandSpec`.
///
/// Parsing, help and (later) shell completion all read this one declaration,
/// so they cannot drift apart.
package struct OptionSpec: Sendable, Hashable {
    /// The spellings, primary long name first (`["--output-dir", "-o"]`); values are keyed by the first.
    package var names: [String]
    /// The placeholder shown as `<dir>`; `nil` makes this a flag that takes no value.
    package var valueName: String?
    package var help: String
    /// Used by `Invocation.value(_:)` when the option is not given; shown in help.
    package var defaultValue: String?
    /// The only accepted values; empty accepts any value.
    package var choices: [String]
    /// Whether the option may be given more than once (values accumulate, in order).
    package var isRepeatable: Bool

    package init(
        names: [String],
        valueName: String? = nil,
        help: String,
        defaultValue: String? = nil,
        choices: [String] = [],
        isRepeatable: Bool = false
    ) {
        self.names = names
        self.valueName = valueName
        self.help = help
        self.defaultValue = defaultValue
        self.choices = choices
        self.isRepeatable = isRepeatable
    }

    /// A flag: present or absent, never given a value.
    package static func flag(_ names: String..., help: String, isRepeatable: Bool = false) -> OptionSpec {
        OptionSpec(names: names, help: help, isRepeatable: isRepeatable)
    }

    /// An option that takes a value.
    package static func option(
        _ names: String...,
        valueName: String,
        help: String,
        defaultValue: String? = nil,
        choices: [String] = [],
        isRepeatable: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            names: names, valueName: valueName, help: help,
            defaultValue: defaultValue, choices: choices, isRepeatable: isRepeatable
        )
    }

    /// The key under which `Invocation` stores this option (`--output-dir`).
    package var primaryName: String { names.first ?? "" }

    package var isFlag: Bool { valueName == nil }

    /// How errors and the usage line name the option: `--output-dir <dir>`, or `--check` for a flag.
    package func synopsis(as name: String? = nil) -> String {
        let name = name ?? primaryName
        guard let valueName else { return name }
        return "\(name) <\(valueName)>"
    }
}
