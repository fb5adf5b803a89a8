import Testing
@testable import TKGAuthKit

@Suite("Plan builder")
struct PlanBuilderTests {
    typealias F = PlanFixtures

    private func argv(_ command: PlanCommand, stage: Int = 0) -> [String] {
        F.expand(command.stages[stage], [:])
    }

    private func commandLines(_ step: PlanStep?) -> [[String]] {
        (step?.commands ?? []).flatMap(\.stages).map { F.expand($0, [:]) }
    }

    @Test func stepsInOrder() {
        let plan = PlanBuilder.build(site: F.whiteharbor(), options: PlanOptions())
        #expect(plan.steps.map(\.id) == ["okta", "prerequisites", "secrets", "dex", "pinniped", "kubeapps", "rbac",
                                         "verify"])
        #expect(plan.steps.map(\.isManual) == [true, false, false, false, false, false, false, false])
        #expect(plan.step("okta")?.commands.isEmpty == true)
        let inline = PlanBuilder.build(site: F.harbor2(), options: PlanOptions(inlineSecrets: true))
        #expect(inline.steps.map(\.id) == ["okta", "prerequisites", "dex", "pinniped", "kubeapps", "rbac", "verify"])
    }

    @Test func tkg13Commands() throws {
        let plan = PlanBuilder.build(site: F.whiteharbor(), options: PlanOptions())
        #expect(plan.site == "whiteharbor")
        #expect(plan.profile == .tkg13)
        #expect(plan.directory == "whiteharbor")
        #expect(plan.files == ["whiteharbor/dex-values.yaml", "whiteharbor/jwt-authenticator.yaml",
                               "whiteharbor/kubeapps-values.yaml", "whiteharbor/clusterrolebinding.yaml"])
        #expect(plan.variables.map(\.name) == ["OKTA_CLIENT_SECRET", "KUBEAPPS_CLIENT_SECRET", "KUBEAPPS_COOKIE_SECRET"])
        #expect(plan.variables.map(\.passedToHelmSetString) == [false, true, true])
        #expect(plan.variables.allSatisfy { $0.source == .environment })

        #expect(commandLines(plan.step("prerequisites")) == [
            ["helm", "version", "--short"], ["kubectl", "version", "--client"], ["kubectl", "config", "current-context"],
        ])
        #expect(plan.step("prerequisites")?.needs == ["OKTA_CLIENT_SECRET", "KUBEAPPS_CLIENT_SECRET",
                                                      "KUBEAPPS_COOKIE_SECRET"])

        let secrets = try #require(plan.step("secrets"))
        // The tkg-1.3 chart has no existingOauth2Secret: only Dex's Secret, in Dex's namespace.
        #expect(secrets.commands == [
            .pipeline([["kubectl", "create", "namespace", "dex", "--dry-run=client", "-o", "yaml"],
                       ["kubectl", "apply", "-f", "-"]]),
            .pipeline([["kubectl", "create", "secret", "generic", "dex-tkgauth", "-n", "dex",
                        .variable(name: "OKTA_CLIENT_SECRET", prefix: "--from-literal=OKTA_CLIENT_SECRET="),
                        .variable(name: "KUBEAPPS_CLIENT_SECRET", prefix: "--from-literal=KUBEAPPS_CLIENT_SECRET="),
                        "--dry-run=client", "-o", "yaml"],
                       ["kubectl", "apply", "-f", "-"]]),
        ])
        #expect(secrets.needs == ["OKTA_CLIENT_SECRET", "KUBEAPPS_CLIENT_SECRET"])

        #expect(commandLines(plan.step("dex")) == [
            ["helm", "repo", "add", "dex", "https://charts.dexidp.io", "--force-update"],
            ["helm", "repo", "update", "dex"],
            ["helm", "upgrade", "--install", "dex", "dex/dex", "--version", "0.3.2", "--namespace", "dex",
             "--create-namespace", "--values", "whiteharbor/dex-values.yaml", "--wait", "--timeout", "10m"],
            ["kubectl", "rollout", "restart", "deployment/dex", "-n", "dex"],
            ["kubectl", "rollout", "status", "deployment/dex", "-n", "dex", "--timeout", "5m"],
            ["curl", "-fsS", "--retry", "10", "--retry-delay", "6", "--retry-connrefused",
             "https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life/.well-known/openid-configuration"],
            ["tr", "-d", "[:space:]"],
            ["grep", "-F", "-o", "\"issuer\":\"https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life\""],
        ])
        #expect(commandLines(plan.step("pinniped")) == [
            ["kubectl", "apply", "-f", "whiteharbor/jwt-authenticator.yaml"],
            ["kubectl", "get", "jwtauthenticator", "kubeapps-jwt-authenticator", "-n", "pinniped-concierge"],
        ])
        let kubeapps = try #require(plan.step("kubeapps"))
        #expect(commandLines(kubeapps).prefix(2) == [
            ["helm", "repo", "add", "bitnami", "https://charts.bitnami.com/bitnami", "--force-update"],
            ["helm", "repo", "update", "bitnami"],
        ])
        #expect(kubeapps.commands.last == .run([
            "kubectl", "rollout", "restart", "deployment", "-n", "kubeapps", "-l", "app.kubernetes.io/instance=kubeapps",
        ]))
        #expect(kubeapps.commands.dropLast().last == .run([
            "helm", "upgrade", "--install", "kubeapps", "bitnami/kubeapps", "--version", "7.1.2",
            "--namespace", "kubeapps", "--create-namespace", "--values", "whiteharbor/kubeapps-values.yaml",
            "--set-string", .variable(name: "KUBEAPPS_CLIENT_SECRET", prefix: "authProxy.clientSecret="),
            "--set-string", .variable(name: "KUBEAPPS_COOKIE_SECRET", prefix: "authProxy.cookieSecret="),
            "--wait", "--timeout", "10m",
        ]))
        #expect(kubeapps.needs == ["KUBEAPPS_CLIENT_SECRET", "KUBEAPPS_COOKIE_SECRET"])
        #expect(commandLines(plan.step("rbac")) == [["kubectl", "auth", "reconcile", "-f", "whiteharbor/clusterrolebinding.yaml", "--remove-extra-subjects"]])
        #expect(commandLines(plan.step("verify")) == [
            ["kubectl", "auth", "can-i", "get", "pods", "--as=tkgauth-verify", "--as-group=your-group-name",
             "--all-namespaces"],
        ])
        #expect(plan.step("verify")?.instructions.first?.contains(
            "https://kubeapps.whiteharbor.tkg-vsphere-lab.winterfell.life") == true)
    }

    @Test func currentCommands() throws {
        let plan = PlanBuilder.build(site: F.harbor2(), options: PlanOptions(outputDir: "out"))
        #expect(plan.directory == "out/harbor2")
        #expect(plan.files == ["out/harbor2/dex-values.yaml", "out/harbor2/jwt-authenticator.yaml",
                               "out/harbor2/kubeapps-values.yaml", "out/harbor2/clusterrolebinding.yaml",
                               "out/harbor2/rolebindings.yaml"])
        #expect(plan.variables == [
            PlanVariable(name: "TKGAUTH_OKTA_CLIENT_SECRET", source: .file(path: "sites/secrets/okta"),
                         keyPaths: ["okta.clientSecret"]),
            PlanVariable(name: "KUBEAPPS_CLIENT_SECRET", source: .environment, keyPaths: ["kubeapps.clientSecret"]),
            PlanVariable(name: "TKGAUTH_KUBEAPPS_COOKIE_SECRET", source: .file(path: "sites/secrets/cookie"),
                         keyPaths: ["kubeapps.cookieSecret"]),
        ])

        let secrets = try #require(plan.step("secrets"))
        #expect(commandLines(secrets).filter { $0.contains("namespace") }.map { $0[3] } == ["auth", "apps"])
        #expect(secrets.commands.last == .pipeline([
            ["kubectl", "create", "secret", "generic", "apps-tkgauth-oauth2", "-n", "apps",
             "--from-literal=clientID=kubeapps-harbor2",
             .variable(name: "KUBEAPPS_CLIENT_SECRET", prefix: "--from-literal=clientSecret="),
             .variable(name: "TKGAUTH_KUBEAPPS_COOKIE_SECRET", prefix: "--from-literal=cookieSecret="),
             "--dry-run=client", "-o", "yaml"],
            ["kubectl", "apply", "-f", "-"],
        ]))
        #expect(secrets.needs == ["TKGAUTH_OKTA_CLIENT_SECRET", "KUBEAPPS_CLIENT_SECRET",
                                  "TKGAUTH_KUBEAPPS_COOKIE_SECRET"])

        let dex = commandLines(plan.step("dex"))
        #expect(dex.contains(["helm", "upgrade", "--install", "auth", "dex/dex", "--version", "0.24.0", "--namespace",
                              "auth", "--create-namespace", "--values", "out/harbor2/dex-values.yaml", "--wait",
                              "--timeout", "10m"]))
        #expect(dex.contains(["kubectl", "rollout", "restart", "deployment/auth-dex", "-n", "auth"]))

        #expect(commandLines(plan.step("pinniped")).last == ["kubectl", "get", "jwtauthenticator", "harbor2-jwt"])
        let kubeapps = try #require(plan.step("kubeapps"))
        #expect(commandLines(kubeapps) == [[
            "helm", "upgrade", "--install", "apps", "oci://registry-1.docker.io/bitnamicharts/kubeapps",
            "--version", "17.1.1", "--namespace", "apps", "--create-namespace",
            "--values", "out/harbor2/kubeapps-values.yaml", "--wait", "--timeout", "10m",
        ], ["kubectl", "rollout", "restart", "deployment", "-n", "apps", "-l", "app.kubernetes.io/instance=apps"]])
        #expect(kubeapps.needs.isEmpty)

        // Namespaces first (each once, in order of use), then the bindings.
        let rbac = commandLines(plan.step("rbac"))
        #expect(rbac.filter { $0[1] == "create" }.map { $0[3] } == ["team-a", "team-a-staging", "team-b"])
        #expect(rbac.suffix(2) == [["kubectl", "auth", "reconcile", "-f", "out/harbor2/clusterrolebinding.yaml", "--remove-extra-subjects"],
                                   ["kubectl", "auth", "reconcile", "-f", "out/harbor2/rolebindings.yaml", "--remove-extra-subjects"]])

        #expect(commandLines(plan.step("verify")) == [
            ["kubectl", "auth", "can-i", "get", "pods", "--as=tkgauth-verify", "--as-group=Platform Admins",
             "--all-namespaces"],
            ["kubectl", "auth", "can-i", "get", "pods", "--as=tkgauth-verify", "--as-group=\(F.hostileGroup)",
             "-n", "team-a"],
            ["kubectl", "auth", "can-i", "get", "pods", "--as=tkgauth-verify", "--as-group=\(F.hostileGroup)",
             "-n", "team-a-staging"],
            ["kubectl", "auth", "can-i", "--list", "--as=tkgauth-verify", "--as-group=Auditors"],
            ["kubectl", "auth", "can-i", "--list", "--as=tkgauth-verify", "--as-group=Team B", "-n", "team-b"],
            ["kubectl", "auth", "can-i", "--list", "--as=tkgauth-verify", "--as-group=Team B", "-n", "team-a"],
        ])
    }

    @Test(arguments: [
        (".", "whiteharbor"), ("", "whiteharbor"), ("out", "out/whiteharbor"), ("out/", "out/whiteharbor"),
        ("/abs", "/abs/whiteharbor"), ("/", "/whiteharbor"), ("./build/x", "./build/x/whiteharbor"),
        ("../up", "../up/whiteharbor"),
    ])
    func filePaths(outputDir: String, directory: String) {
        let plan = PlanBuilder.build(site: F.whiteharbor(), options: PlanOptions(outputDir: outputDir))
        #expect(plan.directory == directory)
        let fileArguments = F.argvs(plan).flatMap { F.expand($0, [:]) }.filter { $0.hasSuffix(".yaml") }
        #expect(fileArguments == ["dex-values.yaml", "jwt-authenticator.yaml", "kubeapps-values.yaml",
                                  "clusterrolebinding.yaml"].map { "\(directory)/\($0)" })
        #expect(plan.files == fileArguments)
    }

    @Test func kubeContextOnEveryCommand() {
        for site in [F.whiteharbor(), F.harbor2()] {
            let plan = PlanBuilder.build(site: site, options: PlanOptions(kubeContext: "lab admin"))
            #expect(plan.kubeContext == "lab admin")
            for argv in F.argvs(plan).map({ F.expand($0, [:]) }) {
                switch argv[0] {
                case "helm": #expect(Array(argv[1...2]) == ["--kube-context", "lab admin"], "\(argv)")
                case "kubectl": #expect(Array(argv[1...2]) == ["--context", "lab admin"], "\(argv)")
                default: #expect(["curl", "tr", "grep"].contains(argv[0]), "\(argv)")
                }
            }
            // The context is shown, and fails the step when it does not exist.
            #expect(commandLines(plan.step("prerequisites")).last
                    == ["kubectl", "--context", "lab admin", "config", "get-contexts", "lab admin"])
        }
        let none = PlanBuilder.build(site: F.whiteharbor(), options: PlanOptions(kubeContext: ""))
        #expect(none.kubeContext == nil)
        #expect(!F.argvs(none).joined().contains(.literal("--context")))
    }

    @Test func inlineSecretsNeedNoVariables() {
        for site in [F.whiteharbor(), F.harbor2()] {
            let plan = PlanBuilder.build(site: site, options: PlanOptions(inlineSecrets: true))
            #expect(plan.variables.isEmpty)
            #expect(plan.steps.allSatisfy { $0.needs.isEmpty })
            let all = F.argvs(plan).joined()
            #expect(!all.contains { $0.variableName != nil })
            #expect(!all.contains(.literal("--set-string")))
            #expect(!all.contains(.literal("rollout")))
        }
    }

    @Test func helmFullname() {
        #expect(PlanBuilder.helmFullname(release: "dex", chart: "dex") == "dex")
        #expect(PlanBuilder.helmFullname(release: "my-dex-1", chart: "dex") == "my-dex-1")
        #expect(PlanBuilder.helmFullname(release: "auth", chart: "dex") == "auth-dex")
        let long = String(repeating: "a", count: 59) + "-b"
        #expect(PlanBuilder.helmFullname(release: long, chart: "dex") == String(repeating: "a", count: 59) + "-b-d")
        let cut = String(repeating: "a", count: 62) + "-"
        #expect(PlanBuilder.helmFullname(release: cut, chart: "dex") == String(repeating: "a", count: 62))
    }

    @Test func variableNamesNeverCollide() {
        // The user's own variable already has the name tkgauth would invent for the file secret.
        let site = F.harbor2(kubeappsClient: F.secret(.env("TKGAUTH_OKTA_CLIENT_SECRET")))
        let plan = PlanBuilder.build(site: site, options: PlanOptions())
        #expect(plan.variables.map(\.name) == ["TKGAUTH_OKTA_CLIENT_SECRET_2", "TKGAUTH_OKTA_CLIENT_SECRET",
                                               "TKGAUTH_KUBEAPPS_COOKIE_SECRET"])
        // One environment variable for two keys is one plan variable.
        let shared = F.whiteharbor(kubeappsClient: F.secret(.env("SHARED")), cookie: F.secret(.env("SHARED")))
        let sharedPlan = PlanBuilder.build(site: shared, options: PlanOptions())
        #expect(sharedPlan.variables.map(\.name) == ["OKTA_CLIENT_SECRET", "SHARED"])
        #expect(sharedPlan.variables.last?.keyPaths == ["kubeapps.clientSecret", "kubeapps.cookieSecret"])
        #expect(sharedPlan.variables.last?.passedToHelmSetString == true)
    }

    @Test func plainSecretNeverReachesThePlan() {
        // Validation rejects this without --inline-secrets; the builder still must not carry the value.
        let site = F.whiteharbor(okta: F.secret(.plain("s3cr3t-VALUE-plain"), known: "s3cr3t-VALUE-plain"))
        let plan = PlanBuilder.build(site: site, options: PlanOptions())
        #expect(plan.variables.first == PlanVariable(name: "TKGAUTH_OKTA_CLIENT_SECRET", source: .environment,
                                                     keyPaths: ["okta.clientSecret"]))
        #expect(!"\(plan)".contains("s3cr3t"))
    }

    @Test func oktaInstructionsFollowTheServerKind() throws {
        func instructions(_ issuer: String) -> String {
            var site = F.whiteharbor()
            site.okta.issuer = issuer
            let plan = PlanBuilder.build(site: site, options: PlanOptions())
            return plan.step("okta")?.instructions.joined(separator: "\n") ?? ""
        }
        let org = instructions("https://dev-123456.okta.com")
        #expect(org.contains("org authorization server"))
        #expect(org.contains("Sign On → OpenID Connect ID Token"))
        #expect(org.contains("Matches regex .*"))
        #expect(org.contains("https://dex.whiteharbor.tkg-vsphere-lab.winterfell.life/callback"))
        #expect(org.contains("Authorization Code and Refresh Token"))
        #expect(org.contains("offline_access"))
        #expect(org.contains("currently 0oa1b2c3d4EXAMPLE"))
        #expect(org.contains("environment variable OKTA_CLIENT_SECRET"))
        let custom = instructions("https://dev-123456.okta.com/oauth2/aus1abc")
        #expect(custom.contains("custom authorization server 'aus1abc'"))
        #expect(custom.contains("claim named groups"))
        #expect(custom.contains("groups scope"))
        let other = instructions("https://login.example.org/realms/x")
        #expect(other.contains("userinfo"))
        #expect(!other.contains("Okta admin console"))

        let files = PlanBuilder.build(site: F.harbor2(), options: PlanOptions())
        #expect(try #require(files.step("okta")).instructions.contains { $0.contains("the file secrets/okta") })
    }
}
