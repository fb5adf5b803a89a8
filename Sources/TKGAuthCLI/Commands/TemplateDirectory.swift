import TKGAuthKit

/// Reads `--templates DIR`: each file named like a built-in template replaces it.
struct TemplateDirectory {
    let console: Console

    func read(_ dir: String) -> Result<[String: TemplateText], CommandFailure> {
        guard let names = FileReader.listDirectory(dir) else {
            console.fail("cannot read the templates folder '\(dir)'")
            return .failure(CommandFailure(.noInput))
        }
        let known = TemplateID.allCases.map(\.fileName)
        var found: [String: TemplateText] = [:]
        var invalid = false
        for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = dir.hasSuffix("/") ? dir + name : "\(dir)/\(name)"
            guard known.contains(name) else {
                // A misspelt name would silently leave the built-in template in place.
                let hint = Suggestion.closest(to: name, among: known).map { "did you mean '\($0)'?" }
                    ?? "run 'tkgauth templates list' for the names"
                console.report([.error("'\(name)' is not the name of a template", file: path, at: .none, hint: hint)])
                invalid = true
                continue
            }
            switch FileReader.read(path) {
            case .success(let bytes):
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    console.report([.error("the template is not UTF-8 text", file: path, at: .none)])
                    invalid = true
                    continue
                }
                found[name] = TemplateText(origin: path, text: text)
            case .failure(let error):
                console.err("\(path): error: cannot read the template: \(error.reason)\n")
                return .failure(CommandFailure(.noInput))
            }
        }
        return invalid ? .failure(CommandFailure(.dataError)) : .success(found)
    }
}
