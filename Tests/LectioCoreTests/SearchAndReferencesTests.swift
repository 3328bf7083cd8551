import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore

@Suite struct SearchAndReferencesTests {
    let document: Document
    let index: SearchIndex

    init() throws {
        document = try Fixtures.bundledDocument()
        index = SearchIndex(document: document)
    }

    func found(_ query: String) -> [String] {
        let result = index.search(query)
        let text = CanonicalText(document: document)
        return result.hits.map { hit in
            let r = index.canonicalRange(of: hit, length: result.length)
            return text.string(r.lowerBound, r.upperBound)
        }
    }

    @Test func smartCase() {
        // "Thermidorians" in Chapter 7 and "Thermidor" in its note.
        #expect(found("thermidor").count == 2)
        #expect(found("Thermidor").count == 2)
        #expect(found("THERMIDOR").isEmpty)
        #expect(found("moscow trial").count == found("Moscow Trial").count + found("Moscow trial").count)
    }

    @Test func accentsQuotesAndDashesAreIgnored() {
        #expect(found("Broue").first == "Broué")
        #expect(found("Trotsky's son").first == "Trotsky’s son")
        #expect(found("Leon Martin").first == "Léon Martin")
        #expect(found("young man -- he").first == "young man – he" || found("young man - he").first == "young man – he")
        #expect(!found("boss's son").isEmpty)
    }

    @Test func aPhraseIsFoundAcrossALineBreakOrAWrap() throws {
        let d = Fixtures.document(text: "Title Of It\n\nA hard-wrapped paragraph whose phrase\nruns across the line break.\n\nNext block.")
        let i = SearchIndex(document: d)
        #expect(i.search("phrase runs across").hits.count == 1)
        // But never from one block into the next.
        #expect(i.search("break. Next").hits.isEmpty)
        let text = CanonicalText(document: d)
        let r = i.canonicalRange(of: i.search("phrase runs").hits[0], length: i.search("phrase runs").length)
        #expect(text.string(r.lowerBound, r.upperBound) == "phrase runs")
    }

    @Test func searchReachesFootnoteTexts() {
        #expect(found("Robespierre") == ["Robespierre"])
        #expect(found("Stakhanov").count >= 3)
    }

    @Test func paragraphReferencesAreStableAndFindTheirBlock() throws {
        let refs = ParagraphReferences(document: document)
        let chapter = try #require(document.sections.firstIndex { $0.title.hasPrefix("Chapter 7") })
        let block = document.sections[chapter].block + 1
        #expect(refs.label(ofBlock: block) == "\(chapter + 1).1")
        #expect(refs.block(for: "\(chapter + 1).1") == block)
        #expect(refs.label(ofBlock: document.sections[chapter].block) == nil)
        #expect(ParagraphReferences(document: try Fixtures.bundledDocument()).references.map { $0.map { "\($0.section).\($0.paragraph)" } }
            == refs.references.map { $0.map { "\($0.section).\($0.paragraph)" } })
        #expect(refs.block(for: "99.1") == nil)
    }

    @Test func readingStateRoundTripsAndFollowsXDG() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s/state.json").path
        var history = JumpHistory()
        history.record(10)
        let state = ReadingState(position: 1234, top: 1200, history: history, marks: ["a": 55], searches: ["x"])
        try state.save(path: path)
        #expect(ReadingState.load(path: path) == state)
        try "garbage".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(ReadingState.load(path: path) == nil)
        #expect(ReadingState.stateHome(environment: ["XDG_STATE_HOME": "/st", "HOME": "/h"]) == "/st/lectio")
        #expect(ReadingState.stateHome(environment: ["HOME": "/h"]) == "/h/.local/state/lectio")
    }
}
