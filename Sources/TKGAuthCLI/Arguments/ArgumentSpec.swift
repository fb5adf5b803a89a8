/// One positional argument of a command, as declared in its `CommandSpec`.
package struct ArgumentSpec: Sendable, Hashable {
    /// Shown as `<site>`.
    package var name: String
    package var help: String
    /// Takes every remaining positional; only the last argument may be variadic.
    package var isVariadic: Bool
    /// May be left out; a variadic optional argument accepts zero values.
    package var isOptional: Bool

    package init(name: String, help: String, isVariadic: Bool = false, isOptional: Bool = false) {
        self.name = name
        self.help = help
        self.isVariadic = isVariadic
        self.isOptional = isOptional
    }

    /// How the usage line and errors show it: `<site>`, `<site> ...`, `[<name>]`, `[<name> ...]`.
    package var synopsis: String {
        let core = isVariadic ? "<\(name)> ..." : "<\(name)>"
        return isOptional ? "[\(core)]" : core
    }
}
