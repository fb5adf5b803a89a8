import TKGYAML

/// Turns the node tree of one site file into a `Site`, applying defaults and checking every value
/// as it is read. All problems are collected; a site is returned only when there is no error.
struct SiteDecoder {
    static let apiVersion = "tkgauth/v1"
    static let kind = "Site"

    let source: SiteSource
    let lookup: SecretLookup
    let sink: DiagnosticSink
    let marks = MarkTable()

    init(source: SiteSource, lookup: SecretLookup, sink: DiagnosticSink) {
        self.source = source
        self.lookup = lookup
        self.sink = sink
    }

    func decode(_ root: YAMLNode) -> Site? {
        guard let top = MappingReader.make(root, path: "", sink: sink, marks: marks) else { return nil }
        checkHeader(top)
        let name = labelValue(top, "name", required: true, what: "the site name")
        let profile = readProfile(top)
        let ingress = readIngress(top)
        let okta = readOkta(top)
        let dex = readDex(top)
        let kubeapps = readKubeapps(top)
        let pinniped = readPinniped(top)
        let access = readAccess(top)
        top.finish()

        guard let name, let profile, let ingress, let okta, let dex, let kubeapps, let pinniped, let access,
              !sink.hasErrors
        else { return nil }
        return Site(file: source.path, name: name, profile: profile, ingress: ingress, okta: okta, dex: dex,
                    kubeapps: kubeapps, pinniped: pinniped, access: access, marks: marks.marks)
    }

    // MARK: - Sections

    private func checkHeader(_ top: MappingReader) {
        if let version = top.string("apiVersion", required: true), version != Self.apiVersion {
            sink.error("unknown apiVersion '\(version)'", at: marks.marks["apiVersion"] ?? top.mark,
                       hint: "this tkgauth reads '\(Self.apiVersion)'")
        }
        if let kind = top.string("kind", required: true), kind != Self.kind {
            let hint = kind.lowercased() == "site" ? "write 'Site'" : "the only kind is '\(Self.kind)'"
            sink.error("unknown kind '\(kind)'", at: marks.marks["kind"] ?? top.mark, hint: hint)
        }
    }

    private func readProfile(_ top: MappingReader) -> Profile? {
        guard let text = top.string("profile") else { return .default }
        if let profile = Profile(rawValue: text) { return profile }
        let names = Profile.allCases.map(\.rawValue)
        let suggestion = Suggestion.closest(to: text, among: names).map { "did you mean '\($0)'? " } ?? ""
        sink.error("unknown profile '\(text)'", at: marks.marks["profile"] ?? top.mark,
                   hint: "\(suggestion)profiles: \(names.joined(separator: ", "))")
        return nil
    }

    private func readIngress(_ top: MappingReader) -> IngressSettings? {
        guard let section = top.section("ingress", required: true) else { return nil }
        defer { section.finish() }
        let className = section.string("className", required: true)
        if let className, let problem = NameRules.subdomain(className, what: "ingress.className") {
            report(problem, "ingress.className")
        }
        let issuer = subdomainValue(section, "clusterIssuer", required: true, what: "ingress.clusterIssuer")
        let annotations = section.stringMap("annotations") ?? []
        for annotation in annotations where annotation.key.isEmpty {
            report(Problem("an annotation key is empty"), "ingress.annotations")
        }
        guard let className, let issuer else { return nil }
        return IngressSettings(className: className, clusterIssuer: issuer, annotations: annotations)
    }

    private func readOkta(_ top: MappingReader) -> OktaSettings? {
        guard let section = top.section("okta", required: true) else { return nil }
        defer { section.finish() }
        var issuer: String?
        if let text = section.string("issuer", required: true) {
            switch IssuerRule.check(text, what: "okta.issuer") {
            case .success(let outcome):
                issuer = outcome.issuer
                if let note = outcome.normalisation { report(note, "okta.issuer", severity: .warning) }
            case .failure(let problem):
                report(problem, "okta.issuer")
            }
        }
        let clientID = nonEmpty(section, "clientID", what: "okta.clientID")
        let secret = readSecret(section, "clientSecret")
        guard let issuer, let clientID, let secret else { return nil }
        return OktaSettings(issuer: issuer, clientID: clientID, clientSecret: secret)
    }

    private func readDex(_ top: MappingReader) -> DexSettings? {
        guard let section = top.section("dex", required: true) else { return nil }
        defer { section.finish() }
        let host = hostValue(section, "host", what: "dex.host")
        let namespace = labelValue(section, "namespace", default: "dex", what: "dex.namespace")
        let release = labelValue(section, "release", default: "dex", what: "dex.release", maxLength: 53)
        guard let host, let namespace, let release else { return nil }
        return DexSettings(host: host, namespace: namespace, release: release)
    }

    private func readKubeapps(_ top: MappingReader) -> KubeappsSettings? {
        guard let section = top.section("kubeapps", required: true) else { return nil }
        defer { section.finish() }
        let host = hostValue(section, "host", what: "kubeapps.host")
        let namespace = labelValue(section, "namespace", default: "kubeapps", what: "kubeapps.namespace")
        let release = labelValue(section, "release", default: "kubeapps", what: "kubeapps.release", maxLength: 53)
        let clientID = nonEmpty(section, "clientID", default: "kubeapps", what: "kubeapps.clientID")
        let clientSecret = readSecret(section, "clientSecret")
        let cookieSecret = readSecret(section, "cookieSecret")
        if let secret = cookieSecret, let value = secret.knownValue,
           let problem = CookieSecretRule.check(value, what: "kubeapps.cookieSecret (\(secret.sourceDescription))")
        {
            report(problem, "kubeapps.cookieSecret")
        }
        guard let host, let namespace, let release, let clientID, let clientSecret, let cookieSecret else {
            return nil
        }
        return KubeappsSettings(host: host, namespace: namespace, release: release, clientID: clientID,
                                clientSecret: clientSecret, cookieSecret: cookieSecret)
    }

    private func readPinniped(_ top: MappingReader) -> PinnipedSettings? {
        let section = top.section("pinniped")
        defer { section?.finish() }
        let authenticator = section.map {
            subdomainValue($0, "authenticator", default: "kubeapps-jwt-authenticator",
                           what: "pinniped.authenticator")
        } ?? "kubeapps-jwt-authenticator"
        let namespace = section.map {
            labelValue($0, "namespace", default: "pinniped-concierge", what: "pinniped.namespace")
        } ?? "pinniped-concierge"
        let usernameClaim = section.map { nonEmpty($0, "usernameClaim", default: "email", what: "pinniped.usernameClaim") }
            ?? "email"
        let groupsClaim = section.map { nonEmpty($0, "groupsClaim", default: "groups", what: "pinniped.groupsClaim") }
            ?? "groups"
        guard let authenticator, let namespace, let usernameClaim, let groupsClaim else { return nil }
        return PinnipedSettings(authenticator: authenticator, namespace: namespace, usernameClaim: usernameClaim,
                                groupsClaim: groupsClaim)
    }

    private func readAccess(_ top: MappingReader) -> [AccessGrant]? {
        guard let node = top.node("access", required: true) else { return nil }
        guard let items = node.items else {
            if node.scalar?.style.isPlain == true, node.scalar?.text == "" || node.scalar?.text == "~" {
                sink.error("'access' is empty: no one would get any access", at: node.mark,
                           hint: "add an entry with 'group' and 'clusterRole'")
            } else {
                sink.error("'access' must be a list of entries, found \(node.kindName)", at: node.mark)
            }
            return nil
        }
        if items.isEmpty {
            sink.error("'access' is empty: no one would get any access", at: node.mark,
                       hint: "add an entry with 'group' and 'clusterRole'")
            return nil
        }
        var grants: [AccessGrant] = []
        for (index, item) in items.enumerated() {
            if let grant = readGrant(item, path: "access[\(index)]") { grants.append(grant) }
        }
        return grants.count == items.count ? grants : nil
    }

    private func readGrant(_ node: YAMLNode, path: String) -> AccessGrant? {
        guard let entry = MappingReader.make(node, path: path, sink: sink, marks: marks) else { return nil }
        defer { entry.finish() }
        let group = nonEmpty(entry, "group", what: "\(path).group")
        var role = entry.string("clusterRole", required: true)
        if let value = role, let problem = NameRules.clusterRole(value, what: "\(path).clusterRole") {
            report(problem, "\(path).clusterRole")
            role = nil
        }
        let name = subdomainValue(entry, "name", what: "\(path).name")
        var namespaces: [String]?
        if let list = entry.stringList("namespaces") {
            if list.isEmpty {
                report(Problem("'\(path).namespaces' is empty",
                               hint: "list namespaces, or remove the key for a cluster-wide binding"),
                       "\(path).namespaces")
            }
            var seen: Set<String> = []
            namespaces = []
            for (index, item) in list.enumerated() {
                let itemPath = "\(path).namespaces[\(index)]"
                if let problem = NameRules.label(item.text, what: "namespace") {
                    report(problem, itemPath)
                } else if !seen.insert(item.text).inserted {
                    report(Problem("namespace '\(item.text)' is listed twice"), itemPath)
                }
                namespaces?.append(item.text)
            }
        }
        guard let group, let role else { return nil }
        return AccessGrant(group: group, clusterRole: role,
                           name: name ?? BindingName.derive(group: group, clusterRole: role),
                           nameIsExplicit: name != nil, namespaces: namespaces, mark: node.mark)
    }

    private func readSecret(_ section: MappingReader, _ key: String) -> SecretSetting? {
        let keyPath = section.keyPath(key)
        guard let node = section.node(key, required: true) else { return nil }
        let hint = "write {env: NAME} or {file: PATH}"
        switch node {
        case .scalar(let scalar):
            guard let text = MappingReader.text(of: node, keyPath: keyPath, required: true, sink: sink) else {
                return nil
            }
            if text.isEmpty {
                sink.error("'\(keyPath)' is empty", at: scalar.mark, hint: hint)
                return nil
            }
            sink.warning("'\(keyPath)' is a plain string: secrets do not belong in a committed file",
                         at: scalar.mark, hint: hint + " (a plain secret can only be written with --inline-secrets)")
            return SecretSetting(reference: .plain(text), knownValue: text)
        case .sequence:
            sink.error("'\(keyPath)' must be {env: NAME}, {file: PATH} or a string, found a list", at: node.mark)
            return nil
        case .mapping(let pairs, let mark):
            let before = sink.diagnostics.count
            let reader = MappingReader(pairs, path: keyPath, mark: mark, sink: sink, marks: marks)
            let env = reader.string("env")
            let file = reader.string("file")
            reader.finish()
            switch (env, file) {
            case (let name?, nil):
                if let problem = NameRules.environmentVariable(name) {
                    report(problem, "\(keyPath).env")
                    return nil
                }
                let reference = SecretReference.env(name)
                return SecretSetting(reference: reference, knownValue: lookup.value(of: reference, resolvedPath: nil))
            case (nil, let path?):
                if path.isEmpty {
                    report(Problem("'\(keyPath).file' is empty"), "\(keyPath).file")
                    return nil
                }
                let reference = SecretReference.file(path)
                let resolved = source.resolve(path)
                return SecretSetting(reference: reference,
                                     knownValue: lookup.value(of: reference, resolvedPath: resolved),
                                     resolvedPath: resolved)
            case (.some, .some):
                sink.error("'\(keyPath)' has both 'env' and 'file'", at: mark, hint: "keep one of them")
                return nil
            case (nil, nil):
                if sink.diagnostics.count == before {
                    sink.error("'\(keyPath)' names no source", at: mark, hint: hint)
                }
                return nil
            }
        }
    }

    // MARK: - Values with rules

    private func report(_ problem: Problem, _ keyPath: String, severity: Diagnostic.Severity = .error) {
        let mark = marks.marks[keyPath] ?? .none
        switch severity {
        case .error: sink.error(problem.message, at: mark, hint: problem.hint)
        case .warning: sink.warning(problem.message, at: mark, hint: problem.hint)
        }
    }

    private func nonEmpty(_ reader: MappingReader, _ key: String, default fallback: String? = nil, what: String)
        -> String?
    {
        guard let value = reader.string(key, required: fallback == nil) else { return fallback }
        if value.trimmingWhitespace.isEmpty {
            report(Problem("\(what) is empty"), reader.keyPath(key))
            return nil
        }
        return value
    }

    private func labelValue(_ reader: MappingReader, _ key: String, required: Bool = false,
                            default fallback: String? = nil, what: String, maxLength: Int = 63) -> String?
    {
        guard let value = reader.string(key, required: required) else { return fallback }
        if let problem = NameRules.label(value, what: what, maxLength: maxLength) {
            report(problem, reader.keyPath(key))
            return nil
        }
        return value
    }

    private func subdomainValue(_ reader: MappingReader, _ key: String, required: Bool = false,
                                default fallback: String? = nil, what: String) -> String?
    {
        guard let value = reader.string(key, required: required) else { return fallback }
        if let problem = NameRules.subdomain(value, what: what) {
            report(problem, reader.keyPath(key))
            return nil
        }
        return value
    }

    private func hostValue(_ reader: MappingReader, _ key: String, what: String) -> String? {
        guard let value = reader.string(key, required: true) else { return nil }
        if let problem = NameRules.host(value, what: what) {
            report(problem, reader.keyPath(key))
            return nil
        }
        return value
    }
}

extension String {
    var trimmingWhitespace: Substring {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
