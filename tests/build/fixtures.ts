// Fixture content for build tests: two authorities and a valid ILACS report whose
// frontmatter a test can break one field at a time.
import { stringify } from 'yaml';

export const AUTHORITIES = [
  {
    id: 'north-tyneside', name: 'North Tyneside', aliases: ['North Tyneside Council'],
    gss_codes: [{ code: 'E08000022', from: '2009-01-01' }], dfe_number: '392', ofsted_urn: '80525',
    region: 'North East', type: 'Metropolitan District', current: true, predecessors: [], successors: [],
    statistical_neighbours: [], population_0_to_25: 60000,
  },
  {
    id: 'brent', name: 'Brent', aliases: ['LB Brent', 'London Borough of Brent'],
    gss_codes: [{ code: 'E09000005', from: '2009-01-01' }], dfe_number: '304', ofsted_urn: '80493',
    region: 'London', type: 'London Borough', current: true, predecessors: [], successors: [],
    statistical_neighbours: [], population_0_to_25: 100000,
  },
];

export const VALID_BODY = `# Inspection of North Tyneside local authority children’s services

| Judgement | Grade |
| --- | --- |
| The impact of leaders on social work practice with children and families | Good |
| Overall effectiveness | Good |

Children in North Tyneside are well served.
`;

export function validDocument(): Record<string, any> {
  return {
    title: 'Inspection of North Tyneside local authority children’s services',
    kind: 'ofsted_inspection_report',
    issuer: 'Ofsted',
    date: '2022-03-01',
    authority: 'north-tyneside',
    source: { licence: 'Open Government Licence v3.0', attribution: '© Crown copyright' },
    inspections: [
      {
        authority: 'north-tyneside', role: 'subject', framework: 'ilacs', type: 'standard',
        start: '2022-01-10', end: '2022-01-21', published: '2022-03-01',
        judgements: {
          overall_effectiveness: { grade: 'good', evidence: 'Overall effectiveness | Good' },
          impact_of_leaders: {
            grade: 'good',
            evidence: 'The impact of leaders on social work practice with children and families | Good',
          },
        },
        improvements: ['Management oversight of casework.'],
      },
    ],
  };
}

export function entryText(data: unknown, body = VALID_BODY): string {
  // Quoted strings, as the importer writes them: unquoted dates are YAML timestamps.
  return `---\n${stringify(data, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" })}---\n${body}`;
}

export function siteFiles(documents: Record<string, string>): Record<string, string> {
  const files: Record<string, string> = { 'content/authorities.json': JSON.stringify(AUTHORITIES, null, 2) };
  for (const [name, text] of Object.entries(documents)) files[`content/documents/${name}`] = text;
  return files;
}
