#!/usr/bin/env python3
"""Derives the expected outlines from the books themselves, independently of Lectio.

Each book gets its own reading of its conventions (what SOURCES.md describes: chapter lines,
letter numerals, note lines), checked against the counts SOURCES.md gives. Run from this
folder: `python3 derive.py ../` writes NAME.expected.json for every fixture. The files are the
specification the OutlineFixtureTests compare `lectio outline` with; they are never produced
from Lectio's output.
"""
import json, re, sys, os

root = sys.argv[1] if len(sys.argv) > 1 else '..'

def read(name):
    with open(os.path.join(root, name), encoding='utf-8-sig') as f:
        return f.read().replace('\r\n', '\n').replace('\r', '\n').split('\n')

def first_text_line(L):
    return next(i for i, l in enumerate(L) if l.strip()) + 1

def gutenberg_frame(L):
    start = next((i for i, l in enumerate(L[:400]) if l.lstrip().startswith('***') and 'START OF' in l.upper()), None)
    if start is None:
        return None, None
    end = next(i for i in range(start + 1, len(L)) if L[i].lstrip().upper().startswith(('*** END', 'END OF THE PROJECT GUTENBERG', 'END OF PROJECT GUTENBERG')))
    return start, end

def section(title, level, line, matter=False):
    return {'title': title, 'level': level, 'line': line, 'matter': matter}

def frame_sections(L):
    start, end = gutenberg_frame(L)
    head = [section('Project Gutenberg header', 1, first_text_line(L), True)]
    tail = [section('Project Gutenberg licence', 1, end + 1, True)]
    return head, tail, start, end

def write(name, title, sections, footnotes, floors, note=''):
    out = {'file': name, 'title': title, 'sections': sections,
           'footnotes': [{'line': m, 'noteLine': n} for m, n in footnotes],
           'floors': floors, 'about': note}
    with open(name.rsplit('.', 1)[0] + '.expected.json', 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write('\n')
    print(name, len(sections), 'sections', len(footnotes), 'footnotes')

def star_notes(L, lo, hi, note_re, skip=()):
    """Markers (`*`, `**`, `*(2)`) and notes (lines opening a block with the same symbol) in
    reading order, paired label by label in order: each note follows its markers."""
    notes, marks = [], []
    for i in range(lo, hi):
        l = L[i]
        if i + 1 in skip:
            continue
        m = re.match(note_re, l)
        if m and (i == 0 or not L[i - 1].strip()):
            notes.append((i + 1, m.group(1).replace(' ', '')))
            continue
        for mm in re.finditer(r'(\*+)(\(\d+\))?', l):
            marks.append((i + 1, mm.group(1) + (mm.group(2) or '')))
    pairs = []
    for label in sorted({n[1] for n in notes}):
        ms = [m for m in marks if m[1] == label]
        ns = [n for n in notes if n[1] == label]
        assert len(ms) == len(ns), (label, len(ms), len(ns))
        pairs += [(a[0], b[0]) for a, b in zip(ms, ns)]
    return sorted(pairs)

def war_and_peace():
    L = read('war-and-peace.txt')
    head, tail, start, end = frame_sections(L)
    secs = []
    for i in range(start, end):
        l = L[i]
        if re.match(r'^BOOK [A-Z]+: ', l) or re.match(r'^(FIRST|SECOND) EPILOGUE', l):
            secs.append(section(l.strip(), 1, i + 1))
        elif re.match(r'^CHAPTER [IVXLC]+$', l):
            secs.append(section(l.strip(), 2, i + 1))
    assert sum(s['level'] == 1 for s in secs) == 17 and sum(s['level'] == 2 for s in secs) == 365
    notes = star_notes(L, start + 1, end, r'^\s*(\*+\s*(?:\(\d+\))?)\s*\S')
    assert len(notes) == 136
    write('war-and-peace.txt', 'War and Peace', head + secs + tail, notes,
          {}, '15 books, 2 epilogues, 365 chapters; 136 notes in the `word *` / `*(2)` convention')

def notre_dame():
    L = read('notre-dame-de-paris.txt')
    head, tail, start, end = frame_sections(L)
    secs = []
    for i in range(start, end):
        l = L[i]
        blank_before = i > 0 and not L[i - 1].strip()
        if l in ('PREFACE.', 'TABLE OF CONTENTS.'):
            secs.append(section(l, 1, i + 1))
        elif re.match(r'^VOLUME [IVX]+\.$', l):
            secs.append(section(l, 1, i + 1))
        elif re.match(r'^BOOK [A-Z]+\.$', l) and blank_before and not L[i + 1].strip():
            secs.append(section(l, 2, i + 1))
        elif l.startswith('CHAPTER '):
            title = l
            if not L[i + 1].strip() == '' and L[i + 1].isupper():
                title += ' ' + L[i + 1]
            secs.append(section(title.replace('_', ''), 3, i + 1))
        elif l == 'NOTE' and L[i + 2].startswith('ADDED TO THE DEFINITIVE'):
            secs.append(section('NOTE', 1, i + 1))
    assert sum(s['level'] == 3 for s in secs) == 59
    notes = star_notes(L, start + 1, end, r'^\s+(\*{1,2})\s', skip={4651, 4652, 7455, 20044})
    assert len(notes) == 68
    write('notre-dame-de-paris.txt', 'Notre-Dame de Paris The Hunchback of Notre Dame', head + secs + tail, notes,
          {}, '2 volumes, 11 books, 59 chapters; 68 `*`/`**` notes')

def leviathan():
    L = read('leviathan.txt')
    head, tail, start, end = frame_sections(L)
    secs = []
    for i in range(start, end):
        l = L[i]
        if l in ("TRANSCRIBER'S NOTES ON THE E-TEXT:", 'CONTENTS OF THE CHAPTERS', 'THE INTRODUCTION', 'A REVIEW, AND CONCLUSION'):
            secs.append(section(l, 1, i + 1))
        elif re.match(r'^PART (1|II\.|III\.) ', l):
            secs.append(section(l, 1, i + 1))
        elif re.match(r'^CHAPTER [IVXL]+', l):
            # The title as printed, over the lines (and single blank lines) it wraps onto.
            parts, j = [l], i + 1
            while True:
                k = j + 1 if not L[j].strip() and L[j + 1].strip() else j
                if k - j > 1 or not L[k].strip() or not L[k].isupper() or L[k].startswith('CHAPTER') or parts[-1].endswith('.') and not parts[-1].endswith('ESS.'):
                    break
                parts.append(L[k]); j = k + 1
            secs.append(section(' '.join(parts), 2, i + 1))
    assert sum(s['level'] == 2 for s in secs) == 47
    write('leviathan.txt', 'Leviathan', head + secs + tail, [], {}, 'introduction, 3 parts, 47 chapters (7 wrapped to the next line, 7 after a blank line), a review')

def austen():
    L = read('austen-letters.txt')
    secs = [section('PREFACE.', 1, 61)]
    letters = 0
    for i, l in enumerate(L):
        if re.match(r'^[IVXL]+\.$', l) and L[i - 1] == '' and L[i - 2] == '':
            letters += 1
            secs.append(section(l, 1, i + 1))
    assert letters == 78
    notes = {}
    for i, l in enumerate(L):
        m = re.match(r'^\[(\d+)\] ', l)
        if m:
            notes[m.group(1)] = i + 1
    marks = []
    for i, l in enumerate(L):
        if re.match(r'^\[(\d+)\] ', l):
            continue
        for m in re.finditer(r'(?<=\S)\[(\d+)\]', l):
            marks.append((i + 1, m.group(1)))
    assert len(marks) == 39 and len(notes) == 38
    pairs = []
    for line, label in marks:
        if line == 4852:        # a stray [1] with no note of its own
            continue
        if line == 7692:        # `P. R.[2]` is the Prince Regent of note [37]
            label = '37'
        pairs.append((line, notes[label]))
    write('austen-letters.txt', 'The Letters of Jane Austen', secs, pairs, {},
          'a preface and 78 letters numbered alone on a line; 38 notes [n]')

def burns():
    L = read('burns-poems.txt')
    secs = [section('Preface', 1, 633)]
    blank = 0
    for i, l in enumerate(L):
        if not l.strip():
            blank += 1
            continue
        if i >= 700 and blank >= 4 and not l.startswith(' '):
            title = re.sub(r'\^\d+$', '', l.strip())
            years = re.match(r'^\d{4}( - \d{4})?$', title)
            secs.append(section(title, 1 if years or title == 'Glossary' else 2, i + 1))
        blank = 0
    assert sum(s['level'] == 2 for s in secs) == 553
    notes, marks = [], []
    for i, l in enumerate(L):
        m = re.match(r'^\s*\[Footnote (\d*) ?:', l)
        if m:
            notes.append((i + 1, m.group(1)))
            continue
        if i >= 630:
            for mm in re.finditer(r'\^(\d+)', l):
                marks.append((i + 1, mm.group(1)))
    assert len(marks) == 183 and len(notes) == 182
    pairs, used = [], set()
    for k, (line, label) in enumerate(marks):
        later_same = [m[0] for m in marks[k + 1:] if m[1] == label and m[0] - line > 1]
        cands = [n for n in notes if n[0] > line and n[0] not in used and n[1] == label]
        if cands and (not later_same or cands[0][0] < later_same[0]):
            pairs.append((line, cands[0][0])); used.add(cands[0][0])
        elif k > 0 and marks[k - 1][1] == label and line - marks[k - 1][0] <= 1 and pairs[-1][0] == marks[k - 1][0]:
            pairs.append((line, pairs[-1][1]))  # `Dungeon-clock^2` and `Wallace Tower^2`: one note for both
    pairs.append((7435, 7463))  # `Phineas^6`: its note lost its number (`[Footnote : …]`)
    assert len(pairs) == 183
    write('burns-poems.txt', 'POEMS AND SONGS OF ROBERT BURNS', secs, sorted(pairs), {},
          'a preface, 18 years, 553 poems, a glossary; ^n markers with [Footnote n: …] notes')

def sanguo():
    L = read('sanguo-yanyi.txt')
    secs = [section(l, 1, i + 1) for i, l in enumerate(L) if re.match(r'^第[一二三四五六七八九十百○〇]+回：', l)]
    assert len(secs) == 120
    write('sanguo-yanyi.txt', 'Romance of the Three Kingdoms', secs, [], {}, '120 chapters 第N回')

def scarlet():
    L = read('study-in-scarlet.txt')
    head, tail, start, end = frame_sections(L)
    secs = []
    for i in range(start, end):
        l = L[i].strip().replace('_', '')
        if re.match(r'^PART [IV]+\.', L[i]):
            secs.append(section(l, 1, i + 1))
        elif re.match(r'^CHAPTER [IVX]+\. ', L[i]):
            secs.append(section(re.sub(r' \[\d+\]$', '', l), 2, i + 1))
        elif l == 'ORIGINAL TRANSCRIBER’S NOTES:':
            secs.append(section(l, 1, i + 1))
    assert sum(s['level'] == 2 for s in secs) == 14
    notes, marks = {}, []
    for i in range(start, end):
        m = re.match(r'^\[Footnote (\d+):', L[i])
        if m:
            notes[m.group(1)] = i + 1
            continue
        marks += [(i + 1, mm.group(1)) for mm in re.finditer(r'\[(\d+)\]', L[i])]
    assert len(marks) == 25 and len(notes) == 25
    write('study-in-scarlet.txt', 'A Study In Scarlet', head + secs + tail, [(a, notes[b]) for a, b in marks],
          {}, 'two parts of seven chapters; notes [Footnote n: …] at the end')

for f in (war_and_peace, notre_dame, leviathan, austen, burns, sanguo, scarlet):
    f()
