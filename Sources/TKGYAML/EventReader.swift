internal import CYAML

/// One libyaml parser event, copied out of C memory so the tree builder never touches libyaml.
enum ParserEvent {
    case streamStart
    case streamEnd
    case documentStart(Mark)
    case documentEnd
    case alias(anchor: String, mark: Mark)
    case scalar(YAMLScalar, anchor: String?)
    case sequenceStart(anchor: String?, mark: Mark)
    case sequenceEnd
    case mappingStart(anchor: String?, mark: Mark)
    case mappingEnd
}

/// Owns a libyaml parser and a private copy of the input it reads from.
/// Both live on the heap so libyaml's pointers stay valid; deinit frees them on every path, errors included.
final class EventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let bytes: [UInt8]
    private var finished = false

    init(_ bytes: [UInt8]) throws(YAMLError) {
        // libyaml counts a UTF-8 byte order mark as a column, which would shift every mark on line 1.
        let bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        self.bytes = bytes
        parser = .allocate(capacity: 1)
        // At least one byte: libyaml asserts on a nil input pointer, even for empty input.
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            input.deallocate()
            throw YAMLError("out of memory while starting the YAML parser", at: Mark(line: 1, column: 1))
        }
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
        // Config files are UTF-8. Without this libyaml would honour a UTF-16 byte order mark
        // and read 0xFF 0xFE as UTF-16 instead of rejecting it.
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event; after `.streamEnd` or an error, libyaml must not be asked again.
    func next() throws(YAMLError) -> ParserEvent {
        precondition(!finished, "EventReader used after the end of the stream")
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            finished = true
            throw makeError()
        }
        defer { yaml_event_delete(&event) }
        let mark = Self.mark(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_STREAM_END_EVENT:
            finished = true
            return .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(mark)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.string(event.data.alias.anchor) ?? "", mark: mark)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text: String
            if let value = data.value, data.length > 0 {
                text = String(decoding: UnsafeBufferPointer(start: value, count: data.length), as: UTF8.self)
            } else {
                text = ""
            }
            let scalar = YAMLScalar(text: text, style: Self.style(data.style), tag: Self.string(data.tag), mark: mark)
            return .scalar(scalar, anchor: Self.string(data.anchor))
        case YAML_SEQUENCE_START_EVENT:
            return .sequenceStart(anchor: Self.string(event.data.sequence_start.anchor), mark: mark)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            return .mappingStart(anchor: Self.string(event.data.mapping_start.anchor), mark: mark)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            // YAML_NO_EVENT: libyaml hands this out only after an error or the end; stop rather than loop.
            finished = true
            throw YAMLError("the YAML parser stopped unexpectedly", at: mark)
        }
    }

    private static func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    // MARK: - Errors

    private func makeError() -> YAMLError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
        switch p.error {
        case YAML_MEMORY_ERROR:
            return YAMLError("out of memory while reading YAML", at: Mark(line: 1, column: 1))
        case YAML_READER_ERROR:
            // The reader reports a byte offset, not a mark: work the mark out from the bytes.
            var offset = min(Int(p.problem_offset), bytes.count)
            if problem.contains("trailing") && offset < bytes.count {
                // libyaml points at the bad continuation byte; the broken character starts at its lead byte.
                var lead = offset
                while lead > 0 && offset - lead < 3 && bytes[lead] & 0xC0 != 0xC0 { lead -= 1 }
                if bytes.indices.contains(lead) && bytes[lead] & 0xC0 == 0xC0 { offset = lead }
            }
            var message = problem
            if p.problem_value != -1 {
                let value = UInt32(truncatingIfNeeded: p.problem_value)
                message += problem.contains("UTF-8") ? " 0x" + Self.hex(value, width: 2) : " (U+" + Self.hex(value, width: 4) + ")"
            }
            let hint: String
            if problem.contains("control characters") {
                hint = "YAML text cannot contain control characters such as NUL; is this a binary file?"
            } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                hint = "the file looks like UTF-16; save it as UTF-8"
            } else {
                hint = "the file must be UTF-8 text"
            }
            return YAMLError(message, at: mark(atOffset: offset), hint: hint)
        default:
            let context = p.context.map { String(cString: $0) }
            let message = context.map { "\($0): \(problem)" } ?? problem
            let mark = Self.mark(p.problem_mark)
            let hint = tabInIndentation(line: mark.line)
                ? "indent with spaces; YAML does not allow tabs for indentation" : nil
            return YAMLError(message, at: mark, hint: hint)
        }
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset, counting breaks as libyaml does.
    private func mark(atOffset offset: Int) -> Mark {
        var line = 1
        var column = 1
        var index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            index += 1
        }
        return Mark(line: line, column: column)
    }

    /// Whether the given 1-based line starts with whitespace that contains a tab.
    private func tabInIndentation(line target: Int) -> Bool {
        var line = 1
        var index = 0
        while index < bytes.count && line < target {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x2D {
            // `- ` of a sequence item counts as indentation too: "-\tb" is the same mistake.
            if bytes[index] == 0x09 { return true }
            index += 1
        }
        return false
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
