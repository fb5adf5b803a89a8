/// Which variable holds each secret of a site, when the files refer to Kubernetes Secrets.
struct PlanSecretVariables {
    private(set) var variables: [PlanVariable] = []
    private var nameByKeyPath: [String: String] = [:]

    init(site: Site, inlineSecrets: Bool) {
        // Inline secrets are in the files already: the plan needs no variable at all.
        guard !inlineSecrets else { return }
        let viaSetString = !site.profile.pins.kubeappsHasExistingOauth2Secret
        let setStringKeys: Set<String> = ["kubeapps.clientSecret", "kubeapps.cookieSecret"]
        // Names taken by the user's own environment variables; a name we invent must not reuse one.
        let userNames = Set(site.secrets.compactMap { entry -> String? in
            if case .env(let name) = entry.setting.reference, ShellQuote.isVariableName(name) { return name }
            return nil
        })
        for (keyPath, setting) in site.secrets {
            let name: String
            let source: PlanVariable.Source
            switch setting.reference {
            case .env(let envName) where ShellQuote.isVariableName(envName):
                name = envName
                source = .environment
            case .file(let path):
                name = Self.inventedName(for: keyPath, avoiding: userNames)
                source = .file(path: setting.resolvedPath ?? path)
            case .env, .plain:
                // Validation rejects these without inline secrets. Should one get here, it becomes a variable
                // the runner must set, so its value still never enters the plan.
                name = Self.inventedName(for: keyPath, avoiding: userNames)
                source = .environment
            }
            let setString = viaSetString && setStringKeys.contains(keyPath)
            if let index = variables.firstIndex(where: { $0.name == name }) {
                variables[index].keyPaths.append(keyPath)
                variables[index].passedToHelmSetString = variables[index].passedToHelmSetString || setString
            } else {
                variables.append(PlanVariable(name: name, source: source, keyPaths: [keyPath],
                                              passedToHelmSetString: setString))
            }
            nameByKeyPath[keyPath] = name
        }
    }

    /// The variable holding a site key's secret; nil with inline secrets.
    func name(_ keyPath: String) -> String? { nameByKeyPath[keyPath] }

    /// `okta.clientSecret` -> `TKGAUTH_OKTA_CLIENT_SECRET`, with a numeric suffix if the user took that name.
    static func inventedName(for keyPath: String, avoiding taken: Set<String>) -> String {
        var base = "TKGAUTH_"
        for scalar in keyPath.unicodeScalars {
            if scalar == "." {
                base += "_"
            } else if scalar >= "A" && scalar <= "Z" {
                base += "_" + String(scalar)
            } else {
                base += String(scalar).uppercased()
            }
        }
        var name = base
        var counter = 2
        while taken.contains(name) {
            name = "\(base)_\(counter)"
            counter += 1
        }
        return name
    }
}
