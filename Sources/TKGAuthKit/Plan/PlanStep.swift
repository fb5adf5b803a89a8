/// One step of an install plan: what a person does by hand, or the commands that do it, and why.
public struct PlanStep: Sendable, Hashable {
    /// Stable kebab-case id (`dex`, `rbac`) that scripts and tests can rely on.
    public var id: String
    public var title: String
    /// One line: why the step is needed.
    public var why: String
    /// Done by a person (in Okta's console); such a step has instructions and no commands.
    public var isManual: Bool
    /// What a person does by hand, one action a line. Also used by command steps for a manual part (signing in).
    public var instructions: [String]
    public var commands: [PlanCommand]
    /// The secret variables the step needs set and non-empty.
    public var needs: [String]

    public init(id: String, title: String, why: String, isManual: Bool = false, instructions: [String] = [],
                commands: [PlanCommand] = [], needs: [String] = []) {
        self.id = id
        self.title = title
        self.why = why
        self.isManual = isManual
        self.instructions = instructions
        self.commands = commands
        self.needs = needs
    }
}
