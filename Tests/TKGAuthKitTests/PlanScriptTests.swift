import Foundation
import Testing
@testable import TKGAuthKit

/// Runs generated scripts for real, against stub helm, kubectl and curl that log their arguments.
@Suite("Plan scripts, run")
struct PlanScriptTests {
    typealias F = PlanFixtures

    /// Secret values with characters a shell would otherwise act on (no ',' or '\': helm --set-string).
    static let values = [
        "OKTA_CLIENT_SECRET": "s3cr3t-VALUE-okta 'q' $HOME `id` \"x\"",
        "KUBEAPPS_CLIENT_SECRET": "s3cr3t-VALUE-client $(id) *",
        "KUBEAPPS_COOKIE_SECRET": "s3cr3t-VALUE-cookie-0123456789",
    ]

    /// Empty files where the plan expects the generated ones.
    static func generated(_ plans: [InstallPlan]) -> [String: String] {
        Dictionary(plans.flatMap(\.files).map { ($0, "") }, uniquingKeysWith: { first, _ in first })
    }

    /// The calls the plan should make, with each variable replaced by its value.
    static func expectedCalls(_ plan: InstallPlan, _ values: [String: String]) -> [[String]] {
        F.argvs(plan).filter { ["helm", "kubectl", "curl"].contains($0.first?.literalText) }.map { F.expand($0, values) }
    }

    @Test func tkg13RunsEveryCommandInOrder() throws {
        let plan = PlanBuilder.build(site: F.whiteharbor(), options: PlanOptions())
        let script = PlanFormatter.shell([plan])
        let run = try ScriptRun.run(script, environment: Self.values, files: Self.generated([plan]),
                                    issuer: "https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.calls == Self.expectedCalls(plan, Self.values))

        let programs = run.calls.map { $0.prefix(3).joined(separator: " ") }
        #expect(Array(programs.prefix(3)) == ["helm version --short", "kubectl version --client",
                                               "kubectl config current-context"])
        func index(_ prefix: [String]) -> Int { run.calls.firstIndex { $0.starts(with: prefix) } ?? -1 }
        let order = [
            index(["kubectl", "create", "namespace", "dex"]),
            index(["kubectl", "create", "secret", "generic", "dex-tkgauth", "-n", "dex"]),
            index(["helm", "upgrade", "--install", "dex", "dex/dex", "--version", "0.3.2", "--namespace", "dex"]),
            index(["kubectl", "rollout", "restart", "deployment/dex", "-n", "dex"]),
            index(["curl"]),
            index(["kubectl", "apply", "-f", "whiteharbor/jwt-authenticator.yaml"]),
            index(["kubectl", "get", "jwtauthenticator", "kubeapps-jwt-authenticator", "-n", "pinniped-concierge"]),
            index(["helm", "repo", "add", "bitnami"]),
            index(["helm", "upgrade", "--install", "kubeapps", "bitnami/kubeapps", "--version", "7.1.2",
                   "--namespace", "kubeapps"]),
            index(["kubectl", "auth", "reconcile", "-f", "whiteharbor/clusterrolebinding.yaml", "--remove-extra-subjects"]),
            index(["kubectl", "auth", "can-i"]),
        ]
        #expect(order.allSatisfy { $0 >= 0 })
        #expect(order == order.sorted())

        // The values reached the programs intact, through variables only: never in the script or its output.
        let secretCall = run.calls[order[1]]
        #expect(secretCall.contains("--from-literal=OKTA_CLIENT_SECRET=" + Self.values["OKTA_CLIENT_SECRET"]!))
        #expect(secretCall.contains("--from-literal=KUBEAPPS_CLIENT_SECRET=" + Self.values["KUBEAPPS_CLIENT_SECRET"]!))
        let kubeapps = run.calls[order[8]]
        #expect(kubeapps.contains("authProxy.cookieSecret=" + Self.values["KUBEAPPS_COOKIE_SECRET"]!))
        for text in [script, run.stdout, run.stderr] { #expect(!text.contains("s3cr3t")) }
        #expect(run.stdout.contains("\"issuer\":\"https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life\""))
        #expect(run.stdout.contains("Done by hand, before this script ran:"))
    }

    @Test func hostileSiteRunsExactly() throws {
        let plan = PlanBuilder.build(site: F.hostile(), options: F.hostileOptions)
        var files = Self.generated([plan])
        files["sites/secrets/okta"] = "s3cr3t-VALUE-okta from file\n"
        files["sites/secrets/cookie"] = "s3cr3t-VALUE-cookie from file\n\n"
        let run = try ScriptRun.run(PlanFormatter.shell([plan]), environment: Self.values, files: files,
                                    issuer: "https://login.harbor2.example.com")
        #expect(run.status == 0, "\(run.stderr)")
        let values = [
            "TKGAUTH_OKTA_CLIENT_SECRET": "s3cr3t-VALUE-okta from file",
            "KUBEAPPS_CLIENT_SECRET": Self.values["KUBEAPPS_CLIENT_SECRET"]!,
            // Exactly one trailing newline is trimmed, as the site loader does.
            "TKGAUTH_KUBEAPPS_COOKIE_SECRET": "s3cr3t-VALUE-cookie from file\n",
        ]
        #expect(run.calls == Self.expectedCalls(plan, values))
        let context = try #require(F.hostileOptions.kubeContext)
        for call in run.calls where call[0] != "curl" {
            #expect(Array(call[1...2]) == [call[0] == "helm" ? "--kube-context" : "--context", context])
        }
        #expect(run.calls.contains { $0.contains("--as-group=tab\there\nnewline Équipe ünï") })
        #expect(run.calls.contains { $0.contains("--values") && $0.contains("out dir/it's $HOME/harbor2/dex-values.yaml") })
        #expect(!run.stdout.contains("s3cr3t") && !run.stderr.contains("s3cr3t"))
    }

    @Test func eachSiteGetsItsOwnFileSecrets() throws {
        var other = F.harbor2(okta: F.secret(.file("okta"), resolved: "other/okta"),
                              cookie: F.secret(.file("cookie"), resolved: "other/cookie"))
        other.name = "other"
        let plans = [F.harbor2(), other].map { PlanBuilder.build(site: $0, options: PlanOptions(outputDir: "out")) }
        var files = Self.generated(plans)
        files["sites/secrets/okta"] = "okta-harbor2\n"
        files["sites/secrets/cookie"] = "cookie-harbor2"
        files["other/okta"] = "okta-other\n"
        files["other/cookie"] = "cookie-other\n"
        let run = try ScriptRun.run(PlanFormatter.shell(plans), environment: Self.values, files: files,
                                    issuer: "https://login.harbor2.example.com")
        #expect(run.status == 0, "\(run.stderr)")
        let secrets = run.calls.filter { $0.starts(with: ["kubectl", "create", "secret"]) }
        #expect(secrets.map { $0.filter { $0.hasPrefix("--from-literal=") } } == [
            ["--from-literal=OKTA_CLIENT_SECRET=okta-harbor2",
             "--from-literal=KUBEAPPS_CLIENT_SECRET=" + Self.values["KUBEAPPS_CLIENT_SECRET"]!],
            ["--from-literal=clientID=kubeapps-harbor2",
             "--from-literal=clientSecret=" + Self.values["KUBEAPPS_CLIENT_SECRET"]!,
             "--from-literal=cookieSecret=cookie-harbor2"],
            ["--from-literal=OKTA_CLIENT_SECRET=okta-other",
             "--from-literal=KUBEAPPS_CLIENT_SECRET=" + Self.values["KUBEAPPS_CLIENT_SECRET"]!],
            ["--from-literal=clientID=kubeapps-harbor2",
             "--from-literal=clientSecret=" + Self.values["KUBEAPPS_CLIENT_SECRET"]!,
             "--from-literal=cookieSecret=cookie-other"],
        ])
        #expect(run.calls.contains(["kubectl", "auth", "reconcile", "-f", "out/other/rolebindings.yaml", "--remove-extra-subjects"]))
    }

    @Test(arguments: ["OKTA_CLIENT_SECRET", "KUBEAPPS_CLIENT_SECRET", "KUBEAPPS_COOKIE_SECRET"])
    func unsetOrEmptySecretStopsBeforeAnyCall(variable: String) throws {
        let plan = PlanBuilder.build(site: F.whiteharbor(), options: PlanOptions())
        for environment in [Self.values.filter { $0.key != variable }, Self.values.merging([variable: ""]) { $1 }] {
            let run = try ScriptRun.run(PlanFormatter.shell([plan]), environment: environment,
                                        files: Self.generated([plan]), issuer: "https://x")
            #expect(run.status != 0)
            #expect(run.stderr.contains(variable))
            #expect(run.calls.isEmpty)
        }
    }

    @Test func missingInputsStopBeforeAnyCall() throws {
        let whiteharbor = PlanBuilder.build(site: F.whiteharbor(), options: PlanOptions())
        let harbor2 = PlanBuilder.build(site: F.harbor2(), options: PlanOptions())
        var secretFiles = Self.generated([harbor2])
        secretFiles["sites/secrets/okta"] = "okta"

        // A secret file that is missing, then one that holds only a newline.
        var run = try ScriptRun.run(PlanFormatter.shell([harbor2]), environment: Self.values, files: secretFiles,
                                    issuer: "https://x")
        #expect(run.status != 0 && run.calls.isEmpty)
        #expect(run.stderr.contains("sites/secrets/cookie") && run.stderr.contains("kubeapps.cookieSecret"))
        secretFiles["sites/secrets/cookie"] = "\n"
        run = try ScriptRun.run(PlanFormatter.shell([harbor2]), environment: Self.values, files: secretFiles,
                                issuer: "https://x")
        #expect(run.status != 0 && run.calls.isEmpty)
        #expect(run.stderr.contains("sites/secrets/cookie is empty"))

        // A generated file that is missing.
        var generated = Self.generated([whiteharbor])
        generated["whiteharbor/kubeapps-values.yaml"] = nil
        run = try ScriptRun.run(PlanFormatter.shell([whiteharbor]), environment: Self.values, files: generated,
                                issuer: "https://x")
        #expect(run.status != 0 && run.calls.isEmpty)
        #expect(run.stderr.contains("whiteharbor/kubeapps-values.yaml") && run.stderr.contains("tkgauth generate"))

        // A missing program.
        run = try ScriptRun.run(PlanFormatter.shell([whiteharbor]), environment: Self.values,
                                files: Self.generated([whiteharbor]), issuer: "https://x", stubs: ["kubectl", "curl"])
        #expect(run.status != 0 && run.calls.isEmpty)
        #expect(run.stderr.contains("helm is not installed"))

        // A value helm --set-string would change (tkg-1.3 passes Kubeapps' secrets that way).
        run = try ScriptRun.run(PlanFormatter.shell([whiteharbor]),
                                environment: Self.values.merging(["KUBEAPPS_COOKIE_SECRET": "a,b"]) { $1 },
                                files: Self.generated([whiteharbor]), issuer: "https://x")
        #expect(run.status != 0 && run.calls.isEmpty)
        #expect(run.stderr.contains("kubeapps.cookieSecret of site whiteharbor contains ','"))
    }

    @Test func wrongIssuerFailsTheDiscoveryCheck() throws {
        let plan = PlanBuilder.build(site: F.whiteharbor(), options: PlanOptions())
        let run = try ScriptRun.run(PlanFormatter.shell([plan]), environment: Self.values,
                                    files: Self.generated([plan]),
                                    issuer: "https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life/")
        #expect(run.status != 0)
        #expect(run.calls.last?.first == "curl")
    }

    @Test func inlinePlanNeedsNoSecrets() throws {
        let plan = PlanBuilder.build(site: F.harbor2(), options: PlanOptions(inlineSecrets: true))
        let run = try ScriptRun.run(PlanFormatter.shell([plan]), environment: [:], files: Self.generated([plan]),
                                    issuer: "https://login.harbor2.example.com")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.calls == Self.expectedCalls(plan, [:]))
        #expect(!run.calls.contains { $0.starts(with: ["kubectl", "create", "secret"]) })
    }
}
