import Glibc
import TKGAuthCLI

exit(CLI.run(Array(CommandLine.arguments.dropFirst())))
