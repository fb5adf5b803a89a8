import Foundation
import Testing
@testable import TKGAuthKit

@Suite("Plan formatters")
struct PlanFormatterTests {
    typealias F = PlanFixtures

    @Test func textListsNumberedStepsWithCommands() {
        let plan = PlanBuilder.build(site: F.whiteharbor(), options: PlanOptions())
        let text = PlanFormatter.text([plan])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Site whiteharbor (profile tkg-1.3), files in whiteharbor/")
        let numbered = lines.filter { $0.first?.isNumber == true }
        #expect(numbered == [
            "1. Register Dex as a web app in Okta (by hand)", "2. Check the tools, the cluster and the secrets",
            "3. Create or update the Kubernetes Secrets", "4. Install Dex", "5. Create the Pinniped JWTAuthenticator",
            "6. Install Kubeapps", "7. Bind the Okta groups to their roles", "8. Check sign-in and access",
        ])
        #expect(lines.filter { $0.hasPrefix("   Why: ") }.count == 8)
        #expect(lines.contains("   - Sign-in redirect URI: https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life/callback "
                               + "(exactly; no sign-out redirect URI is needed)."))
        #expect(lines.contains("   $ helm upgrade --install dex dex/dex --version 0.3.2 --namespace dex --create-namespace "
                               + "--values whiteharbor/dex-values.yaml --wait --timeout 10m"))
        #expect(lines.contains("   $ kubectl create namespace dex --dry-run=client -o yaml | kubectl apply -f -"))
        #expect(lines.contains { $0.contains(#"--from-literal=OKTA_CLIENT_SECRET="${OKTA_CLIENT_SECRET}""#) })
        #expect(lines.contains { $0.contains(#"--set-string authProxy.cookieSecret="${KUBEAPPS_COOKIE_SECRET}""#) })
        #expect(lines.contains("  OKTA_CLIENT_SECRET: okta.clientSecret, from the environment"))
        // The sign-in reminder follows the access checks.
        let check = lines.firstIndex { $0.hasPrefix("   $ kubectl auth can-i") } ?? Int.max
        let signIn = lines.firstIndex { $0.hasPrefix("   - Open https://kubeapps.") } ?? -1
        #expect(check < signIn)
    }

    @Test func textNamesEachSiteAndHowFileSecretsAreRead() {
        let plans = [F.whiteharbor(), F.harbor2()].map { PlanBuilder.build(site: $0, options: PlanOptions(outputDir: "out")) }
        let text = PlanFormatter.text(plans)
        let first = text.range(of: "Site whiteharbor (profile tkg-1.3), files in out/whiteharbor/")
        let second = text.range(of: "Site harbor2 (profile current), files in out/harbor2/")
        #expect(first != nil && second != nil)
        if let first, let second { #expect(first.lowerBound < second.lowerBound) }
        #expect(text.contains(#"    $ TKGAUTH_OKTA_CLIENT_SECRET="$(cat -- sites/secrets/okta)""#))
        let inline = PlanFormatter.text([PlanBuilder.build(site: F.harbor2(), options: PlanOptions(inlineSecrets: true))])
        #expect(inline.contains("Secrets: none needed"))
        #expect(!inline.contains("${"))
    }

    @Test func noSecretValueInAnyOutput() {
        for (label, plans) in F.allPlans {
            for (format, output) in [("text", PlanFormatter.text(plans)), ("shell", PlanFormatter.shell(plans)),
                                     ("json", PlanFormatter.json(plans))] {
                #expect(!output.contains("s3cr3t"), "\(format) of \(label)")
                #expect(!output.contains("VALUE-"), "\(format) of \(label)")
            }
        }
    }

    @Test func everyShellPlanParses() throws {
        for (label, plans) in F.allPlans {
            let result = try ScriptRun.syntaxCheck(PlanFormatter.shell(plans))
            #expect(result.status == 0, "\(label): \(result.stderr)")
        }
    }

    @Test func shellChecksEverythingBeforeTheFirstChange() throws {
        let plan = PlanBuilder.build(site: F.harbor2(), options: PlanOptions())
        let script = PlanFormatter.shell([plan])
        #expect(script.hasPrefix("#!/usr/bin/env bash\n"))
        let lines = script.split(separator: "\n").map(String.init)
        let strict = try #require(lines.firstIndex(of: "set -euo pipefail"))
        let firstCommand = try #require(lines.firstIndex { $0.hasPrefix("helm ") || $0.hasPrefix("kubectl ") })
        for check in ["tkgauth_need_program helm", "tkgauth_need_program kubectl", "tkgauth_need_program curl",
                      "tkgauth_need_file harbor2/dex-values.yaml",
                      "tkgauth_need_variable KUBEAPPS_CLIENT_SECRET 'kubeapps.clientSecret of site harbor2'",
                      "tkgauth_read_secret_file tkgauth_probe sites/secrets/okta 'okta.clientSecret of site harbor2'"] {
            let index = try #require(lines.firstIndex(of: check), "\(check)")
            #expect(strict < index && index < firstCommand, "\(check)")
        }
        // The file secret is loaded at the start of the site's section, still before any command.
        let load = try #require(lines.firstIndex {
            $0.hasPrefix("tkgauth_read_secret_file TKGAUTH_KUBEAPPS_COOKIE_SECRET sites/secrets/cookie ")
        })
        #expect(load < firstCommand)
        // Manual steps are comments and a printed reminder, never commands.
        #expect(lines.contains { $0.hasPrefix("#  - In the Okta admin console") })
        #expect(lines.contains("  'Done by hand, before this script ran:' \\"))
        #expect(!script.contains("set -x"))
    }

    @Test func sharedVariableIsCheckedForEveryUse() {
        // The first site passes the variable to kubectl only, the second also to helm --set-string.
        let current = PlanBuilder.build(site: F.harbor2(kubeappsClient: F.secret(.env("SHARED"))), options: PlanOptions())
        let tkg13 = PlanBuilder.build(site: F.whiteharbor(kubeappsClient: F.secret(.env("SHARED"))), options: PlanOptions())
        let lines = PlanFormatter.shell([current, tkg13]).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("tkgauth_need_variable SHARED ") }.count == 1)
        #expect(lines.contains("tkgauth_need_set_string_safe SHARED 'kubeapps.clientSecret of site whiteharbor'"))
    }

    @Test func everyChangeIsIdempotent() {
        for site in [F.whiteharbor(), F.harbor2()] {
            let plan = PlanBuilder.build(site: site, options: PlanOptions())
            for command in plan.steps.flatMap(\.commands) {
                let stages = command.stages.map { F.expand($0, [:]) }
                for (index, argv) in stages.enumerated() {
                    if argv.starts(with: ["kubectl", "create"]) {
                        #expect(argv.contains("--dry-run=client"), "\(argv)")
                        #expect(stages.indices.contains(index + 1) && stages[index + 1] == ["kubectl", "apply", "-f", "-"])
                    }
                    if argv.starts(with: ["helm", "install"]) { Issue.record("plain helm install: \(argv)") }
                    if argv.starts(with: ["helm", "repo", "add"]) { #expect(argv.last == "--force-update") }
                    if argv.starts(with: ["helm", "upgrade"]) { #expect(argv[2] == "--install") }
                }
            }
        }
    }

    @Test func jsonParsesWithFixedFields() throws {
        let plans = [PlanBuilder.build(site: F.whiteharbor(), options: PlanOptions()),
                     PlanBuilder.build(site: F.hostile(), options: F.hostileOptions)]
        let json = PlanFormatter.json(plans)
        #expect(json == PlanFormatter.json(plans))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["variableSyntax"] as? String == PlanFormatter.jsonVariableSyntax)
        let parsed = try #require(root["plans"] as? [[String: Any]])
        #expect(parsed.map { $0["site"] as? String } == ["whiteharbor", "harbor2"])
        #expect(parsed.map { $0["profile"] as? String } == ["tkg-1.3", "current"])
        #expect(parsed[1]["kubeContext"] as? String == F.hostileOptions.kubeContext)
        #expect(parsed[0]["kubeContext"] is NSNull)

        let steps = try #require(parsed[0]["steps"] as? [[String: Any]])
        #expect(steps.map { $0["id"] as? String } == ["okta", "prerequisites", "secrets", "dex", "pinniped", "kubeapps",
                                                      "rbac", "verify"])
        for step in steps {
            for key in ["id", "title", "why", "manual", "needs", "instructions", "commands"] {
                #expect(step[key] != nil, "\(key)")
            }
        }
        #expect(steps[0]["manual"] as? Bool == true)
        let secrets = try #require(steps[2]["commands"] as? [[String: Any]])
        let pipeline = try #require(secrets[1]["pipeline"] as? [[String]])
        #expect(pipeline[0].contains("--from-literal=OKTA_CLIENT_SECRET=${OKTA_CLIENT_SECRET}"))
        #expect(pipeline[1] == ["kubectl", "apply", "-f", "-"])
        let prerequisites = try #require(steps[1]["commands"] as? [[String: Any]])
        #expect(prerequisites[0]["argv"] as? [String] == ["helm", "version", "--short"])

        // A literal '$' is doubled, so it cannot be read as a variable; other characters survive exactly.
        let hostile = try #require(parsed[1]["steps"] as? [[String: Any]])
        let verify = try #require(hostile.last?["commands"] as? [[String: Any]])
        let argvs = verify.compactMap { $0["argv"] as? [String] }
        #expect(argvs[1].contains("--as-group=ops: #1 'x' $$(rm)"))
        #expect(argvs[0].contains(#"--as-group=Platform "Admins" \ `id`"#))
        #expect(argvs.last?.contains("--as-group=tab\there\nnewline Équipe ünï") == true)
        #expect(argvs[0][2] == "ctx 'x' $$(rm -rf /) \"q\"")
        let variables = try #require(parsed[1]["variables"] as? [[String: Any]])
        #expect(variables.map { $0["name"] as? String } == ["TKGAUTH_OKTA_CLIENT_SECRET", "KUBEAPPS_CLIENT_SECRET",
                                                            "TKGAUTH_KUBEAPPS_COOKIE_SECRET"])
        #expect(variables[0]["from"] as? [String: String] == ["file": "sites/secrets/okta",
                                                             "trim": "one trailing \\n or \\r\\n"])
        #expect(variables[1]["from"] as? [String: String] == ["env": "KUBEAPPS_CLIENT_SECRET"])
    }

    @Test func jsonStringEscaping() {
        #expect(PlanJSONValue.quoted("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(PlanJSONValue.quoted("\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}") == #""\n\r\t\b\f\u0001\u001f\u007f""#)
        #expect(PlanJSONValue.quoted("Équipe → ü 😀") == "\"Équipe → ü 😀\"")
        #expect(PlanFormatter.jsonArgument(.variable(name: "X", prefix: "a$b=")) == "a$$b=${X}")
        #expect(PlanFormatter.jsonArgument(.literal("${HOME}$")) == "$${HOME}$$")
    }
}

@Suite("Shell quoting")
struct PlanShellQuoteTests {
    @Test func bareOnlyWhenSafe() {
        #expect(ShellQuote.quote("kubeapps-values.yaml") == "kubeapps-values.yaml")
        #expect(ShellQuote.quote("--as-group=a,b:c@d%e+f/g.h_i-J0") == "--as-group=a,b:c@d%e+f/g.h_i-J0")
        #expect(ShellQuote.quote("") == "''")
        #expect(ShellQuote.quote("a b") == "'a b'")
        #expect(ShellQuote.quote("it's") == #"'it'\''s'"#)
        #expect(ShellQuote.quote("$HOME") == "'$HOME'")
        #expect(ShellQuote.quote("~") == "'~'")
        #expect(ShellQuote.quote("é") == "'é'")
        #expect(ShellQuote.word(.variable(name: "V", prefix: "k=")) == #"k="${V}""#)
        #expect(ShellQuote.word(.variable(name: "V", prefix: "a b=")) == #"'a b='"${V}""#)
        #expect(ShellQuote.word(.variable(name: "V", prefix: "")) == #""${V}""#)
    }

    @Test func bashReadsBackExactlyWhatWasQuoted() throws {
        let samples = ["plain", "", "a b", "it's", "'", "''", "\"", "\\", "$(rm -rf /)", "`id`", "a\nb", "tab\t",
                       "*", "?", "[x]", "#c", "!x", "~user", "ops: #1 'x' $(rm)", "Équipe ünï", "-n", "a;b&c|d>e<f"]
        let words = samples.map(ShellQuote.quote).joined(separator: " ")
        let script = "printf '%s\\037' \(words)\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tkgauth-quote-\(UUID().uuidString).sh")
        defer { try? FileManager.default.removeItem(at: url) }
        try script.write(to: url, atomically: true, encoding: .utf8)
        let out = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [url.path]
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(separator: "\u{1F}", omittingEmptySubsequences: false)
        #expect(fields.dropLast().map(String.init) == samples)
    }

    @Test func variableNames() {
        #expect(ShellQuote.isVariableName("OKTA_CLIENT_SECRET"))
        #expect(ShellQuote.isVariableName("_x1"))
        #expect(!ShellQuote.isVariableName("1X"))
        #expect(!ShellQuote.isVariableName("A-B"))
        #expect(!ShellQuote.isVariableName(""))
    }
}
