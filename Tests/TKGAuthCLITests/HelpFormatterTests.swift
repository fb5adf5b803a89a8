import Testing
import TKGAuthCLI

@Suite("Help text")
struct HelpFormatterTests {
    @Test func rootHelp() {
        #expect(Fixture.helpText() == """
            OVERVIEW: Turn a site description into Helm values and Kubernetes objects.

            USAGE: tkgauth <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              validate                Check site descriptions without writing anything.
              generate                Write Helm values and Kubernetes objects.
              plan                    Show what generate would change.
              templates               Inspect the built-in templates.
              help                    Show subcommand help information.

              See 'tkgauth help <subcommand>' for detailed help.
            """)
    }

    @Test func leafHelp() {
        #expect(Fixture.helpText("generate") == """
            OVERVIEW: Write Helm values and Kubernetes objects.

            USAGE: tkgauth generate <site> ... [--output-dir <dir>] [--check] [--inline-secrets]

            ARGUMENTS:
              <site>                  Site description files.

            OPTIONS:
              -o, --output-dir <dir>  Where to write; '-' means stdout. (default: out)
              --check                 Compare with the files on disk instead.
              --inline-secrets        Put secret values in the output.
              -h, --help              Show help information.
            """)
    }

    @Test func discussionChoicesAndLongLabels() {
        // A 23-character label still fits before column 26; a longer one moves its help down a line.
        #expect(Fixture.helpText("plan") == """
            OVERVIEW: Show what generate would change.

            Nothing is written.
            Exit status 1 means there are changes.

            USAGE: tkgauth plan <site> ... [--format <format>] [--max-documents <count>] [--kubeconfig-context <context>]

            ARGUMENTS:
              <site>                  Site description files.

            OPTIONS:
              -f, --format <format>   Output format. (values: text, shell, json; default: text)
              --max-documents <count> Stop after this many.
              --kubeconfig-context <context>
                                      Cluster to compare with.
              -h, --help              Show help information.
            """)
    }

    @Test func repeatableOption() {
        #expect(Fixture.helpText("validate") == """
            OVERVIEW: Check site descriptions without writing anything.

            USAGE: tkgauth validate <site> ... [--strict] [--ignore <rule> ...]

            ARGUMENTS:
              <site>                  Site description files.

            OPTIONS:
              --strict                Treat warnings as errors.
              --ignore <rule> ...     Skip a check.
              -h, --help              Show help information.
            """)
    }

    @Test func nestedGroupAndLeaf() {
        #expect(Fixture.helpText("templates") == """
            OVERVIEW: Inspect the built-in templates.

            USAGE: tkgauth templates <subcommand>

            OPTIONS:
              -h, --help              Show help information.

            SUBCOMMANDS:
              list                    List the built-in templates.
              cat                     Print one built-in template.

              See 'tkgauth help templates <subcommand>' for detailed help.
            """)
        #expect(Fixture.helpText("templates", "cat") == """
            OVERVIEW: Print one built-in template.

            USAGE: tkgauth templates cat <name>

            ARGUMENTS:
              <name>                  The template's name.

            OPTIONS:
              -h, --help              Show help information.
            """)
    }

    @Test func optionalArgumentsChoicesWithoutDefaultAndMultiLineHelp() {
        let command = CommandSpec(
            name: "show",
            abstract: "",
            arguments: [
                ArgumentSpec(name: "name", help: "", isOptional: true),
                ArgumentSpec(name: "file", help: "First line.\n\nThird line.", isVariadic: true, isOptional: true),
            ],
            options: [
                .option("--mode", valueName: "mode", help: "How.", choices: ["a", "b"]),
                .option("--level", valueName: "n", help: "", defaultValue: "3"),
                .option("--group-options-wide", "-g", valueName: "x", help: "Wide\nlabel."),
            ]
        )
        let text = HelpFormatter(programName: "tkgauth").help(for: command, path: ["show"])
        #expect(text == """
            USAGE: tkgauth show [<name>] [<file> ...] [--mode <mode>] [--level <n>] [--group-options-wide <x>]

            ARGUMENTS:
              <name>
              <file>                  First line.

                                      Third line.

            OPTIONS:
              --mode <mode>           How. (values: a, b)
              --level <n>             (default: 3)
              -g, --group-options-wide <x>
                                      Wide
                                      label.
              -h, --help              Show help information.
            """)
    }

    @Test func helpTextStartsAtColumn26() {
        for path in [[], ["generate"], ["plan"], ["validate"], ["templates"], ["templates", "cat"]] {
            for line in Fixture.helpText(path).split(separator: "\n") where line.hasPrefix("  ") {
                let characters = Array(line)
                guard characters.count > 26, !line.hasPrefix("  See ") else { continue }
                if characters[25] == " " {
                    #expect(characters[26] != " ", "\(line)")
                } else {
                    // A label too long for the column: its help is on the next line, not after it.
                    #expect(!line.dropFirst(2).contains("  "), "\(line)")
                }
            }
        }
    }

    @Test func deterministic() {
        #expect(Fixture.helpText("plan") == Fixture.helpText("plan"))
    }
}
