import { labelsIn } from '../../shared/export-labels';
import { annualSecurityReport, withContentHash } from './annual-security-report';
import { annualReportHtml, annualReportPrintTemplates } from './annual-security-report.document';
import { envelopeOfEvent, metadata } from '../../../../../test/support/domain-events';

const AREAS = [
  { code: 'FIRE_SAFETY', sv: 'Brandsäkerhet', en: 'Fire safety' },
  { code: 'PHARMACEUTICALS', sv: 'Läkemedel', en: 'Pharmaceuticals' },
];

function reportWithOneRisk() {
  const at = (position: number, type: string, data: object) =>
    envelopeOfEvent(
      { type, data: { riskId: 'r1', ...data } },
      {
        streamType: 'risk',
        streamId: 'r1',
        streamVersion: position,
        position,
        recordedAt: '2025-03-01T10:00:00Z',
        metadata: metadata(),
      },
    );
  return withContentHash(
    annualSecurityReport(
      [
        at(1, 'RiskIdentified', { area: 'PHARMACEUTICALS', title: 'Open <door> & theft' }),
        at(2, 'RiskAssessed', { likelihood: 4, consequence: 4, score: 16, level: 'HIGH' }),
      ],
      {
        year: 2025,
        asOf: new Date('2026-03-31T22:00:00Z'),
        activeAreas: AREAS.map((a) => a.code),
      },
    ),
  );
}

describe('annualReportHtml', () => {
  const report = reportWithOneRisk();

  it('writes the säkerhetsberättelse in Swedish: the headings per area, by Swedish name', () => {
    const html = annualReportHtml({ report, language: 'sv', labels: labelsIn('sv', AREAS) });
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<h1>Säkerhetsberättelse 2025</h1>');
    expect(html).toContain('<h2>Sammanfattning för regionen</h2>');
    expect(html).toContain('<h2>Läkemedel</h2>');
    for (const heading of [
      'Övergripande mål',
      'Måluppfyllelse',
      'Riskanalyser',
      'Incidenter',
      'Uppföljning och förbättringar',
    ]) {
      expect(html).toContain(`<h3>${heading}</h3>`);
    }
    expect(html).toContain('Riskprofil vid årets slut');
    // The area without activity is named with the quiet ones.
    expect(html).toMatch(/registrerades för: Brandsäkerhet\./);
    expect(html).toContain(report.contentHash);
    expect(html).toContain('loggposition 2');
  });

  it('escapes what users wrote', () => {
    const html = annualReportHtml({ report, language: 'sv', labels: labelsIn('sv', AREAS) });
    expect(html).toContain('Open &lt;door&gt; &amp; theft');
    expect(html).not.toContain('<door>');
  });

  it('writes English when asked', () => {
    const html = annualReportHtml({ report, language: 'en', labels: labelsIn('en', AREAS) });
    expect(html).toContain('<h1>Annual security report 2025</h1>');
    expect(html).toContain('<h2>Pharmaceuticals</h2>');
    expect(html).toContain('<h3>Follow-up and improvements</h3>');
  });

  it("puts the report's date and the page numbers in the PDF's header and footer", () => {
    const { headerTemplate, footerTemplate } = annualReportPrintTemplates(report, 'sv');
    expect(headerTemplate).toContain('Loggen läst till 1 april 2026 kl. 00:00');
    expect(footerTemplate).toContain('<span class="pageNumber"></span>');
    expect(footerTemplate).toContain('<span class="totalPages"></span>');
  });
});
