import Testing
import LectioTestSupport
@testable import LectioCore

/// Headings as real books set them (hand-made cases, one per convention).
@Suite struct BookStructureTests {
    @Test func chapterTitlesInCapitalsThatWrap() {
        let d = Fixtures.document(text: """
            THE BOOK



            CHAPTER I. OF THE FIRST THINGS THAT WERE DONE IN THE
            BEGINNING


            The text of the first chapter is here, and it goes on for a while.



            CHAPTER II. OF THE CONDITION OF MANKIND,

            AS CONCERNING THEIR HAPPINESS


            The text of the second chapter.



            CHAPTER III

            OF THE RIGHTS OF KINGS, IN THE EAST,

            AND IN THE WEST


            The text of the third chapter.
            """)
        #expect(d.sections.map(\.title) == [
            "CHAPTER I. OF THE FIRST THINGS THAT WERE DONE IN THE BEGINNING",
            "CHAPTER II. OF THE CONDITION OF MANKIND, AS CONCERNING THEIR HAPPINESS",
            "CHAPTER III — OF THE RIGHTS OF KINGS, IN THE EAST, AND IN THE WEST",
        ])
    }

    @Test func lettersNumberedAloneOnALineWithTheirPlaceOrAddressee() {
        let d = Fixtures.document(text: """
            LETTERS OF A FAMILY




            PREFACE.


            These letters were kept by the family for many years, and are printed here.




            I.


                                      LONDON, Monday (May 1, 1800).

            MY DEAR SISTER,--I write to you from town.

                                                  J. SMITH.

            FOOTNOTES:

            [1] A note.




            II.


                _To Miss Smith._

            Dear friend, a short word.




            III.


            MY DEAR ANNE,--This letter starts at once, with no place at its head,
            and goes on over a second line.

                                                  J. SMITH.
            """)
        #expect(d.sections.map(\.title) == ["PREFACE.", "I. LONDON, Monday (May 1, 1800).", "II. To Miss Smith.", "III."])
    }

    @Test func aLetterNumberMayCarryAFootnoteMarker() {
        let d = Fixtures.document(text: """
            LETTERS




            I.

            Dear John, the first.




            II.*

            Dear John, the second.

            * Written from prison.




            III.

            Dear John, the third.
            """)
        #expect(d.sections.map(\.title) == ["I.", "II.", "III."])
        #expect(d.footnotes.first?.note.map { d.notes[$0].text } == "Written from prison.")
    }

    @Test func aContentsListEndsWhereAHeadingIsFollowedByProse() {
        let d = Fixtures.document(text: """
            THE BOOK




            CONTENTS OF THE CHAPTERS


            THE FIRST PART

            INTRODUCTION

            1. OF SENSE

            2. OF THE INTERIOUR BEGINNINGS OF VOLUNTARY MOTIONS, COMMONLY CALLED THE
            PASSIONS

            3. OF SPEECH




            THE INTRODUCTION


            Nature, the art whereby God hath made and governs the world, is by the art of man
            imitated, so that it can make an artificial animal.



            CHAPTER I. OF SENSE


            Concerning the thoughts of man, I will consider them first singly.



            CHAPTER II. OF THE INTERIOUR BEGINNINGS


            There be in animals two sorts of motions peculiar to them.



            CHAPTER III. OF SPEECH


            The invention of printing, though ingenious, is no great matter.
            """)
        #expect(d.sections.map(\.title) == [
            "CONTENTS OF THE CHAPTERS", "THE INTRODUCTION", "CHAPTER I. OF SENSE", "CHAPTER II. OF THE INTERIOUR BEGINNINGS",
            "CHAPTER III. OF SPEECH",
        ])
    }

    /// A volume's contents list whose last part stands alone on its line, where the body's next
    /// chapters start their count again with no part heading of their own: that line heads the
    /// part (a heading printed into the list). Run-on entries, and a list before the first
    /// chapter, stay entries.
    @Test func aPartHeadingPrintedIntoTheContentsBeforeItsChapters() {
        func book(lastEntry: String, restart: String) -> Document {
            Fixtures.document(text: """
                THE BOOK



                BOOK FIRST.



                CHAPTER I. THE HALL.


                The hall was full of people waiting for the play to begin.



                CHAPTER II. THE PLAY.


                The play began late, and nobody listened to a word of it.



                BOOK SECOND.



                CHAPTER I. THE SQUARE.


                The square was empty when he came out into the night.



                VOLUME II.



                TABLE OF CONTENTS.



                BOOK THIRD. I. The Danger of Confiding One’s Secret to a Goat II. A
                Priest and a Philosopher are two Different Things III. The Bells IV.
                The Two Men Clothed in Black V. The Mysterious Monk VI. The
                Utility of Windows which Open on the River

                BOOK FOURTH. I. The Crown Changed into a Dry Leaf II. Continuation of
                the Crown which was Changed into a Dry Leaf III. End of the Crown which
                was Changed into a Dry Leaf IV. The Mother V. Three Human Hearts
                differently Constructed

                \(lastEntry)

                I. The Little Shoe II. The Beautiful Creature Clad in White III. The
                Marriage of Phoebus IV. The Marriage of Quasimodo




                \(restart)



                Many weeks had elapsed.
                """)
        }
        let misprinted = book(lastEntry: "BOOK FIFTH.", restart: "CHAPTER I. THE GOAT.")
        #expect(misprinted.sections.map(\.title) == [
            "BOOK FIRST.", "CHAPTER I. THE HALL.", "CHAPTER II. THE PLAY.", "BOOK SECOND.", "CHAPTER I. THE SQUARE.",
            "VOLUME II.", "TABLE OF CONTENTS.", "BOOK FIFTH.", "CHAPTER I. THE GOAT.",
        ])
        #expect(misprinted.sections.map(\.level) == [2, 3, 3, 2, 3, 1, 1, 2, 3])
        let heading = misprinted.sections[7].block
        #expect(misprinted.blocks[heading].kind == .heading(level: 2))
        #expect(misprinted.blocks[heading + 1].kind == .label)
        // The count goes on (CHAPTER II after CHAPTER I): the chapter belongs to the part before.
        let goesOn = book(lastEntry: "BOOK FIFTH.", restart: "CHAPTER II. THE GOAT.")
        #expect(!goesOn.sections.map(\.title).contains("BOOK FIFTH."))
        // The last entry is run on with its chapters: an entry, whatever follows.
        let runOn = book(lastEntry: "BOOK FIFTH. I. The Little Shoe II. The Beautiful Creature Clad in White III. The\nMarriage of Phoebus", restart: "CHAPTER I. THE GOAT.")
        #expect(runOn.sections.map(\.title).filter { $0.hasPrefix("BOOK") } == ["BOOK FIRST.", "BOOK SECOND."])
    }

    /// Before the first chapter no count starts again: a part standing alone in the contents
    /// list there stays an entry.
    @Test func aContentsListBeforeTheFirstChapterKeepsItsStandingPart() {
        let d = Fixtures.document(text: """
            THE BOOK



            TABLE OF CONTENTS.



            BOOK FIRST. I. The Danger of Confiding One’s Secret to a Goat II. A
            Priest and a Philosopher are two Different Things III. The Bells IV.
            The Two Men Clothed in Black V. The Mysterious Monk VI. The
            Utility of Windows which Open on the River

            BOOK SECOND.

            I. The Little Shoe II. The Beautiful Creature Clad in White III. The
            Marriage of Phoebus IV. The Marriage of Quasimodo




            CHAPTER I. THE HALL.



            The hall was full of people waiting for the play to begin.



            CHAPTER II. THE PLAY.



            The play began late, and nobody listened to a word of it.
            """)
        #expect(d.sections.map(\.title) == ["TABLE OF CONTENTS.", "CHAPTER I. THE HALL.", "CHAPTER II. THE PLAY."])
    }

    /// A list of whole chapter lines (`CHAPTER I. Jonathan Harker’s Journal`) ends where the first
    /// chapter is printed in the text, even bare with its title below and no prose after it.
    @Test func aContentsListEndsWhereItsFirstChapterIsPrinted() {
        let d = Fixtures.document(text: """
            Dracula




            Contents

            CHAPTER I. Jonathan Harker’s Journal
            CHAPTER II. Jonathan Harker’s Journal
            CHAPTER III. Letters—Lucy and Mina
            CHAPTER IV. Mina Murray’s Journal




            DRACULA




            CHAPTER I

            JONATHAN HARKER'S JOURNAL

            (_Kept in shorthand._)


            _3 May. Bistritz._--Left Munich at 8:35 P. M., on 1st May, arriving at
            Vienna early next morning; should have arrived at 6:46, but train was an
            hour late. Buda-Pesth seems a wonderful place, from the glimpse which I
            got of it from the train and the little I could walk through the
            streets.




            CHAPTER II

            JONATHAN HARKER'S JOURNAL--continued


            _5 May. The Castle._--The grey of the morning has passed, and the sun is
            high over the distant horizon, which seems jagged.
            """)
        #expect(d.sections.map(\.title) == [
            "Contents", "CHAPTER I — JONATHAN HARKER'S JOURNAL", "CHAPTER II — JONATHAN HARKER'S JOURNAL--continued",
        ])
    }

    /// `[Illustration]` and captions that run on over blank lines to their bracket: one caption
    /// block, never the title; a chapter heading transcribed as a caption's last line heads its
    /// chapter.
    @Test func illustrationsAreCaptionsAndNeverTheTitle() {
        let d = Fixtures.document(text: """
            [Illustration]




            Alice’s Adventures in Wonderland

            by Lewis Carroll



            [Illustration:

                   GEORGE ALLEN
                     PUBLISHER
                                   ]



            [Illustration: ·ALICE·




            Chapter I.]


            Alice was beginning to get very tired of sitting by her sister on the
            bank, and of having nothing to do.



            CHAPTER II.


            “Curiouser and curiouser!” cried Alice.
            """)
        #expect(d.title == "Alice’s Adventures in Wonderland")
        #expect(d.sections.map(\.title) == ["Chapter I.", "CHAPTER II."])
        let captions = d.blocks.filter { $0.kind == .label }.map(\.text)
        #expect(captions == ["[Illustration]", "[Illustration: GEORGE ALLEN PUBLISHER]", "[Illustration: ·ALICE·]"])
        #expect(d.sections[0].line == 25)
    }

    /// A part heading with its own title (`BOOK I.  INSCRIPTIONS`) takes no line after it as its
    /// title, and a line ending in a marker (`This in Carnuntum.[A]`) is a sentence, no heading;
    /// `CONTENTS.` takes no entry for its title.
    @Test func aHeadingWithItsTitleTakesNoMoreAndAMarkerMakesNoHeading() {
        let d = Fixtures.document(text: """
            LEAVES



            BOOK I.  INSCRIPTIONS




            One's-Self I Sing

              One's-Self I sing, a simple separate person,
              Yet utter the word Democratic, the word En-Masse.




            BOOK II.  STARTING FROM PAUMANOK




            Starting from Paumanok

              Starting from fish-shape Paumanok where I was born,
              Well-begotten, and rais'd by a perfect mother.

            This in Carnuntum.[A]

                [A] Carnuntum was a town of Pannonia.




            BOOK III.  SONG OF MYSELF


              I celebrate myself, and sing myself.
            """)
        let titles = d.sections.map(\.title)
        #expect(titles.contains("BOOK I.  INSCRIPTIONS"))
        #expect(titles.contains("BOOK II.  STARTING FROM PAUMANOK"))
        #expect(!titles.contains { $0.contains("Carnuntum") })
        #expect(d.footnotes.count == 1 && d.footnotes[0].note != nil)
        let contents = Fixtures.document(text: """
            THE THOUGHTS



            CONTENTS.


            BIOGRAPHICAL SKETCH      9

            THE THOUGHTS      99
            """)
        #expect(contents.sections.map(\.title) == ["CONTENTS."])
    }

    /// `I. The Period` chapters, numbered with their titles and counting again from one under
    /// each `Book the …`: chapters under their book. A numbered list inside a chapter (set
    /// close, or counting from five) is none.
    @Test func chaptersNumberedWithTheirTitlesUnderEachBook() {
        var text = "The Project Gutenberg EBook of A Tale\n\nTitle: A Tale of Two Cities        A Story of the French Revolution\n\n"
        text += "*** START OF THIS PROJECT GUTENBERG EBOOK A TALE OF TWO CITIES ***\n\n\n\n"
        for book in ["First--Recalled to Life", "Second--the Golden Thread"] {
            text += "Book the \(book)\n\n\n\n"
            for (n, chapter) in ["I. The Period", "II. The Mail", "III. The Night Shadows"].enumerated() {
                text += "\(chapter)\n\n"
                text += "It was the best of times, it was the worst of times, chapter \(n + 1) of the\nbook, and the list went:\n\n"
                text += "1. The First Thing\n\n2. The Second Thing\n\n3. The Third Thing\n\n\n"
                text += "V. Unlucky Fifth\n\nAnd so on to the end of the chapter.\n\n\n\n"
            }
        }
        let d = PlainTextImporter.document(from: text, fallbackTitle: "t")
        #expect(d.title == "A Tale of Two Cities A Story of the French Revolution")
        #expect(d.sections.filter { !$0.isMatter }.map(\.title) == [
            "Book the First--Recalled to Life", "I. The Period", "II. The Mail", "III. The Night Shadows",
            "Book the Second--the Golden Thread", "I. The Period", "II. The Mail", "III. The Night Shadows",
        ])
        #expect(d.sections.filter { !$0.isMatter }.map(\.level) == [1, 2, 2, 2, 1, 2, 2, 2])
    }

    /// Stories numbered with their titles (`I. A SCANDAL IN BOHEMIA`), their parts numbered
    /// alone (`I.`, `II.`): the parts under the story.
    @Test func storiesAndTheirPartsNumberedAlone() {
        var text = "The Adventures\n\n\n\n"
        for (n, story) in ["I. A SCANDAL IN BOHEMIA", "II. THE RED-HEADED LEAGUE", "III. A CASE OF IDENTITY"].enumerated() {
            text += "\(story)\n\n\n"
            for part in ["I.", "II.", "III."] {
                text += "\(part)\n\nTo Sherlock Holmes she is always the woman, story \(n + 1). I have seldom heard\nhim mention her under any other name.\n\n\n\n"
            }
        }
        let d = Fixtures.document(text: text)
        #expect(d.sections.count == 12)
        #expect(d.sections.map(\.level) == [1, 2, 2, 2, 1, 2, 2, 2, 1, 2, 2, 2])
        #expect(d.sections[4].title == "II. THE RED-HEADED LEAGUE")
    }

    /// A text that keeps each paragraph on one line, with no blank line between paragraphs (a
    /// word processor's export): each line is a paragraph; headings still stand apart; a short
    /// line among the paragraphs is a paragraph, not a heading.
    @Test func aTextOfOneParagraphPerLine() {
        let long = String(repeating: "It was the best of times, it was the worst of times, it was the age of wisdom. ", count: 4)
        var text = "A Tale\n\n\n\n"
        for (n, chapter) in ["I. The Period", "II. The Mail", "III. The Night Shadows"].enumerated() {
            text += "\(chapter) \n\n"
            text += "\(long)(\(n + 1), first)\nThe Dover Mail\n\(long)(\(n + 1), second)\n\(long)(\(n + 1), third)\n\n\n\n"
        }
        let d = Fixtures.document(text: text)
        #expect(d.sections.map(\.title) == ["I. The Period", "II. The Mail", "III. The Night Shadows"])
        let paragraphs = d.blocks.filter { $0.kind == .paragraph }
        #expect(paragraphs.count == 12)
        #expect(paragraphs[1].text == "The Dover Mail")
        #expect(paragraphs[2].text.hasSuffix("(1, second)") && paragraphs[2].line == 9)
    }

    /// An introduction before the title line is the book's, not the credits; `BOOK I`,
    /// `ARGUMENT.`, `MINERVA'S DESCENT TO ITHACA.`: the title joins the book's heading and the
    /// label stays over the argument.
    @Test func anIntroductionBeforeTheTitleLineAndBooksWithTheirArgument() {
        let intro = (1...6).map { "Scepticism is as much the result of knowledge, as knowledge is of\nscepticism, line \($0)." }
        var text = "The Project Gutenberg EBook of The Odyssey\n\nTitle: The Odyssey of Homer\n\n"
        text += "*** START OF THE PROJECT GUTENBERG EBOOK THE ODYSSEY OF HOMER ***\n\n\n\n"
        text += "This etext was prepared by Jim Tinsley\n\n\n\n\nINTRODUCTION\n\n" + intro.joined(separator: "\n\n")
        text += "\n\n\n\n\nTHE ODYSSEY OF HOMER\n\n"
        for (n, title) in ["MINERVA'S DESCENT TO ITHACA.", "THE COUNCIL OF ITHACA.", "THE INTERVIEW OF TELEMACHUS AND NESTOR."].enumerated() {
            text += "BOOK \(["I", "II.", "III."][n])\n\nARGUMENT.\n\n\(title)\n\n"
            text += "The poem opens within forty eight days of the arrival of Ulysses\nin his dominions, book \(n + 1).\n\n\n\n"
        }
        let d = PlainTextImporter.document(from: text, fallbackTitle: "t")
        #expect(d.sections.filter { !$0.isMatter }.map(\.title) == [
            "INTRODUCTION", "BOOK I — MINERVA'S DESCENT TO ITHACA.", "BOOK II. THE COUNCIL OF ITHACA.",
            "BOOK III. THE INTERVIEW OF TELEMACHUS AND NESTOR.",
        ])
        let book = try! #require(d.sections.first { $0.title.hasPrefix("BOOK I ") })
        #expect(d.blocks[book.block + 1].kind == .label && d.blocks[book.block + 1].text == "ARGUMENT.")
        #expect(d.blocks[book.block + 2].text.hasPrefix("The poem opens"))
    }

    /// `CANTICLE I: INFERNO` over `Inferno: Canto I` (a part's name before the heading): cantos
    /// under their canticle; a two-line epigraph is then no heading.
    @Test func cantosUnderTheirCanticle() {
        var text = "THE DIVINE COMEDY\n\n\n\n\nCANTICLE I: INFERNO\n\n\n\n\nIncipit Comoedia Dantis Alagherii,\nFlorentini natione, non moribus.\n\n\n\n"
        for n in ["I", "II", "III"] {
            text += "Inferno: Canto \(n)\n\n\n  Midway upon the journey of our life\n    I found myself within a forest dark,\n\n\n\n"
        }
        let d = Fixtures.document(text: text)
        #expect(d.sections.map(\.title) == ["CANTICLE I: INFERNO", "Inferno: Canto I", "Inferno: Canto II", "Inferno: Canto III"])
        #expect(d.sections.map(\.level) == [1, 2, 2, 2])
        #expect(HeadingRules.keywordRank("Answer: Part 2 of the problem") == nil)
    }

    /// A title page set out over lines apart around `OF` is the title, no sections; the same
    /// shape after the contents, followed by prose, is one heading; `PRIDE.` / `and` /
    /// `PREJUDICE` in one block under a picture's credits is the title.
    @Test func titlePagesSetOutOverLines() {
        let d = Fixtures.document(text: """
            THE THOUGHTS

            OF

            THE EMPEROR

            MARCUS AURELIUS ANTONINUS

            [Illustration: MARCUS AURELIUS ANTONINUS]

            CONTENTS.


            BIOGRAPHICAL SKETCH      9

            THE THOUGHTS      99



            BIOGRAPHICAL SKETCH

            OF

            MARCUS AURELIUS ANTONINUS.


            M. Antoninus was born at Rome, A.D. 121, on the 26th of April. His
            father, Annius Verus, died while he was praetor.
            """)
        #expect(d.sections.map(\.title) == ["CONTENTS.", "BIOGRAPHICAL SKETCH OF MARCUS AURELIUS ANTONINUS."])
        #expect(d.blocks.prefix(4).allSatisfy { $0.kind == .title })
        let pride = Fixtures.document(text: """
                                        [Illustration:

                                         GEORGE ALLEN
                                           PUBLISHER
                                               ]



                                            PRIDE.
                                              and
                                           PREJUDICE

                                              by
                                         Jane Austen,



            It is a truth universally acknowledged, that a single man in possession
            of a good fortune must be in want of a wife.
            """)
        #expect(pride.title == "PRIDE and PREJUDICE")
    }

    /// `FEDERALIST No. 3` with its title below it, wrapped or not: one heading; the dateline, the
    /// author and the salutation after it are not.
    @Test func aNumberedPaperAndItsTitleBelowIt() {
        var text = "THE FEDERALIST PAPERS\n\n\n\n"
        let titles = ["General Introduction", "Concerning Dangers from Foreign Force and Influence",
                      "The Same Subject Continued (Concerning Dangers From Foreign Force and\nInfluence)", "The Same Subject Continued",
                      "The Powers Necessary to the Common Defense", "Concluding Remarks"]
        for (n, title) in titles.enumerated() {
            text += "FEDERALIST No. \(n + 1)\n\n\(title)\n\nFor the Independent Journal. Saturday, October 27, 1787\n\n\nHAMILTON\n\n"
            text += "To the People of the State of New York:\n\nAFTER an unequivocal experience of the inefficacy of the subsisting\nfederal government, you are called upon.\n\nPUBLIUS\n\n\n\n\n"
        }
        let d = Fixtures.document(text: text)
        #expect(d.sections.map(\.title) == [
            "FEDERALIST No. 1 — General Introduction", "FEDERALIST No. 2 — Concerning Dangers from Foreign Force and Influence",
            "FEDERALIST No. 3 — The Same Subject Continued (Concerning Dangers From Foreign Force and Influence)",
            "FEDERALIST No. 4 — The Same Subject Continued", "FEDERALIST No. 5 — The Powers Necessary to the Common Defense",
            "FEDERALIST No. 6 — Concluding Remarks",
        ])
    }

    /// A play: the contents list of acts and scenes stays a list; `Dramatis Personæ` is a
    /// section; a speech's speaker stands on a line of its own, its verse keeps its lines and its
    /// prose is joined.
    @Test func aPlayWithItsSpeakersAndVerse() {
        var text = "THE TRAGEDY OF ROMEO AND JULIET\n\n\n\nContents\n\nTHE PROLOGUE.\n\n"
        for act in ["I", "II", "III"] { text += "ACT \(act)\nScene I. A public place.\nScene II. A Street.\nScene III. A Room.\n\n" }
        text += "\n\n\n Dramatis Personæ\n\nESCALUS, Prince of Verona.\nMERCUTIO, kinsman to the Prince.\n\n\n\n"
        text += "THE PROLOGUE\n\n\n Enter Chorus.\n\nCHORUS.\nTwo households, both alike in dignity,\nIn fair Verona, where we lay our scene,\n"
        text += "From ancient grudge break to new mutiny.\n\n\n\n"
        for act in ["I", "II", "III"] {
            text += "ACT \(act)\n\nSCENE I. A public place.\n\n\nSAMPSON.\nGregory, on my word, we’ll not carry coals, nor shall we be\n"
            text += "called colliers by any man in this town for all that.\n\nGREGORY.\nNo, for then we should be colliers.\n\n\n\n"
        }
        let d = Fixtures.document(text: text)
        #expect(d.sections.map(\.title) == [
            "Contents", "Dramatis Personæ", "THE PROLOGUE", "ACT I", "SCENE I. A public place.", "ACT II", "SCENE I. A public place.",
            "ACT III", "SCENE I. A public place.",
        ])
        let chorus = try! #require(d.blocks.firstIndex { $0.text == "CHORUS." })
        #expect(d.blocks[chorus].kind == .label)
        #expect(d.blocks[chorus + 1].text == "Two households, both alike in dignity,\nIn fair Verona, where we lay our scene,\nFrom ancient grudge break to new mutiny.")
        let sampson = try! #require(d.blocks.firstIndex { $0.text == "SAMPSON." })
        #expect(d.blocks[sampson + 1].text == "Gregory, on my word, we’ll not carry coals, nor shall we be called colliers by any man in this town for all that.")
        #expect(d.blocks[sampson + 1].line == d.blocks[sampson].line + 1)
    }

    /// `BOOK I`, then chapters numbered alone that count again in each book (`I.`, `II`): the
    /// chapters under their books, a book of two chapters too.
    @Test func chaptersNumberedAloneUnderEachBook() {
        var text = "ANABASIS\n\n\n\n"
        for (b, count) in [("I", 3), ("II", 2), ("III", 3)] {
            text += "BOOK \(b)\n\n\n\n"
            for n in 1...count {
                text += "\(["I.", "II", "III"][n - 1])\n\n\nDarius and Parysatis had two sons: the elder was named Artaxerxes, and\nthe younger Cyrus, book \(b).\n\n\n\n"
            }
        }
        let d = Fixtures.document(text: text)
        #expect(d.sections.map(\.title) == ["BOOK I", "I.", "II", "III", "BOOK II", "I.", "II", "BOOK III", "I.", "II", "III"])
        #expect(d.sections.map(\.level) == [1, 2, 2, 2, 1, 2, 2, 1, 2, 2, 2])
        // A number run into its paragraph (no blank line below `IV`) loses itself, not the rest.
        let roman = "I II III IV V VI VII".split(separator: " ")
        let lost = "BOOK I\n\n\n\n\n" + roman.map { "\n\n\n\n\($0)" + ($0 == "IV" ? "\n" : "\n\n") + "Some prose of the chapter, a sentence or two long here.\n\n" }.joined()
        #expect(Fixtures.document(text: lost).sections.map(\.title) == ["BOOK I", "I", "II", "III", "V", "VI", "VII"])
    }

    /// French, German, Spanish headings (`SCÈNE PREMIÈRE. - …`, `CHAPITRE II`, `Kapitel 3`,
    /// `CAPÍTULO IV`), one wrapped onto a second line.
    @Test func headingsInOtherLanguages() {
        var text = "LES PRÉCIEUSES RIDICULES\n\n\n\n"
        for heading in ["SCÈNE PREMIÈRE. - La Grange, Du Croisy.", "SCÈNE II. - Gorgibus, Du Croisy, La Grange.",
                        "SCÈNE III. - Lucile, Célimène, Cathos, Madelon, Mascarille,\n              Jodelet, Marotte, Almanzor, violons."] {
            text += "-----------\n\n\n\(heading)\n\n\n- Du Croisy -\n\nSeigneur la Grange, on vous a reçu avec une froideur qu’on ne\npeut assez dire.\n\n\n\n"
        }
        let d = Fixtures.document(text: text)
        #expect(d.sections.map(\.title) == [
            "SCÈNE PREMIÈRE. - La Grange, Du Croisy.", "SCÈNE II. - Gorgibus, Du Croisy, La Grange.",
            "SCÈNE III. - Lucile, Célimène, Cathos, Madelon, Mascarille, Jodelet, Marotte, Almanzor, violons.",
        ])
        for (line, rank) in [("CHAPITRE II", 2), ("Kapitel 3", 2), ("CAPÍTULO IV", 2), ("LIVRE PREMIER", 1), ("Zweiter Teil", nil)] as [(Substring, Int?)] {
            #expect(HeadingRules.keywordRank(line) == rank, "\(line)")
        }
    }

    /// A Chinese novel without a title line: no paragraph (indented with ideographic spaces, or
    /// ending on `。`) is taken for its title; the file's name is.
    @Test func aChineseParagraphIsNeverTheTitle() {
        var text = "\n第一回　說楔子敷陳大義　借名流隱括全文\n\n"
        text += "“人生南北多歧路，將相神仙，也要凡人做。百代興亡朝复暮，江風吹倒前朝樹。\n\n"
        text += "　　匡超人听罷，不胜駭然，說道：“原來如此。”\n\n這一首詞，也是個老生長談。\n\n"
        text += "第二回　王孝廉村學識同科　周蒙師暮年登上第\n\n　　話說山東兗州府汶上縣有個鄉村。\n"
        let d = PlainTextImporter.document(from: text, fallbackTitle: "rulin")
        #expect(d.title == "rulin")
        #expect(d.sections.count == 2)
    }

    /// `…且聽下回分解。第十三回　蘧駪夫求賢問業　馬純上仗義疏財話說婁府…`: a chapter heading run
    /// on into the line of the chapter before and the opening words of its own (`話說`) is split
    /// out; `第四鎮，兗州刺史劉岱。…` in a list stays text.
    @Test func aChineseChapterRunOnIntoItsLines() {
        let body = "　　話說山東兗州府汶上縣有個鄉村，叫做薛家集。這集上有百十來人家，都是務農為業。"
        var text = "第十二回　名士大宴鶯脰腹溯　俠客虛設人頭會\n\n\(body)\n\n"
        text += "　　這一番，有分教：公子好客，結多少硯席良朋；且听下回分解。第十三回　蘧駪夫求賢問業　馬純上仗義疏財話說婁府兩公子將五百兩銀子送了俠客。\n\n"
        text += "\(body)\n\n第十四回　蘧公孫書坊送良友　馬秀才山洞遇神仙話說馬二先生在丁言志家，見他說的話不投機。\n\n"
        text += "第四鎮，兗州刺史劉岱。第五鎮，豫州刺史孔伷。第六鎮，冀州刺史韓馥。第七鎮，豫州刺史孔伷，又是一段文字。\n"
        let d = PlainTextImporter.document(from: text, fallbackTitle: "t")
        #expect(d.sections.map(\.title) == [
            "第十二回　名士大宴鶯脰腹溯　俠客虛設人頭會", "第十三回　蘧駪夫求賢問業　馬純上仗義疏財", "第十四回　蘧公孫書坊送良友　馬秀才山洞遇神仙",
        ])
        #expect(d.blocks.contains { $0.text.hasPrefix("話說婁府兩公子") })
        #expect(d.blocks.contains { $0.text.hasSuffix("且听下回分解。") })
        #expect(d.blocks.last?.text.hasPrefix("第四鎮") == true)
    }

    /// A Gutenberg collection whose contents heading stands apart by the gap of its titles: the
    /// entries stay entries, and the title again as a half-title before the first story is no
    /// section.
    @Test func aCollectionsContentsAndItsHalfTitle() {
        var text = "The Project Gutenberg EBook of Dubliners, by James Joyce\n\nTitle: Dubliners\n\n"
        text += "*** START OF THIS PROJECT GUTENBERG EBOOK DUBLINERS ***\n\n\n\nProduced by David Reed\n\n\n\nDUBLINERS\n\nBy James Joyce\n\n\n\nContents\n\n\n"
        let stories = ["THE SISTERS", "AN ENCOUNTER", "ARABY", "EVELINE", "AFTER THE RACE"]
        text += stories.joined(separator: "\n\n") + "\n\n\n\nDUBLINERS\n\n\n\n"
        for story in stories {
            text += "\(story)\n\nTHERE was no hope for him this time: it was the third stroke. Night\nafter night I had passed the house and studied the lighted square.\n\n\n\n\n"
        }
        let d = PlainTextImporter.document(from: text, fallbackTitle: "t")
        #expect(d.sections.filter { !$0.isMatter }.map(\.title) == ["Contents"] + stories)
        #expect(d.sections.first { $0.title == "THE SISTERS" }?.line == 38)
    }

    /// Title pages without a Gutenberg header: a double title (`Frankenstein;` / `or, the Modern
    /// Prometheus`), a title over its subtitle in capitals, a title around `on`; never a date, a
    /// signature after the preface, or underscores.
    @Test func titlesOfTitlePagesWithoutAHeader() {
        let prose = "\n\n\n\nYou will rejoice to hear that no disaster has accompanied the commencement of an\nenterprise which you have regarded with such evil forebodings.\n"
        let cases: [(String, String)] = [
            ("Frankenstein;\n\nor, the Modern Prometheus\n\nby Mary Wollstonecraft (Godwin) Shelley" + prose, "Frankenstein"),
            ("JANE EYRE\nAN AUTOBIOGRAPHY\n\nBY\n\nCURRER BELL" + prose, "JANE EYRE"),
            ("Sun Tzŭ\non\nThe Art of War\n\n\n\n1910" + prose + "\nBob Sutton\n\n\n\nPreface by Lionel Giles\n", "Sun Tzŭ on The Art of War"),
            ("1910\n\n\n\nPreface" + prose + "\nBob Sutton\n", "file"),
            ("_THE HISTORY OF TOM JONES_" + prose, "THE HISTORY OF TOM JONES"),
        ]
        for (text, title) in cases {
            #expect(PlainTextImporter.document(from: text, fallbackTitle: "file").title == title, "\(text.prefix(30))")
        }
        // `FIRST PART. ZARATHUSTRA'S DISCOURSES.`: an ordinal part is a part.
        #expect(HeadingRules.keywordRank("FIRST PART. ZARATHUSTRA'S DISCOURSES.") == HeadingRules.keywordRanks["part"])
    }

    /// A contents list of titles one a line, and chapters whose titles are one word (`Economy`,
    /// `Reading`): a line that reads as an entry of the contents, standing apart, is a heading;
    /// the list itself stays a list.
    @Test func chaptersOfOneWordFoundByTheContents() {
        let prose = "When I wrote the following pages, or rather the bulk of them, I lived\nalone, in the woods, a mile from any neighbor.\n\nI should not obtrude my affairs so much on the notice of my readers.\nBut it is a fact.\n"
        let text = "WALDEN\n\n\nContents\n\n\n Economy\n Where I Lived, and What I Lived For\n Reading\n Sounds\n Solitude\n Visitors\n The Bean-Field\n\n\n\n"
            + ["Economy", "Where I Lived, and What I Lived For", "Reading", "Sounds", "Solitude", "Visitors", "The Bean-Field"].map { "\($0)\n\n" + prose + "\n\n\n" }.joined()
        let d = Fixtures.document(text: text)
        #expect(d.sections.map(\.title) == ["Contents", "Economy", "Where I Lived, and What I Lived For", "Reading", "Sounds", "Solitude", "Visitors", "The Bean-Field"])
        #expect(d.blocks.contains { $0.kind == .label && $0.text.hasPrefix("Economy\nWhere I Lived") })
    }

    @Test func aDiarysDatesAreItsEntriesAndALoneDateIsNot() {
        let entries = ["January 3, 1800.", "January 9.", "Monday, 14th January", "February 2.", "March 1, 1800."]
        let diary = Fixtures.document(text: "A DIARY\n\n" + entries.map { "\($0)\n\nWent out walking; the weather was fine and cold.\n" }.joined(separator: "\n\n"))
        #expect(diary.sections.map(\.title) == entries)
        let letter = Fixtures.document(text: "A Letter\n\nJanuary 3, 1800.\n\nDear John, it is cold here.\n\nYours, Anne.")
        #expect(letter.sections.isEmpty)
    }

    @Test func aNumberedListInsideAChapterIsNoSeries() {
        let d = Fixtures.document(text: """
            A Book

            CHAPTER I

            The rules were these.

            1.

            Never lie.

            2.

            Never steal.

            CHAPTER II

            More.

            CHAPTER III

            The end of it.
            """)
        #expect(d.sections.map(\.title) == ["CHAPTER I", "CHAPTER II", "CHAPTER III"])
    }

    @Test func aCollectionsTitlesStandApartByTheirGap() {
        var text = "SONGS AND POEMS\n\n\nPreface\n\nSome prose to open the book with, as a preface does.\n"
        for (year, titles) in [("1785", ["To A Mouse", "Song"]), ("1786", ["Address", "Another", "Epistle To A Friend"])] {
            text += "\n\n\n\n\(year)\n"
            for t in titles { text += "\n\n\n\n\(t)\n\n     A verse line of the poem,\n     and another line of it.\n\nA headnote line at the margin.\n" }
        }
        let d = Fixtures.document(text: text)
        #expect(d.sections.map(\.title) == ["Preface", "1785", "To A Mouse", "Song", "1786", "Address", "Another", "Epistle To A Friend"])
        #expect(d.sections.map(\.level) == [1, 1, 2, 2, 1, 2, 2, 2])
    }

    @Test func chineseChaptersAndLinesJoinedWithoutASpace() {
        let d = Fixtures.document(text: """

            第一回：宴桃園豪傑三結義

            　　滾滾長江東逝水，浪花淘盡
            英雄。是非成敗轉頭空。
            第四鎮，兗州刺史劉岱。
            　　青山依舊在，幾度夕陽紅。

            第十二回：陶恭祖三讓徐州
            第一○○回：漢兵劫寨破曹真

            　　話說。

            End of Project Gutenberg's Romance of the Three Kingdoms, by Guanzhong Luo
            """)
        #expect(d.title == "Romance of the Three Kingdoms")
        #expect(d.sections.map(\.title) == ["第一回：宴桃園豪傑三結義", "第十二回：陶恭祖三讓徐州", "第一○○回：漢兵劫寨破曹真"])
        let paragraphs = d.blocks.filter { $0.kind == .paragraph }.map(\.text)
        #expect(paragraphs.first == "　　滾滾長江東逝水，浪花淘盡英雄。是非成敗轉頭空。第四鎮，兗州刺史劉岱。")
        #expect(paragraphs.dropFirst().first == "　　青山依舊在，幾度夕陽紅。")
    }

    @Test func theTitleIsNeverAChapterHeading() {
        let d = Fixtures.document(text: "CHAPTER I\n\nIt begins.\n\nCHAPTER II\n\nIt goes on.\n\nCHAPTER III\n\nIt ends.", name: "tale.txt")
        #expect(d.title == "tale")
    }
}
