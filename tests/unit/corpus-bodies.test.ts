// Corpus-wide checks on the bodies of the Ofsted reports in content/ (issue 25): each class of defect a reader
// met in the text a journalist quotes from is looked for in every committed entry, so that none can come back.
// Each failure names the file and what was found; a case left alone is named in its check, with the reason.
import { describe, expect, it } from 'vitest';
import { readDocuments } from '../../src/lib/content-files.ts';

const reports = readDocuments().entries.filter((e) => e.file.startsWith('content/documents/ofsted/'));
/** Every "file: what" that breaks a rule, for one readable failure. */
const offenders = (find: (entry: (typeof reports)[number]) => string[]) => reports.flatMap((e) => find(e).map((what) => `${e.file}: ${what}`));
/** The body's blocks: paragraphs, and each list item on its own (tight lists have no blank line between items). */
const blocksOf = (body: string) =>
  body
    .split(/\n\s*\n/)
    .flatMap((chunk) => chunk.split(/\n(?=(?:\d{1,3}\\?\.|[-*]) )/))
    .map((b) => b.trim())
    .filter(Boolean);
/** Running text a reader would take for a paragraph of its own (no heading, list item, table, footnote or HTML). */
const isPlainParagraph = (block: string) => !/^(#|\||[-*] |\d{1,3}\\?\. |\[\^|<)/.test(block);
const short = (text: string, end: 'start' | 'end') => (end === 'start' ? text.slice(0, 40) : text.slice(-40)).replace(/\s+/g, ' ');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const GRADE = '(?:Outstanding|Good|Requires improvement(?: to be good)?|Inadequate|Adequate)';

describe('the report bodies read as their PDFs are laid out', () => {
  it('has the corpus entries to check', () => {
    expect(reports.length).toBeGreaterThanOrEqual(467);
  });

  it('carries a sentence cut by a page break on in its own paragraph ("…disappeared from" / "Bradford. Partnership…")', () => {
    // Left alone, each named by the end of the paragraph it ends:
    // - the PDF ends the paragraph without a full stop and sets a paragraph's gap after it: not a cut sentence;
    // - page one's LSCB grade sentence ("…(LSCB) is requires" / bold "improvement."; "…is good" then the next paragraph): joined,
    //   it would become the LSCB grade's quote in place of the one recorded (docs/corpus-review.md, issue 14);
    // - kingston-upon-hull/2015-02-10: the running header of its LSCB pages ("Inspection of the effectiveness of the local
    //   safeguarding children board: Hull") stands mid-paragraph on pages too few to be found as furniture;
    // - barnsley/2014-08-08: the ordinals of "16th and 18th birthdays" set raised on a line of their own ("th th");
    // - bexley/2014-05-23 155: a line set with a wider gap and a different indent, as if a new paragraph, mid-sentence;
    // - north-tyneside/2017-06-13: its list points have no bullet in the PDF's text, so each is a paragraph.
    const sourceLayout: Record<string, string[]> = {
      'sunderland/2018-07-25': ['meet their needs'],
      'doncaster/2015-11-27': ['could be met at a lower level'],
      'wolverhampton/2017-03-31': ['is also being strengthened'],
      'surrey/2018-05-16': ['for the most vulnerable children'],
      'lancashire/2015-11-27': ['areas for children and families'],
      'lewisham/2016-01-20': ['or being educated at home'],
      'cheshire-west-and-chester/2016-02-19': ['written targets need to be improved'],
      'buckinghamshire/2014-08-08': ['welfare of children are', 'improvements can be made'],
      'plymouth/2015-01-06': ['good help, care and protection'],
      'liverpool/2014-07-18': ['(LSCB) is requires'],
      'staffordshire/2014-03-21': ['(LSCB) is good', 'out of the authority area'],
      'swindon/2014-05-23': ['(LSCB) is good'],
      'kingston-upon-hull/2015-02-10': ['This effective', 'to disseminate key'],
      'barnsley/2014-08-08': ['to stay in their'],
      'bexley/2014-05-23': ['gained through user'],
      'north-tyneside/2017-06-13': ['authority area', 'placed for adoption', 'returned to be looked after', 'to independent living'],
      'sunderland/2015-07-20': ['‘framework of cooperation’'],
    };
    const leftAlone: [string, string][] = Object.entries(sourceLayout).flatMap(([id, ends]) => ends.map((end): [string, string] => [`content/documents/ofsted/${id}.md`, end]));
    const found = offenders((e) => {
      const blocks = blocksOf(e.body);
      return blocks.flatMap((block, i) => {
        const next = blocks[i + 1];
        if (!next || /^(#|\|)/.test(block) || block.length < 60 || !isPlainParagraph(next)) return [];
        // Ends on a lower-case word or a comma: the sentence is not over.
        if (!/(?:\s[\p{Ll}’'-]+|,)$/u.test(block)) return [];
        if ([...leftAlone].some(([file, end]) => file === e.file && block.endsWith(end))) return [];
        // The PDF's own lines: a list of names (the inspection team), a scale's rows ("Good (Grade 2) A service that…"), or a
        // sentence leading into numbered clauses ("…where" / "(i) they are privately fostered").
        if (/\b(HMI|inspectors?|analysts?)\b/.test(block) || /^[\w ]+(inspectors?|analysts?|manager):/i.test(next)) return [];
        if (/\(Grade \d\)/.test(next) || /^\((?:i{1,3}|iv|vi{0,3})\)/.test(next)) return [];
        return [`"…${short(block, 'end')}" / "${short(next, 'start')}…"`];
      });
    });
    expect(found).toEqual([]);
  });

  it('keeps the end of a numbered paragraph that runs onto the next page in that paragraph', () => {
    // Lancashire 2015: "112. …for the young person and their carers." / "Some foster carers report…" / "113. …".
    // A plain paragraph between two numbers that follow on, written as prose (a full stop at its end), is the first item's end.
    // Headings the PDF sets at body size without bold (portsmouth/2014-09-01 "Governance and Corporate Parenting") are not prose and
    // not counted here.
    const found = offenders((e) => {
      const blocks = blocksOf(e.body);
      return blocks.flatMap((block, i) => {
        const number = /^(\d{1,3})\\?\. /.exec(block)?.[1];
        const between = blocks[i + 1];
        const after = blocks[i + 2];
        const nextNumber = after && /^(\d{1,3})\\?\. /.exec(after)?.[1];
        if (!number || !between || !nextNumber || Number(nextNumber) !== Number(number) + 1) return [];
        if (!isPlainParagraph(between) || !/[.;:]$/.test(between)) return [];
        // SIF sub-section titles written as a sentence ("The graded judgement for adoption performance is that it is good.")
        // and a footnote's text at a page's foot ("1 The areas for improvement…") stand between numbers in the PDF too.
        if (/^The graded judge?ment\b/i.test(between) || /^\d{1,2} \p{Lu}/u.test(between)) return [];
        // A judgement section's title the PDF sets as a plain line ("The experiences and progress of children … is good.").
        if (/^(The experiences and progress of|The impact of leaders|Leadership, management and governance)\b/.test(between)) return [];
        // Left alone: bexley/2014-05-23 155 (see the check above).
        if (e.file.endsWith('bexley/2014-05-23.md') && number === '155') return [];
        return [`${number}. "…${short(block, 'end')}" / "${short(between, 'start')}…" / ${nextNumber}.`];
      });
    });
    expect(found).toEqual([]);
  });

  it('reads a SIF "Key judgement | Judgement grade" box as a small table, not a heading with the grade inside a name', () => {
    // Rotherham 2014: "#### Key judgement Judgement grade", then "Leadership, management and Inadequate governance".
    const gradeWithin = new RegExp(`^(?:The experiences and progress of children|Leadership, management and) ${GRADE} \\S`, 'i');
    // Left alone: peterborough/2015-09-18's help-and-protection box, without its header row and with the grade in the same run
    // of text as the name ("…of children Requires improvement who need…"): nothing in the layout sets the grade apart.
    const found = offenders((e) =>
      e.body
        .split('\n')
        .filter((line) => !(e.file.endsWith('peterborough/2015-09-18.md') && /Requires improvement who need/.test(line)))
        .filter((line) => /^#{1,6}\s+Key judgement\b/i.test(line) || gradeWithin.test(line.replace(/^#{1,6}\s+/, '')))
        .map((line) => line.slice(0, 90)),
    );
    expect(found).toEqual([]);
  });

  it('leaves no footnote debris: no bracketed marker as text, no space before a comma where a marker stood', () => {
    // Left alone: a space before a comma that the PDF's own text has, with no marker there.
    const SPACED_COMMAS = ['recruiting social work staff , including', 'female genital mutilation , sexual', 'informed by their views , their'];
    // Birmingham 2016: "\[1]" twice, "residential special schools , of whom 100%…", and its note as body text.
    const found = offenders((e) =>
      e.body
        .split('\n')
        .filter((line) => /(^|\s)\\?\[\d{1,2}\](?!\()/.test(line) || (/\p{L} , \p{Ll}/u.test(line) && !SPACED_COMMAS.some((t) => line.includes(t))))
        .map((line) => line.trim().slice(0, 90)),
    );
    expect(found).toEqual([]);
  });

  it('keeps a real hyphenated word broken at a line end without a space ("Thomson-Jones", "20-mile", "17-year-old")', () => {
    // A suspended hyphen stays: "pre- and post-", "short- and long-term", "two- to three-year".
    const broken = /[\p{L}\d]- (?!(?:and|or|to|nor)\b)[\p{L}\d]/u;
    const found = offenders((e) => e.body.split('\n').filter((line) => broken.test(line)).map((line) => line.match(/\S*[\p{L}\d]- \S+/u)![0]));
    expect(found).toEqual([]);
  });

  it('records every earlier inspection a report states with its service, date and grade, whatever the wording', () => {
    // Doncaster 2015 ("…was in November 2012. The local authority was judged inadequate."), Wolverhampton 2017 ("The last
    // inspection of…"), Rotherham 2014 ("Child protection arrangements were last inspected in July 2012 and were judged to be
    // adequate."), Birmingham 2016 (March 2014, once left out by a "before November 2013" rule).
    const MONTH = '(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) )?';
    const patterns = [
      new RegExp(`The (?:previous|last) inspection of [^.]{3,160}? was (?:also )?(?:published )?in ${MONTH}\\d{4}\\. The local authority was judged (?:to be )?(${GRADE})\\.`, 'i'),
      new RegExp(`(?:Child protection|Safeguarding) arrangements (?:were|was) last inspected in ${MONTH}\\d{4} and (?:were|was) judged (?:to be )?(${GRADE})\\.`, 'i'),
      new RegExp(`Services for (?:looked after children|children looked after) (?:were|was) last inspected in ${MONTH}\\d{4} and (?:were|was) judged (?:to be )?(${GRADE})\\.`, 'i'),
    ];
    const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
    const found = offenders((e) => {
      const inspections = e.data.inspections.filter((i) => i.role === 'previous');
      const previous = inspections.flatMap((i) => Object.values(i.judgements ?? {}));
      const body = flat(e.body.replace(/\\/g, ''));
      return patterns.flatMap((pattern) =>
        [...body.matchAll(new RegExp(pattern.source, 'gi'))]
          .filter((m) => {
            // Two grades in the one item ("…adequate for safeguarding and good for…") are read by the rule for them, or left alone.
            if (/\b(for|and|but|except)\b/i.test(m[1]!)) return false;
            // Left alone: an adoption, fostering or private fostering service's own inspection (no such inspection or judgement in
            // the site's vocabulary: bolton/2014-03-21, derbyshire/2014-02-11, herefordshire/2014-06-30, manchester/2014-09-03,
            // north-yorkshire/2014-06-30, sheffield/2014-02-21); an inspection named by a SIF judgement ("services for children who
            // need help and protection", coventry/2017-06-13: which SIF inspection it was, and its other grades, the item does not
            // say); and slough/2014-02-14's safeguarding inspection "which also considered the arrangements for …" (two services, one grade).
            if (/inspection of [^.]*?(adoption|fostering)\b/i.test(m[0]) || /need help and protection|which also considered/i.test(m[0])) return false;
            const grade = m[1]!.toLowerCase().replace(/ to be good$/, '').replace(/ /g, '_');
            // Recorded from this sentence, or from another that states the same inspection's grade (Rotherham 2014 states its July
            // 2012 inspection twice: "…was in July 2012. The local authority was judged to be adequate in both inspections.").
            const date = /in ((?:January|February|March|April|May|June|July|August|September|October|November|December) )?(\d{4})/.exec(m[0])!;
            const month = date[1] ? String(MONTHS.indexOf(date[1].trim()) + 1).padStart(2, '0') : undefined;
            const start = month ? `${date[2]}-${month}` : date[2]!;
            return !inspections.some(
              (i) => (i.start ?? i.published) === start && Object.values(i.judgements ?? {}).some((j) => j.grade === grade),
            ) && !previous.some((j) => j.grade === grade && flat(m[0]).includes(flat(j.evidence)));
          })
          .map((m) => `not recorded: ${m[0].slice(0, 110)}`),
      );
    });
    expect(found).toEqual([]);
  });

  it('sets a section heading\'s grade apart from its title ("### …help and protection" / "Inadequate")', () => {
    // A grade box's word is capitalised ("…governance Good"); a title that says its grade in words is the report's own
    // ("#### Leadership, management and governance requires improvement", liverpool/2014-07-18) and stays.
    const runIn = /^#{1,6}\s+.*(?:protection|permanence|governance|care leavers|families|adoption performance) (?:Outstanding|Good|Requires [Ii]mprovement(?: to be good)?|Inadequate|Adequate)$/;
    const found = offenders((e) => e.body.split('\n').filter((line) => runIn.test(line)).map((line) => line.slice(0, 100)));
    expect(found).toEqual([]);
  });

  it('nests a two-level contents page ("Section 1: the local authority" and the entries under it)', () => {
    // A contents page with "Section 1:" and "Section 2:" entries has entries under them; flattened, none is nested.
    const found = offenders((e) => {
      const m = /^#{1,6}\s+(?:Table of )?Contents\s*\n+((?:[ \t]*[-*]\s.*\n)+)/im.exec(e.body);
      if (!m || !/^[-*]\s+Section 1\b/m.test(m[1]!) || !/^[-*]\s+Section 2\b/m.test(m[1]!)) return [];
      // Left alone: liverpool/2014-07-18 sets its sections and their entries at one indent, telling them apart by weight only.
      if (e.file.endsWith('liverpool/2014-07-18.md')) return [];
      return /^\s+[-*]\s/m.test(m[1]!) ? [] : ['contents flattened'];
    });
    expect(found).toEqual([]);
  });

  it('makes every numbered paragraph a list item, 100 and above too (no "100\\." paragraphs)', () => {
    const found = offenders((e) => e.body.split('\n').filter((line) => /^\d{1,3}\\\. /.test(line)).map((line) => line.slice(0, 60)));
    expect(found).toEqual([]);
  });
});
