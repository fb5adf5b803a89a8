import Testing
import TKGAuthKit

/// Each cross-file rule, broken through an edited template, is reported against that template.
@Suite struct ConsistencyCheckTests {
    struct Break: CustomTestStringConvertible, Sendable {
        var template: TemplateID
        var old: String
        var new: String
        var message: String
        var testDescription: String { message }
    }

    static let breaks: [Break] = [
        Break(template: .dexValuesCurrent, old: "issuer: ${dex.issuer}", new: "issuer: ${dex.issuer}/",
              message: "Dex's config.issuer is 'https://dex.example.com/'; it must be 'https://dex.example.com'"),
        Break(template: .jwtAuthenticatorCurrent, old: "issuer: ${dex.issuer}", new: "issuer: ${okta.issuer}",
              message: "the JWTAuthenticator's spec.issuer is 'https://example.okta.com'; it must be 'https://dex.example.com'"),
        Break(template: .kubeappsValuesCurrent, old: "--oidc-issuer-url=${dex.issuer}", new: "--oidc-issuer-url=${okta.issuer}",
              message: "authProxy.extraFlags must hold '--oidc-issuer-url=https://dex.example.com'"),
        Break(template: .dexValuesCurrent, old: "- id: ${kubeapps.clientID}", new: "- id: kubeapp",
              message: "Dex's static client id is 'kubeapp'; it must be 'kubeapps'"),
        Break(template: .dexValuesCurrent, old: "- ${kubeapps.callbackURL}", new: "- ${kubeapps.url}/callback",
              message: "Dex's static client must list the redirect URI 'https://kubeapps.example.com/oauth2/callback'"),
        Break(template: .dexValuesCurrent, old: "redirectURI: ${dex.callbackURL}", new: "redirectURI: ${dex.issuer}",
              message: "the Okta connector's redirectURI is 'https://dex.example.com'; it must be 'https://dex.example.com/callback'"),
        Break(template: .dexValuesCurrent, old: "          - groups\n", new: "",
              message: "the Okta connector must request the 'groups' scope"),
        Break(template: .dexValuesCurrent, old: "getUserInfo: true", new: "getUserInfo: false",
              message: "the Okta connector's getUserInfo is 'false'; it must be 'true'"),
        Break(template: .dexValuesCurrent, old: "insecureEnableGroups: true", new: "insecureEnableGroup: true",
              message: "the Okta connector's insecureEnableGroups is missing; it must be 'true'"),
        Break(template: .kubeappsValuesCurrent, old: "scope: openid email groups offline_access", new: "scope: openid email",
              message: "authProxy.scope must request 'groups' from Dex"),
        Break(template: .kubeappsValuesCurrent, old: "defaultAuthenticatorName: ${pinniped.authenticator}",
              new: "defaultAuthenticatorName: jwt-authenticator",
              message: "pinnipedProxy.defaultAuthenticatorName is 'jwt-authenticator'; it must be 'kubeapps-jwt-authenticator'"),
        Break(template: .jwtAuthenticatorCurrent, old: "groups: ${pinniped.groupsClaim}", new: "groups: roles",
              message: "the JWTAuthenticator's claims.groups is 'roles'; it must be 'groups'"),
        Break(template: .clusterRoleBinding, old: "kind: Group", new: "kind: User",
              message: "the bindings' subjects must be the groups of 'access', each a 'Group'"),
        Break(template: .jwtAuthenticatorCurrent, old: "audience: ${kubeapps.clientID}", new: "audience: ${kubeapps.clientId}",
              message: "unknown placeholder ${kubeapps.clientId}"),
    ]

    @Test(arguments: breaks)
    func brokenRuleIsReported(_ change: Break) throws {
        let site = try Fixtures.site(Fixtures.source(text: Fixtures.minimalSite))
        let text = change.template.embeddedText
        #expect(text.contains(change.old), "the template has '\(change.old)'")
        let edited = TemplateText(origin: "tpl/\(change.template.fileName)",
                                  text: text.replacingFirst(change.old, with: change.new))
        let result = Generator.generate([site], options: GenerationOptions(
            templateOverrides: [change.template.fileName: edited]))
        #expect(result.files.isEmpty)
        #expect(result.diagnostics.map(\.message).contains(change.message), "\(result.diagnostics.map(\.message))")
        #expect(result.diagnostics.allSatisfy { $0.file == "tpl/\(change.template.fileName)" })
        #expect(result.diagnostics.allSatisfy { $0.mark.line >= 1 && $0.mark.column >= 1 }, "located in the template")
    }

    @Test func pointsAtTheLineInTheTemplate() throws {
        let site = try Fixtures.site(Fixtures.source(text: Fixtures.minimalSite))
        let text = TemplateID.jwtAuthenticatorCurrent.embeddedText.replacingFirst("audience: ${kubeapps.clientID}", with: "audience: other")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("audience: other") }! + 1
        let result = Generator.generate([site], options: GenerationOptions(
            templateOverrides: ["jwt-authenticator.current.yaml": TemplateText(origin: "t.yaml", text: text)]))
        #expect(result.diagnostics.map(\.location) == ["t.yaml:\(line):13"])
    }

    @Test func embeddedTemplatesPassForEveryProfile() throws {
        for profile in Profile.allCases {
            let yaml = Fixtures.minimalSite.replacingFirst("name: test", with: "name: test\nprofile: \(profile.rawValue)")
            let site = try Fixtures.site(Fixtures.source(text: yaml))
            #expect(Generator.generate([site], options: GenerationOptions()).diagnostics.isEmpty)
        }
    }

    @Test func templateFolderMatchesTemplateIDs() throws {
        let names = try FileManagerNames.yamlFiles(in: Fixtures.repoRoot.appendingPathComponent("templates").path)
        #expect(names == TemplateID.allCases.map(\.fileName).sorted())
        for id in TemplateID.allCases {
            #expect(!id.embeddedText.isEmpty)
        }
    }
}
