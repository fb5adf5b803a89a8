/// One argument of a planned command: text known now, or a secret known only when the command runs.
///
/// A secret is never a value in the plan: `.variable` names the shell variable that holds it, so every
/// formatter writes a reference (`"$NAME"`, `${NAME}`) and the value cannot leak into printed or saved output.
public enum PlanArgument: Sendable, Hashable {
    case literal(String)
    /// `prefix` followed by the value of variable `name`, as one argument
    /// (`--from-literal=OKTA_CLIENT_SECRET=` + `$OKTA_CLIENT_SECRET`).
    case variable(name: String, prefix: String)

    /// The variable this argument refers to, if any.
    public var variableName: String? {
        if case .variable(let name, _) = self { return name }
        return nil
    }

    /// The text when it is a literal.
    public var literalText: String? {
        if case .literal(let text) = self { return text }
        return nil
    }
}

extension PlanArgument: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .literal(value)
    }
}
