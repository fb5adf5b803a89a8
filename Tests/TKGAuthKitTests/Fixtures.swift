import Foundation
import TKGAuthKit

/// Paths and helpers shared by the core's tests.
enum Fixtures {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TKGAuthKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static var examples: [String] {
        let dir = repoRoot.appendingPathComponent("examples").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "examples/\($0)" }
    }

    static func source(_ relativePath: String) -> SiteSource {
        let url = repoRoot.appendingPathComponent(relativePath)
        let bytes = (try? Data(contentsOf: url)).map(Array.init) ?? []
        return SiteSource(path: relativePath, bytes: bytes)
    }

    static func source(text: String, path: String = "site.yaml") -> SiteSource {
        SiteSource(path: path, bytes: Array(text.utf8))
    }

    /// Fake secret values for every variable the examples and tests use.
    static let secretValues: [String: String] = [
        "WHITEHARBOR_OKTA_CLIENT_SECRET": "okta-SECRET-whiteharbor-1",
        "WHITEHARBOR_KUBEAPPS_CLIENT_SECRET": "kubeapps-SECRET-whiteharbor-2",
        "WHITEHARBOR_KUBEAPPS_COOKIE_SECRET": "0123456789abcdef0123456789abcdef",
        "BLUEFJORD_OKTA_CLIENT_SECRET": "okta-SECRET-bluefjord-1",
        "BLUEFJORD_KUBEAPPS_CLIENT_SECRET": "kubeapps-SECRET-bluefjord-2",
        "BLUEFJORD_KUBEAPPS_COOKIE_SECRET": "fedcba9876543210fedcba9876543210",
        "OKTA_CLIENT_SECRET": "okta-SECRET-test-1",
        "KUBEAPPS_CLIENT_SECRET": "kubeapps-SECRET-test-2",
        "KUBEAPPS_COOKIE_SECRET": "abcdefabcdefabcdefabcdefabcdefab",
    ]

    static let secretLookup = SecretLookup(environment: secretValues, readFile: { _ in nil })

    /// Loads one site, failing the test on any diagnostic.
    static func site(_ source: SiteSource, lookup: SecretLookup = .none) throws -> Site {
        let result = SiteLoader.load([source], secrets: lookup)
        guard result.diagnostics.isEmpty, let site = result.sites.first else {
            throw FixtureError(message: result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return site
    }

    /// A complete valid site, for tests that change one thing.
    static let minimalSite = """
        apiVersion: tkgauth/v1
        kind: Site
        name: test
        ingress:
          className: nginx
          clusterIssuer: letsencrypt
        okta:
          issuer: https://example.okta.com
          clientID: 0oaEXAMPLE
          clientSecret: {env: OKTA_CLIENT_SECRET}
        dex:
          host: dex.example.com
        kubeapps:
          host: kubeapps.example.com
          clientSecret: {env: KUBEAPPS_CLIENT_SECRET}
          cookieSecret: {env: KUBEAPPS_COOKIE_SECRET}
        access:
          - group: admins
            clusterRole: cluster-admin

        """
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

enum FileManagerNames {
    static func yamlFiles(in dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }.sorted()
    }
}
