/// Turns install plans into text for people, a bash script, or JSON. All three read the same steps, and
/// commands are quoted by one function (`ShellQuote`), so what is shown is what runs.
public enum PlanFormatter {
    /// Numbered steps with their reason, commands as a person would type them (`$ helm ...`), manual steps
    /// as bullets; one section per site.
    public static func text(_ plans: [InstallPlan]) -> String {
        plans.map(text(of:)).joined(separator: "\n")
    }

    private static func text(of plan: InstallPlan) -> String {
        let heading = heading(plan)
        var lines = [heading, String(repeating: "=", count: heading.count)]
        lines.append("Kube context: " + (plan.kubeContext.map { "\($0) (--context)" } ?? "the current one"))
        lines.append("")
        if plan.variables.isEmpty {
            lines.append("Secrets: none needed; the files hold them (generated with --inline-secrets).")
        } else {
            lines.append("Secrets are never shown: the commands use these shell variables, which must be set:")
            for variable in plan.variables {
                let purpose = variable.keyPaths.joined(separator: ", ")
                switch variable.source {
                case .environment:
                    lines.append("  \(variable.name): \(purpose), from the environment")
                case .file(let path):
                    lines.append("  \(variable.name): \(purpose), read from \(path):")
                    lines.append("    $ " + readFileLine(variable.name, path))
                }
            }
        }
        for (index, step) in plan.steps.enumerated() {
            lines.append("")
            lines.append("\(index + 1). \(step.title)" + (step.isManual ? " (by hand)" : ""))
            lines.append("   Why: \(step.why)")
            if !step.needs.isEmpty {
                lines.append("   Needs: " + step.needs.joined(separator: ", ") + " (set and not empty)")
            }
            // A manual step is all instructions; a command step's manual part (signing in) comes after its commands.
            lines += step.commands.map { "   $ " + ShellQuote.line($0) }
            if !step.isManual, !step.instructions.isEmpty { lines.append("   Then, by hand:") }
            lines += step.instructions.map { "   - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Site NAME (profile P), files in DIR/`.
    static func heading(_ plan: InstallPlan) -> String {
        "Site \(plan.site) (profile \(plan.profile.rawValue)), files in \(plan.directory)/"
    }

    /// How a person loads a file secret into its variable.
    static func readFileLine(_ name: String, _ path: String) -> String {
        "\(name)=\"$(cat -- \(ShellQuote.quote(path)))\""
    }
}
