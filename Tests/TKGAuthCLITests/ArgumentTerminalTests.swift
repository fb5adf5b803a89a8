import Testing
import TKGAuthCLI

@Suite("Terminal colour and exit codes")
struct ArgumentTerminalTests {
    @Test func colourOnlyOnAPlainTTY() {
        #expect(Terminal(isTTY: true, environment: [:]).usesColor)
        #expect(Terminal(isTTY: true, environment: ["TERM": "xterm-256color"]).usesColor)
        #expect(Terminal(isTTY: true, environment: ["NO_COLOR": ""]).usesColor)
        #expect(!Terminal(isTTY: false, environment: [:]).usesColor)
        #expect(!Terminal(isTTY: true, environment: ["NO_COLOR": "1"]).usesColor)
        #expect(!Terminal(isTTY: true, environment: ["NO_COLOR": "0"]).usesColor)
        #expect(!Terminal(isTTY: true, environment: ["TERM": "dumb"]).usesColor)
    }

    @Test func paintIsIdentityWhenColourIsOff() {
        let plain = Terminal(isTTY: false, environment: [:])
        for style in Terminal.Style.allCases {
            #expect(plain.paint("error:", style) == "error:")
        }
    }

    @Test func paintWrapsInANSICodes() {
        let colour = Terminal(isTTY: true, environment: [:])
        #expect(colour.paint("error:", .red) == "\u{1B}[31merror:\u{1B}[0m")
        #expect(colour.paint("warning:", .yellow) == "\u{1B}[33mwarning:\u{1B}[0m")
        #expect(colour.paint("Usage", .bold) == "\u{1B}[1mUsage\u{1B}[0m")
        #expect(colour.paint("", .bold) == "")
    }

    @Test func exitCodesFollowSysexits() {
        #expect(ExitCode.ok.rawValue == 0)
        #expect(ExitCode.findings.rawValue == 1)
        #expect(ExitCode.usage.rawValue == 64)
        #expect(ExitCode.dataError.rawValue == 65)
        #expect(ExitCode.noInput.rawValue == 66)
        #expect(ExitCode.cannotCreate.rawValue == 73)
        #expect(ExitCode.ioError.rawValue == 74)
    }
}
