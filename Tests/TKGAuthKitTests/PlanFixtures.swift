import Foundation
import TKGYAML
@testable import TKGAuthKit

/// Sites built in code (the loader is tested elsewhere) and a runner for generated scripts.
enum PlanFixtures {
    static let hostileGroup = "ops: #1 'x' $(rm)"

    static func secret(_ reference: SecretReference, known: String? = nil, resolved: String? = nil) -> SecretSetting {
        SecretSetting(reference: reference, knownValue: known, resolvedPath: resolved)
    }

    static func grant(_ group: String, _ role: String, namespaces: [String]? = nil, name: String? = nil) -> AccessGrant {
        AccessGrant(group: group, clusterRole: role, name: name ?? BindingName.derive(group: group, clusterRole: role),
                    nameIsExplicit: name != nil, namespaces: namespaces, mark: .none)
    }

    /// Like the seed: TKG 1.3, contour, Okta's org server, secrets from the environment, one cluster-wide grant.
    static func whiteharbor(
        okta: SecretSetting = secret(.env("OKTA_CLIENT_SECRET"), known: "s3cr3t-VALUE-okta"),
        kubeappsClient: SecretSetting = secret(.env("KUBEAPPS_CLIENT_SECRET"), known: "s3cr3t-VALUE-client"),
        cookie: SecretSetting = secret(.env("KUBEAPPS_COOKIE_SECRET"), known: "s3cr3t-VALUE-cookie")
    ) -> Site {
        Site(
            file: "sites/whiteharbor.yaml", name: "whiteharbor", profile: .tkg13,
            ingress: IngressSettings(className: "contour", clusterIssuer: "letsencrypt-contour-cluster-issuer",
                                     annotations: []),
            okta: OktaSettings(issuer: "https://dev-123456.okta.com", clientID: "0oa1b2c3d4EXAMPLE",
                               clientSecret: okta),
            dex: DexSettings(host: "dex.whiteharbor.tkg-vsphere-lab.winterfell.life", namespace: "dex", release: "dex"),
            kubeapps: KubeappsSettings(host: "kubeapps.whiteharbor.tkg-vsphere-lab.winterfell.life",
                                       namespace: "kubeapps", release: "kubeapps", clientID: "kubeapps",
                                       clientSecret: kubeappsClient, cookieSecret: cookie),
            pinniped: PinnipedSettings(authenticator: "kubeapps-jwt-authenticator", namespace: "pinniped-concierge",
                                       usernameClaim: "email", groupsClaim: "groups"),
            access: [grant("your-group-name", "cluster-admin", name: "id-workload-test-rb")],
            marks: [:])
    }

    /// Profile current, nginx, a custom Okta server, secrets from files and the environment, other names than
    /// the defaults, namespaced access and group names that need quoting.
    static func harbor2(
        okta: SecretSetting = secret(.file("secrets/okta"), known: "s3cr3t-VALUE-okta", resolved: "sites/secrets/okta"),
        kubeappsClient: SecretSetting = secret(.env("KUBEAPPS_CLIENT_SECRET"), known: "s3cr3t-VALUE-client"),
        cookie: SecretSetting = secret(.file("secrets/cookie"), known: "s3cr3t-VALUE-cookie",
                                       resolved: "sites/secrets/cookie"),
        groups: [String] = ["Platform Admins", hostileGroup]
    ) -> Site {
        Site(
            file: "sites/harbor2.yaml", name: "harbor2", profile: .current,
            ingress: IngressSettings(className: "nginx", clusterIssuer: "letsencrypt", annotations: []),
            okta: OktaSettings(issuer: "https://example.okta.com/oauth2/default", clientID: "0oaHARBOR2",
                               clientSecret: okta),
            dex: DexSettings(host: "login.harbor2.example.com", namespace: "auth", release: "auth"),
            kubeapps: KubeappsSettings(host: "apps.harbor2.example.com", namespace: "apps", release: "apps",
                                       clientID: "kubeapps-harbor2", clientSecret: kubeappsClient, cookieSecret: cookie),
            pinniped: PinnipedSettings(authenticator: "harbor2-jwt", namespace: "pinniped-concierge",
                                       usernameClaim: "email", groupsClaim: "groups"),
            access: [
                grant(groups[0], "cluster-admin"),
                grant(groups[1], "edit", namespaces: ["team-a", "team-a-staging"]),
                grant("Auditors", "kubeapps-auditor"),
                grant("Team B", "team-b-deployer", namespaces: ["team-b", "team-a"]),
            ],
            marks: [:])
    }

    /// Every value that reaches a command line made as awkward as the site format allows.
    static func hostile() -> Site {
        var site = harbor2(groups: ["Platform \"Admins\" \\ `id`", hostileGroup])
        site.access.append(grant("tab\there\nnewline Équipe ünï", "view"))
        return site
    }

    static let hostileOptions = PlanOptions(outputDir: "out dir/it's $HOME", kubeContext: "ctx 'x' $(rm -rf /) \"q\"")

    /// Every plan the tests check for secrets and syntax.
    static var allPlans: [(label: String, plans: [InstallPlan])] {
        let sites = [whiteharbor(), harbor2(), hostile()]
        var result: [(String, [InstallPlan])] = []
        for options in [PlanOptions(), PlanOptions(outputDir: "out", kubeContext: "lab"), hostileOptions,
                        PlanOptions(outputDir: "/abs", inlineSecrets: true)] {
            for site in sites {
                result.append(("\(site.name) \(options)", [PlanBuilder.build(site: site, options: options)]))
            }
            result.append(("all sites \(options)", sites.map { PlanBuilder.build(site: $0, options: options) }))
        }
        return result
    }

    /// Every argv of a plan, pipelines flattened, in order.
    static func argvs(_ plan: InstallPlan) -> [[PlanArgument]] {
        plan.steps.flatMap(\.commands).flatMap(\.stages)
    }

    /// An argv as text, each variable replaced by its value from `values`.
    static func expand(_ argv: [PlanArgument], _ values: [String: String]) -> [String] {
        argv.map { argument in
            switch argument {
            case .literal(let text): return text
            case .variable(let name, let prefix): return prefix + (values[name] ?? "<unset \(name)>")
            }
        }
    }
}

/// Runs a generated script with stub `helm`, `kubectl` and `curl` that log their argv.
struct ScriptRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// One entry per call: the program name, then its arguments.
    var calls: [[String]]

    static let fieldSeparator = "\u{1F}"
    static let recordSeparator = "\u{1E}"

    /// `files` are created (empty or with the given text) relative to the script's working folder.
    /// PATH holds only the stubs named in `stubs` and the few real tools the script needs, so a real
    /// kubectl on the machine is never called.
    static func run(_ script: String, environment: [String: String], files: [String: String] = [:],
                    issuer: String, stubs: [String] = ["helm", "kubectl", "curl"]) throws -> ScriptRun {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("tkgauth-plan-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let work = root.appendingPathComponent("work")
        let bin = root.appendingPathComponent("bin")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        for (path, text) in files {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : work.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let log = root.appendingPathComponent("calls.log")
        try Data().write(to: log)
        let stub = """
            #!/bin/bash
            # Reading stdin to its end first logs a pipeline's stages in order (kubectl create ... | kubectl apply -f -).
            for a in "$@"; do
              if [ "$a" = - ]; then while IFS= read -r line || [ -n "$line" ]; do :; done; fi
            done
            record="${0##*/}"
            for a in "$@"; do record+=$'\\037'"$a"; done
            # One write per call, so concurrent stages never interleave.
            printf '%s\\036' "$record" >> "$TKGAUTH_TEST_LOG"
            if [ "${0##*/}" = curl ]; then
              printf '{\\n  "issuer": "%s",\\n  "authorization_endpoint": "%s/auth"\\n}\\n' "$TKGAUTH_TEST_ISSUER" "$TKGAUTH_TEST_ISSUER"
            fi
            exit 0

            """
        for program in stubs {
            let url = bin.appendingPathComponent(program)
            try stub.write(to: url, atomically: true, encoding: .utf8)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        for tool in ["cat", "tr", "grep"] {
            guard let real = ["/usr/bin/\(tool)", "/bin/\(tool)"].first(where: fm.isExecutableFile(atPath:)) else {
                continue
            }
            try fm.createSymbolicLink(atPath: bin.appendingPathComponent(tool).path, withDestinationPath: real)
        }
        let scriptURL = root.appendingPathComponent("plan.sh")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("stdout")
        let err = root.appendingPathComponent("stderr")
        _ = fm.createFile(atPath: out.path, contents: nil)
        _ = fm.createFile(atPath: err.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [scriptURL.path]
        process.currentDirectoryURL = work
        process.environment = environment.merging([
            "PATH": bin.path,
            "TKGAUTH_TEST_LOG": log.path,
            "TKGAUTH_TEST_ISSUER": issuer,
        ]) { _, fixed in fixed }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()

        let logText = try String(contentsOf: log, encoding: .utf8)
        let calls = logText.split(separator: Character(recordSeparator), omittingEmptySubsequences: true)
            .map { $0.split(separator: Character(fieldSeparator), omittingEmptySubsequences: false).map(String.init) }
        return ScriptRun(status: process.terminationStatus,
                         stdout: try String(contentsOf: out, encoding: .utf8),
                         stderr: try String(contentsOf: err, encoding: .utf8),
                         calls: calls)
    }

    /// `bash -n`: the script parses.
    static func syntaxCheck(_ script: String) throws -> (status: Int32, stderr: String) {
        let fm = FileManager.default
        let url = fm.temporaryDirectory.appendingPathComponent("tkgauth-plan-\(UUID().uuidString).sh")
        defer { try? fm.removeItem(at: url) }
        try script.write(to: url, atomically: true, encoding: .utf8)
        let err = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-n", url.path]
        process.standardError = err
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
