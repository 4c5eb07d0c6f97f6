/**
 * Hands a file the API sent to the browser to save. A plain link cannot carry the bearer token,
 * so exports come through the API client as a blob first.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by now; the URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ExportFormat = 'csv' | 'xlsx';

/** A file name for today's export: riskregister-2026-12-05.xlsx. */
export function exportFileName(name: string, format: ExportFormat): string {
  return `${name}-${new Date().toLocaleDateString('sv-SE')}.${format}`;
}
