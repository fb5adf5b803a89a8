import TKGAuthKit

/// Reads the site files named on the command line and loads them.
struct SiteInputs {
    let console: Console

    /// The loaded sites, or the exit code to stop with (66 unreadable, 65 invalid).
    func load(_ paths: [String], strict: Bool) -> Result<[Site], CommandFailure> {
        var sources: [SiteSource] = []
        var unreadable = false
        for path in paths {
            // `-` reads the site from stdin, as kubectl's `-f -` does; messages call it <stdin>.
            let name = path == "-" ? "<stdin>" : path
            switch FileReader.read(path == "-" ? "/dev/stdin" : path) {
            case .success(let bytes): sources.append(SiteSource(path: name, bytes: bytes))
            case .failure(let error):
                console.err("\(name): error: cannot read the site file: \(error.reason)\n")
                unreadable = true
            }
        }
        if unreadable { return .failure(CommandFailure(.noInput)) }
        let environment = ProcessEnvironment.current()
        let lookup = SecretLookup(environment: environment) { path in
            guard case .success(let bytes) = FileReader.read(path) else { return nil }
            return String(validating: bytes, as: UTF8.self)
        }
        let result = SiteLoader.load(sources, secrets: lookup, strict: strict)
        console.report(result.diagnostics)
        if result.hasErrors { return .failure(CommandFailure(.dataError)) }
        return .success(result.sites)
    }
}

/// A command stopping with an exit code; its message was already printed.
struct CommandFailure: Error {
    var code: ExitCode

    init(_ code: ExitCode) {
        self.code = code
    }
}
