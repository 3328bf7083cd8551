import LectioConfig
import LectioTestSupport
import LectioUI
import Testing

/// The config file: what each entry changes, and the `FILE:LINE:` message for each kind of
/// mistake (the entry keeps its default, the rest applies).
@Suite struct ConfigTests {
    func parse(_ text: String) -> Config { Config.parse(text, file: "conf.toml") }

    @Test func bindsAKeyAndSetsTheMeasure() {
        let config = parse("""
            measure = 60
            mouse = false

            [keys.reading]
            "ctrl-d" = "page_down"
            x = "quit"
            """)
        #expect(config.problems.isEmpty)
        #expect(config.settings.measure == 60)
        #expect(config.settings.mouse == false)
        #expect(config.keymap.command(for: .ctrl("d"), in: .reading) == .pageDown)
        #expect(config.keymap.command(for: .char("x"), in: .reading) == .quit)
        // The key left its old command, which keeps its other keys.
        #expect(config.keymap.keys(for: .halfPageDown, in: .reading) == [.char("d")])
        #expect(config.keymap.keys(for: .pageDown, in: .reading).contains(.space))
    }

    @Test func unknownCommandNamesItsLineAndKeepsTheDefault() {
        let config = parse("""
            # my keys
            [keys.reading]
            j = "line_down"
            "ctrl-d" = "page_dwn"
            """)
        #expect(config.problems.map(\.description) == [
            "conf.toml:4: unknown command \"page_dwn\" for \"ctrl-d\" in [keys.reading] (the help screen, ?, names them); the default is kept",
        ])
        #expect(config.keymap.command(for: .ctrl("d"), in: .reading) == .halfPageDown)
    }

    @Test func eachKindOfMistakeIsNamedWithItsLine() {
        let config = parse("""
            measure = -3
            colour = "blue"

            [panes]
            footnotes = "yes"
            sidebar = true

            [keys.reading]
            "hyper-x" = "quit"

            [keys.nowhere]
            j = "line_down"

            [keys.contents]
            x = "page_down"
            """)
        let lines = config.problems.map(\.line)
        #expect(lines == [1, 2, 5, 6, 9, 11, 15])
        let messages = config.problems.map(\.message)
        #expect(messages[0].hasPrefix("`measure` must be a whole number"))
        #expect(messages[1].hasPrefix("unknown setting `colour`"))
        #expect(messages[2].hasPrefix("`panes.footnotes` must be true or false"))
        #expect(messages[3].hasPrefix("unknown pane `sidebar`"))
        #expect(messages[4].hasPrefix("unknown key name \"hyper-x\""))
        #expect(messages[5].hasPrefix("unknown mode [keys.nowhere]"))
        #expect(messages[6].hasPrefix("\"page_down\" is not a command of [keys.contents]"))
        // Every wrong entry keeps its default.
        #expect(config.settings.measure == ReaderSettings.defaultMeasure)
        #expect(config.settings.footnotesPane == nil)
        #expect(config.keymap.command(for: .char("x"), in: ContentsPopup.mode) == nil)
    }

    @Test func twoSpellingsOfOneKeyConflict() {
        let config = parse("""
            [keys.reading]
            "ctrl-d" = "page_down"
            "C-d" = "quit"
            """)
        #expect(config.problems.count == 2)
        #expect(config.problems.allSatisfy { $0.message.hasPrefix("conflicting bindings in [keys.reading]") })
        #expect(Set(config.problems.compactMap(\.line)) == [2, 3])
        #expect(config.keymap.command(for: .ctrl("d"), in: .reading) == .halfPageDown)
    }

    @Test func syntaxErrorGivesTOMLKitsLineAndTheDefaults() {
        let config = parse("""
            measure = 60
            [keys.reading
            j = "line_down"
            """)
        #expect(config.problems.count == 1)
        #expect(config.problems.first?.line == 2)
        #expect(config.problems.first?.description.hasPrefix("conf.toml:2: ") == true)
        #expect(config.settings.measure == ReaderSettings.defaultMeasure)
    }

    @Test func noneUnbindsAKey() {
        let config = parse("""
            [keys.reading]
            q = "none"
            """)
        #expect(config.problems.isEmpty)
        #expect(config.keymap.command(for: .char("q"), in: .reading) == nil)
        #expect(config.keymap.command(for: .char("Q"), in: .reading) == .quit)
    }

    @Test func themeSetsColoursAndAttributes() {
        let config = parse("""
            [theme]
            heading = { fg = "red", attributes = ["bold", "italic"] }
            status = { bg = 236 }
            marker = { fg = "chartreuse" }
            """)
        #expect(config.problems.map(\.line) == [4])
        #expect(config.problems.first?.message.hasPrefix("unknown colour \"chartreuse\"") == true)
        #expect(config.settings.theme.entry(for: .heading) == Theme.Entry(foreground: 1, attributes: [.bold, .italic]))
        #expect(config.settings.theme.entry(for: .status).background == 236)
        #expect(config.settings.theme.entry(for: .marker) == Theme.standard.entry(for: .marker))
        // Written out and read back, the theme is the same.
        let again = parse(DefaultConfig.text(settings: config.settings))
        #expect(again.problems.isEmpty)
        #expect(again.settings.theme == config.settings.theme)
    }

    @Test func panesAndRuler() {
        let config = parse("""
            ruler = false
            [panes]
            footnotes = false
            notes = true
            """)
        #expect(config.problems.isEmpty)
        #expect(config.settings == ReaderSettings(footnotesPane: false, notesPane: true, ruler: false))
    }

    @Test func theDefaultFileReadsBackAsTheDefaults() {
        let text = DefaultConfig.text()
        let config = parse(text)
        #expect(config.problems.isEmpty)
        #expect(config.settings == ReaderSettings())
        #expect(DefaultConfig.text(settings: config.settings, keymap: config.keymap) == text)
        #expect(text.contains("\"ctrl-d\" = \"half_page_down\""))
    }

    @Test func keyNamesReadBackAsTheSameKey() {
        let modes = Keymap.standard.modes
        for mode in modes {
            for key in Keymap.standard.bindings[mode]?.flatMap(\.keys) ?? [] {
                #expect(Key(configName: key.configName) == key, "\(key.label) in \(mode.name)")
            }
        }
        #expect(Key(configName: "Ctrl-D") == .ctrl("d"))
        #expect(Key(configName: "PgDn") == .pageDown)
        #expect(Key(configName: "ctrl-") == nil)
        #expect(Command(configName: "half_page_down") == .halfPageDown)
    }

    @Test func aFolderInPlaceOfTheFileIsAProblemNotACrash() {
        let config = Config.load(path: "/")
        #expect(config.problems.count == 1)
        #expect(config.problems.first?.message.hasPrefix("cannot be read") == true)
        #expect(config.settings == ReaderSettings())
    }

    /// The reader takes what the file says: panes at first, the ruler, the keymap.
    @Test func theReaderStartsWithTheFilesPanesRulerAndKeys() throws {
        let config = parse("""
            ruler = false
            [panes]
            footnotes = false
            [keys.reading]
            "ctrl-d" = "page_down"
            """)
        let state = AppState(document: try Fixtures.bundledDocument(), width: 140, height: 40, keymap: config.keymap,
                             settings: config.settings, configNotice: config.notice)
        #expect(state.panes.footnotes == nil)
        #expect(state.panes.notes != nil)
        #expect(state.rulerRect == nil)
        let before = state.cursorOffset
        _ = state.update(.key(.ctrl("d")))
        let paged = state.cursorOffset
        let other = AppState(document: state.document, width: 140, height: 40, settings: config.settings)
        _ = other.update(.key(.space))
        #expect(paged > before)
        #expect(paged == other.cursorOffset)
        // The help screen lists the binding in force.
        _ = state.update(.key(.char("?")))
        let help = FrameRenderer.render(state).lines
        // A long list of keys stands on its own line, its summary on the next.
        let entry = help.indices.filter { help[$0].contains("Ctrl-D") }.map { i in help[i] + (i + 1 < help.count ? help[i + 1] : "") }
        #expect(entry.contains { $0.contains("= page_down") })
        #expect(!entry.contains { $0.contains("= half_page_down") })
    }
}
