import Dispatch

/// Knobs of the parallel CSV parse; tests shrink `chunkBytes` so chunk boundaries fall inside quoted fields.
package struct CSVTuning: Sendable {
    /// Bytes of the file each thread parses per step. Peak memory grows with `chunkBytes × threads`.
    package var chunkBytes: Int
    package var threads: Int

    package init(chunkBytes: Int = 8 << 20, threads: Int = 2) {
        self.chunkBytes = max(1, chunkBytes)
        self.threads = max(1, threads)
    }
}

/// Lets parallel workers write to disjoint slots of one buffer.
struct UnsafeSendable<Value>: @unchecked Sendable {
    var value: Value
}

/// Parses the data records of a CSV file into one `ColumnAccumulator` per column, in parallel.
///
/// The file is cut into chunks of about `chunkBytes`; each chunk's first record is guessed as the byte
/// after the first `\n` past the cut. Chunks of a step are parsed at once, then checked in order: a chunk is
/// kept only if the previous one really ended where it starts (a guess inside a quoted field fails the
/// check and the chunk is parsed again from the true boundary), so the result is exactly the sequential
/// parse. Parsed pages are released behind the cursor.
struct CSVBodyParser {
    let file: MappedFile
    let delimiter: UInt8
    let tuning: CSVTuning
    /// `CSVOptions.progress`.
    var progress: ReadProgress?

    /// - Parameters:
    ///   - modes: how each column starts (`.skip` columns are not stored).
    ///   - allowDirect: columns that may switch from `.intern` to `.direct` once they look like
    ///     high-cardinality numbers or dates.
    func parse(
        from start: Int, modes initialModes: [ColumnMode], allowDirect: [Bool]
    ) throws(IngestError) -> (columns: [ColumnAccumulator], rowCount: Int) {
        var modes = initialModes
        var columns: [ColumnAccumulator] = modes.map { ColumnAccumulator(mode: $0) }
        var rowCount = 0
        var cursor = start
        var estimatedRows: Int?
        do throws(IngestError) {
            while cursor < file.count {
                let chunks = parseStep(from: cursor, modes: modes)
                var accepted: [CSVChunk] = []
                for var chunk in chunks {
                    let failed = accepted.last.map { $0.error != nil || $0.hasTextProblem } ?? false
                    if failed {
                        chunk.release()
                        continue
                    }
                    if chunk.start != cursor {
                        chunk.release()
                        chunk = parseChunk(start: cursor, nominalEnd: max(cursor, chunk.nominalEnd), modes: modes)
                    }
                    accepted.append(chunk)
                    cursor = chunk.end
                }
                try merge(accepted, into: &columns, rowCount: &rowCount)
                if estimatedRows == nil, cursor > start, rowCount > 0 {
                    let bytesPerRow = Double(cursor - start) / Double(rowCount)
                    let estimate = Int(Double(file.count - start) / bytesPerRow * 1.05) + 1024
                    for i in columns.indices { columns[i].reserve(rows: estimate) }
                    estimatedRows = estimate
                }
                for i in columns.indices where allowDirect[i] && columns[i].prefersDirect {
                    columns[i].switchToDirect()
                    modes[i] = .direct
                    if let estimatedRows { columns[i].reserve(rows: estimatedRows) }
                }
                file.release(before: cursor)
                if let progress, !progress(cursor, file.count) { throw IngestError.interrupted(path: file.path) }
            }
        } catch {
            for column in columns { column.release() }
            throw error
        }
        return (columns, rowCount)
    }

    private func parseChunk(start: Int, nominalEnd: Int, modes: [ColumnMode]) -> CSVChunk {
        var chunk = CSVChunk.parse(
            base: file.base, fileEnd: file.count, delimiter: delimiter, modes: modes, start: start,
            nominalEnd: nominalEnd)
        chunk.nominalEnd = nominalEnd
        return chunk
    }

    /// Parses up to `threads` consecutive chunks starting at `cursor` concurrently.
    private func parseStep(from cursor: Int, modes: [ColumnMode]) -> [CSVChunk] {
        var bounds: [Int] = [cursor]
        for i in 1...tuning.threads {
            let nominal = cursor + i * tuning.chunkBytes
            guard nominal < file.count else {
                bounds.append(file.count)
                break
            }
            bounds.append(max(bounds.last!, recordStartGuess(after: nominal)))
        }
        let count = bounds.count - 1
        let results = UnsafeSendable(value: UnsafeMutableBufferPointer<CSVChunk?>.allocate(capacity: count))
        results.value.initialize(repeating: nil)
        // Deinitialized, not just deallocated: each chunk's `columns` array would leak (LeakSanitizer found
        // 432+ bytes lost on every CSV read).
        defer {
            _ = results.value.deinitialize()
            results.value.deallocate()
        }
        let parser = UnsafeSendable(value: self)
        let ranges = bounds
        if count == 1 {
            results.value[0] = parseChunk(start: ranges[0], nominalEnd: ranges[1], modes: modes)
        } else {
            DispatchQueue.concurrentPerform(iterations: count) { i in
                results.value[i] = parser.value.parseChunk(start: ranges[i], nominalEnd: ranges[i + 1], modes: modes)
            }
        }
        return results.value.map { $0! }
    }

    /// The byte after the first `\n` at or after `offset - 1` (so a cut right after a newline keeps it).
    private func recordStartGuess(after offset: Int) -> Int {
        var i = offset - 1
        while i < file.count && file.base[i] != UInt8(ascii: "\n") { i += 1 }
        return min(i + 1, file.count)
    }

    /// Appends verified chunks in order; throws the first problem (structural or text) in file order.
    private func merge(
        _ chunks: [CSVChunk], into columns: inout [ColumnAccumulator], rowCount: inout Int
    ) throws(IngestError) {
        defer { for chunk in chunks { chunk.release() } }
        for chunk in chunks where chunk.error != nil || chunk.hasTextProblem {
            var first = chunk.error.map {
                (offset: $0.offset, recordStart: Optional($0.recordStart), message: $0.message)
            }
            let scanned = max(chunk.end, chunk.error?.offset ?? 0) - chunk.start
            if let problem = TextProblem.first(in: file.base + chunk.start, count: scanned),
                first == nil || chunk.start + problem.offset < first!.offset
            {
                first = (chunk.start + problem.offset, nil, problem.message)
            }
            if let first {
                throw CSVErrors.located(
                    file: file, offset: first.offset, recordStart: first.recordStart, message: first.message)
            }
        }
        let shared = UnsafeSendable(
            value: (
                columns: UnsafeMutableBufferPointer<ColumnAccumulator>.allocate(
                    capacity: columns.count), chunks: chunks
            ))
        _ = shared.value.columns.initialize(from: columns)
        // Drop the array's references so each code array is uniquely owned (appends must not copy it).
        columns.removeAll()
        DispatchQueue.concurrentPerform(iterations: shared.value.columns.count) { column in
            for chunk in shared.value.chunks { shared.value.columns[column].append(chunk.columns[column]) }
        }
        columns = Array(shared.value.columns)
        shared.value.columns.deinitialize().deallocate()
        for chunk in chunks { rowCount += chunk.rowCount }
    }
}
