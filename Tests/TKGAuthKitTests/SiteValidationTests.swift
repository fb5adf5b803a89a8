import Testing
import TKGAuthKit

/// One row per rule: a change to the minimal site and the diagnostics it must produce, with line and column.
@Suite struct SiteValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        /// `LINE:COL: severity: message` of every diagnostic, in order.
        var expected: [String]
        var testDescription: String { name }
    }

    /// The minimal site with `old` replaced by `new` (which must occur in it).
    static func edit(_ old: String, _ new: String) -> String {
        precondition(Fixtures.minimalSite.contains(old), "no '\(old)' in the minimal site")
        return Fixtures.minimalSite.replacingFirst(old, with: new)
    }

    static let cases: [Case] = [
        Case(name: "unknown top-level key with suggestion", yaml: edit("kubeapps:\n", "kubeapp:\n"),
             expected: ["1:1: error: missing required key 'kubeapps'", "13:1: error: unknown key 'kubeapp'"]),
        Case(name: "unknown nested key", yaml: edit("  host: dex.example.com", "  hots: dex.example.com"),
             expected: ["12:3: error: missing required key 'dex.host'", "12:3: error: unknown key 'dex.hots'"]),
        Case(name: "wrong apiVersion", yaml: edit("tkgauth/v1", "tkgauth/v2"),
             expected: ["1:13: error: unknown apiVersion 'tkgauth/v2'"]),
        Case(name: "wrong kind", yaml: edit("kind: Site", "kind: site"),
             expected: ["2:7: error: unknown kind 'site'"]),
        Case(name: "unknown profile", yaml: edit("name: test", "name: test\nprofile: tkg-13"),
             expected: ["4:10: error: unknown profile 'tkg-13'"]),
        Case(name: "missing name", yaml: edit("name: test\n", ""),
             expected: ["1:1: error: missing required key 'name'"]),
        Case(name: "name is not a label", yaml: edit("name: test", "name: Test_Site"),
             expected: ["3:7: error: the site name 'Test_Site' contains '_'"]),
        Case(name: "url pasted into host", yaml: edit("host: dex.example.com", "host: https://dex.example.com/"),
             expected: ["12:9: error: dex.host 'https://dex.example.com/' is a URL, not a host name"]),
        Case(name: "underscore in host", yaml: edit("host: kubeapps.example.com", "host: kube_apps.example.com"),
             expected: ["14:9: error: kubeapps.host 'kube_apps.example.com' has an underscore, which DNS host names cannot contain"]),
        Case(name: "same host twice", yaml: edit("host: kubeapps.example.com", "host: dex.example.com"),
             expected: ["14:9: error: kubeapps.host is the same as dex.host; each needs its own host name"]),
        Case(name: "http issuer", yaml: edit("https://example.okta.com", "http://example.okta.com"),
             expected: ["8:11: error: okta.issuer 'http://example.okta.com' uses http; OIDC issuers must use https"]),
        Case(name: "issuer with query", yaml: edit("https://example.okta.com", "https://example.okta.com?x=1"),
             expected: ["8:11: error: okta.issuer 'https://example.okta.com?x=1' has a query; an issuer cannot"]),
        Case(name: "issuer trailing slash is normalised", yaml: edit("https://example.okta.com", "https://example.okta.com/oauth2/default/"),
             expected: ["8:11: warning: okta.issuer 'https://example.okta.com/oauth2/default/' ends with '/'; using 'https://example.okta.com/oauth2/default'"]),
        Case(name: "plain secret warns", yaml: edit("{env: OKTA_CLIENT_SECRET}", "hunter2"),
             expected: ["10:17: warning: 'okta.clientSecret' is a plain string: secrets do not belong in a committed file"]),
        Case(name: "bad env name", yaml: edit("{env: OKTA_CLIENT_SECRET}", "{env: 1OKTA}"),
             expected: ["10:23: error: '1OKTA' is not a valid environment variable name"]),
        Case(name: "env and file", yaml: edit("{env: OKTA_CLIENT_SECRET}", "{env: A, file: b}"),
             expected: ["10:17: error: 'okta.clientSecret' has both 'env' and 'file'"]),
        Case(name: "unknown secret source", yaml: edit("{env: OKTA_CLIENT_SECRET}", "{enf: A}"),
             expected: ["10:18: error: unknown key 'okta.clientSecret.enf'"]),
        Case(name: "secret as list", yaml: edit("{env: OKTA_CLIENT_SECRET}", "[a]"),
             expected: ["10:17: error: 'okta.clientSecret' must be {env: NAME}, {file: PATH} or a string, found a list"]),
        Case(name: "bad plain cookie secret", yaml: edit("{env: KUBEAPPS_COOKIE_SECRET}", "tooshort"),
             expected: ["16:17: error: kubeapps.cookieSecret (the plain string in the site file) is 8 bytes long; oauth2-proxy needs 16, 24 or 32 bytes, raw or after URL-safe base64 decoding",
                        "16:17: warning: 'kubeapps.cookieSecret' is a plain string: secrets do not belong in a committed file"]),
        Case(name: "empty access", yaml: edit("  - group: admins\n    clusterRole: cluster-admin\n", "  []\n").replacingFirst("access:\n  []", with: "access: []"),
             expected: ["17:9: error: 'access' is empty: no one would get any access"]),
        Case(name: "access entry without group", yaml: edit("  - group: admins\n", "  - name: x\n"),
             expected: ["18:5: error: missing required key 'access[0].group'"]),
        Case(name: "clusterRole with slash", yaml: edit("clusterRole: cluster-admin", "clusterRole: rbac/admin"),
             expected: ["19:18: error: access[0].clusterRole 'rbac/admin' contains '/', which no object name can"]),
        Case(name: "list where a string belongs", yaml: edit("className: nginx", "className: [nginx]"),
             expected: ["5:14: error: 'ingress.className' must be a string, found a list"]),
        Case(name: "duplicate key", yaml: edit("name: test", "name: test\nname: again"),
             expected: ["4:1: error: duplicate key 'name'"]),
        Case(name: "tab indentation", yaml: edit("  className: nginx", "\tclassName: nginx"),
             expected: ["5:1: error: while scanning for the next token: found character that cannot start any token"]),
        Case(name: "not a mapping", yaml: "- a\n- b\n",
             expected: ["1:1: error: a site file must be a map of keys (apiVersion, kind, name, ...), found a list"]),
        Case(name: "empty file", yaml: "# nothing\n",
             expected: ["1:1: error: the site file is empty"]),
        Case(name: "two documents", yaml: Fixtures.minimalSite + "---\nname: x\n",
             expected: ["20:1: error: expected one document, found several"]),
        Case(name: "namespaces empty", yaml: edit("clusterRole: cluster-admin", "clusterRole: edit\n    namespaces: []"),
             expected: ["20:17: error: 'access[0].namespaces' is empty"]),
        Case(name: "duplicate explicit binding names",
             yaml: edit("    clusterRole: cluster-admin\n", "    clusterRole: cluster-admin\n    name: same\n  - group: b\n    clusterRole: view\n    name: same\n"),
             expected: ["23:11: error: binding name 'same' is used twice"]),
        Case(name: "issuer with fragment", yaml: edit("https://example.okta.com", "https://example.okta.com#x"),
             expected: ["8:11: error: okta.issuer 'https://example.okta.com#x' has a fragment; an issuer cannot"]),
        Case(name: "issuer not a URL", yaml: edit("https://example.okta.com", "example.okta.com"),
             expected: ["8:11: error: okta.issuer 'example.okta.com' is not an https URL"]),
        Case(name: "clusterIssuer not an object name", yaml: edit("clusterIssuer: letsencrypt", "clusterIssuer: Lets_Encrypt"),
             expected: ["6:18: error: ingress.clusterIssuer 'Lets_Encrypt' contains '_'"]),
        Case(name: "authenticator not an object name", yaml: edit("access:", "pinniped:\n  authenticator: jwt auth\naccess:"),
             expected: ["18:18: error: pinniped.authenticator 'jwt auth' contains ' '"]),
        Case(name: "namespace not a label", yaml: edit("  host: dex.example.com", "  host: dex.example.com\n  namespace: dex.system"),
             expected: ["13:14: error: dex.namespace 'dex.system' contains '.'"]),
        Case(name: "release too long for helm", yaml: edit("  host: dex.example.com", "  host: dex.example.com\n  release: " + String(repeating: "r", count: 54)),
             expected: ["13:12: error: dex.release '" + String(repeating: "r", count: 54) + "' is 54 characters long; the limit is 53"]),
        Case(name: "binding name not an object name", yaml: edit("    clusterRole: cluster-admin", "    clusterRole: cluster-admin\n    name: Admins!"),
             expected: ["20:11: error: access[0].name 'Admins!' has uppercase letters"]),
        Case(name: "empty group", yaml: edit("group: admins", "group: ''"),
             expected: ["18:12: error: access[0].group is empty"]),
        Case(name: "namespace listed twice", yaml: edit("clusterRole: cluster-admin", "clusterRole: edit\n    namespaces: [a, a]"),
             expected: ["20:21: error: namespace 'a' is listed twice"]),
        Case(name: "aggregate role names are fine", yaml: edit("clusterRole: cluster-admin", "clusterRole: system:aggregate-to-edit"),
             expected: []),
        Case(name: "unresolved reference is not a problem", yaml: edit("{env: OKTA_CLIENT_SECRET}", "{file: no/such/file}"),
             expected: []),
        Case(name: "merge key", yaml: edit("dex:\n  host: dex.example.com", "base: &b\n  host: dex.example.com\ndex:\n  <<: *b"),
             expected: ["14:3: error: merge keys (<<) are not supported"]),
        Case(name: "alias bomb", yaml: "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
             expected: ["3:40: error: too many nodes from aliases (limit 1000)"]),
        Case(name: "tag other than string", yaml: edit("name: test", "name: !!int 12"),
             expected: ["3:7: error: 'name' has the tag tag:yaml.org,2002:int; every value in a site is a string"]),
        Case(name: "IP address as host", yaml: edit("host: dex.example.com", "host: 10.0.0.1"),
             expected: ["12:9: error: dex.host '10.0.0.1' is an IP address, not a DNS name"]),
        Case(name: "wildcard host", yaml: edit("host: dex.example.com", "host: '*.example.com'"),
             expected: ["12:9: error: dex.host '*.example.com' contains '*'"]),
        Case(name: "label starting with a dash", yaml: edit("host: dex.example.com", "host: -dex.example.com"),
             expected: ["12:9: error: dex.host '-dex.example.com' has the label '-dex', which starts or ends with '-'"]),
        Case(name: "blank clusterRole", yaml: edit("clusterRole: cluster-admin", "clusterRole: '  '"),
             expected: ["19:18: error: access[0].clusterRole is empty"]),
        Case(name: "clusterRole with a space", yaml: edit("clusterRole: cluster-admin", "clusterRole: cluster admin"),
             expected: ["19:18: error: access[0].clusterRole 'cluster admin' contains white space or a control character, which no role name has"]),
        Case(name: "a lone document marker", yaml: "---\n",
             expected: ["1:1: error: the site file is empty"]),
        Case(name: "several errors at once, sorted",
             yaml: edit("className: nginx", "className: ''").replacingFirst("host: dex.example.com", with: "host: DEX.example.com"),
             expected: ["5:14: error: ingress.className is empty", "12:9: error: dex.host 'DEX.example.com' has uppercase letters"]),
    ]

    @Test(arguments: cases)
    func diagnostics(_ testCase: Case) {
        let result = SiteLoader.load([Fixtures.source(text: testCase.yaml)], secrets: Fixtures.secretLookup)
        let found = result.diagnostics.map { "\($0.mark.line):\($0.mark.column): \($0.severity.rawValue): \($0.message)" }
        #expect(found == testCase.expected)
        #expect(result.diagnostics.allSatisfy { $0.file == "site.yaml" })
        if testCase.expected.contains(where: { $0.contains(": error: ") }) {
            #expect(result.sites.isEmpty)
        }
    }

    @Test func binaryGarbageAndInvalidUTF8AreLocated() {
        for bytes: [UInt8] in [[0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xC3, 0x28, 0x0A], [0x00, 0x01, 0x02, 0xFF, 0xFE],
                               Array("apiVersion: tkgauth/v1\nkind: Site\nname: x\u{0}y\n".utf8)] {
            let result = SiteLoader.load([SiteSource(path: "bin.yaml", bytes: bytes)], secrets: .none)
            #expect(result.hasErrors)
            #expect(result.diagnostics.first.map { $0.mark.line >= 1 && $0.mark.column >= 1 } == true,
                    "\(result.diagnostics)")
        }
    }

    @Test func cookieSecretRuleFollowsOauth2Proxy() {
        // Raw lengths 16, 24 and 32, and URL-safe base64 that decodes to them, pass.
        for good in ["0123456789abcdef", String(repeating: "x", count: 24), String(repeating: "y", count: 32),
                     "AAAAAAAAAAAAAAAAAAAAAA==", "AAAAAAAAAAAAAAAAAAAAAA", "-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_A="] {
            #expect(CookieSecretRule.check(good, what: "s") == nil, "\(good)")
        }
        // Standard base64 of 32 bytes with '+' or '/' is neither valid URL-safe base64 nor 16/24/32 bytes raw.
        for bad in ["short", "not-good-secret", "ab+cdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ=", ""] {
            #expect(CookieSecretRule.check(bad, what: "s") != nil, "\(bad)")
        }
    }

    @Test func issuerKinds() {
        #expect(OktaServerKind(issuer: "https://dev-1.okta.com") == .org)
        #expect(OktaServerKind(issuer: "https://acme.oktapreview.com") == .org)
        #expect(OktaServerKind(issuer: "https://dev-1.okta.com/oauth2/default") == .custom(id: "default"))
        #expect(OktaServerKind(issuer: "https://accounts.google.com") == .other)
        #expect(OktaServerKind(issuer: "https://login.example.com/realms/x") == .other)
    }

    @Test func minimalSiteIsValidWithDefaults() throws {
        let site = try Fixtures.site(Fixtures.source(text: Fixtures.minimalSite), lookup: Fixtures.secretLookup)
        #expect(site.profile == .current)
        #expect(site.dex.namespace == "dex" && site.dex.release == "dex")
        #expect(site.kubeapps.namespace == "kubeapps" && site.kubeapps.clientID == "kubeapps")
        #expect(site.pinniped.authenticator == "kubeapps-jwt-authenticator")
        #expect(site.pinniped.namespace == "pinniped-concierge")
        #expect(site.pinniped.usernameClaim == "email" && site.pinniped.groupsClaim == "groups")
        #expect(site.dex.issuer == "https://dex.example.com")
    }

    @Test func plainScalarsAreTheTextWritten() throws {
        let yaml = SiteValidationTests.edit("clientID: 0oaEXAMPLE", "clientID: 0123")
            .replacingFirst("group: admins", with: "group: yes")
        let site = try Fixtures.site(Fixtures.source(text: yaml), lookup: Fixtures.secretLookup)
        #expect(site.okta.clientID == "0123")
        #expect(site.access[0].group == "yes")
    }

    @Test func unknownKeyHintSuggestsTheKnownKey() {
        let result = SiteLoader.load([Fixtures.source(text: SiteValidationTests.edit("kubeapps:\n", "kubeapp:\n"))],
                                     secrets: .none)
        #expect(result.diagnostics.contains { $0.hint == "did you mean 'kubeapps'?" })
    }

    @Test func strictTurnsWarningsIntoErrors() {
        let yaml = SiteValidationTests.edit("{env: OKTA_CLIENT_SECRET}", "hunter2")
        let relaxed = SiteLoader.load([Fixtures.source(text: yaml)], secrets: .none)
        let strict = SiteLoader.load([Fixtures.source(text: yaml)], secrets: .none, strict: true)
        #expect(!relaxed.hasErrors && relaxed.sites.count == 1)
        #expect(strict.hasErrors && strict.sites.isEmpty)
    }

    @Test func twoSitesWithOneNameCollide() {
        let a = Fixtures.source(text: Fixtures.minimalSite, path: "a.yaml")
        let b = Fixtures.source(text: Fixtures.minimalSite, path: "b.yaml")
        let result = SiteLoader.load([a, b], secrets: .none)
        #expect(result.diagnostics.map(\.description).first?.hasPrefix(
            "b.yaml:3:7: error: site name 'test' is also used by a.yaml") == true)
    }

    @Test func knownOktaSecretWithDollarIsRefusedForTKG13() {
        let yaml = SiteValidationTests.edit("name: test", "name: test\nprofile: tkg-1.3")
        let lookup = SecretLookup(environment: ["OKTA_CLIENT_SECRET": "a$b", "KUBEAPPS_CLIENT_SECRET": "x",
                                                "KUBEAPPS_COOKIE_SECRET": "0123456789abcdef"], readFile: { _ in nil })
        let result = SiteLoader.load([Fixtures.source(text: yaml)], secrets: lookup)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message.contains("contains '$'") == true)
        #expect(result.diagnostics.first?.message.contains("a$b") == false, "the value itself is never printed")
    }
}

extension String {
    func replacingFirst(_ old: String, with new: String) -> String {
        guard let range = firstRange(of: old) else { return self }
        return replacingCharacters(in: range, with: new)
    }
}
