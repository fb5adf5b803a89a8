import TKGAuthKit

/// The command line: parses the arguments, runs one command, and returns the exit status.
public enum CLI {
    public static func run(_ arguments: [String]) -> Int32 {
        let status = runCommand(arguments)
        if Console.outputFailed, status == ExitCode.ok.rawValue || status == ExitCode.findings.rawValue {
            Console.standard.fail("cannot write to stdout: the output is incomplete")
            return ExitCode.ioError.rawValue
        }
        return status
    }

    private static func runCommand(_ arguments: [String]) -> Int32 {
        let console = Console.standard
        let parser = ArgumentParser(root: CommandTable.root, version: CommandTable.version)
        switch parser.parse(arguments) {
        case .help(let text):
            console.out(text + "\n")
            return ExitCode.ok.rawValue
        case .version(let text):
            console.out(text + "\n")
            return ExitCode.ok.rawValue
        case .usageError(let error):
            console.err(error.render(programName: CommandTable.root.name) + "\n")
            return ExitCode.usage.rawValue
        case .run(let invocation):
            return dispatch(invocation, console: console).rawValue
        }
    }

    private static func dispatch(_ invocation: Invocation, console: Console) -> ExitCode {
        switch invocation.commandPath.first {
        case "validate": return ValidateCommand(console: console).run(invocation)
        case "generate": return GenerateCommand(console: console).run(invocation)
        case "plan": return ShowPlanCommand(console: console).run(invocation)
        case "templates": return TemplatesCommand(console: console).run(invocation)
        default: return .usage
        }
    }
}
