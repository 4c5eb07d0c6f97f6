import { createHash } from 'node:crypto';

/** A fixed namespace for the ids of imported risks (RFC 9562 name-based ids). */
const IMPORTED_RISK_NAMESPACE = Buffer.from('6d1f4a2e9b0c4c7e8a5d3f1b2c4e6a80', 'hex');

/**
 * The id of the risk a row of a file becomes: the same file and row always give the same id, so a
 * second import of the file finds its risks there and appends nothing (a UUID version 5 of the
 * file's hash and the row number).
 */
export function importedRiskId(fileSha256: string, row: number): string {
  const hash = createHash('sha1')
    .update(IMPORTED_RISK_NAMESPACE)
    .update(`${fileSha256}:${row}`)
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
