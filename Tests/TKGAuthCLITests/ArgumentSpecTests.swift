import Testing
import TKGAuthCLI

@Suite("Command table checks")
struct ArgumentSpecTests {
    @Test func fixtureIsSound() {
        #expect(Fixture.root.definitionProblems() == [])
    }

    @Test func mistakesAreReported() {
        let broken = CommandSpec(
            name: "tool",
            abstract: "",
            options: [
                .flag("-q", help: ""),
                .flag("--help", help: ""),
                .option("--out", valueName: "x", help: ""),
                .flag("--out", help: ""),
                .option("--format", valueName: "f", help: "", defaultValue: "yaml", choices: ["json"]),
                OptionSpec(names: ["--loud"], help: "", defaultValue: "yes"),
            ],
            subcommands: [
                CommandSpec(
                    name: "run",
                    abstract: "",
                    arguments: [
                        ArgumentSpec(name: "files", help: "", isVariadic: true),
                        ArgumentSpec(name: "extra", help: "", isOptional: true),
                        ArgumentSpec(name: "last", help: ""),
                    ]
                ),
                CommandSpec(name: "run", abstract: ""),
                CommandSpec(name: "help", abstract: ""),
            ]
        )
        #expect(broken.definitionProblems() == [
            "'tool': option '-q' must have a long name (--x) first",
            "'tool': '--help' is handled by the parser and must not be declared",
            "'tool': '--out' is declared twice",
            "'tool': the default 'yaml' of '--format' is not one of its choices",
            "'tool': flag '--loud' cannot have a default or choices",
            "'tool run': only the last argument may be variadic ('<files>' is not last)",
            "'tool run': required argument '<last>' follows an optional one",
            "'tool': subcommand 'run' is declared twice",
            "'tool': 'help' is handled by the parser and must not be declared",
        ])
    }
}
