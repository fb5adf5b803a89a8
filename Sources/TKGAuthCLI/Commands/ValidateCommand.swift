import TKGAuthKit

/// `tkgauth validate SITE...`: every problem of every site, sorted; exit 0, 65 or 66.
struct ValidateCommand {
    let console: Console

    func run(_ invocation: Invocation) -> ExitCode {
        switch SiteInputs(console: console).load(invocation.arguments, strict: invocation.flag("--strict")) {
        case .failure(let failure):
            return failure.code
        case .success(let sites):
            for site in sites {
                console.out("\(site.file): valid (site \(site.name), profile \(site.profile.rawValue))\n")
            }
            return .ok
        }
    }
}
