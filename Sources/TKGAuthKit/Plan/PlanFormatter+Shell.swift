extension PlanFormatter {
    /// A bash script that runs the plans in order. Before the first change it checks every program, every
    /// generated file and every secret variable, and stops with a message on stderr naming what is missing.
    /// Secret values never appear: commands expand variables in double quotes. Every step is idempotent, so
    /// the script can be run again after a failure or a change.
    public static func shell(_ plans: [InstallPlan]) -> String {
        var lines = [
            "#!/usr/bin/env bash",
            "# Install plan written by 'tkgauth plan' for: "
                + comment(plans.map { "\($0.site) (\($0.profile.rawValue))" }.joined(separator: ", ")) + ".",
            "# Run it from the folder the file paths below are relative to. It holds no secret: the commands",
            "# refer to shell variables, checked before anything changes. Running it again is safe.",
            "set -euo pipefail",
            "",
            shellFunctions,
            "",
            "# Preflight: programs, generated files and secrets, before the first change.",
        ]
        lines += preflight(plans)
        for plan in plans {
            lines += siteSection(plan)
        }
        lines.append("")
        lines.append("tkgauth_step " + ShellQuote.quote("Done: " + plans.map(\.site).joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func preflight(_ plans: [InstallPlan]) -> [String] {
        var lines: [String] = []
        var programs: [String] = []
        for program in plans.flatMap(\.programs) where !programs.contains(program) { programs.append(program) }
        if plans.contains(where: { $0.variables.contains { $0.isFile } }) { programs.append("cat") }
        lines += programs.map { "tkgauth_need_program " + ShellQuote.quote($0) }
        lines += plans.flatMap(\.files).map { "tkgauth_need_file " + ShellQuote.quote($0) }
        // Sites may share an environment variable: check it once, and for helm --set-string once more if
        // any site passes it that way.
        var checkedSet: Set<String> = []
        var checkedSetString: Set<String> = []
        for plan in plans {
            for variable in plan.variables {
                let purpose = ShellQuote.quote(variable.purpose(site: plan.site))
                switch variable.source {
                case .environment:
                    if checkedSet.insert(variable.name).inserted {
                        lines.append("tkgauth_need_variable \(variable.name) \(purpose)")
                    }
                    if variable.passedToHelmSetString, checkedSetString.insert(variable.name).inserted {
                        lines.append("tkgauth_need_set_string_safe \(variable.name) \(purpose)")
                    }
                case .file(let path):
                    // Another site may read another file into the same name, so only probe it here; the
                    // site's own section loads it.
                    lines.append("tkgauth_read_secret_file tkgauth_probe \(ShellQuote.quote(path)) \(purpose)")
                    if variable.passedToHelmSetString {
                        lines.append("tkgauth_need_set_string_safe tkgauth_probe \(purpose)")
                    }
                }
            }
        }
        if plans.contains(where: { $0.variables.contains { $0.isFile } }) { lines.append("tkgauth_probe=''") }
        return lines
    }

    private static func siteSection(_ plan: InstallPlan) -> [String] {
        var lines = ["", "# " + String(repeating: "=", count: 76), "# " + comment(heading(plan))]
        for variable in plan.variables {
            if case .file(let path) = variable.source {
                lines.append("tkgauth_read_secret_file \(variable.name) \(ShellQuote.quote(path)) "
                             + ShellQuote.quote(variable.purpose(site: plan.site)))
            }
        }
        for (index, step) in plan.steps.enumerated() {
            let title = "\(plan.site) \(index + 1)/\(plan.steps.count): \(step.title)"
                + (step.isManual ? " (by hand)" : "")
            lines.append("")
            lines.append("# " + comment(title))
            lines.append("# Why: " + comment(step.why))
            lines += step.instructions.map { "#  - " + comment($0) }
            lines.append("tkgauth_step " + ShellQuote.quote(title))
            for command in step.commands {
                let line = ShellQuote.line(command)
                lines.append("tkgauth_show " + ShellQuote.quote(line))
                lines.append(line)
            }
            if !step.instructions.isEmpty {
                // A reminder only: the script cannot do these, and must not wait for a person.
                let lead = step.isManual ? "Done by hand, before this script ran:" : "Now, by hand:"
                lines.append("printf '  %s\\n' \\")
                let words = ([lead] + step.instructions.map { "- " + $0 }).map(ShellQuote.quote)
                lines += words.enumerated().map { "  " + $0.element + ($0.offset == words.count - 1 ? "" : " \\") }
            }
        }
        return lines
    }

    /// One comment line, whatever the text holds.
    private static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    private static let shellFunctions = #"""
        tkgauth_fail() {
          printf 'tkgauth plan: %s\n' "$*" >&2
          exit 1
        }
        # PROGRAM: must be on PATH.
        tkgauth_need_program() {
          command -v -- "$1" >/dev/null 2>&1 || tkgauth_fail "$1 is not installed (not found on PATH)"
        }
        # FILE: a generated file the commands read.
        tkgauth_need_file() {
          [ -r "$1" ] || tkgauth_fail "cannot read $1: run 'tkgauth generate' first, with the same output folder"
        }
        # NAME PURPOSE: the variable must be set and not empty.
        tkgauth_need_variable() {
          [ -n "${!1:-}" ] || tkgauth_fail "$1 is not set or is empty; it must hold $2"
        }
        # NAME FILE PURPOSE: NAME becomes the file's content, one trailing newline (\n or \r\n) trimmed, as tkgauth
        # reads it; it must not be empty.
        tkgauth_read_secret_file() {
          local tkgauth_value
          [ -r "$2" ] || tkgauth_fail "cannot read $2, which must hold $3"
          tkgauth_value="$(cat -- "$2" && printf x)" || tkgauth_fail "cannot read $2, which must hold $3"
          tkgauth_value="${tkgauth_value%x}"
          case "$tkgauth_value" in
            *$'\r\n') tkgauth_value="${tkgauth_value%$'\r\n'}" ;;
            *$'\n') tkgauth_value="${tkgauth_value%$'\n'}" ;;
          esac
          [ -n "$tkgauth_value" ] || tkgauth_fail "$2 is empty; it must hold $3"
          printf -v "$1" '%s' "$tkgauth_value"
        }
        # NAME PURPOSE: helm --set-string splits on ',', unescapes '\' and reads a leading '{' as a list.
        tkgauth_need_set_string_safe() {
          case "${!1}" in
            *,* | *\\* | \{*)
              tkgauth_fail "$2 contains ',' or '\\' or starts with '{', which helm --set-string cannot pass unchanged" ;;
          esac
        }
        # TITLE
        tkgauth_step() {
          printf '\n==> %s\n' "$1"
        }
        # COMMAND: shown as written, so secrets appear as variable names, never as values.
        tkgauth_show() {
          printf '+ %s\n' "$1"
        }
        """#
}

extension PlanVariable {
    var isFile: Bool {
        if case .file = source { return true }
        return false
    }
}
