import TKGAuthKit

/// `tkgauth plan SITE... [--format text|shell|json] [--output-dir DIR] [--context NAME] [--inline-secrets]`.
struct ShowPlanCommand {
    let console: Console

    func run(_ invocation: Invocation) -> ExitCode {
        let sites: [Site]
        switch SiteInputs(console: console).load(invocation.arguments, strict: invocation.flag("--strict")) {
        case .failure(let failure): return failure.code
        case .success(let loaded): sites = loaded
        }
        let inline = invocation.flag("--inline-secrets")
        // The same mode-dependent checks as generate: a plan for files that cannot be generated is no plan.
        let problems = Generator.check(sites, inlineSecrets: inline)
        console.report(problems)
        if problems.hasErrors { return .dataError }

        let outputDir = invocation.value("--output-dir") ?? "."
        if outputDir == "-" {
            console.err("Error: the plan needs the folder the files were written to, not '-'\n"
                        + "  See 'tkgauth plan --help' for more information.\n")
            return .usage
        }
        let options = PlanOptions(outputDir: outputDir, kubeContext: invocation.value("--context"),
                                  inlineSecrets: inline)
        let plans = sites.map { PlanBuilder.build(site: $0, options: options) }
        switch invocation.value("--format") ?? "text" {
        case "shell": console.out(PlanFormatter.shell(plans))
        case "json": console.out(PlanFormatter.json(plans))
        default: console.out(PlanFormatter.text(plans))
        }
        return .ok
    }
}
