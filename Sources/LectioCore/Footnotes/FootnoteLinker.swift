/// Links each footnote marker to its note.
///
/// A label that names one note (`[12]`, `[^source]`) links by label, within its scope: the
/// next unused note of that label after the marker, so numbering that restarts in each
/// chapter links chapter by chapter. A repeated symbol (`*`, `†`) links by content: the markers
/// before a run of notes and the notes of that run are matched as one assignment over the
/// words before each marker and the opening words of each note, with position as tie-break.
public enum FootnoteLinker {
    /// Fills in `note` on each marker. `markers` and `notes` are in reading order.
    public static func link(markers: inout [FootnoteMarker], notes: [FootnoteNote], blocks: [Block]) {
        linkByLabel(markers: &markers, notes: notes, where: { !FootnoteScanner.isSymbolic($0) })
        linkByContent(markers: &markers, notes: notes, blocks: blocks, where: FootnoteScanner.isSymbolic)
        linkLeftovers(markers: &markers, notes: notes, blocks: blocks)
    }

    /// A numbered note left without a marker (its number misprinted, `P. R.[2]` for `[37]`, or
    /// lost, `[Footnote : …]`) goes with the one numbered marker left without a note since the
    /// previous run of notes — only when both are the only ones left on either side.
    static func linkLeftovers(markers: inout [FootnoteMarker], notes: [FootnoteNote], blocks: [Block]) {
        var linked = Set(markers.compactMap(\.note))
        var runStart = 0
        var previousEnd = -1
        var m = 0
        while runStart < notes.count {
            var runEnd = runStart
            while runEnd + 1 < notes.count, isAdjacent(notes[runEnd].block, notes[runEnd + 1].block, blocks: blocks) { runEnd += 1 }
            let left = (runStart...runEnd).filter { !linked.contains($0) && !FootnoteScanner.isSymbolic(notes[$0].label) }
            var waiting: [Int] = []
            while m < markers.count, markers[m].block < notes[runStart].block {
                if markers[m].block > previousEnd, markers[m].note == nil, !FootnoteScanner.isSymbolic(markers[m].label) { waiting.append(m) }
                m += 1
            }
            if left.count == 1, waiting.count == 1, fitsNumbering(left[0], marker: markers[waiting[0]], notes: notes, linked: linked) {
                markers[waiting[0]].note = left[0]
                linked.insert(left[0])
            }
            previousEnd = notes[runEnd].block
            runStart = runEnd + 1
        }
    }

    static func linkByLabel(markers: inout [FootnoteMarker], notes: [FootnoteNote], where include: (String) -> Bool) {
        var byLabel: [String: [Int]] = [:]
        for (i, note) in notes.enumerated() where include(note.label) { byLabel[note.label, default: []].append(i) }
        var markerBlocks: [String: [Int]] = [:]
        for m in markers where include(m.label) { markerBlocks[m.label, default: []].append(m.block) }
        var passed: [String: Int] = [:]
        var used = Set<Int>()
        for m in markers.indices where include(markers[m].label) {
            let label = markers[m].label
            guard let candidates = byLabel[label] else { continue }
            let block = markers[m].block
            // Out of scope: a note with another marker of its label between it and this one.
            let others = markerBlocks[label] ?? []
            func inScope(_ note: Int) -> Bool {
                let (low, high) = notes[note].block > block ? (block, notes[note].block) : (notes[note].block, block)
                let k = firstIndex(in: others, above: low)
                return k == others.count || others[k] >= high
            }
            // The notes up to the marker's block, passed once (markers come in reading order).
            var k = passed[label] ?? 0
            while k < candidates.count, notes[candidates[k]].block <= block { k += 1 }
            passed[label] = k
            let after = candidates[k...].prefix(64).first { !used.contains($0) }
            let before = candidates[..<k].suffix(64).last { !used.contains($0) }
            if let chosen = after.flatMap({ inScope($0) ? $0 : nil }) ?? before.flatMap({ inScope($0) ? $0 : nil }) {
                markers[m].note = chosen
                used.insert(chosen)
            } else if m > 0, markers[m - 1].label == label, markers[m - 1].block == block, let shared = markers[m - 1].note {
                // `the Dungeon-clock^2 … and Wallace Tower^2`: one note for two markers of a passage.
                markers[m].note = shared
            }
        }
    }

    /// The index of the first element of the ascending `values` above `x` (`values.count` if none).
    static func firstIndex(in values: [Int], above x: Int) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] <= x { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func linkByContent(markers: inout [FootnoteMarker], notes: [FootnoteNote], blocks: [Block],
                              where include: (String) -> Bool) {
        // Runs of consecutive note blocks; each run serves the markers since the previous run.
        var runs: [[Int]] = []
        for (i, note) in notes.enumerated() where include(note.label) {
            if let last = runs.last?.last, isAdjacent(notes[last].block, note.block, blocks: blocks) {
                runs[runs.count - 1].append(i)
            } else {
                runs.append([i])
            }
        }
        // Each label's run serves the markers of that label since its previous run.
        var previousEnd: [String: Int] = [:]
        var byLabel: [String: [Int]] = [:]
        for m in markers.indices where include(markers[m].label) { byLabel[markers[m].label, default: []].append(m) }
        let blocksByLabel = byLabel.mapValues { $0.map { markers[$0].block } }
        for run in runs {
            let firstBlock = notes[run[0]].block
            let lastBlock = notes[run[run.count - 1]].block
            for label in Set(run.map { notes[$0].label }) {
                let since = previousEnd[label] ?? -1
                previousEnd[label] = lastBlock
                let all = byLabel[label] ?? [], allBlocks = blocksByLabel[label] ?? []
                let from = firstIndex(in: allBlocks, above: since), to = firstIndex(in: allBlocks, above: firstBlock - 1)
                let ms = from < to ? Array(all[from..<to]) : []
                let ns = run.filter { notes[$0].label == label }
                guard !ms.isEmpty else { continue }
                // One marker and its one note (the usual case): nothing to weigh.
                if ms.count == 1 && ns.count == 1 {
                    markers[ms[0]].note = ns[0]
                    continue
                }
                // Too many to weigh one against another (the assignment is cubic in the larger
                // count): in order, the notes with the last markers as below.
                guard max(ms.count, ns.count) <= 200 else {
                    let shift = max(0, ms.count - ns.count)
                    for (a, m) in ms.enumerated() where a >= shift && a - shift < ns.count { markers[m].note = ns[a - shift] }
                    continue
                }
                // The words just before each marker: the last few hundred characters suffice.
                // (Read by walking each block once: no array of a long block's scalars.)
                var reader = TextBefore(text: "")
                var readerBlock = -1
                let contexts = ms.map { m in
                    let marker = markers[m]
                    if readerBlock != marker.block { reader = TextBefore(text: blocks[marker.block].text); readerBlock = marker.block }
                    return reader.text(from: max(0, marker.range.lowerBound - 400), to: marker.range.lowerBound)
                }
                let matcher = ContentMatcher(contexts: contexts, notes: ns.map { notes[$0].text })
                var score: [[Double]] = []
                for a in ms.indices {
                    var row: [Double] = []
                    for b in ns.indices {
                        // Order as a tie-break, far smaller than any word match; with more
                        // markers than notes, the notes go with the last markers (notes follow them).
                        let shift = max(0, ms.count - ns.count)
                        let order = 0.001 * (1 - Double(abs(a - shift - b)) / Double(max(ms.count, ns.count)))
                        row.append(matcher.score(marker: a, note: b) + order)
                    }
                    score.append(row)
                }
                for (a, b) in Assignment.maximise(score).enumerated() { if let b { markers[ms[a]].note = ns[b] } }
            }
        }
    }

    /// Whether a note left over stands where its numbering says a note is due: `[37]` after a
    /// linked `[36]` (or before a linked `[38]`); a note without a number between `[5]` and `[7]`,
    /// for a marker `6`. A lone note with another number than the marker's is not enough.
    static func fitsNumbering(_ n: Int, marker: FootnoteMarker, notes: [FootnoteNote], linked: Set<Int>) -> Bool {
        let previous = n > 0 && linked.contains(n - 1) ? Int(notes[n - 1].label) : nil
        let next = n + 1 < notes.count && linked.contains(n + 1) ? Int(notes[n + 1].label) : nil
        guard let number = Int(notes[n].label) else {
            guard notes[n].label.isEmpty, let due = Int(marker.label) else { return false }
            return previous == due - 1 || next == due + 1
        }
        return previous == number - 1 || next == number + 1
    }

    /// Two note blocks belong to one run when only notes or scene breaks stand between them.
    static func isAdjacent(_ a: Int, _ b: Int, blocks: [Block]) -> Bool {
        guard b > a else { return false }
        return blocks[(a + 1)..<b].allSatisfy { $0.kind == .footnote || $0.kind == .sceneBreak }
    }
}
