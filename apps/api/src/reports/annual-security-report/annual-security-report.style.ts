/** The document's print style: A4, the body font Chromium has everywhere, tables that break cleanly. */
export const DOCUMENT_STYLE = `
@page { size: A4; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 10pt; color: #111; line-height: 1.4; }
main { max-width: 180mm; margin: 0 auto; }
h1 { font-size: 20pt; margin: 0 0 6pt; }
h2 { font-size: 15pt; margin: 18pt 0 6pt; border-bottom: 1px solid #444; padding-bottom: 2pt; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; }
h4 { font-size: 10.5pt; margin: 8pt 0 3pt; }
h1, h2, h3, h4, caption { break-after: avoid; }
section.area { margin-top: 24pt; }
table { border-collapse: collapse; margin: 4pt 0 8pt; break-inside: avoid; }
caption { text-align: left; font-style: italic; padding-bottom: 2pt; }
th, td { border: 1px solid #999; padding: 2pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #eee; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: bold; }
table.matrix td { width: 16mm; }
table.matrix td.filled { background: #fde2b8; font-weight: bold; }
.provenance { font-size: 9pt; }
.provenance code { font-size: 8pt; word-break: break-all; }
.status, .warning { font-weight: bold; }
`;
