import TKGAuthKit

/// `tkgauth templates list|cat`: the built-in templates, to copy and edit for `--templates DIR`.
struct TemplatesCommand {
    let console: Console

    func run(_ invocation: Invocation) -> ExitCode {
        switch invocation.commandPath.last {
        case "cat":
            let name = invocation.arguments.first ?? ""
            guard let id = TemplateID(rawValue: name) else {
                let names = TemplateID.allCases.map(\.fileName)
                let suggestion = Suggestion.closest(to: name, among: names).map { " Did you mean '\($0)'?" } ?? ""
                console.err("Error: Unknown template '\(name)'.\(suggestion)\n"
                            + "  See 'tkgauth templates list' for the names.\n")
                return .usage
            }
            console.out(id.embeddedText)
            return .ok
        default:
            var text = "TEMPLATES:\n"
            for id in TemplateID.allCases {
                text += "  \(id.fileName)\n"
            }
            text += "\nPLACEHOLDERS:\n"
            for name in Generator.placeholderNames {
                text += "  ${\(name)}\n"
            }
            text += "\nCopy a template with 'tkgauth templates cat NAME > DIR/NAME', edit it, and pass --templates DIR.\n"
            text += "A placeholder whose value is absent removes the key or list item that holds it.\n"
            console.out(text)
            return .ok
        }
    }
}
