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
    }

    static func linkByLabel(markers: inout [FootnoteMarker], notes: [FootnoteNote], where include: (String) -> Bool) {
        var byLabel: [String: [Int]] = [:]
        for (i, note) in notes.enumerated() where include(note.label) { byLabel[note.label, default: []].append(i) }
        var markerBlocks: [String: [Int]] = [:]
        for m in markers where include(m.label) { markerBlocks[m.label, default: []].append(m.block) }
        var used = Set<Int>()
        for m in markers.indices where include(markers[m].label) {
            guard let candidates = byLabel[markers[m].label] else { continue }
            let block = markers[m].block
            // Out of scope: a note with another marker of its label between it and this one.
            let others = markerBlocks[markers[m].label] ?? []
            func inScope(_ note: Int) -> Bool {
                let (low, high) = notes[note].block > block ? (block, notes[note].block) : (notes[note].block, block)
                return !others.contains { $0 > low && $0 < high }
            }
            let after = candidates.first { !used.contains($0) && notes[$0].block > block }
            let before = candidates.last { !used.contains($0) && notes[$0].block <= block }
            if let chosen = after.flatMap({ inScope($0) ? $0 : nil }) ?? before.flatMap({ inScope($0) ? $0 : nil }) {
                markers[m].note = chosen
                used.insert(chosen)
            } else if m > 0, markers[m - 1].label == markers[m].label, markers[m - 1].block == block, let shared = markers[m - 1].note {
                // `the Dungeon-clock^2 … and Wallace Tower^2`: one note for two markers of a passage.
                markers[m].note = shared
            }
        }
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
        for run in runs {
            let firstBlock = notes[run[0]].block
            let lastBlock = notes[run[run.count - 1]].block
            for label in Set(run.map { notes[$0].label }) {
                let since = previousEnd[label] ?? -1
                previousEnd[label] = lastBlock
                let ms = markers.indices.filter {
                    markers[$0].label == label && markers[$0].block > since && markers[$0].block < firstBlock
                }
                let ns = run.filter { notes[$0].label == label }
                guard !ms.isEmpty else { continue }
                // One marker and its one note (the usual case): nothing to weigh.
                if ms.count == 1 && ns.count == 1 {
                    markers[ms[0]].note = ns[0]
                    continue
                }
                // The words just before each marker: the last few hundred characters suffice.
                let contexts = ms.map { m in
                    let marker = markers[m]
                    let scalars = blocks[marker.block].scalars[max(0, marker.range.lowerBound - 400)..<marker.range.lowerBound]
                    return String(String.UnicodeScalarView(scalars))
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
                let assignment = ms.count * ns.count <= 40_000
                    ? Assignment.maximise(score)
                    : ms.indices.map { $0 < ns.count ? $0 : nil }
                for (a, b) in assignment.enumerated() { if let b { markers[ms[a]].note = ns[b] } }
            }
        }
    }

    /// Two note blocks belong to one run when only notes or scene breaks stand between them.
    static func isAdjacent(_ a: Int, _ b: Int, blocks: [Block]) -> Bool {
        guard b > a else { return false }
        return blocks[(a + 1)..<b].allSatisfy { $0.kind == .footnote || $0.kind == .sceneBreak }
    }
}
