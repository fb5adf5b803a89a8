import Testing
@testable import TKGAuthKit
import TKGYAML

/// The guard that every emitted document reads back as meant.
@Suite struct RoundTripCheckTests {
    @Test func acceptsFaithfulOutput() throws {
        let node = YAMLNode.map([("enabled", .plain("true")), ("value", .string("true")), ("list", .list([.string("0777")]))])
        #expect(RoundTripCheck.problem(try YAMLEmitter.emit(node), means: node) == nil)
    }

    @Test func catchesAStringThatTurnsIntoABoolean() {
        let node = YAMLNode.map([("value", .string("true"))])
        #expect(RoundTripCheck.problem("value: true\n", means: node) == "value: the string 'true' reads back as a typed value")
    }

    @Test func catchesChangedTextAndShape() {
        let node = YAMLNode.map([("a", .list([.string("x"), .string("y")]))])
        #expect(RoundTripCheck.problem("a:\n- x\n", means: node) == "a: 1 items read back, 2 meant")
        #expect(RoundTripCheck.problem("a: x\n", means: node) == "a: reads back as a string, meant a list")
        #expect(RoundTripCheck.problem("a:\n- x\n- z\n", means: node) == "a[1]: reads back as 'z', meant 'y'")
        #expect(RoundTripCheck.problem("a: [\n", means: node)?.hasPrefix("the output does not read back") == true)
    }
}
