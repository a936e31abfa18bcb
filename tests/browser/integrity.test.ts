// Markup and link integrity over every page of the build the browser suite serves:
// html-validate finds no errors, and every internal link (evidence anchors included)
// reaches a page and an element that exist.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { DIST, listFiles, urlPathOf } from '../support/built-site.ts';

const pages = listFiles();

describe('every built page', () => {
  test('there are pages to check', () => {
    expect(pages.length).toBeGreaterThan(5);
  });

  test('passes html-validate with zero errors', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const failures: string[] = [];
    for (const file of pages) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const m of result.messages) failures.push(`${urlPathOf(file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    console.log(`html-validate: ${pages.length} pages, ${failures.length} errors`);
    expect(failures.slice(0, 50)).toEqual([]);
  });

  test('every internal link and anchor resolves', () => {
    const ids = new Map<string, Set<string>>();
    const links: { from: string; href: string }[] = [];
    for (const file of pages) {
      const path = urlPathOf(file);
      const pageIds = new Set<string>();
      visit(fromHtml(readFileSync(file, 'utf8')), 'element', (node: Element) => {
        const id = node.properties.id;
        if (typeof id === 'string') pageIds.add(id);
        const href = node.tagName === 'a' || node.tagName === 'link' ? node.properties.href : undefined;
        if (typeof href === 'string') links.push({ from: path, href });
      });
      ids.set(path, pageIds);
    }
    const otherFiles = new Set(listFiles(DIST, '').map((f) => urlPathOf(f)));
    const broken: string[] = [];
    let internal = 0;
    let anchors = 0;
    for (const { from, href } of links) {
      const url = new URL(href, `http://site.invalid${from}`);
      if (url.origin !== 'http://site.invalid') continue;
      internal++;
      const target = decodeURIComponent(url.pathname);
      const targetIds = ids.get(target);
      if (!targetIds && !otherFiles.has(target)) {
        broken.push(`${from} → ${href}: no such page`);
        continue;
      }
      if (url.hash) {
        anchors++;
        if (!targetIds?.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${from} → ${href}: no element with that id`);
      }
    }
    console.log(`link check: ${internal} internal links (${anchors} to anchors) on ${pages.length} pages, ${broken.length} broken`);
    expect(broken.slice(0, 50)).toEqual([]);
  });
});
