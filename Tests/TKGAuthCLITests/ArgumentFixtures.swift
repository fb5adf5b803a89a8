import TKGAuthCLI

/// A command table shaped like tkgauth's, fixed here so the tests do not move when the real one does.
enum Fixture {
    static let validate = CommandSpec(
        name: "validate",
        abstract: "Check site descriptions without writing anything.",
        arguments: [ArgumentSpec(name: "site", help: "Site description files.", isVariadic: true)],
        options: [
            .flag("--strict", help: "Treat warnings as errors."),
            .option("--ignore", valueName: "rule", help: "Skip a check.", isRepeatable: true),
        ]
    )

    static let generate = CommandSpec(
        name: "generate",
        abstract: "Write Helm values and Kubernetes objects.",
        arguments: [ArgumentSpec(name: "site", help: "Site description files.", isVariadic: true)],
        options: [
            .option("--output-dir", "-o", valueName: "dir", help: "Where to write; '-' means stdout.", defaultValue: "out"),
            .flag("--check", help: "Compare with the files on disk instead."),
            .flag("--inline-secrets", help: "Put secret values in the output."),
        ]
    )

    static let plan = CommandSpec(
        name: "plan",
        abstract: "Show what generate would change.",
        discussion: "Nothing is written.\nExit status 1 means there are changes.",
        arguments: [ArgumentSpec(name: "site", help: "Site description files.", isVariadic: true)],
        options: [
            .option("--format", "-f", valueName: "format", help: "Output format.", defaultValue: "text",
                    choices: ["text", "shell", "json"]),
            .option("--max-documents", valueName: "count", help: "Stop after this many."),
            .option("--kubeconfig-context", valueName: "context", help: "Cluster to compare with."),
        ]
    )

    static let templatesList = CommandSpec(name: "list", abstract: "List the built-in templates.")

    static let templatesCat = CommandSpec(
        name: "cat",
        abstract: "Print one built-in template.",
        arguments: [ArgumentSpec(name: "name", help: "The template's name.")]
    )

    static let templates = CommandSpec(
        name: "templates",
        abstract: "Inspect the built-in templates.",
        subcommands: [templatesList, templatesCat]
    )

    static let root = CommandSpec(
        name: "tkgauth",
        abstract: "Turn a site description into Helm values and Kubernetes objects.",
        subcommands: [validate, generate, plan, templates]
    )

    static let parser = ArgumentParser(root: root, version: "1.2.3")

    static func parse(_ line: String) -> ParseResult {
        parser.parse(line.split(separator: " ").map(String.init))
    }

    static func parse(_ args: [String]) -> ParseResult {
        parser.parse(args)
    }

    /// The invocation, or nil (the test then fails on the comparison that follows).
    static func run(_ line: String) -> Invocation? {
        if case .run(let invocation) = parse(line) { return invocation }
        return nil
    }

    static func usageError(_ line: String) -> UsageError? {
        if case .usageError(let error) = parse(line) { return error }
        return nil
    }

    /// The error as printed, or a description of what came back instead.
    static func rendered(_ line: String) -> String {
        switch parse(line) {
        case .usageError(let error): error.render(programName: "tkgauth")
        case let other: "not a usage error: \(other)"
        }
    }

    static func helpText(_ path: String...) -> String { helpText(path) }

    static func helpText(_ path: [String]) -> String {
        var command = root
        for name in path { command = command.subcommand(named: name)! }
        return HelpFormatter(programName: "tkgauth").help(for: command, path: path)
    }
}
