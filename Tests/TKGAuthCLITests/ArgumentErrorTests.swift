import Testing
import TKGAuthCLI

@Suite("Argument errors")
struct ArgumentErrorTests {
    @Test func unknownOptionRendersWithUsage() {
        #expect(Fixture.rendered("generate s.yaml --outptu-dir build") == """
            Error: Unknown option '--outptu-dir'. Did you mean '--output-dir'?
            Usage: tkgauth generate <site> ... [--output-dir <dir>] [--check] [--inline-secrets]
              See 'tkgauth generate --help' for more information.
            """)
    }

    @Test func unknownCommandRendersWithRootUsage() {
        #expect(Fixture.rendered("genrate s.yaml") == """
            Error: Unknown command 'genrate'. Did you mean 'generate'?
            Usage: tkgauth <subcommand>
              See 'tkgauth --help' for more information.
            """)
    }

    @Test func nestedErrorNamesTheNestedCommand() {
        #expect(Fixture.rendered("templates cat a b") == """
            Error: Unexpected argument 'b'
            Usage: tkgauth templates cat <name>
              See 'tkgauth templates cat --help' for more information.
            """)
        #expect(Fixture.rendered("templates lst") == """
            Error: Unknown command 'lst'. Did you mean 'list'?
            Usage: tkgauth templates <subcommand>
              See 'tkgauth templates --help' for more information.
            """)
    }

    @Test func messages() {
        let cases: [(line: String, kind: UsageError.Kind, message: String)] = [
            ("genrate", .unknownCommand, "Unknown command 'genrate'. Did you mean 'generate'?"),
            ("gen s.yaml", .unknownCommand, "Unknown command 'gen'. Did you mean 'generate'?"),
            ("hlp", .unknownCommand, "Unknown command 'hlp'. Did you mean 'help'?"),
            ("deploy", .unknownCommand, "Unknown command 'deploy'"),
            ("help genrate", .unknownCommand, "Unknown command 'genrate'. Did you mean 'generate'?"),
            ("help generate extra", .unexpectedArgument, "Unexpected argument 'extra'"),
            ("help --bogus", .unknownOption, "Unknown option '--bogus'"),
            ("generate s.yaml --outptu-dir x", .unknownOption,
             "Unknown option '--outptu-dir'. Did you mean '--output-dir'?"),
            ("generate s.yaml --outptu-dir=x", .unknownOption,
             "Unknown option '--outptu-dir'. Did you mean '--output-dir'?"),
            ("generate s.yaml -output-dir x", .unknownOption,
             "Unknown option '-output-dir'. Did you mean '--output-dir'?"),
            ("generate s.yaml --hlep", .unknownOption, "Unknown option '--hlep'. Did you mean '--help'?"),
            ("--verison", .unknownOption, "Unknown option '--verison'. Did you mean '--version'?"),
            ("generate s.yaml -x", .unknownOption, "Unknown option '-x'"),
            ("generate s.yaml --frobnicate", .unknownOption, "Unknown option '--frobnicate'"),
            ("generate s.yaml --output-dir", .missingValue, "Missing value for '--output-dir <dir>'"),
            ("generate s.yaml -o", .missingValue, "Missing value for '-o <dir>'"),
            ("generate s.yaml --output-dir --check", .missingValue, "Missing value for '--output-dir <dir>'"),
            ("generate s.yaml --output-dir=", .missingValue, "Missing value for '--output-dir <dir>'"),
            ("generate s.yaml --output-dir -- x", .missingValue, "Missing value for '--output-dir <dir>'"),
            ("plan s.yaml --format yml", .invalidValue,
             "The value 'yml' is invalid for '--format <format>'. Expected one of: text, shell, json"),
            ("plan s.yaml --format=jsn", .invalidValue,
             "The value 'jsn' is invalid for '--format <format>'. Expected one of: text, shell, json. Did you mean 'json'?"),
            ("plan s.yaml -f Text", .invalidValue,
             "The value 'Text' is invalid for '-f <format>'. Expected one of: text, shell, json. Did you mean 'text'?"),
            ("generate s.yaml --check=yes", .unexpectedValue,
             "The flag '--check' does not take a value, but 'yes' was given"),
            ("generate s.yaml --help=yes", .unexpectedValue,
             "The flag '--help' does not take a value, but 'yes' was given"),
            ("--version=2", .unexpectedValue, "The flag '--version' does not take a value, but '2' was given"),
            ("generate s.yaml -o a --output-dir b", .duplicateOption,
             "The option '--output-dir <dir>' was given more than once"),
            ("plan s.yaml --format json --format=text", .duplicateOption,
             "The option '--format <format>' was given more than once"),
            ("generate s.yaml --check --check", .duplicateOption, "The option '--check' was given more than once"),
            ("generate", .missingArgument, "Missing expected argument '<site> ...'"),
            ("generate --check", .missingArgument, "Missing expected argument '<site> ...'"),
            ("templates cat", .missingArgument, "Missing expected argument '<name>'"),
            ("templates cat a b", .unexpectedArgument, "Unexpected argument 'b'"),
            ("templates list x", .unexpectedArgument, "Unexpected argument 'x'"),
            ("templates -- list", .unexpectedArgument, "Unexpected argument 'list'"),
            ("", .missingSubcommand, "Missing subcommand"),
            ("templates", .missingSubcommand, "Missing subcommand"),
        ]
        for (line, kind, message) in cases {
            let error = Fixture.usageError(line)
            #expect(error?.kind == kind, "\(line)")
            #expect(error?.message == message, "\(line)")
        }
    }

    @Test func commandPathIsWhereTheErrorHappened() {
        #expect(Fixture.usageError("genrate")?.commandPath == [])
        #expect(Fixture.usageError("templates cat")?.commandPath == ["templates", "cat"])
        #expect(Fixture.usageError("help templates lst")?.commandPath == ["templates"])
    }

    @Test func missingSubcommandPrintsTheWholeHelp() {
        #expect(Fixture.rendered("") == "Error: Missing subcommand\n\n" + Fixture.helpText())
        #expect(Fixture.rendered("templates") == "Error: Missing subcommand\n\n" + Fixture.helpText("templates"))
    }

    @Test func renderUsesTheGivenProgramName() {
        let error = Fixture.usageError("templates cat")
        #expect(error?.render(programName: "tkg") == """
            Error: Missing expected argument '<name>'
            Usage: tkg templates cat <name>
              See 'tkg templates cat --help' for more information.
            """)
    }

    @Test func optionValuesAreNotCheckedAgainstOtherCommands() {
        // Parent options do not leak into subcommands, nor the reverse.
        #expect(Fixture.usageError("templates list --strict")?.kind == .unknownOption)
        #expect(Fixture.usageError("--output-dir x generate s.yaml")?.kind == .unknownOption)
    }
}
