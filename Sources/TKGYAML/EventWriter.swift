internal import CYAML

/// Owns a libyaml emitter configured for the tool's output style and collects what it writes.
/// The emitter and its output live on the heap so libyaml's pointers stay valid; deinit frees them.
final class EventWriter {
    /// Where libyaml's write callback appends; passed to C as an unretained context pointer.
    private final class Output {
        var bytes: [UInt8] = []
    }

    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let output = Output()

    init() throws(YAMLError) {
        emitter = .allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) == 1 else {
            emitter.deallocate()
            throw YAMLError("out of memory while starting the YAML emitter", at: .none)
        }
        // A non-capturing callback; the Output box is reached through the context pointer,
        // and `self` keeps it alive for as long as the emitter exists.
        yaml_emitter_set_output(emitter, { context, buffer, size in
            guard let context, let buffer else { return size == 0 ? 1 : 0 }
            let output = Unmanaged<Output>.fromOpaque(context).takeUnretainedValue()
            output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_width(emitter, -1)  // never fold long lines: URLs and tokens stay whole
        yaml_emitter_set_unicode(emitter, 1)  // write non-ASCII text as is, not as escapes
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// Everything written so far (complete once `streamEnd` has flushed the emitter).
    var text: String {
        String(decoding: output.bytes, as: UTF8.self)
    }

    func streamStart() throws(YAMLError) {
        var event = yaml_event_t()
        guard yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING) == 1 else { throw eventError() }
        try emit(&event)
    }

    func streamEnd() throws(YAMLError) {
        var event = yaml_event_t()
        guard yaml_stream_end_event_initialize(&event) == 1 else { throw eventError() }
        try emit(&event)
    }

    /// An implicit start: libyaml omits `---` for the first document and writes it before every later one.
    func documentStart() throws(YAMLError) {
        var event = yaml_event_t()
        guard yaml_document_start_event_initialize(&event, nil, nil, nil, 1) == 1 else { throw eventError() }
        try emit(&event)
    }

    /// An implicit end: no `...`.
    func documentEnd() throws(YAMLError) {
        var event = yaml_event_t()
        guard yaml_document_end_event_initialize(&event, 1) == 1 else { throw eventError() }
        try emit(&event)
    }

    /// Block style, except that an empty collection can only be written in flow style (`{}` / `[]`).
    func collectionStart(mapping: Bool, empty: Bool) throws(YAMLError) {
        var event = yaml_event_t()
        let ok: Int32
        if mapping {
            ok = yaml_mapping_start_event_initialize(
                &event, nil, nil, 1, empty ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE)
        } else {
            ok = yaml_sequence_start_event_initialize(
                &event, nil, nil, 1, empty ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE)
        }
        guard ok == 1 else { throw eventError() }
        try emit(&event)
    }

    func collectionEnd(mapping: Bool) throws(YAMLError) {
        var event = yaml_event_t()
        let ok = mapping ? yaml_mapping_end_event_initialize(&event) : yaml_sequence_end_event_initialize(&event)
        guard ok == 1 else { throw eventError() }
        try emit(&event)
    }

    /// Writes a scalar the way `ScalarQuoting` decides.
    func scalar(_ scalar: YAMLScalar) throws(YAMLError) {
        var plainImplicit: Int32 = 1
        var quotedImplicit: Int32 = 1
        var style: yaml_scalar_style_t
        switch ScalarQuoting.choice(for: scalar) {
        case .plain:
            style = YAML_PLAIN_SCALAR_STYLE
        case .doubleQuoted:
            // plain_implicit=0 tells libyaml that plain would change the meaning.
            style = YAML_DOUBLE_QUOTED_SCALAR_STYLE
            plainImplicit = 0
        case .literal:
            style = YAML_LITERAL_SCALAR_STYLE
        case .libyamlChoice:
            style = YAML_ANY_SCALAR_STYLE
        }
        // An empty tag is rejected by libyaml; treat it as no tag.
        let tag = scalar.tag.flatMap { $0.isEmpty ? nil : $0 }
        if tag != nil {
            // The tag is written out, so neither style may imply the type.
            plainImplicit = 0
            quotedImplicit = 0
        }
        var event = yaml_event_t()
        let text = scalar.text
        let length = Int32(clamping: text.utf8.count)
        // withCString gives a non-nil pointer even for "", which libyaml requires; the explicit length keeps NULs.
        let ok = withOptionalCString(tag) { tagPointer in
            text.withCString { valuePointer in
                valuePointer.withMemoryRebound(to: yaml_char_t.self, capacity: Int(length) + 1) { value in
                    yaml_scalar_event_initialize(
                        &event, nil, tagPointer, value, length, plainImplicit, quotedImplicit, style)
                }
            }
        }
        guard ok == 1 else { throw eventError() }
        try emit(&event)
    }

    private func withOptionalCString(_ string: String?, _ body: (UnsafePointer<yaml_char_t>?) -> Int32) -> Int32 {
        guard let string else { return body(nil) }
        return string.withCString { pointer in
            pointer.withMemoryRebound(to: yaml_char_t.self, capacity: string.utf8.count + 1) { body($0) }
        }
    }

    /// libyaml takes ownership of the event whether or not emitting succeeds.
    private func emit(_ event: inout yaml_event_t) throws(YAMLError) {
        guard yaml_emitter_emit(emitter, &event) == 1 else {
            let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown error"
            throw YAMLError("cannot write YAML: \(problem)", at: .none)
        }
    }

    private func eventError() -> YAMLError {
        YAMLError("cannot write YAML: libyaml rejected an event (out of memory or invalid UTF-8)", at: .none)
    }
}
