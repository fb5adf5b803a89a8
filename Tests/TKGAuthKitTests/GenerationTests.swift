import Foundation
import Testing
import TestSupport
import TKGAuthKit
import TKGYAML

/// What `generate` writes: secrets kept out by default, inline on request, the files agreeing with each other
/// and with the upstream definitions (checked by an independent Python checker).
@Suite struct GenerationTests {
    static let modes = [false, true]

    static func generate(_ example: String, inline: Bool) throws -> (Site, [GeneratedFile]) {
        let site = try Fixtures.site(Fixtures.source(example), lookup: Fixtures.secretLookup)
        let result = Generator.generate([site], options: GenerationOptions(inlineSecrets: inline))
        guard result.diagnostics.isEmpty else {
            throw FixtureError(message: result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return (site, result.files)
    }

    @Test(arguments: Fixtures.examples)
    func noSecretValueByDefault(example: String) throws {
        let (site, files) = try Self.generate(example, inline: false)
        let values = site.secrets.compactMap(\.setting.knownValue)
        #expect(values.count == 3)
        for file in files {
            #expect(!file.holdsSecret)
            for value in values {
                #expect(!file.contents.contains(value), "\(file.relativePath) holds a secret value")
            }
        }
        let dex = try #require(files.first { $0.name == "dex-values.yaml" })
        #expect(dex.contents.contains("clientSecret: $OKTA_CLIENT_SECRET"))
        #expect(dex.contents.contains("secretEnv: KUBEAPPS_CLIENT_SECRET"))
    }

    @Test(arguments: Fixtures.examples)
    func inlineSecretsAreWrittenAndMarked(example: String) throws {
        let (site, files) = try Self.generate(example, inline: true)
        let all = files.map(\.contents).joined()
        for (_, setting) in site.secrets {
            #expect(all.contains(try #require(setting.knownValue)))
        }
        #expect(files.filter(\.holdsSecret).map(\.name).sorted() == ["dex-values.yaml", "kubeapps-values.yaml"])
        #expect(!all.contains("secretEnv"))
        #expect(!all.contains("envFrom"))
    }

    @Test(arguments: Fixtures.examples, modes)
    func independentCheckerAcceptsTheFiles(example: String, inline: Bool) throws {
        guard !PythonChecker.skipped else { return }
        let (site, files) = try Self.generate(example, inline: inline)
        #expect(Self.independentCheck(site: site, files: files, inline: inline) == nil)
    }

    /// The checker must catch what it claims to: a misspelt chart key, a string where a boolean belongs,
    /// a Dex key newer than the profile's Dex, a wrong audience, a binding missing a roleRef field.
    @Test(arguments: [
        ("kubeapps-values.yaml", "  tls: true", "  tls: \"true\"", "ingress.tls is str"),
        ("kubeapps-values.yaml", "  hostname:", "  hostnme:", "key ingress.hostnme does not exist"),
        ("dex-values.yaml", "      userNameKey: email", "      userNameKey: email\n      pkceChallenge: S256",
         "pkceChallenge is not a key Dex knows"),
        ("jwt-authenticator.yaml", "  audience: kubeapps", "  audience: other", "audience, Dex's static client id"),
        ("clusterrolebinding.yaml", "  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole",
         "  kind: ClusterRole", "apiGroup"),
    ])
    func independentCheckerCatchesMistakes(file: String, old: String, new: String, expected: String) throws {
        guard !PythonChecker.skipped else { return }
        let (site, files) = try Self.generate("examples/whiteharbor.yaml", inline: false)
        let broken = files.map { generated -> GeneratedFile in
            guard generated.name == file else { return generated }
            var copy = generated
            #expect(copy.documents[0].contains(old))
            copy.documents[0] = copy.documents[0].replacingFirst(old, with: new)
            return copy
        }
        let problems = Self.independentCheck(site: site, files: broken, inline: false)
        #expect(problems?.contains(expected) == true, "\(problems ?? "no problem found")")
    }

    /// Writes the files to a folder and runs Tests/Support/check_site_files.py on them.
    static func independentCheck(site: Site, files: [GeneratedFile], inline: Bool) -> String? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tkgauth-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for file in files {
                try file.contents.write(to: dir.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
            }
        } catch {
            return "cannot write the files: \(error)"
        }
        let groups = site.access.flatMap { Array(repeating: $0.group, count: $0.namespaces?.count ?? 1) }
        let expect: [String: Any] = [
            "profile": site.profile.rawValue, "dexHost": site.dex.host, "kubeappsHost": site.kubeapps.host,
            "clientID": site.kubeapps.clientID, "authenticator": site.pinniped.authenticator,
            "pinnipedNamespace": site.pinniped.namespace, "groupsClaim": site.pinniped.groupsClaim,
            "usernameClaim": site.pinniped.usernameClaim, "groups": groups, "inlineSecrets": inline,
        ]
        let expectFile = dir.appendingPathComponent("expect.json")
        do {
            try JSONSerialization.data(withJSONObject: expect).write(to: expectFile)
        } catch {
            return "cannot write \(expectFile.path): \(error)"
        }
        return PythonChecker.problems(script: "check_site_files.py",
                                      arguments: [upstreamDir.path, dir.path, expectFile.path])
    }

    /// The pinned upstream definitions: ../shared/upstream beside the checkout, or TKGAUTH_UPSTREAM.
    static var upstreamDir: URL {
        if let configured = ProcessInfo.processInfo.environment["TKGAUTH_UPSTREAM"] {
            return URL(fileURLWithPath: configured)
        }
        return Fixtures.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/upstream")
    }

    @Test func outputIsDeterministic() throws {
        let first = try Self.generate("examples/bluefjord.yaml", inline: false).1
        let second = try Self.generate("examples/bluefjord.yaml", inline: false).1
        #expect(first == second)
    }

    @Test func bindingFilesFollowTheKindOfAccess() throws {
        let white = try Self.generate("examples/whiteharbor.yaml", inline: false).1.map(\.name)
        #expect(white == ["dex-values.yaml", "jwt-authenticator.yaml", "kubeapps-values.yaml", "clusterrolebinding.yaml"])
        let blue = try Self.generate("examples/bluefjord.yaml", inline: false).1
        let roleBindings = try #require(blue.first { $0.name == "rolebindings.yaml" })
        #expect(roleBindings.documents.count == 3)  // team-a, team-a-staging, team-b
        #expect(roleBindings.contents.contains("\n---\n"))
    }

    @Test func plainSecretNeedsInlineSecrets() throws {
        let yaml = Fixtures.minimalSite.replacingFirst("{env: OKTA_CLIENT_SECRET}", with: "hunter2-plain")
        let site = try #require(SiteLoader.load([Fixtures.source(text: yaml)], secrets: Fixtures.secretLookup).sites.first)
        let refused = Generator.generate([site], options: GenerationOptions())
        #expect(refused.files.isEmpty)
        #expect(refused.diagnostics.map(\.description).first?.hasPrefix(
            "site.yaml:10:17: error: okta.clientSecret is a plain string, which can only be written with --inline-secrets") == true)
        let inline = Generator.generate([site], options: GenerationOptions(inlineSecrets: true))
        #expect(inline.diagnostics.isEmpty)
        #expect(inline.files.first { $0.name == "dex-values.yaml" }?.contents.contains("hunter2-plain") == true)
    }

    @Test func inlineSecretsNeedTheirValues() throws {
        let site = try Fixtures.site(Fixtures.source(text: Fixtures.minimalSite))
        let result = Generator.generate([site], options: GenerationOptions(inlineSecrets: true))
        #expect(result.files.isEmpty)
        #expect(result.diagnostics.map(\.message) == [
            "okta.clientSecret is needed with --inline-secrets, but environment variable OKTA_CLIENT_SECRET is not set",
            "kubeapps.clientSecret is needed with --inline-secrets, but environment variable KUBEAPPS_CLIENT_SECRET is not set",
            "kubeapps.cookieSecret is needed with --inline-secrets, but environment variable KUBEAPPS_COOKIE_SECRET is not set",
        ])
    }

    @Test func hostileValuesKeepTheirShape() throws {
        // Values that look like YAML booleans, numbers or syntax come back as the same strings.
        let yaml = Fixtures.minimalSite
            .replacingFirst("clientID: 0oaEXAMPLE", with: "clientID: '0777'")
            .replacingFirst("  - group: admins", with: "  - group: 'ops: #1 - y'\n    clusterRole: edit\n    name: ops\n  - group: 'yes'\n    clusterRole: view\n  - group: 'null'")
            .replacingFirst("  clusterIssuer: letsencrypt", with: "  clusterIssuer: letsencrypt\n  annotations:\n    example.com/flag: 'on'\n    example.com/multi: \"a\\nb: c\"")
        let site = try Fixtures.site(Fixtures.source(text: yaml), lookup: Fixtures.secretLookup)
        let files = Generator.generate([site], options: GenerationOptions()).files
        let dexFile = try #require(files.first { $0.name == "dex-values.yaml" })
        let dex = try #require(try YAMLParser.parseDocument(dexFile.contents))
        #expect(dex["config"]?["connectors"]?.items?.first?["config"]?["clientID"]?.scalar?.style.isPlain == false)
        #expect(dex["ingress"]?["annotations"]?["example.com/flag"]?.scalar?.text == "on")
        #expect(dex["ingress"]?["annotations"]?["example.com/multi"]?.scalar?.text == "a\nb: c")
        let crb = try #require(files.first { $0.name == "clusterrolebinding.yaml" })
        let groups = try YAMLParser.parseStream(crb.contents).compactMap { $0["subjects"]?.items?.first?["name"]?.scalar }
        #expect(groups.map(\.text) == ["ops: #1 - y", "yes", "null"])
        #expect(groups.allSatisfy { !$0.style.isPlain || !ScalarQuoting.needsQuotes($0.text) })
    }
}
