/// Rules that depend on how the files are written (inline secrets or not), shared by `generate` and `plan`.
enum GenerationRules {
    static func check(_ site: Site, inlineSecrets: Bool) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (keyPath, secret) in site.secrets {
            let mark = site.mark(keyPath)
            if inlineSecrets {
                if secret.knownValue == nil {
                    let what: String
                    switch secret.reference {
                    case .env(let name): what = "environment variable \(name) is not set"
                    case .file(let path): what = "file \(secret.resolvedPath ?? path) cannot be read"
                    case .plain: what = "it has no value"
                    }
                    found.append(.error("\(keyPath) is needed with --inline-secrets, but \(what)", file: site.file,
                                        at: mark))
                }
            } else if case .plain = secret.reference {
                found.append(.error(
                    "\(keyPath) is a plain string, which can only be written with --inline-secrets", file: site.file,
                    at: mark,
                    hint: "use {env: NAME} or {file: PATH} so the files hold no secret, or pass --inline-secrets"))
            }
        }
        // Dex expands $VARS in connector config, even in an inline value; a '$' there cannot be escaped.
        if inlineSecrets, let value = site.okta.clientSecret.knownValue, value.contains("$"),
           !site.profile.pins.dexExpandsEnvOverRawJSON
        {
            found.append(.error(
                "okta.clientSecret contains '$', which Dex would expand as a variable when written inline",
                file: site.file, at: site.mark("okta.clientSecret"),
                hint: "leave out --inline-secrets: Dex then reads the secret from its environment, unchanged"))
        }
        // The tkg-1.3 Kubeapps chart takes these at install time through helm --set-string, which splits on
        // ',' and treats '\' as an escape.
        if !inlineSecrets, !site.profile.pins.kubeappsHasExistingOauth2Secret {
            for keyPath in ["kubeapps.clientSecret", "kubeapps.cookieSecret"] {
                let secret = keyPath == "kubeapps.clientSecret" ? site.kubeapps.clientSecret : site.kubeapps.cookieSecret
                guard let value = secret.knownValue, let problem = HelmSetString.problem(with: value) else { continue }
                found.append(.error("\(keyPath) (\(secret.sourceDescription)) \(problem)", file: site.file,
                                    at: site.mark(keyPath),
                                    hint: "choose a secret without ',' or '\\' (e.g. 'openssl rand -hex 16')"))
            }
        }
        return found
    }
}

/// What `helm --set-string key=VALUE` cannot carry unchanged.
public enum HelmSetString {
    public static func problem(with value: String) -> String? {
        if value.contains(",") { return "contains ',', which helm --set-string would split on" }
        if value.contains("\\") { return "contains '\\', which helm --set-string treats as an escape" }
        if value.hasPrefix("{") { return "starts with '{', which helm --set-string reads as a list" }
        return nil
    }
}
