import Testing
@testable import LectioCore
@testable import LectioUI

/// The values `AppState` is made of keep their own rules, without a text or a screen.
@Suite struct StateValueTests {
    @Test func searchGoesOnFromTheCurrentMatchAndWrapsWithANotice() {
        var search = SearchState()
        #expect(search.step(forward: true) == nil)
        search.result = SearchResult(query: "x", hits: [3, 40, 90], length: 1)
        search.currentMatch = 1
        #expect(search.step(forward: true)?.match == 2)
        #expect(search.step(forward: true)?.notice == nil)
        search.currentMatch = 2
        #expect(search.step(forward: true)?.match == 0)
        #expect(search.step(forward: true)?.notice == "Search hit the end, continued at the start")
        search.currentMatch = 0
        #expect(search.step(forward: false)?.match == 2)
        #expect(search.step(forward: false)?.notice == "Search hit the start, continued at the end")
        search.clear()
        #expect(search.result == nil && search.currentMatch == nil)
    }

    @Test func searchHistoryKeepsEachQueryOnceLatestLastAndAtMostAHundred() {
        var search = SearchState()
        search.remember(search: "Sedov")
        search.remember(search: "trial")
        search.remember(search: "Sedov")
        #expect(search.history == ["trial", "Sedov"])
        for n in 0..<120 { search.remember(search: "q\(n)") }
        #expect(search.history.count == SearchState.historyLimit)
        #expect(search.history.last == "q119")
        search.remember(goTo: "7")
        search.remember(goTo: "40%")
        search.remember(goTo: "7")
        #expect(search.goToHistory == ["40%", "7"])
    }

    @Test func aSelectionNeverBecomesEmptyWhicheverEndMoves() {
        var selection = Selection(anchor: 10, head: 20)
        #expect(selection.movingEnd == 19)
        selection.moveEnd(to: 4)
        #expect(selection.range == 10..<11)
        selection.moveEnd(to: 30)
        #expect(selection.range == 10..<30)
        selection.movesStart = true
        #expect(selection.movingEnd == 10)
        selection.moveStart(to: 35)
        #expect(selection.range == 29..<30)
        selection.moveStart(to: 2)
        #expect(selection.range == 2..<30)
        #expect(Selection.dragged(from: 50, to: 40).range == 40..<51)
    }

    @Test func theNotesPaneKeepsItsHighlightWithinTheListAndStartsOverOnANewList() {
        var pane = NotesPaneState()
        pane.moveSelection(by: 5, count: 3)
        #expect(pane.selected == 2)
        pane.moveSelection(by: -9, count: 3)
        #expect(pane.selected == 0)
        pane.selected = 4
        pane.clampSelection(toCount: 2)
        #expect(pane.selected == 1)
        pane.cycleScope()
        #expect(pane.scope == .all && pane.selected == 0)
        pane.selected = 1
        pane.toggleOrder()
        #expect(pane.order == .modified && pane.selected == 0)
        pane.filter(byTag: "trials")
        #expect(pane.isFiltered && pane.focus)
        pane.clearFilter()
        #expect(!pane.isFiltered && pane.tag == nil)
    }
}
