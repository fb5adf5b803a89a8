import TKGYAML

/// Re-checks, on the rendered documents, the rules that must hold across the files (docs/site-format.md,
/// "What must hold across the four files"). The embedded templates always pass; an edited template
/// (`--templates`) that breaks a rule is reported against that template.
struct ConsistencyCheck {
    let site: Site
    let files: [SiteRenderer.Rendered]

    func run() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        guard let dex = document("dex-values.yaml"), let jwt = document("jwt-authenticator.yaml"),
              let kubeapps = document("kubeapps-values.yaml")
        else { return problems }

        func expect(_ actual: String?, _ expected: String, _ what: String, in file: String, at path: [any PathComponent]) {
            guard actual != expected else { return }
            let found = actual.map { "'\($0)'" } ?? "missing"
            problems.append(.error("\(what) is \(found); it must be '\(expected)'", file: origin(file),
                                   at: mark(file, path),
                                   hint: "the files must agree: see 'What must hold across the four files'"))
        }
        func expectTrue(_ condition: Bool, _ message: String, in file: String, at path: [any PathComponent]) {
            if !condition { problems.append(.error(message, file: origin(file), at: mark(file, path))) }
        }

        let issuer = site.dex.issuer
        expect(dex.text("config", "issuer"), issuer, "Dex's config.issuer", in: "dex-values.yaml", at: ["config", "issuer"])
        expect(jwt.text("spec", "issuer"), issuer, "the JWTAuthenticator's spec.issuer", in: "jwt-authenticator.yaml",
               at: ["spec", "issuer"])
        let flagsKey = site.profile == .tkg13 ? "additionalFlags" : "extraFlags"
        expectTrue(kubeapps.texts("authProxy", flagsKey).contains("--oidc-issuer-url=\(issuer)"),
                   "authProxy.\(flagsKey) must hold '--oidc-issuer-url=\(issuer)'", in: "kubeapps-values.yaml",
                   at: ["authProxy", flagsKey])

        let clientID = site.kubeapps.clientID
        expect(jwt.text("spec", "audience"), clientID, "the JWTAuthenticator's spec.audience",
               in: "jwt-authenticator.yaml", at: ["spec", "audience"])
        expect(dex.text("config", "staticClients", 0, "id"), clientID, "Dex's static client id", in: "dex-values.yaml",
               at: ["config", "staticClients", 0, "id"])
        expect(kubeapps.text("authProxy", "clientID"), clientID, "authProxy.clientID", in: "kubeapps-values.yaml",
               at: ["authProxy", "clientID"])
        expectTrue(dex.texts("config", "staticClients", 0, "redirectURIs").contains(site.kubeapps.callbackURL),
                   "Dex's static client must list the redirect URI '\(site.kubeapps.callbackURL)'",
                   in: "dex-values.yaml", at: ["config", "staticClients", 0, "redirectURIs"])
        expectTrue(dex.at(["config", "staticClients", 0, "name"]) != nil,
                   "Dex's static client needs a name (Dex refuses to start without one)", in: "dex-values.yaml",
                   at: ["config", "staticClients", 0])

        let connector = ["config", "connectors", 0, "config"] as [any PathComponent]
        let connectorNode = dex.at(connector)
        expect(connectorNode?.text("redirectURI"), site.dex.callbackURL, "the Okta connector's redirectURI",
               in: "dex-values.yaml", at: connector + ["redirectURI"])
        expect(connectorNode?.text("issuer"), site.okta.issuer, "the Okta connector's issuer", in: "dex-values.yaml",
               at: connector + ["issuer"])
        expectTrue(connectorNode?.texts("scopes").contains("groups") == true,
                   "the Okta connector must request the 'groups' scope", in: "dex-values.yaml",
                   at: connector + ["scopes"])
        expect(connectorNode?.text("getUserInfo"), "true", "the Okta connector's getUserInfo", in: "dex-values.yaml",
               at: connector + ["getUserInfo"])
        expect(connectorNode?.text("insecureEnableGroups"), "true", "the Okta connector's insecureEnableGroups",
               in: "dex-values.yaml", at: connector + ["insecureEnableGroups"])

        let scope = kubeapps.text("authProxy", "scope")?.split(separator: " ").map(String.init) ?? []
        expectTrue(scope.contains("groups"), "authProxy.scope must request 'groups' from Dex", in: "kubeapps-values.yaml",
                   at: ["authProxy", "scope"])
        expect(kubeapps.text("pinnipedProxy", "defaultAuthenticatorName"), site.pinniped.authenticator,
               "pinnipedProxy.defaultAuthenticatorName", in: "kubeapps-values.yaml",
               at: ["pinnipedProxy", "defaultAuthenticatorName"])
        expect(jwt.text("metadata", "name"), site.pinniped.authenticator, "the JWTAuthenticator's name",
               in: "jwt-authenticator.yaml", at: ["metadata", "name"])
        expect(jwt.text("spec", "claims", "groups"), site.pinniped.groupsClaim, "the JWTAuthenticator's claims.groups",
               in: "jwt-authenticator.yaml", at: ["spec", "claims", "groups"])

        checkBindings(&problems)
        return problems
    }

    /// Each RBAC subject is a Group named exactly as in `access`.
    private func checkBindings(_ problems: inout [Diagnostic]) {
        let expectedGroups = site.access.flatMap { grant in
            Array(repeating: grant.group, count: grant.namespaces?.count ?? 1)
        }
        let bindings = ["clusterrolebinding.yaml", "rolebindings.yaml"].flatMap { name in
            (files.first { $0.name == name }?.documents ?? []).map { (name, $0) }
        }
        let found = bindings.flatMap { name, document in
            document.at(["subjects"])?.items?.map { (name, $0.text("kind"), $0.text("name")) } ?? [(name, nil, nil)]
        }
        let groups = found.filter { $0.1 == "Group" }.compactMap(\.2)
        if groups.sorted() != expectedGroups.sorted() || found.contains(where: { $0.1 != "Group" }) {
            let file = found.first?.0 ?? "clusterrolebinding.yaml"
            problems.append(.error("the bindings' subjects must be the groups of 'access', each a 'Group'",
                                   file: origin(file), at: mark(file, ["subjects"])))
        }
    }

    /// Where in the template a rule about `path` points (the rendered nodes keep the template's marks).
    private func mark(_ file: String, _ path: [any PathComponent]) -> Mark {
        document(file)?.mark(nearest: path) ?? Mark(line: 1, column: 1)
    }

    private func document(_ name: String) -> YAMLNode? {
        files.first { $0.name == name }?.documents.first
    }

    private func origin(_ name: String) -> String {
        files.first { $0.name == name }?.template.origin ?? name
    }
}
