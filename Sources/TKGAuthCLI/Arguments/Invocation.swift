/// What a successful parse asks the program to run.
package struct Invocation: Sendable, Hashable {
    /// The subcommands chosen, without the program name (`["templates", "cat"]`).
    package var commandPath: [String]
    /// Values given on the command line, keyed by primary long name, in the order given.
    package var optionValues: [String: [String]]
    /// Flags given, by primary long name.
    package var flags: Set<String>
    /// Positional arguments, in order (after `--` too).
    package var arguments: [String]
    /// The options declared along the command path: the source of defaults.
    package var options: [OptionSpec]

    package init(
        commandPath: [String],
        optionValues: [String: [String]] = [:],
        flags: Set<String> = [],
        arguments: [String] = [],
        options: [OptionSpec] = []
    ) {
        self.commandPath = commandPath
        self.optionValues = optionValues
        self.flags = flags
        self.arguments = arguments
        self.options = options
    }

    /// The last value given for `long` (e.g. `"--output-dir"`), else its declared default.
    package func value(_ long: String) -> String? {
        optionValues[long]?.last ?? spec(long)?.defaultValue
    }

    /// Every value given for `long`, in order; the default alone when none was given.
    package func values(_ long: String) -> [String] {
        if let given = optionValues[long] { return given }
        return spec(long)?.defaultValue.map { [$0] } ?? []
    }

    /// Whether the flag `long` (e.g. `"--check"`) was given.
    package func flag(_ long: String) -> Bool {
        _ = spec(long)
        return flags.contains(long)
    }

    /// The declaration of `long`; a lookup of an undeclared name is a typo in our code, so it asserts
    /// (unless no options were recorded at all, as in an invocation built by hand in a test).
    private func spec(_ long: String) -> OptionSpec? {
        let found = options.first { $0.primaryName == long }
        assert(
            found != nil || options.isEmpty,
            "'\(long)' is not an option of '\(commandPath.joined(separator: " "))'"
        )
        return found
    }
}
