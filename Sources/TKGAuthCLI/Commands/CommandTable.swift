/// Every command and option of tkgauth, in one table: help, parsing and completion come from it.
enum CommandTable {
    static let version = "0.1.0"

    static let sites = ArgumentSpec(name: "site", help: "Site description files (YAML, format 1); '-' reads one from stdin.", isVariadic: true)
    static let strict = OptionSpec.flag("--strict", help: "Treat warnings as errors.")
    static let outputDir = OptionSpec.option(
        "--output-dir", "-o", valueName: "dir",
        help: "Folder that holds each site's folder; '-' prints every file to stdout.", defaultValue: ".")
    static let inlineSecrets = OptionSpec.flag(
        "--inline-secrets", help: "Write secret values into the files (owner-only) instead of referring to Secrets.")

    static let validate = CommandSpec(
        name: "validate",
        abstract: "Check site descriptions and report every problem with its file, line and column.",
        arguments: [sites],
        options: [strict])

    static let generate = CommandSpec(
        name: "generate",
        abstract: "Write the Dex and Kubeapps values, the JWTAuthenticator and the RBAC bindings of each site.",
        discussion: """
            Each site's files go into DIR/<site name>/. Nothing is written unless every site is valid.
            By default the files hold no secret value: they refer to Kubernetes Secrets that 'tkgauth plan'
            creates from the environment.
            """,
        arguments: [sites],
        options: [
            outputDir,
            .flag("--check", help: "Write nothing; exit 1 when a file on disk is missing, stale or differs."),
            inlineSecrets,
            .option("--templates", valueName: "dir", help: "Folder of edited templates that replace the built-in ones."),
            strict,
        ])

    static let plan = CommandSpec(
        name: "plan",
        abstract: "Print the helm and kubectl commands that install each site, in order.",
        discussion: "No secret value is printed: commands refer to the environment variables that hold them.",
        arguments: [sites],
        options: [
            .option("--format", valueName: "format", help: "How to print the plan.", defaultValue: "text",
                    choices: ["text", "shell", "json"]),
            .option("--output-dir", "-o", valueName: "dir", help: "Folder that 'tkgauth generate' wrote to.",
                    defaultValue: "."),
            .option("--context", valueName: "name", help: "Kube context for every helm and kubectl command."),
            .flag("--inline-secrets", help: "The files were generated with --inline-secrets: no Secrets to create."),
            strict,
        ])

    static let templates = CommandSpec(
        name: "templates",
        abstract: "List or print the built-in templates, to edit copies for --templates.",
        subcommands: [
            CommandSpec(name: "list", abstract: "List the templates and the placeholders they may use."),
            CommandSpec(
                name: "cat", abstract: "Print a built-in template.",
                arguments: [ArgumentSpec(name: "name", help: "A template name from 'tkgauth templates list'.")]),
        ])

    static let root = CommandSpec(
        name: "tkgauth",
        abstract: "Wire Okta sign-in, with groups, into Kubeapps and Kubernetes RBAC through Dex and Pinniped.",
        subcommands: [validate, generate, plan, templates])
}
