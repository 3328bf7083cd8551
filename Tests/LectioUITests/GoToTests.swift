import Testing
import LectioCore
import LectioTestSupport
@testable import LectioUI

/// `:` says where it went, and never jumps silently to one of several matching sections.
@Suite struct GoToTests {
    /// Two parts whose chapter numbers restart.
    let document = Fixtures.document(text: """
        A BOOK OF PARTS

        PART ONE

        CHAPTER I

        The first chapter of the first part, with enough words to be a paragraph of its own.

        CHAPTER II

        The second chapter of the first part, with enough words to be a paragraph of its own.

        PART TWO

        CHAPTER I

        The first chapter of the second part, with enough words to be a paragraph of its own.

        CHAPTER II

        The second chapter of the second part, with enough words to be a paragraph of its own.
        """)

    func goTo(_ s: AppState, _ text: String) {
        for key in [Key.char(":")] + Key.typing(text) + [.enter] { _ = s.update(.key(key)) }
    }

    @Test func theFixtureHasRestartingChapters() {
        #expect(document.sections.map(\.title) == ["PART ONE", "CHAPTER I", "CHAPTER II", "PART TWO", "CHAPTER I", "CHAPTER II"])
        #expect(document.sections.map(\.level) == [1, 2, 2, 1, 2, 2])
        #expect(document.enclosingSection(of: 4) == 3)
        #expect(document.enclosingSection(of: 3) == nil)
    }

    @Test func aNumberThatSeveralSectionsShareOffersAChooserWithThisPartFirst() throws {
        let s = AppState(document: document, width: 100, height: 30)
        goTo(s, "PART TWO")
        #expect(s.currentSection?.title == "PART TWO")
        #expect(s.message == "→ PART TWO")
        goTo(s, "2")
        let chooser = try #require(s.layers.top(as: SectionChooser.self))
        // PART TWO itself and its chapter II first, then part one's chapter II.
        #expect(chooser.candidates == [3, 5, 2])
        let screen = FrameRenderer.render(s)
        #expect(screen.text.contains("3 sections match “2”"))
        #expect(screen.text.contains("CHAPTER II  (PART TWO)"))
        #expect(screen.text.contains("CHAPTER II  (PART ONE)"))
        _ = s.update(.key(.char("G")))
        _ = s.update(.key(.enter))
        #expect(s.layers.isEmpty)
        #expect(s.document.sectionIndex(containing: s.cursor.block) == 2)
        #expect(s.message == "→ CHAPTER II")
        // The chooser's jump is recorded like any other.
        _ = s.update(.key(.ctrl("o")))
        #expect(s.currentSection?.title == "PART TWO")
    }

    @Test func escapeLeavesTheChooserWithoutMoving() throws {
        let s = AppState(document: document, width: 100, height: 30)
        let before = s.cursor
        goTo(s, "chapter")
        #expect(s.layers.top(as: SectionChooser.self)?.candidates.count == 4)
        _ = s.update(.key(.escape))
        #expect(s.layers.isEmpty)
        #expect(s.cursor == before)
    }

    @Test func aSingleMatchJumpsAndSaysWhere() {
        let s = AppState(document: document, width: 100, height: 30)
        goTo(s, "part one")
        #expect(s.layers.isEmpty)
        #expect(s.message == "→ PART ONE")
        goTo(s, "nowhere")
        #expect(s.message == "Nothing to go to for “nowhere”")
    }
}

/// Letters and chapters numbered by their heading alone (`XII.`, `12.`) are found by number.
@Suite struct GoToNumberedHeadingTests {
    @Test func aNumberFindsTheHeadingThatOpensWithIt() {
        let d = Fixtures.document(text: """
            LETTERS

            PREFACE.

            A preface of some length, so that it is a paragraph and not a heading at all here.

            I.

            The first letter, long enough to be a paragraph of its own in this collection.

            II.

            The second letter, long enough to be a paragraph of its own in this collection.

            III.

            The third letter, long enough to be a paragraph of its own in this collection.
            """)
        let s = AppState(document: d, width: 100, height: 30)
        #expect(AppState.leadingNumber("XII. STEVENTON, Friday") == 12)
        #expect(AppState.leadingNumber("12. To his Brother") == 12)
        #expect(AppState.leadingNumber("I Dream'd I Lay") == nil)
        #expect(AppState.leadingNumber("Ix. something") == nil)
        for key in [Key.char(":")] + Key.typing("2") + [.enter] { _ = s.update(.key(key)) }
        #expect(s.currentSection?.title.hasPrefix("II") == true && s.currentSection?.title.hasPrefix("III") == false,
                "\(String(describing: s.currentSection?.title)) among \(d.sections.map(\.title))")
    }
}

/// Tab to a marker off the screen is a jump like any other.
@Suite struct FarTabTests {
    @Test func aTabThatLeavesTheScreenIsRecordedAndSaid() throws {
        let document = try Fixtures.bundledDocument()
        let s = AppState(document: document, width: 100, height: 30)
        let start = s.cursorOffset
        _ = s.update(.key(.tab))
        let marker = try #require(s.selectedMarker)
        #expect(marker == 0)
        #expect(s.message?.hasPrefix("→ footnote * › Chapter 7") == true)
        _ = s.update(.key(.ctrl("o")))
        #expect(s.cursorOffset == start)
        // A Tab to a marker already on the screen moves no history and says nothing.
        let near = AppState(document: document, width: 100, height: 30)
        for _ in 0..<3 { _ = near.update(.key(.char("]"))) }
        _ = near.update(.key(.tab))
        _ = near.update(.key(.tab))
        #expect(near.selectedMarker == 1)
        #expect(near.message == nil)
    }
}
