import Testing
import LectioCore

/// The word cursor's motions, as vim has them: words of letters, runs of punctuation, sentences.
struct WordMotionTests {
    let text = CanonicalText(scalars: Array("He said: “Trotsky’s son—Lyova.” Then left. Dr. No\nNew paragraph here.".unicodeScalars))

    func at(_ s: String) -> Int {
        String(String.UnicodeScalarView(text.scalars)).unicodeScalars.firstRange(of: s.unicodeScalars).map {
            String(String.UnicodeScalarView(text.scalars)).unicodeScalars.distance(from: String(String.UnicodeScalarView(text.scalars)).unicodeScalars.startIndex, to: $0.lowerBound)
        } ?? -1
    }

    func word(at i: Int) -> String { text.string(i, i + 1) }

    @Test func wordStartsAndEndsTreatPunctuationAsAWordOfItsOwn() {
        var i = 0
        var starts: [String] = []
        for _ in 0..<6 {
            i = text.nextWordStart(from: i)
            starts.append(word(at: i))
        }
        #expect(starts == ["s", ":", "“", "T", "s", "—"], "Trotsky’s is one word: the apostrophe is inside it")
        #expect(text.wordEnd(from: 0) == 1)
        #expect(text.string(at("Trotsky"), text.wordEnd(from: at("Trotsky")) + 1) == "Trotsky’s")
        #expect(text.previousWordStart(from: at("son")) == at("Trotsky"))
        #expect(text.previousWordStart(from: at("Trotsky") + 3) == at("Trotsky"))
    }

    @Test func sentencesEndAtAStopAndAParagraph() {
        #expect(text.nextSentenceStart(from: 0) == at("Then"))
        #expect(text.nextSentenceStart(from: at("Then")) == at("Dr."))
        #expect(text.nextSentenceStart(from: at("Dr.") + 4) == at("New paragraph"))
        #expect(text.sentenceStart(before: at("left")) == at("Then"))
        #expect(text.sentenceStart(before: at("Then")) == 0)
        #expect(text.sentenceStart(before: at("here")) == at("New paragraph"))
    }
}
