/// The process exit status; values above 1 follow BSD sysexits(3) so scripts can tell causes apart.
package enum ExitCode: Int32, Sendable {
    /// Success: nothing to report.
    case ok = 0
    /// The run worked but found problems (validation errors, `--check` differences).
    case findings = 1
    /// The command line was wrong (EX_USAGE).
    case usage = 64
    /// An input file was readable but not valid (EX_DATAERR).
    case dataError = 65
    /// An input file was missing or unreadable (EX_NOINPUT).
    case noInput = 66
    /// An output file or directory could not be created (EX_CANTCREAT).
    case cannotCreate = 73
    /// Reading or writing failed part-way (EX_IOERR).
    case ioError = 74
}
