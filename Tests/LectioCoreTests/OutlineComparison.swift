import Foundation
import LectioCore

/// An expected outline (`Tests/Fixtures/expected/NAME.expected.json`, derived from the book by
/// `derive.py`) compared with the outline Lectio makes of the book.
struct OutlineComparison {
    /// The expected outline as stored.
    struct Expected: Decodable {
        struct Section: Decodable { var title: String; var level: Int; var line: Int; var matter: Bool }
        struct Link: Decodable { var line: Int; var noteLine: Int }
        /// Documented floors where Lectio does not yet reach the whole expectation.
        struct Floors: Decodable { var sectionsFound: Int?; var footnotesRight: Int? }
        var file: String
        var title: String
        var sections: [Section]
        var footnotes: [Link]
        var floors: Floors
    }

    let expected: Expected
    let actual: Outline
    /// Expected sections found at their line, with their level and a title that starts as expected.
    private(set) var sectionsFound = 0
    private(set) var sectionsMissing: [String] = []
    private(set) var sectionsExtra: [String] = []
    /// Markers linked to the expected note; linked to another note; expected but not linked.
    private(set) var footnotesRight = 0
    private(set) var footnotesWrong: [String] = []
    private(set) var footnotesMissing: [String] = []
    /// Markers listed without a note where the book expects none (a stray `[1]`): reported, not wrong.
    private(set) var footnotesExtra: [String] = []

    init(expected: Expected, actual: Outline) {
        self.expected = expected
        self.actual = actual
        let byLine = Dictionary(actual.sections.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        for s in expected.sections {
            // `CHAPTER XL` + `OF THE RIGHTS…` may be joined with a dash: compare without it.
            func plain(_ t: String) -> String { t.replacingOccurrences(of: " — ", with: " ") }
            if let a = byLine[s.line], a.level == s.level, plain(a.title).hasPrefix(plain(s.title)) {
                sectionsFound += 1
            } else {
                let got = byLine[s.line].map { "got “\($0.title)” level \($0.level)" } ?? "not a section"
                sectionsMissing.append("line \(s.line): level \(s.level) “\(s.title)” — \(got)")
            }
        }
        let expectedLines = Set(expected.sections.map(\.line))
        sectionsExtra = actual.sections.filter { !expectedLines.contains($0.line) }.map { "line \($0.line): “\($0.title)”" }
        var links: [Int: [Int?]] = [:]
        for f in actual.footnotes { links[f.line, default: []].append(f.noteLine) }
        var expectedAt: [Int: Int] = [:]
        for link in expected.footnotes { expectedAt[link.line, default: 0] += 1 }
        for link in expected.footnotes {
            var got = links[link.line] ?? []
            if let k = got.firstIndex(of: link.noteLine) {
                footnotesRight += 1
                got.remove(at: k)
            } else if let k = got.firstIndex(where: { $0 != nil }), let other = got[k] {
                footnotesWrong.append("line \(link.line): linked to line \(other), expected \(link.noteLine)")
                got.remove(at: k)
            } else {
                footnotesMissing.append("line \(link.line): expected a link to line \(link.noteLine)")
                if !got.isEmpty { got.removeFirst() }
            }
            links[link.line] = got
        }
        for (line, rest) in links.sorted(by: { $0.key < $1.key }) where !rest.isEmpty {
            for note in rest {
                if let note { footnotesWrong.append("line \(line): linked to line \(note), the book has no marker there") } else {
                    footnotesExtra.append("line \(line): a marker without a note")
                }
            }
        }
    }

    /// Whether everything expected is there and nothing else.
    var isExact: Bool {
        actual.title == expected.title && sectionsMissing.isEmpty && sectionsExtra.isEmpty
            && footnotesWrong.isEmpty && footnotesMissing.isEmpty
    }

    /// A readable account of the differences, for a failing test.
    var report: String {
        var out = "\(expected.file): sections \(sectionsFound)/\(expected.sections.count) (\(sectionsExtra.count) extra), "
            + "footnotes \(footnotesRight)/\(expected.footnotes.count) right, \(footnotesWrong.count) wrong\n"
        if actual.title != expected.title { out += "title: “\(actual.title)”, expected “\(expected.title)”\n" }
        for (name, lines) in [("missing section", sectionsMissing), ("extra section", sectionsExtra),
                              ("wrong link", footnotesWrong), ("missing link", footnotesMissing), ("unlinked marker", footnotesExtra)] {
            for line in lines.prefix(15) { out += "  \(name) \(line)\n" }
            if lines.count > 15 { out += "  … \(lines.count - 15) more \(name)s\n" }
        }
        return out
    }
}
