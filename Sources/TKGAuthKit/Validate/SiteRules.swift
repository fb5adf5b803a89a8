import TKGYAML

/// Rules that span several keys of one site, run once every key has been read.
enum SiteRules {
    static func check(_ site: Site, sink: DiagnosticSink) {
        if site.dex.host == site.kubeapps.host {
            sink.error("kubeapps.host is the same as dex.host; each needs its own host name",
                       at: site.mark("kubeapps.host"), hint: "e.g. dex.example.com and kubeapps.example.com")
        }
        checkBindingNames(site, sink: sink)
        checkOktaSecretForProfile(site, sink: sink)
    }

    /// Binding names must be unique: cluster-wide, and within each namespace.
    private static func checkBindingNames(_ site: Site, sink: DiagnosticSink) {
        var clusterWide: [String: Int] = [:]
        var namespaced: [String: Int] = [:]
        for (index, grant) in site.access.enumerated() {
            let place = grant.nameIsExplicit ? site.mark("access[\(index)].name") : grant.mark
            let kind = grant.nameIsExplicit ? "binding name" : "derived binding name"
            if let namespaces = grant.namespaces {
                for namespace in namespaces {
                    let key = "\(namespace)/\(grant.name)"
                    if let first = namespaced[key] {
                        sink.error("\(kind) '\(grant.name)' is used twice in namespace '\(namespace)'", at: place,
                                   hint: "access[\(first)] has it too; give one of them another 'name'")
                    } else {
                        namespaced[key] = index
                    }
                }
            } else if let first = clusterWide[grant.name] {
                sink.error("\(kind) '\(grant.name)' is used twice", at: place,
                           hint: "access[\(first)] has it too; give one of them another 'name'")
            } else {
                clusterWide[grant.name] = index
            }
        }
    }

    /// Dex up to 2.41 substitutes `$VARS` into the raw JSON text of the connector config: a secret holding
    /// `"`, `\` or `$` would corrupt it or be mangled.
    private static func checkOktaSecretForProfile(_ site: Site, sink: DiagnosticSink) {
        guard site.profile.pins.dexExpandsEnvOverRawJSON, let value = site.okta.clientSecret.knownValue else {
            return
        }
        let bad = ["\"", "\\", "$"].filter { value.contains($0) }
        guard !bad.isEmpty else { return }
        sink.error(
            "okta.clientSecret (\(site.okta.clientSecret.sourceDescription)) contains "
                + bad.map { "'\($0)'" }.joined(separator: " and ")
                + ", which Dex \(site.profile.pins.dexAppVersion) of profile \(site.profile.rawValue) "
                + "would corrupt when it substitutes the secret into its configuration",
            at: site.mark("okta.clientSecret"),
            hint: "generate a new client secret in Okta without these characters, or use profile 'current'")
    }
}
