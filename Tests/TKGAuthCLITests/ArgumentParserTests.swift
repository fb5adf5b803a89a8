import Testing
import TKGAuthCLI

@Suite("Argument parsing")
struct ArgumentParserTests {
    @Test func subcommandWithArgumentAndDefaults() throws {
        let invocation = try #require(Fixture.run("generate site.yaml"))
        #expect(invocation.commandPath == ["generate"])
        #expect(invocation.arguments == ["site.yaml"])
        #expect(invocation.optionValues.isEmpty)
        #expect(invocation.value("--output-dir") == "out")
        #expect(invocation.values("--output-dir") == ["out"])
        #expect(!invocation.flag("--check"))
    }

    @Test func optionsAndArgumentsInAnyOrder() throws {
        let invocation = try #require(Fixture.run("generate --check a.yaml --output-dir build b.yaml --inline-secrets"))
        #expect(invocation.arguments == ["a.yaml", "b.yaml"])
        #expect(invocation.value("--output-dir") == "build")
        #expect(invocation.flags == ["--check", "--inline-secrets"])
        #expect(invocation.flag("--check"))
        #expect(invocation.flag("--inline-secrets"))
    }

    @Test(arguments: [
        "generate s.yaml --output-dir=build",
        "generate s.yaml --output-dir build",
        "generate s.yaml -o build",
        "generate s.yaml -o=build",
        "generate -o build s.yaml",
    ])
    func optionValueSpellings(line: String) throws {
        let invocation = try #require(Fixture.run(line))
        #expect(invocation.optionValues == ["--output-dir": ["build"]])
        #expect(invocation.arguments == ["s.yaml"])
    }

    @Test func valueMayContainEqualsSign() throws {
        let invocation = try #require(Fixture.run("generate s.yaml --output-dir=a=b"))
        #expect(invocation.value("--output-dir") == "a=b")
    }

    @Test func dashIsAValueAndAPositional() throws {
        let asValue = try #require(Fixture.run("generate s.yaml -o -"))
        #expect(asValue.value("--output-dir") == "-")
        #expect(asValue.arguments == ["s.yaml"])

        let asArgument = try #require(Fixture.run("generate - --check"))
        #expect(asArgument.arguments == ["-"])
        #expect(asArgument.flag("--check"))
    }

    @Test func doubleDashEndsOptions() throws {
        let invocation = try #require(Fixture.run("generate --check -- -x.yaml --output-dir --help --"))
        #expect(invocation.arguments == ["-x.yaml", "--output-dir", "--help", "--"])
        #expect(invocation.flags == ["--check"])
        #expect(invocation.optionValues.isEmpty)
    }

    @Test func repeatedOptionKeepsEveryValueInOrder() throws {
        let invocation = try #require(Fixture.run("validate --ignore a s.yaml --ignore=b --strict"))
        #expect(invocation.values("--ignore") == ["a", "b"])
        #expect(invocation.value("--ignore") == "b")
        #expect(invocation.flag("--strict"))
        #expect(try #require(Fixture.run("validate s.yaml")).values("--ignore") == [])
    }

    @Test func nestedSubcommands() throws {
        let cat = try #require(Fixture.run("templates cat keycloak"))
        #expect(cat.commandPath == ["templates", "cat"])
        #expect(cat.arguments == ["keycloak"])

        let list = try #require(Fixture.run("templates list"))
        #expect(list.commandPath == ["templates", "list"])
        #expect(list.arguments == [])
    }

    @Test func choiceAcceptedWithEitherSpelling() throws {
        #expect(try #require(Fixture.run("plan s.yaml --format json")).value("--format") == "json")
        #expect(try #require(Fixture.run("plan s.yaml -f shell")).value("--format") == "shell")
        #expect(try #require(Fixture.run("plan s.yaml")).value("--format") == "text")
        #expect(try #require(Fixture.run("plan s.yaml")).value("--max-documents") == nil)
    }

    @Test func invocationCarriesTheDeclaredOptions() throws {
        let invocation = try #require(Fixture.run("generate s.yaml"))
        #expect(invocation.options == Fixture.generate.options)
    }

    // MARK: help and version

    @Test(arguments: ["-h", "--help", "help", "help -h", "help help"])
    func rootHelp(line: String) {
        #expect(Fixture.parse(line) == .help(Fixture.helpText()))
    }

    @Test(arguments: [
        "generate -h",
        "generate --help",
        "generate a.yaml -o out --help",
        "help generate",
        "help generate --help",
    ])
    func subcommandHelp(line: String) {
        #expect(Fixture.parse(line) == .help(Fixture.helpText("generate")))
    }

    @Test(arguments: ["templates cat -h", "templates cat name --help", "help templates cat"])
    func nestedHelp(line: String) {
        #expect(Fixture.parse(line) == .help(Fixture.helpText("templates", "cat")))
    }

    @Test(arguments: ["templates -h", "templates --help cat", "help templates"])
    func groupHelp(line: String) {
        #expect(Fixture.parse(line) == .help(Fixture.helpText("templates")))
    }

    @Test func helpWinsOverAnErrorEarlierOnTheLine() {
        #expect(Fixture.parse("generate --outptu-dir x --help") == .help(Fixture.helpText("generate")))
        #expect(Fixture.parse("generate --output-dir -h") == .help(Fixture.helpText("generate")))
        #expect(Fixture.parse("genrate -h") == .help(Fixture.helpText()))
    }

    @Test func helpAfterDoubleDashIsAnArgument() throws {
        let invocation = try #require(Fixture.run("generate -- -h"))
        #expect(invocation.arguments == ["-h"])
        #expect(Fixture.usageError("generate --bogus -- --help")?.kind == .unknownOption)
    }

    @Test func helpAsAValueIsAValue() throws {
        #expect(try #require(Fixture.run("generate s.yaml --output-dir=-h")).value("--output-dir") == "-h")
    }

    @Test func versionAtTheRoot() {
        #expect(Fixture.parse("--version") == .version("1.2.3"))
        #expect(Fixture.usageError("generate s.yaml --version")?.kind == .unknownOption)
    }
}
