/// Writes the steps of one site's plan, in install order: each step only relies on what earlier ones did.
struct PlanStepFactory {
    let site: Site
    /// The folder of the site's generated files.
    let directory: String
    /// The files hold the secrets (`--inline-secrets`): no Kubernetes Secret, no variable, no restart.
    let inline: Bool
    let secrets: PlanSecretVariables
    let cli: PlanClusterCLI

    private var pins: ProfilePins { site.profile.pins }
    private var layout: SecretLayout { SecretLayout(site: site) }
    private static let helmTimeout = "10m"

    func steps() -> [PlanStep] {
        var steps = [okta(), prerequisites()]
        if !inline { steps.append(kubernetesSecrets()) }
        steps += [dex(), pinniped(), kubeapps(), rbac(), verify()]
        return steps
    }

    private func path(_ file: String) -> String { "\(directory)/\(file)" }

    // MARK: 1. Okta

    private func okta() -> PlanStep {
        let issuer = site.okta.issuer
        let groups = site.access.map { Self.prose($0.group) }.joined(separator: ", ")
        var lines: [String] = []
        let kind = site.okta.serverKind
        if kind == .other {
            lines.append("Register Dex with the OIDC provider of okta.issuer (\(issuer)) as a confidential web "
                         + "client (authorization code flow, client secret).")
        } else {
            lines.append("In the Okta admin console (Applications → Create App Integration), create an OIDC - "
                         + "OpenID Connect app of type Web Application for Dex.")
        }
        lines.append("Sign-in redirect URI: \(site.dex.callbackURL) (exactly; no sign-out redirect URI is needed).")
        lines.append("Grant types: Authorization Code and Refresh Token (Dex asks for offline_access).")
        switch kind {
        case .org:
            lines.append("okta.issuer (\(issuer)) is the org authorization server: in the app, under Sign On → "
                         + "OpenID Connect ID Token, set the Groups claim: type Filter, name groups, filter e.g. "
                         + "Matches regex .* (or narrower, as long as it keeps the groups below).")
            lines.append("Org-server ID tokens are thin (no groups): Dex calls the userinfo endpoint, which "
                         + "returns the groups for the groups scope.")
        case .custom(let id):
            lines.append("okta.issuer (\(issuer)) is the custom authorization server '\(id)': under Security → "
                         + "API → Authorization Servers → \(id), add a scope named groups if there is none, and a "
                         + "claim named groups: token type ID Token, included in Userinfo / id_token request (or "
                         + "Always), value type Groups, filter e.g. Matches regex .*, in the groups scope.")
            lines.append("Check that an access policy rule of that server lets this app use the Authorization "
                         + "Code and Refresh Token grants and the groups scope.")
        case .other:
            lines.append("okta.issuer is neither an Okta org server (https://ORG) nor a custom one "
                         + "(https://ORG/oauth2/ID): the provider must accept the groups scope and return a "
                         + "groups claim from its userinfo endpoint.")
        }
        if kind != .other, !site.access.isEmpty {
            lines.append("Assign the app to the groups whose members may sign in: \(groups).")
        }
        lines.append("Put the app's client ID in okta.clientID of \(site.file) (currently \(site.okta.clientID)).")
        lines.append("Put the app's client secret where okta.clientSecret points: "
                     + "\(whereSecretGoes(site.okta.clientSecret)); never in the site file itself.")
        return PlanStep(
            id: "okta",
            title: kind == .other ? "Register Dex with the OIDC provider" : "Register Dex as a web app in Okta",
            why: "Dex signs users in through this app; it must know Dex's callback and hand out the groups RBAC binds.",
            isManual: true, instructions: lines)
    }

    /// A name inside prose, in quotes, with control characters made visible so it stays on one line.
    static func prose(_ text: String) -> String {
        var out = "“"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "”"
    }

    private func whereSecretGoes(_ secret: SecretSetting) -> String {
        switch secret.reference {
        case .env(let name): return "the environment variable \(name) of whoever runs the plan"
        case .file(let path): return "the file \(path) (one trailing newline is ignored)"
        case .plain: return "the site file's plain string (usable with --inline-secrets only)"
        }
    }

    // MARK: 2. Prerequisites

    private func prerequisites() -> PlanStep {
        var commands: [PlanCommand] = [
            .run(cli.helm(["version", "--short"])),
            .run(cli.kubectl(["version", "--client"])),
        ]
        if let context = cli.kubeContext {
            // Fails when the context does not exist; `current-context` would show the default instead.
            commands.append(.run(cli.kubectl(["config", "get-contexts", .literal(context)])))
        } else {
            commands.append(.run(cli.kubectl(["config", "current-context"])))
        }
        let helmNote = pins.kubeappsRepository == nil ? " (helm 3.8 or later, for the OCI chart)" : ""
        return PlanStep(
            id: "prerequisites", title: "Check the tools, the cluster and the secrets",
            why: "Stop before anything changes when helm, kubectl or curl is missing\(helmNote), the context is "
                + "not the intended cluster, or a secret is unset.",
            commands: commands, needs: secrets.variables.map(\.name))
    }

    // MARK: 3. Kubernetes Secrets

    private func kubernetesSecrets() -> PlanStep {
        let withKubeappsSecret = pins.kubeappsHasExistingOauth2Secret
        var namespaces = [site.dex.namespace]
        if withKubeappsSecret, site.kubeapps.namespace != site.dex.namespace {
            namespaces.append(site.kubeapps.namespace)
        }
        var commands = namespaces.map(cli.ensureNamespace)
        var needs: [String] = []
        func secretEntry(_ key: String, _ keyPath: String) -> PlanArgument {
            let name = secrets.name(keyPath) ?? ""
            if !needs.contains(name) { needs.append(name) }
            return .variable(name: name, prefix: "--from-literal=\(key)=")
        }
        commands.append(cli.applySecret(name: layout.dexSecretName, namespace: site.dex.namespace, entries: [
            secretEntry(SecretLayout.dexOktaSecretKey, "okta.clientSecret"),
            secretEntry(SecretLayout.dexClientSecretKey, "kubeapps.clientSecret"),
        ]))
        if withKubeappsSecret {
            commands.append(cli.applySecret(name: layout.kubeappsSecretName, namespace: site.kubeapps.namespace,
                                            entries: [
                .literal("--from-literal=\(SecretLayout.kubeappsClientIDKey)=\(site.kubeapps.clientID)"),
                secretEntry(SecretLayout.kubeappsClientSecretKey, "kubeapps.clientSecret"),
                secretEntry(SecretLayout.kubeappsCookieSecretKey, "kubeapps.cookieSecret"),
            ]))
        }
        let readers = withKubeappsSecret ? "Dex and Kubeapps' oauth2-proxy read their" : "Dex reads its"
        return PlanStep(
            id: "secrets", title: "Create or update the Kubernetes Secrets",
            why: "\(readers) secrets from these Secrets, so no generated file holds one.",
            commands: commands, needs: needs)
    }

    // MARK: 4. Dex

    private func dex() -> PlanStep {
        let repo = ProfilePins.dexRepository
        let namespace = site.dex.namespace
        var commands: [PlanCommand] = [
            .run(cli.helm(["repo", "add", .literal(repo.name), .literal(repo.url), "--force-update"])),
            .run(cli.helm(["repo", "update", .literal(repo.name)])),
            .run(cli.helm([
                "upgrade", "--install", .literal(site.dex.release), .literal(ProfilePins.dexChart),
                "--version", .literal(pins.dexChartVersion), "--namespace", .literal(namespace), "--create-namespace",
                "--values", .literal(path("dex-values.yaml")), "--wait", "--timeout", .literal(Self.helmTimeout),
            ])),
        ]
        if !inline {
            // Dex reads the Secret through envFrom only at start, and Helm sees no change when only the Secret
            // changed: restart so a new secret takes effect.
            let deployment = "deployment/" + PlanBuilder.helmFullname(release: site.dex.release, chart: "dex")
            commands.append(.run(cli.kubectl(["rollout", "restart", .literal(deployment), "-n", .literal(namespace)])))
            commands.append(.run(cli.kubectl(["rollout", "status", .literal(deployment), "-n", .literal(namespace),
                                              "--timeout", "5m"])))
        }
        // Dex indents its discovery document ("issuer": "..."): drop whitespace, then match the exact issuer
        // with its closing quote. grep -o (not -q) reads all input, so curl never dies of SIGPIPE under pipefail.
        commands.append(.pipeline([
            ["curl", "-fsS", "--retry", "10", "--retry-delay", "6", "--retry-connrefused",
             .literal(site.dex.issuer + "/.well-known/openid-configuration")],
            ["tr", "-d", "[:space:]"],
            ["grep", "-F", "-o", .literal("\"issuer\":\"\(site.dex.issuer)\"")],
        ]))
        return PlanStep(
            id: "dex", title: "Install Dex",
            why: "Dex is the issuer Kubeapps and Pinniped trust; it signs users in through Okta and adds their groups.",
            commands: commands)
    }

    // MARK: 5. Pinniped

    private func pinniped() -> PlanStep {
        var get: [PlanArgument] = ["get", "jwtauthenticator", .literal(site.pinniped.authenticator)]
        if pins.jwtAuthenticatorIsNamespaced { get += ["-n", .literal(site.pinniped.namespace)] }
        return PlanStep(
            id: "pinniped", title: "Create the Pinniped JWTAuthenticator",
            why: "The Concierge accepts Dex's ID tokens for Kubeapps' audience only once this authenticator exists.",
            commands: [
                .run(cli.kubectl(["apply", "-f", .literal(path("jwt-authenticator.yaml"))])),
                .run(cli.kubectl(get)),
            ])
    }

    // MARK: 6. Kubeapps

    private func kubeapps() -> PlanStep {
        var commands: [PlanCommand] = []
        if let repo = pins.kubeappsRepository {
            commands.append(.run(cli.helm(["repo", "add", .literal(repo.name), .literal(repo.url), "--force-update"])))
            commands.append(.run(cli.helm(["repo", "update", .literal(repo.name)])))
        }
        var install: [PlanArgument] = [
            "upgrade", "--install", .literal(site.kubeapps.release), .literal(pins.kubeappsChart),
            "--version", .literal(pins.kubeappsChartVersion), "--namespace", .literal(site.kubeapps.namespace),
            "--create-namespace", "--values", .literal(path("kubeapps-values.yaml")),
        ]
        var needs: [String] = []
        // Charts before existingOauth2Secret take oauth2-proxy's secrets as values, at install time.
        if !inline, !pins.kubeappsHasExistingOauth2Secret {
            for (key, keyPath) in [("authProxy.clientSecret", "kubeapps.clientSecret"),
                                   ("authProxy.cookieSecret", "kubeapps.cookieSecret")] {
                guard let name = secrets.name(keyPath) else { continue }
                install += ["--set-string", .variable(name: name, prefix: "\(key)=")]
                if !needs.contains(name) { needs.append(name) }
            }
        }
        install += ["--wait", "--timeout", .literal(Self.helmTimeout)]
        commands.append(.run(cli.helm(install)))
        if !inline {
            // oauth2-proxy reads its secrets only at start, and a changed Secret (or secret value) alone may not
            // roll the pods: restart the release's deployments so Dex and oauth2-proxy agree on the client secret.
            // Bitnami charts label every object with app.kubernetes.io/instance=<release>.
            commands.append(.run(cli.kubectl([
                "rollout", "restart", "deployment", "-n", .literal(site.kubeapps.namespace),
                "-l", .literal("app.kubernetes.io/instance=\(site.kubeapps.release)"),
            ])))
        }
        return PlanStep(
            id: "kubeapps", title: "Install Kubeapps",
            why: "Kubeapps signs users in through Dex and calls the cluster via pinniped-proxy as the signed-in user.",
            commands: commands, needs: needs)
    }

    // MARK: 7. RBAC

    private func rbac() -> PlanStep {
        var namespaces: [String] = []
        for namespace in site.access.flatMap({ $0.namespaces ?? [] }) where !namespaces.contains(namespace) {
            namespaces.append(namespace)
        }
        var commands = namespaces.map(cli.ensureNamespace)
        let bindingFiles: Set<String> = ["clusterrolebinding.yaml", "rolebindings.yaml"]
        for file in OutputPaths.fileNames(for: site) where bindingFiles.contains(file) {
            // `auth reconcile` is apply for RBAC: it also replaces a binding whose roleRef changed, which
            // `apply` refuses (roleRef is immutable).
            // --remove-extra-subjects: a group taken out of a named binding loses its access too.
            commands.append(.run(cli.kubectl(["auth", "reconcile", "-f", .literal(path(file)),
                                              "--remove-extra-subjects"])))
        }
        return PlanStep(
            id: "rbac", title: "Bind the Okta groups to their roles",
            why: "A signed-in user can do only what a binding grants one of their groups; RoleBindings need their "
                + "namespaces; reconcile also replaces a binding whose role changed.",
            commands: commands)
    }

    // MARK: 8. Verify

    /// Roles that all allow `get pods`, so `can-i get pods` answers yes exactly when the binding works.
    private static let podReaders: Set<String> = ["cluster-admin", "admin", "edit", "view"]

    private func verify() -> PlanStep {
        var commands: [PlanCommand] = []
        for grant in site.access {
            let who: [PlanArgument] = ["--as=tkgauth-verify", .literal("--as-group=\(grant.group)")]
            let reads = Self.podReaders.contains(grant.clusterRole)
            let scopes: [[PlanArgument]] = grant.namespaces.map { $0.map { ["-n", .literal($0)] } }
                ?? [reads ? ["--all-namespaces"] : []]
            for scope in scopes {
                let question: [PlanArgument] = reads ? ["get", "pods"] : ["--list"]
                commands.append(.run(cli.kubectl(["auth", "can-i"] + question + who + scope)))
            }
        }
        let groups = site.access.map { Self.prose($0.group) }.joined(separator: ", ")
        let member = groups.isEmpty ? "" : " as a member of one of \(groups)"
        return PlanStep(
            id: "verify", title: "Check sign-in and access",
            why: "Proves each group gets the access the site grants, and that sign-in works end to end.",
            instructions: [
                "Open \(site.kubeapps.url) and sign in through Dex and Okta\(member); "
                    + "Kubeapps should show what that group may see.",
            ],
            commands: commands)
    }
}
