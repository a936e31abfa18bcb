import { describe, expect, it } from 'vitest';
import { EvidenceNotFoundError, plainBlockText, prepareBody } from '../../src/lib/evidence-html.ts';

const t = (anchor: string, quote: string, field = `inspections[0].judgements.${anchor}.evidence`) => ({ anchor, quote, field });

describe('document body: sanitising and evidence highlighting', () => {
  it('wraps a quote inside one paragraph in a mark with the anchor id', () => {
    const html = prepareBody('<p>The outcome was that the council was judged to be\n‘Good’ overall. More text.</p>', [t('evidence-1-overall-effectiveness', 'judged to be ‘Good’ overall')], 'f.md');
    expect(html).toBe('<p class="evidence-block">The outcome was that the council was <mark class="evidence" id="evidence-1-overall-effectiveness">judged to be\n‘Good’ overall</mark>. More text.</p>');
  });

  it('finds a table row quote as its cells joined by " | " and marks the cells', () => {
    const html = prepareBody(
      '<table><thead><tr><th>Judgement</th><th>Grade</th></tr></thead><tbody><tr><td> Overall effectiveness </td><td>Good</td></tr></tbody></table>',
      [t('evidence-1-overall-effectiveness', 'Overall effectiveness | Good')],
      'f.md',
    );
    expect(html).toContain('<tr class="evidence-block"><td> <mark class="evidence" id="evidence-1-overall-effectiveness">Overall effectiveness</mark> </td><td><mark class="evidence">Good</mark></td></tr>');
  });

  it('marks each part of a quote that crosses inline elements', () => {
    const html = prepareBody('<li>Adoption was <strong>judged</strong> good.</li>', [t('evidence-1-adoption', 'Adoption was judged good')], 'f.md');
    expect(html).toBe('<li class="evidence-block"><mark class="evidence" id="evidence-1-adoption">Adoption was </mark><strong><mark class="evidence">judged</mark></strong><mark class="evidence"> good</mark>.</li>');
  });

  it('gives further judgements sharing a quote their own anchors in the same mark', () => {
    const html = prepareBody('<p>assessed as ‘Good’ in all four inspection areas</p>', [
      t('evidence-1-overall-effectiveness', 'assessed as ‘Good’ in all four inspection areas'),
      t('evidence-1-impact-of-leaders', 'assessed as ‘Good’ in all four   inspection areas'),
    ], 'f.md');
    expect(html).toContain('<mark class="evidence" id="evidence-1-overall-effectiveness"><span id="evidence-1-impact-of-leaders" class="evidence-anchor"></span>assessed');
  });

  it('prefers the innermost block and the first occurrence', () => {
    const html = prepareBody('<ul><li>first <ul><li>grade was Good</li></ul></li></ul><p>grade was Good</p>', [t('evidence-1-lscb', 'grade was Good')], 'f.md');
    expect(html).toBe('<ul><li>first <ul><li class="evidence-block"><mark class="evidence" id="evidence-1-lscb">grade was Good</mark></li></ul></li></ul><p>grade was Good</p>');
  });

  it('fails naming the file and field when a quote is not within one block', () => {
    expect(() => prepareBody('<p>Overall effectiveness</p><p>Good</p>', [t('evidence-1-x', 'Overall effectiveness Good', 'inspections[2].judgements.overall_effectiveness.evidence')], 'content/documents/a.md')).toThrow(
      EvidenceNotFoundError,
    );
    expect(() => prepareBody('<p>nothing</p>', [t('evidence-1-x', 'Overall effectiveness Good', 'inspections[2].judgements.overall_effectiveness.evidence')], 'content/documents/a.md')).toThrow(
      /content\/documents\/a\.md: inspections\[2\]\.judgements\.overall_effectiveness\.evidence/,
    );
  });

  it('removes scripts, event handlers, javascript: links and style attributes; prefixes source ids', () => {
    const html = prepareBody(
      '<p id="main" style="color:red" onclick="alert(1)">Hi <a href="javascript:alert(1)">x</a><script>alert(1)</script></p><style>p{}</style><h1>Title</h1>',
      [],
      'f.md',
    );
    expect(html).toBe('<p id="doc-main">Hi <a>x</a></p><h3>Title</h3>');
  });

  it("reads a source's malformed HTML as a browser would (the HTML standard's parsing), so a quote is found where a reader sees it", () => {
    // Unclosed paragraphs and items, misnested inline elements, text inside a table (moved before it).
    expect(prepareBody('<p>one<p>two', [], 'f.md')).toBe('<p>one</p><p>two</p>');
    expect(prepareBody('<ul><li>a<li>b</ul>', [], 'f.md')).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(prepareBody('<b>x<i>y</b>z</i>', [], 'f.md')).toBe('<b>x<i>y</i></b><i>z</i>');
    expect(prepareBody('<table><tr><td>a</td></tr>stray</table>', [], 'f.md')).toBe('stray<table><tbody><tr><td>a</td></tr></tbody></table>');
    expect(prepareBody('<p>A &amp; B &lt;c&gt;</p>', [], 'f.md')).toBe('<p>A &#x26; B &#x3C;c></p>');
    expect(prepareBody('<p>one<p>two words here', [t('overall_effectiveness', 'two words')], 'f.md')).toBe(
      '<p>one</p><p class="evidence-block"><mark class="evidence" id="overall_effectiveness">two words</mark> here</p>',
    );
  });
});

describe('document body: structure under the page', () => {
  it('puts the source headings under the page h2 without skipping levels', () => {
    const html = prepareBody('<h1>A</h1><h3>B</h3><h4>C</h4><h2>D</h2><h1>E</h1>', [], 'f.md');
    expect(html).toBe('<h3>A</h3><h4>B</h4><h5>C</h5><h4>D</h4><h3>E</h3>');
  });

  it('scopes the header cells of source tables', () => {
    const html = prepareBody('<table><thead><tr><th>Judgement</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>', [], 'f.md');
    expect(html).toContain('<th scope="col">Judgement</th>');
  });
});

describe('document body: looking for quotes', () => {
  it('finds the same text in every block of every committed document as the traced text the marks are placed by', async () => {
    const { readDocuments } = await import('../../src/lib/content-files.ts');
    const { renderMarkdown } = await import('../../src/lib/markdown.ts');
    const { fromHtml } = await import('hast-util-from-html');
    const { blockText, plainBlockText } = await import('../../src/lib/evidence-html.ts');
    type Node = { type: string; tagName?: string; children?: Node[] };
    const blocks = (node: Node): Node[] => [
      ...(node.type === 'element' && /^(p|li|h[1-6]|tr|td|th|blockquote|div|ol|ul|dd|dt|pre)$/.test(node.tagName!) ? [node] : []),
      ...(node.children ?? []).flatMap(blocks),
    ];
    let compared = 0;
    const differing: string[] = [];
    for (const entry of readDocuments().entries) {
      const tree = fromHtml(await renderMarkdown(entry.body), { fragment: true }) as unknown as Node;
      for (const block of blocks(tree)) {
        compared++;
        const element = block as unknown as Parameters<typeof blockText>[0];
        if (plainBlockText(element) !== blockText(element).text) differing.push(`${entry.file}: ${blockText(element).text.slice(0, 80)}`);
      }
    }
    expect(compared).toBeGreaterThan(50_000);
    expect(differing).toEqual([]);
  });

  it('collapses whitespace across text nodes and joins table cells as the content model says', () => {
    const row = { type: 'element', tagName: 'tr', properties: {}, children: [
      { type: 'element', tagName: 'th', properties: {}, children: [{ type: 'text', value: '  Overall \n' }] },
      { type: 'element', tagName: 'td', properties: {}, children: [{ type: 'text', value: ' Good ' }, { type: 'element', tagName: 'em', properties: {}, children: [{ type: 'text', value: '\tnow ' }] }] },
    ] } as const;
    expect(plainBlockText(row as never)).toBe('Overall | Good now');
  });
});

describe('document body: footnotes', () => {
  it('keeps footnotes as links to their text and back, once the sanitiser has prefixed the ids', async () => {
    const { renderMarkdown } = await import('../../src/lib/markdown.ts');
    const html = await renderMarkdown('The local authority area[^2] is large.\n\n[^2]: The local authority was given the opportunity to review this section.\n');
    const out = prepareBody(html, [{ anchor: 'evidence-1-x', quote: 'is large', field: 'f' }], 'x.md');
    const reference = /<a href="#([^"]+)" id="([^"]+)"[^>]*data-footnote-ref/.exec(out);
    expect(reference, out).not.toBeNull();
    // The reference leads to the footnote's text, and the footnote's back link to the reference.
    expect(out).toContain(`<li id="${reference![1]}">`);
    expect(out).toContain(`href="#${reference![2]}"`);
    expect(out).toMatch(/aria-label="Back to reference 1"/);
    expect(out).toContain('<mark class="evidence" id="evidence-1-x">is large</mark>');
  });
});
