import Foundation
import LectioCore
import LectioTestSupport
import Testing
@testable import LectioUI

/// The library inside the reader (`L`): the list, its orders and filter, opening another text
/// and coming back, forgetting, and missing files.
@Suite struct LibraryPopupTests {
    let state: AppState

    init() throws {
        state = AppState(document: try Fixtures.bundledDocument(), width: 120, height: 30)
        state.textPath = "/books/sedov.txt"
        state.library = [
            LibraryEntry(path: "/books/sedov.txt", title: "Leon Sedov", sha256: "", size: 1, lastOpened: Date(timeIntervalSince1970: 300),
                         position: 12, notes: 0, footnotes: 3),
            LibraryEntry(path: "/books/scarlet.txt", title: "A Study In Scarlet", sha256: "", size: 1, lastOpened: Date(timeIntervalSince1970: 200),
                         position: 56, notes: 3, footnotes: 25),
            LibraryEntry(path: "/gone/burns.txt", title: "Poems of Burns", sha256: "", size: 1, lastOpened: Date(timeIntervalSince1970: 100),
                         position: 80, notes: 7, footnotes: 2),
        ]
        state.missingTexts = ["/gone/burns.txt"]
    }

    func press(_ keys: Key...) -> [Effect] { keys.flatMap { state.update(.key($0)) } }

    func type(_ text: String) { for c in text { _ = state.update(.key(.char(c))) } }

    @Test func listsTextsWithPositionNotesAndMissingOnes() throws {
        _ = press(.char("L"))
        let popup = try #require(state.layers.top(as: LibraryPopup.self))
        #expect(popup.rows(state).map(\.title) == ["Leon Sedov", "A Study In Scarlet", "Poems of Burns"])
        // The text before this one is highlighted: Enter is "go back to what I read last".
        #expect(popup.selected == 1)
        let screen = FrameRenderer.render(state)
        let scarlet = try #require(screen.lines.first { $0.contains("A Study In Scarlet") })
        #expect(scarlet.contains("56%"))
        #expect(scarlet.contains("3 notes"))
        let burns = try #require(screen.lines.first { $0.contains("Poems of Burns") })
        #expect(burns.contains("missing"))
        #expect(burns.contains("7 notes"))
        #expect(screen.lines.contains { $0.contains("• Leon Sedov") })
        #expect(screen.lines.contains { $0.contains("Library · by last opened") })
        #expect(scarlet.contains("1970-01-01 00:03"))
        // At 50 columns the date gives way to the title.
        _ = state.update(.resize(width: 50, height: 30))
        let narrow = FrameRenderer.render(state)
        let row = try #require(narrow.lines.first { $0.contains("A Study In") })
        #expect(row.contains("56%") && !row.contains("1970"))
    }

    @Test func theTextBeingReadShowsWhereItIsNowAndItsNotes() throws {
        _ = press(.char("G"))
        _ = state.update(.notesChanged([Annotation(anchor: Anchor(section: "", start: 0, end: 5, exact: "words", prefix: "", suffix: ""), body: "x")]))
        _ = press(.char("L"))
        let row = try #require(FrameRenderer.render(state).lines.first { $0.contains("• Leon Sedov") })
        #expect(row.contains("\(state.percent)%"), "\(row)")
        #expect(state.percent != 12)
        #expect(row.contains("1 note"))
    }

    @Test func enterOpensTheChosenTextAndAMissingOneSaysSo() {
        _ = press(.char("L"))
        #expect(press(.enter) == [.openText("/books/scarlet.txt")])
        #expect(state.layers.isEmpty)
        _ = press(.char("L"), .char("G"))
        #expect(press(.enter).isEmpty)
        #expect(state.message == "Poems of Burns is missing from /gone/burns.txt")
    }

    @Test func sortCyclesAndTheFilterNarrowsAsItIsTyped() throws {
        _ = press(.char("L"), .char("s"))
        #expect(state.layers.top(as: LibraryPopup.self)?.rows(state).map(\.title) == ["A Study In Scarlet", "Leon Sedov", "Poems of Burns"])
        _ = press(.char("s"))
        #expect(state.layers.top(as: LibraryPopup.self)?.rows(state).map(\.title) == ["Poems of Burns", "A Study In Scarlet", "Leon Sedov"])
        _ = press(.char("/"))
        type("sc")
        // Live, while typing: the library under the filter line lists one text.
        let screen = FrameRenderer.render(state)
        #expect(screen.line(29).hasPrefix("Filter: sc"))
        #expect(screen.lines.contains { $0.contains("1 matching “sc”") })
        _ = press(.enter)
        let popup = try #require(state.layers.top(as: LibraryPopup.self))
        #expect(popup.query == "sc")
        #expect(popup.rows(state).map(\.title) == ["A Study In Scarlet"])
        #expect(press(.enter) == [.openText("/books/scarlet.txt")])
    }

    @Test func dForgetsTheEntryThroughAnEffect() {
        _ = press(.char("L"), .char("j"))
        #expect(press(.char("d")) == [.forgetText("/gone/burns.txt")])
        _ = state.update(.libraryChanged(Array(state.library.prefix(2))))
        #expect(state.layers.top(as: LibraryPopup.self)?.rows(state).count == 2)
        #expect(state.message?.hasPrefix("Forgotten") == true)
    }

    @Test func backAtTheFirstPlaceReturnsToThePreviousTextAfterThisTextsOwnJumps() {
        state.opened(from: "/books/scarlet.txt")
        _ = press(.char("]"))
        // First Back: the jump made in this text.
        #expect(press(.ctrl("o")).isEmpty)
        // Then: the text before.
        #expect(press(.ctrl("o")) == [.openPreviousText])
        let alone = AppState(document: state.document, width: 80, height: 24)
        alone.opened(from: nil)
        #expect(alone.update(.key(.ctrl("o"))).isEmpty)
        #expect(alone.message == "No earlier place to go back to")
    }
}
