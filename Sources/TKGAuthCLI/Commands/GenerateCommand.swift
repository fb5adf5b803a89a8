import TKGAuthKit

/// `tkgauth generate SITE... [--output-dir DIR] [--check] [--inline-secrets] [--templates DIR]`.
struct GenerateCommand {
    let console: Console

    func run(_ invocation: Invocation) -> ExitCode {
        let outputDir = invocation.value("--output-dir") ?? "."
        let toStdout = outputDir == "-"
        let inline = invocation.flag("--inline-secrets")
        let check = invocation.flag("--check")
        if toStdout && inline {
            return usage("'--output-dir -' cannot be combined with '--inline-secrets': secrets never go to stdout")
        }
        if toStdout && check {
            return usage("'--check' compares files on disk; it cannot be combined with '--output-dir -'")
        }

        let sites: [Site]
        switch SiteInputs(console: console).load(invocation.arguments, strict: invocation.flag("--strict")) {
        case .failure(let failure): return failure.code
        case .success(let loaded): sites = loaded
        }
        var overrides: [String: TemplateText] = [:]
        if let dir = invocation.value("--templates") {
            switch TemplateDirectory(console: console).read(dir) {
            case .failure(let failure): return failure.code
            case .success(let found): overrides = found
            }
        }

        let result = Generator.generate(sites, options: GenerationOptions(inlineSecrets: inline,
                                                                          templateOverrides: overrides))
        console.report(result.diagnostics)
        if result.hasErrors { return .dataError }

        if toStdout {
            console.out(StdoutStream.render(result.files))
            return .ok
        }
        let layout = OutputLayout(outputDir: outputDir, sites: sites.map(\.name), files: result.files)
        if check {
            return DriftCheck(console: console).run(layout)
        }
        return OutputWriter(console: console).write(layout)
    }

    private func usage(_ message: String) -> ExitCode {
        let usage = HelpFormatter(programName: CommandTable.root.name).usage(for: CommandTable.generate,
                                                                             path: ["generate"])
        console.err("Error: \(message)\nUsage: \(usage)\n  See 'tkgauth generate --help' for more information.\n")
        return .usage
    }
}
