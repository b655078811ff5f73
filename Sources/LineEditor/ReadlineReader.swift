private import CReadline

import Platform

/// GNU readline on a terminal: editing, Up/Down and Ctrl-R through history, `~/.inputrc` (vi mode and
/// all, under the application name `yotq`), and Tab completion.
///
/// This file is the only code that touches C. It uses readline's callback interface so that Ctrl-C can
/// drop the line being typed: the process's SIGINT handler (installed by the shell) only sets a flag,
/// which `takeInterrupt` reports while we wait for keys. Every C string readline hands over is copied and
/// freed at once. One reader at a time: readline's state is global.
public final class ReadlineReader: LineReader {
    /// Completion for the line being edited: (line, cursor as a UTF-8 byte offset) → candidates.
    public typealias Completer = (_ line: String, _ cursor: Int) -> LineCompletion
    private let completer: Completer
    private let takeInterrupt: () -> Bool

    /// The one reader readline's C callbacks reach (they cannot capture context).
    nonisolated(unsafe) private static var active: ReadlineReader?
    /// The line the callback handler received; `.endOfInput` for Ctrl-D on an empty line.
    private var finished: LineInput?

    /// - Parameters:
    ///   - history: entries to recall with Up, oldest first.
    ///   - takeInterrupt: true (and clears it) when Ctrl-C was pressed since the last call.
    public init(history: [String], completer: @escaping Completer, takeInterrupt: @escaping () -> Bool) {
        self.completer = completer
        self.takeInterrupt = takeInterrupt
        yotq_rl_set_readline_name("yotq")
        yotq_rl_set_catch_signals(0)
        yotq_rl_set_completer_quote_characters("'\"")
        yotq_rl_set_basic_word_break_characters(" \t\n(),;=<>+-*|")
        yotq_rl_set_attempted_completion_function(readlineCompletion)
        using_history()
        for entry in history { add_history(entry) }
        ReadlineReader.active = self
    }

    deinit {
        if ReadlineReader.active === self { ReadlineReader.active = nil }
    }

    public func read(prompt: String) -> LineInput {
        finished = nil
        rl_callback_handler_install(prompt, readlineLineHandler)
        while finished == nil {
            if takeInterrupt() {
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_callback_handler_remove()
                _ = "^C\n".withCString { write(1, $0, 3) }
                return .interrupted
            }
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            // A short timeout: a Ctrl-C arriving just before poll() is noticed within 100 ms.
            let ready = poll(&descriptor, 1, 100)
            if ready > 0 {
                if descriptor.revents & Int16(POLLIN) != 0 {
                    rl_callback_read_char()
                } else {
                    // Hang-up or error on the terminal: nothing more will come.
                    rl_callback_handler_remove()
                    return .endOfInput
                }
            }
        }
        return finished ?? .endOfInput
    }

    public func remember(_ entry: String) { add_history(entry) }

    fileprivate func receive(_ line: UnsafeMutablePointer<CChar>?) {
        rl_callback_handler_remove()
        if let line {
            finished = .line(String(cString: line))
            free(line)
        } else {
            finished = .endOfInput
        }
    }

    fileprivate func complete(text: UnsafePointer<CChar>?, start: Int32, end: Int32) -> UnsafeMutablePointer<
        UnsafeMutablePointer<CChar>?
    >? {
        yotq_rl_set_attempted_completion_over(1)
        guard let buffer = yotq_rl_line_buffer() else { return nil }
        let lineBytes = Array(
            UnsafeBufferPointer(
                start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: strlen(buffer)))
        let cursor = Int(min(max(yotq_rl_point(), 0), Int32(lineBytes.count)))
        let line = String(decoding: lineBytes, as: UTF8.self)
        let answer = completer(line, cursor)
        guard !answer.candidates.isEmpty else { return nil }
        // readline replaces bytes start..<end; our word starts at answer.wordStart. Bridge the difference.
        let readlineStart = Int(start)
        let words: [[UInt8]] = answer.candidates.map { candidate in
            let bytes = Array(candidate.utf8)
            if answer.wordStart >= readlineStart {
                return Array(lineBytes[readlineStart..<min(answer.wordStart, cursor)]) + bytes
            }
            return Array(bytes.dropFirst(min(readlineStart - answer.wordStart, bytes.count)))
        }
        let single = words.count == 1
        yotq_rl_set_completion_append_character(single && answer.appendsSpace ? 32 : 0)
        yotq_rl_set_completion_suppress_quote(single && answer.appendsSpace ? 0 : 1)
        // matches[0] is what replaces the word now: the candidates' longest common prefix.
        let common = single ? words[0] : Self.commonPrefix(words)
        let matches = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: words.count + 2)
        matches[0] = Self.cString(common)
        var index = 1
        if !single {
            for word in words {
                matches[index] = Self.cString(word)
                index += 1
            }
        }
        matches[index] = nil
        return matches
    }

    /// malloc'd, because readline frees matches with free().
    private static func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar> {
        let pointer = malloc(bytes.count + 1)!.assumingMemoryBound(to: CChar.self)
        bytes.withUnsafeBufferPointer { source in
            for (offset, byte) in source.enumerated() { pointer[offset] = CChar(bitPattern: byte) }
        }
        pointer[bytes.count] = 0
        return pointer
    }

    private static func commonPrefix(_ words: [[UInt8]]) -> [UInt8] {
        guard var prefix = words.first else { return [] }
        for word in words.dropFirst() {
            var length = 0
            while length < prefix.count, length < word.count, lowercased(prefix[length]) == lowercased(word[length]) {
                length += 1
            }
            prefix.removeLast(prefix.count - length)
        }
        // Never cut a multi-byte character in half.
        while let last = prefix.last, last & 0xC0 == 0x80 || last >= 0xC0 { prefix.removeLast() }
        return prefix
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    fileprivate static var current: ReadlineReader? { active }
}

private func readlineLineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    if let reader = ReadlineReader.current {
        reader.receive(line)
    } else {
        free(line)
    }
}

private func readlineCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    ReadlineReader.current?.complete(text: text, start: start, end: end)
}
