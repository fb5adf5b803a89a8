import TKGYAML

/// The placeholders of a site's templates (listed in docs/templates.md).
enum RenderContext {
    static func make(for site: Site, inlineSecrets: Bool) -> TemplateContext {
        let layout = SecretLayout(site: site)
        var context = TemplateContext()
        context.set("site.name", site.name)
        context.set("site.profile", site.profile.rawValue)
        context["labels"] = .node(.map([
            ("app.kubernetes.io/managed-by", .string("tkgauth")),
            ("app.kubernetes.io/part-of", .string(site.name)),
        ]))
        context.set("ingress.className", site.ingress.className)
        context.set("ingress.clusterIssuer", site.ingress.clusterIssuer)

        context.set("okta.issuer", site.okta.issuer)
        context.set("okta.clientID", site.okta.clientID)
        // Dex expands $VARS in connector config; the chart's envFrom feeds the variable from a Secret.
        context.set("okta.clientSecret",
                    inlineSecrets ? site.okta.clientSecret.knownValue : "$" + SecretLayout.dexOktaSecretKey)

        context.set("dex.host", site.dex.host)
        context.set("dex.issuer", site.dex.issuer)
        context.set("dex.callbackURL", site.dex.callbackURL)
        context.set("dex.namespace", site.dex.namespace)
        context.set("dex.release", site.dex.release)
        context.set("dex.tlsSecretName", "\(site.dex.host)-tls")
        context["dex.ingressAnnotations"] = .node(annotationNode(IngressAnnotations.annotations(for: site, target: .dex)))
        context["dex.envFrom"] = inlineSecrets
            ? .absent
            : .node(.list([.map([("secretRef", .map([("name", .string(layout.dexSecretName))]))])]))
        context.set("dex.clientSecretEnv", inlineSecrets ? nil : SecretLayout.dexClientSecretKey)

        context.set("kubeapps.host", site.kubeapps.host)
        context.set("kubeapps.url", site.kubeapps.url)
        context.set("kubeapps.callbackURL", site.kubeapps.callbackURL)
        context.set("kubeapps.clientID", site.kubeapps.clientID)
        context.set("kubeapps.clientSecretInline", inlineSecrets ? site.kubeapps.clientSecret.knownValue : nil)
        context.set("kubeapps.cookieSecretInline", inlineSecrets ? site.kubeapps.cookieSecret.knownValue : nil)
        context.set("kubeapps.existingOauth2Secret",
                    inlineSecrets || !site.profile.pins.kubeappsHasExistingOauth2Secret ? nil : layout.kubeappsSecretName)
        context["kubeapps.ingressAnnotations"] =
            .node(annotationNode(IngressAnnotations.annotations(for: site, target: .kubeapps)))

        let image = site.profile.pins.pinnipedProxyImage
        let imageParts = image?.split(separator: ":", maxSplits: 1).map(String.init)
        context.set("pinnipedProxy.imageRepository", imageParts?.first)
        context.set("pinnipedProxy.imageTag", imageParts?.last)

        context.set("pinniped.authenticator", site.pinniped.authenticator)
        context.set("pinniped.namespace", site.pinniped.namespace)
        context.set("pinniped.usernameClaim", site.pinniped.usernameClaim)
        context.set("pinniped.groupsClaim", site.pinniped.groupsClaim)
        if inlineSecrets {
            context.secretNames = ["okta.clientSecret", "kubeapps.clientSecretInline", "kubeapps.cookieSecretInline"]
        }
        return context
    }

    /// The extra placeholders of one binding document.
    static func binding(_ base: TemplateContext, grant: AccessGrant, namespace: String?) -> TemplateContext {
        var context = base
        context.set("binding.name", grant.name)
        context.set("binding.group", grant.group)
        context.set("binding.clusterRole", grant.clusterRole)
        context.set("binding.namespace", namespace)
        return context
    }

    static func annotationNode(_ annotations: [KeyValue]) -> YAMLNode {
        .map(annotations.map { ($0.key, YAMLNode.string($0.value)) })
    }

    /// Every placeholder name, for `templates list` and the docs.
    static var placeholderNames: [String] {
        let site = exampleSite
        let base = make(for: site, inlineSecrets: false)
        let names = binding(base, grant: site.access[0], namespace: "ns").values.keys
        return names.sorted()
    }

    /// A small site used to list the placeholders.
    private static var exampleSite: Site {
        let secret = SecretSetting(reference: .env("X"), knownValue: nil)
        return Site(
            file: "site.yaml", name: "site", profile: .current,
            ingress: IngressSettings(className: "nginx", clusterIssuer: "issuer", annotations: []),
            okta: OktaSettings(issuer: "https://example.okta.com", clientID: "id", clientSecret: secret),
            dex: DexSettings(host: "dex.example.com", namespace: "dex", release: "dex"),
            kubeapps: KubeappsSettings(host: "kubeapps.example.com", namespace: "kubeapps", release: "kubeapps",
                                       clientID: "kubeapps", clientSecret: secret, cookieSecret: secret),
            pinniped: PinnipedSettings(authenticator: "a", namespace: "pinniped-concierge", usernameClaim: "email",
                                       groupsClaim: "groups"),
            access: [AccessGrant(group: "g", clusterRole: "view", name: "b", nameIsExplicit: true, namespaces: nil,
                                 mark: .none)],
            marks: [:])
    }
}
