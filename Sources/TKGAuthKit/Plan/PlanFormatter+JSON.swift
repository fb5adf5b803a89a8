extension PlanFormatter {
    /// How secret variables appear in JSON argv strings; a literal `$` is doubled so the two cannot be confused.
    public static let jsonVariableSyntax =
        "In argv strings, ${NAME} stands for the value of the variable NAME listed in the plan's variables, "
        + "and $$ for a literal $."

    /// Deterministic JSON: fixed key order, two-space indent. A secret appears only as `${NAME}` inside an
    /// argv string (see `jsonVariableSyntax`); every literal `$` in an argv string is written `$$`.
    public static func json(_ plans: [InstallPlan]) -> String {
        let root = PlanJSONValue.object([
            ("format", .string("tkgauth-plan/v1")),
            ("variableSyntax", .string(jsonVariableSyntax)),
            ("plans", .array(plans.map(jsonPlan))),
        ])
        return root.rendered() + "\n"
    }

    private static func jsonPlan(_ plan: InstallPlan) -> PlanJSONValue {
        .object([
            ("site", .string(plan.site)),
            ("profile", .string(plan.profile.rawValue)),
            ("directory", .string(plan.directory)),
            ("kubeContext", plan.kubeContext.map(PlanJSONValue.string) ?? .null),
            ("files", .array(plan.files.map(PlanJSONValue.string))),
            ("variables", .array(plan.variables.map(jsonVariable))),
            ("steps", .array(plan.steps.map(jsonStep))),
        ])
    }

    private static func jsonVariable(_ variable: PlanVariable) -> PlanJSONValue {
        let from: PlanJSONValue
        switch variable.source {
        case .environment: from = .object([("env", .string(variable.name))])
        case .file(let path): from = .object([("file", .string(path)), ("trim", .string("one trailing \\n or \\r\\n"))])
        }
        return .object([
            ("name", .string(variable.name)),
            ("keyPaths", .inlineArray(variable.keyPaths.map(PlanJSONValue.string))),
            ("from", from),
            ("helmSetString", .bool(variable.passedToHelmSetString)),
        ])
    }

    private static func jsonStep(_ step: PlanStep) -> PlanJSONValue {
        .object([
            ("id", .string(step.id)),
            ("title", .string(step.title)),
            ("why", .string(step.why)),
            ("manual", .bool(step.isManual)),
            ("needs", .inlineArray(step.needs.map(PlanJSONValue.string))),
            ("instructions", .array(step.instructions.map(PlanJSONValue.string))),
            ("commands", .array(step.commands.map(jsonCommand))),
        ])
    }

    private static func jsonCommand(_ command: PlanCommand) -> PlanJSONValue {
        func argv(_ arguments: [PlanArgument]) -> PlanJSONValue {
            .inlineArray(arguments.map { .string(jsonArgument($0)) })
        }
        switch command {
        case .run(let arguments): return .object([("argv", argv(arguments))])
        case .pipeline(let stages): return .object([("pipeline", .array(stages.map(argv)))])
        }
    }

    /// `$` doubled in literal text; a variable as `${NAME}` after its prefix.
    static func jsonArgument(_ argument: PlanArgument) -> String {
        func escaped(_ text: String) -> String {
            var out = ""
            for character in text { out += character == "$" ? "$$" : String(character) }
            return out
        }
        switch argument {
        case .literal(let text): return escaped(text)
        case .variable(let name, let prefix): return escaped(prefix) + "${" + name + "}"
        }
    }
}
