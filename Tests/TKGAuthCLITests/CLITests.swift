import Foundation
import Testing

/// The built binary, run as a user or a pipeline would: help, errors, exit codes, files written.
@Suite struct CLITests {
    let dir: URL

    init() throws {
        dir = try BinaryRunner.workspace()
    }

    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> BinaryRunner.Outcome {
        try BinaryRunner.run(arguments, in: dir, environment: environment)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func read(_ path: String) -> String? {
        try? String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(path).path)
        return (attributes[.posixPermissions] as? Int) ?? -1
    }

    static let secrets = [
        "WHITEHARBOR_OKTA_CLIENT_SECRET": "okta-VALUE-1", "WHITEHARBOR_KUBEAPPS_CLIENT_SECRET": "kubeapps-VALUE-2",
        "WHITEHARBOR_KUBEAPPS_COOKIE_SECRET": "0123456789abcdef",
    ]

    // MARK: - Help, version, usage errors

    @Test func helpAndVersion() throws {
        let help = try run("--help")
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: "))
        #expect(help.stdout.contains("SUBCOMMANDS:\n  validate"))
        let sub = try run("help", "generate")
        #expect(sub.status == 0 && sub.stdout.contains("USAGE: tkgauth generate <site> ..."))
        #expect(sub.stdout.contains("  --inline-secrets"))
        #expect(try run("generate", "-h").stdout == sub.stdout)
        let version = try run("--version")
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
    }

    @Test func usageErrorsExit64() throws {
        let unknown = try run("genrate", "site.yaml")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: Unknown command 'genrate'. Did you mean 'generate'?\nUsage: "))
        let option = try run("generate", "whiteharbor.yaml", "--outptu-dir", "x")
        #expect(option.status == 64)
        #expect(option.stderr.hasPrefix("Error: Unknown option '--outptu-dir'. Did you mean '--output-dir'?"))
        #expect(try run("plan", "whiteharbor.yaml", "--format", "yml").status == 64)
        #expect(try run("generate").status == 64)
        #expect(try run().status == 64)
        let secretsToStdout = try run("generate", "whiteharbor.yaml", "--output-dir", "-", "--inline-secrets")
        #expect(secretsToStdout.status == 64 && secretsToStdout.stderr.contains("secrets never go to stdout"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("whiteharbor").path))
    }

    // MARK: - validate

    @Test func validateExitCodes() throws {
        let ok = try run("validate", "whiteharbor.yaml", "bluefjord.yaml")
        #expect(ok.status == 0 && ok.stderr.isEmpty)
        #expect(ok.stdout == "whiteharbor.yaml: valid (site whiteharbor, profile tkg-1.3)\n"
                + "bluefjord.yaml: valid (site bluefjord, profile current)\n")
        let missing = try run("validate", "nope.yaml")
        #expect(missing.status == 66 && missing.stderr.hasPrefix("nope.yaml: error: cannot read the site file"))
        try write("bad.yaml", "apiVersion: tkgauth/v1\nkind: Site\nname: Bad_Name\nkubeapp: {}\n")
        let bad = try run("validate", "bad.yaml")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.yaml:1:1: error: missing required key 'ingress'"))
        #expect(bad.stderr.contains("bad.yaml:3:7: error: the site name 'Bad_Name' contains '_'"))
        #expect(bad.stderr.contains("bad.yaml:4:1: error: unknown key 'kubeapp'\n  hint: did you mean 'kubeapps'?"))
        #expect(!bad.stderr.contains("\u{1B}["), "no colour when stderr is not a terminal")
        try write("two.yaml", read("whiteharbor.yaml")!)
        #expect(try run("validate", "whiteharbor.yaml", "two.yaml").status == 65)
    }

    @Test func siteFromStdin() throws {
        let site = read("whiteharbor.yaml")!
        let ok = try BinaryRunner.run(["validate", "-"], in: dir, input: site)
        #expect(ok.status == 0 && ok.stdout == "<stdin>: valid (site whiteharbor, profile tkg-1.3)\n")
        let bad = try BinaryRunner.run(["validate", "-"], in: dir, input: site.replacingOccurrences(of: "kind: Site", with: "kind: Sight"))
        #expect(bad.status == 65 && bad.stderr.hasPrefix("<stdin>:4:7: error: unknown kind 'Sight'"))
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        try write("plain.yaml", read("bluefjord.yaml")!.replacingOccurrences(
            of: "{env: BLUEFJORD_OKTA_CLIENT_SECRET}", with: "plain-okta-secret"))
        let relaxed = try run("validate", "plain.yaml")
        #expect(relaxed.status == 0 && relaxed.stderr.contains("warning: 'okta.clientSecret' is a plain string"))
        #expect(!relaxed.stderr.contains("plain-okta-secret"), "a secret is never printed")
        let strict = try run("validate", "--strict", "plain.yaml")
        #expect(strict.status == 65 && strict.stderr.contains("error: 'okta.clientSecret' is a plain string"))
    }

    // MARK: - generate

    @Test func generateWritesFilesWithoutSecrets() throws {
        let result = try run("generate", "whiteharbor.yaml", "bluefjord.yaml", "--output-dir", "out",
                             environment: Self.secrets)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try mode("out/whiteharbor/dex-values.yaml") == 0o644)
        let all = try FileManager.default.subpathsOfDirectory(atPath: dir.appendingPathComponent("out").path).sorted()
        #expect(all == ["bluefjord", "bluefjord/clusterrolebinding.yaml", "bluefjord/dex-values.yaml",
                        "bluefjord/jwt-authenticator.yaml", "bluefjord/kubeapps-values.yaml",
                        "bluefjord/rolebindings.yaml", "whiteharbor", "whiteharbor/clusterrolebinding.yaml",
                        "whiteharbor/dex-values.yaml", "whiteharbor/jwt-authenticator.yaml",
                        "whiteharbor/kubeapps-values.yaml"])
        for path in all where path.hasSuffix(".yaml") {
            for value in Self.secrets.values {
                #expect(read("out/\(path)")?.contains(value) == false)
            }
        }
        #expect(!result.stdout.contains("okta-VALUE") && !result.stderr.contains("okta-VALUE"))
    }

    @Test func inlineSecretsAreOwnerOnly() throws {
        let missing = try run("generate", "whiteharbor.yaml", "--inline-secrets", "-o", "out")
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("environment variable WHITEHARBOR_OKTA_CLIENT_SECRET is not set"))
        #expect(read("out/whiteharbor/dex-values.yaml") == nil, "nothing is written on error")

        let result = try run("generate", "whiteharbor.yaml", "--inline-secrets", "-o", "out", environment: Self.secrets)
        #expect(result.status == 0)
        #expect(try mode("out/whiteharbor/dex-values.yaml") == 0o600)
        #expect(try mode("out/whiteharbor/kubeapps-values.yaml") == 0o600)
        #expect(try mode("out/whiteharbor/jwt-authenticator.yaml") == 0o644)
        #expect(read("out/whiteharbor/dex-values.yaml")?.contains("clientSecret: okta-VALUE-1") == true)
        #expect(!result.stdout.contains("VALUE") && !result.stderr.contains("VALUE"))

        // --check names a file that holds secrets but never shows it.
        let check = try run("generate", "whiteharbor.yaml", "-o", "out", "--check", environment: Self.secrets)
        #expect(check.status == 1)
        #expect(check.stdout.contains("differs: out/whiteharbor/dex-values.yaml (holds secrets; not shown)"))
        #expect(!check.stdout.contains("VALUE"))
    }

    @Test func checkNeverShowsAnOldInlineSecret() throws {
        #expect(try run("generate", "whiteharbor.yaml", "--inline-secrets", "-o", "out", environment: Self.secrets).status == 0)
        // A checkout makes every file 0644: the old values must still not be shown.
        for name in ["dex-values.yaml", "kubeapps-values.yaml"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o644],
                                                  ofItemAtPath: dir.appendingPathComponent("out/whiteharbor/\(name)").path)
        }
        let check = try run("generate", "whiteharbor.yaml", "-o", "out", "--check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("differs: out/whiteharbor/dex-values.yaml (holds secrets; not shown)"))
        #expect(check.stdout.contains("differs: out/whiteharbor/kubeapps-values.yaml (holds secrets; not shown)"))
        for value in Self.secrets.values { #expect(!check.stdout.contains(value)) }
    }

    @Test func aSecretPlaceholderInAnyTemplateMakesTheFileOwnerOnly() throws {
        let template = try run("templates", "cat", "jwt-authenticator.tkg-1.3.yaml").stdout
        let tpl = dir.appendingPathComponent("tpl")
        try FileManager.default.createDirectory(at: tpl, withIntermediateDirectories: true)
        try template.replacingOccurrences(of: "  labels: ${labels}", with: "  labels: ${labels}\n  annotations:\n    x: ${okta.clientSecret}")
            .write(to: tpl.appendingPathComponent("jwt-authenticator.tkg-1.3.yaml"), atomically: true, encoding: .utf8)
        let result = try run("generate", "whiteharbor.yaml", "--inline-secrets", "-o", "out", "--templates", "tpl",
                             environment: Self.secrets)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(read("out/whiteharbor/jwt-authenticator.yaml")?.contains("okta-VALUE-1") == true)
        #expect(try mode("out/whiteharbor/jwt-authenticator.yaml") == 0o600)
        // Without inline secrets the same template writes the reference, and the file is an ordinary one.
        #expect(try run("generate", "whiteharbor.yaml", "-o", "out2", "--templates", "tpl").status == 0)
        #expect(try mode("out2/whiteharbor/jwt-authenticator.yaml") == 0o644)
    }

    @Test func failedStdoutExits74() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let status = try BinaryRunner.shell("\(BinaryRunner.binary) plan whiteharbor.yaml > /dev/full", in: dir)
        #expect(status == 74)
        #expect(try BinaryRunner.shell("\(BinaryRunner.binary) generate whiteharbor.yaml -o - > /dev/full", in: dir) == 74)
    }

    @Test func aFailedWriteLeavesTheOldFiles() throws {
        #expect(try run("generate", "whiteharbor.yaml", "-o", "out").status == 0)
        let before = read("out/whiteharbor/dex-values.yaml")
        // The site changes, and one of its files cannot be replaced (a folder stands in its place).
        try write("whiteharbor.yaml", read("whiteharbor.yaml")!.replacingOccurrences(of: "cluster-admin", with: "view"))
        try write("whiteharbor.yaml", read("whiteharbor.yaml")!.replacingOccurrences(of: "kubeapps.whiteharbor", with: "apps.whiteharbor"))
        let blocked = dir.appendingPathComponent("out/whiteharbor/clusterrolebinding.yaml")
        try FileManager.default.removeItem(at: blocked)
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
        let result = try run("generate", "whiteharbor.yaml", "-o", "out")
        #expect(result.status == 73 || result.status == 74)
        #expect(read("out/whiteharbor/dex-values.yaml") == before, "no file was replaced")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out/whiteharbor").path)
        #expect(!leftovers.contains { $0.contains(".tkgauth-") }, "no temporary file is left")
    }

    @Test func checkReportsDriftMissingAndStaleFiles() throws {
        #expect(try run("generate", "bluefjord.yaml", "-o", "out").status == 0)
        let clean = try run("generate", "bluefjord.yaml", "-o", "out", "--check")
        #expect(clean.status == 0 && clean.stdout.isEmpty)

        // Edit the site: team-b loses its namespaces and everyone becomes cluster-wide: rolebindings.yaml goes stale.
        var site = read("bluefjord.yaml")!
        site = site.replacingOccurrences(of: "    namespaces: [team-a, team-a-staging]\n", with: "")
        site = site.replacingOccurrences(of: "    namespaces: [team-b]\n", with: "")
        try write("bluefjord.yaml", site)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("out/bluefjord/jwt-authenticator.yaml"))
        let before = read("out/bluefjord/rolebindings.yaml")
        let drift = try run("generate", "bluefjord.yaml", "-o", "out", "--check")
        #expect(drift.status == 1)
        #expect(drift.stdout.contains("--- out/bluefjord/clusterrolebinding.yaml\n+++ out/bluefjord/clusterrolebinding.yaml\n"))
        #expect(drift.stdout.contains("--- /dev/null\n+++ out/bluefjord/jwt-authenticator.yaml\n"))
        #expect(drift.stdout.contains("stale: out/bluefjord/rolebindings.yaml"))
        #expect(read("out/bluefjord/rolebindings.yaml") == before, "--check writes nothing")

        try write("out/bluefjord/notes.txt", "mine")
        let regenerate = try run("generate", "bluefjord.yaml", "-o", "out")
        #expect(regenerate.status == 0)
        #expect(regenerate.stdout.contains("removed out/bluefjord/rolebindings.yaml"))
        #expect(read("out/bluefjord/rolebindings.yaml") == nil)
        #expect(read("out/bluefjord/notes.txt") == "mine", "other files are never touched")
        #expect(try run("generate", "bluefjord.yaml", "-o", "out", "--check").status == 0)
    }

    @Test func invalidSiteWritesNothing() throws {
        try write("broken.yaml", read("bluefjord.yaml")!.replacingOccurrences(of: "clusterRole: view", with: "clusterRole: ''"))
        let result = try run("generate", "whiteharbor.yaml", "broken.yaml", "-o", "out")
        #expect(result.status == 65)
        #expect(result.stderr.contains("broken.yaml:"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func stdoutStream() throws {
        let result = try run("generate", "whiteharbor.yaml", "--output-dir", "-")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("---\n# Source: whiteharbor/dex-values.yaml\n"))
        #expect(result.stdout.contains("---\n# Source: whiteharbor/clusterrolebinding.yaml\napiVersion: rbac.authorization.k8s.io/v1\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("whiteharbor").path))
        let again = try run("generate", "whiteharbor.yaml", "--output-dir", "-")
        #expect(again.stdout == result.stdout, "deterministic")
    }

    @Test func cannotCreateOutputExits73() throws {
        try write("blocker", "a file where a folder must go")
        let result = try run("generate", "whiteharbor.yaml", "-o", "blocker")
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write"))
    }

    // MARK: - templates

    @Test func editedTemplatesAreUsedAndChecked() throws {
        let list = try run("templates", "list")
        #expect(list.status == 0 && list.stdout.contains("  jwt-authenticator.current.yaml\n"))
        #expect(list.stdout.contains("  ${dex.issuer}\n"))
        let cat = try run("templates", "cat", "jwt-authenticator.current.yaml")
        #expect(cat.status == 0 && cat.stdout.contains("audience: ${kubeapps.clientID}"))
        #expect(try run("templates", "cat", "jwt-authenticator.yaml").status == 64)

        let templates = dir.appendingPathComponent("tpl")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        // An edit that keeps the rules: a label is added.
        try cat.stdout.replacingOccurrences(of: "  labels: ${labels}", with: "  labels:\n    team: platform")
            .write(to: templates.appendingPathComponent("jwt-authenticator.current.yaml"), atomically: true, encoding: .utf8)
        let good = try run("generate", "bluefjord.yaml", "-o", "out", "--templates", "tpl")
        #expect(good.status == 0, "\(good.stderr)")
        #expect(read("out/bluefjord/jwt-authenticator.yaml")?.contains("team: platform") == true)

        // An edit that breaks one: the audience no longer matches the client id.
        try cat.stdout.replacingOccurrences(of: "audience: ${kubeapps.clientID}", with: "audience: kubeapp")
            .write(to: templates.appendingPathComponent("jwt-authenticator.current.yaml"), atomically: true, encoding: .utf8)
        let broken = try run("generate", "bluefjord.yaml", "-o", "out2", "--templates", "tpl")
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("tpl/jwt-authenticator.current.yaml:9:13: error: the JWTAuthenticator's spec.audience is 'kubeapp'; it must be 'kubeapps'"))
        #expect(read("out2/bluefjord/dex-values.yaml") == nil)

        // A misspelt template name would silently do nothing: it is an error.
        try "x: 1\n".write(to: templates.appendingPathComponent("dex-values.curent.yaml"), atomically: true, encoding: .utf8)
        let misspelt = try run("generate", "bluefjord.yaml", "-o", "out3", "--templates", "tpl")
        #expect(misspelt.status == 65 && misspelt.stderr.contains("did you mean 'dex-values.current.yaml'?"))
    }

    // MARK: - plan

    @Test func planFormatsAndExitCodes() throws {
        let text = try run("plan", "whiteharbor.yaml", "--output-dir", "out", environment: Self.secrets)
        #expect(text.status == 0)
        #expect(text.stdout.contains("helm upgrade --install dex dex/dex --version 0.3.2 --namespace dex"))
        #expect(text.stdout.contains("--values out/whiteharbor/dex-values.yaml"))
        for value in Self.secrets.values { #expect(!text.stdout.contains(value)) }
        let shell = try run("plan", "whiteharbor.yaml", "--format", "shell", "--context", "lab")
        #expect(shell.status == 0 && shell.stdout.hasPrefix("#!/usr/bin/env bash\n"))
        #expect(shell.stdout.contains("helm --kube-context lab upgrade --install"))
        let json = try run("plan", "whiteharbor.yaml", "--format", "json")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(parsed?["plans"] != nil)
        try write("plain.yaml", read("whiteharbor.yaml")!.replacingOccurrences(
            of: "{env: WHITEHARBOR_OKTA_CLIENT_SECRET}", with: "plain-okta-secret"))
        let plain = try run("plan", "plain.yaml")
        #expect(plain.status == 65 && plain.stdout.isEmpty)
        #expect(!plain.stderr.contains("plain-okta-secret"))
    }
}
