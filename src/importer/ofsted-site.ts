// Ofsted's reports site, as far as the update command reads it: an authority's provider
// page, found by its Ofsted URN, and the publications that page lists.
//
// The structure modelled here is only what the open-source scrapers of that site rely on
// (JT-39/ofsted-ilacs-scrape-tool and data-to-insight/ofsted-focused-visit-scrape-tool,
// process_provider_links): the page is https://reports.ofsted.gov.uk/provider/44/<URN>;
// each publication is an <a class="publication-link"> whose href is the PDF on
// files.ofsted.gov.uk (https://files.ofsted.gov.uk/v1/file/<n>), and whose
// <span class="nonvisual"> says what it is and when Ofsted listed it:
// "Children's services inspection - 09 May 2025, pdf", "Children's services focused visit - 22 June 2023, pdf".
// Nothing else on the page is read.
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { parseLongDate } from '../domain/dates.ts';

export const DEFAULT_REPORTS_URL = 'https://reports.ofsted.gov.uk';
export const DEFAULT_FILES_URL = 'https://files.ofsted.gov.uk';
/** The hosts Ofsted serves report PDFs from (the scrapers show both); links elsewhere are not followed. */
export const OFSTED_FILE_HOSTS = ['files.ofsted.gov.uk', 'files.api.ofsted.gov.uk'];

/** The provider page of an authority's children's services: category 44 on the reports site. */
export function providerPageUrl(reportsUrl: string, urn: string): string {
  return new URL(`provider/44/${encodeURIComponent(urn)}`, withSlash(reportsUrl)).href;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** What the update command does with a publication: an inspection report, a focused-visit letter, or neither. */
export type PublicationKind = 'report' | 'focused_visit' | 'other';

export interface Publication {
  /** The description before the date, as the page words it ("Children's services inspection"). */
  description: string;
  kind: PublicationKind;
  /** The date the page lists, YYYY-MM-DD. */
  listedDate: string;
  /** The link as the page gives it, made absolute against the page's address. */
  href: string;
}

export type ProviderPage =
  | { ok: true; publications: Publication[]; unreadable: { text: string; reason: string }[] }
  | { ok: false; reason: string };

export function classifyPublication(description: string): PublicationKind {
  const text = description.toLowerCase().replace(/[’`]/g, "'");
  // The focused-visit scraper's test: "children", "services" and "focused visit".
  if (text.includes('children') && text.includes('services') && text.includes('focused visit')) return 'focused_visit';
  // The ILACS scraper's test is "children", "services" and "inspection"; a monitoring visit or a joint
  // targeted area inspection is not a children's services inspection, so the words must run together.
  if (/\bchildren'?s services inspection\b/.test(text)) return 'report';
  return 'other';
}

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties?.className;
  return Array.isArray(classes) && classes.includes(name);
}

function textOf(node: ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map((c) => textOf(c as ElementContent)).join('');
  return '';
}

/** "Children's services inspection - 09 May 2025, pdf" → its description and date; undefined when it is not so written. */
export function readNonvisual(text: string): { description: string; listedDate: string } | undefined {
  const clean = text.replace(/\s+/g, ' ').trim().replace(/,\s*pdf$/i, '');
  const match = /^(.*\S)\s+[-–—]\s+(\d{1,2}\s+[A-Za-z]+\s+\d{4})$/.exec(clean);
  if (!match) return undefined;
  const listedDate = parseLongDate(match[2]!);
  if (!listedDate) return undefined;
  return { description: match[1]!, listedDate };
}

/**
 * The publications a provider page lists, in the page's order. A page with no
 * publication link at all is not "nothing published": it is a page this reader does not
 * understand (a changed layout, an error page served with status 200), and says so.
 */
export function parseProviderPage(html: string, pageUrl: string): ProviderPage {
  const tree = fromHtml(html);
  const links: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'a' && hasClass(node, 'publication-link')) links.push(node);
  });
  if (links.length === 0) {
    return { ok: false, reason: 'no publication list found (no <a class="publication-link"> on the page): the page’s layout may have changed' };
  }
  const publications: Publication[] = [];
  const unreadable: { text: string; reason: string }[] = [];
  for (const link of links) {
    let nonvisual: Element | undefined;
    visit(link, 'element', (node: Element) => {
      if (!nonvisual && node.tagName === 'span' && hasClass(node, 'nonvisual')) nonvisual = node;
    });
    const whole = textOf(link).replace(/\s+/g, ' ').trim();
    if (!nonvisual) {
      unreadable.push({ text: whole, reason: 'the link has no <span class="nonvisual"> describing it' });
      continue;
    }
    const read = readNonvisual(textOf(nonvisual));
    if (!read) {
      unreadable.push({ text: whole, reason: `its description "${textOf(nonvisual).trim()}" is not "<kind> - <day month year>, pdf"` });
      continue;
    }
    const href = typeof link.properties?.href === 'string' ? link.properties.href : '';
    let absolute: string;
    try {
      absolute = new URL(href, pageUrl).href;
    } catch {
      unreadable.push({ text: whole, reason: `its link "${href}" is not an address` });
      continue;
    }
    if (!href) {
      unreadable.push({ text: whole, reason: 'the link has no href' });
      continue;
    }
    publications.push({ ...read, kind: classifyPublication(read.description), href: absolute });
  }
  if (publications.length === 0) {
    return { ok: false, reason: `no publication on the page could be read (${unreadable[0]!.reason}): the page’s layout may have changed` };
  }
  return { ok: true, publications, unreadable };
}

/**
 * Where to fetch a publication's PDF from: a link to Ofsted's file server goes to
 * `filesUrl` (the real server, or a test's) with the same path; a link elsewhere is refused.
 */
export function downloadUrl(href: string, filesUrl: string): string | undefined {
  const url = new URL(href);
  if (!OFSTED_FILE_HOSTS.includes(url.hostname) || url.protocol !== 'https:') return undefined;
  return new URL(`${url.pathname.replace(/^\//, '')}${url.search}`, withSlash(filesUrl)).href;
}
