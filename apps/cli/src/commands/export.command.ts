import { assembleCaseFile, type CaseFile, type CaseFileSelection } from '@riskledger/case-file';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { CliIo } from '../cli-io';

export type ExportSelection = CaseFileSelection;

/**
 * `export --stream <id> [--chain]` / `export --from <time> --to <time>`: writes a self-contained
 * case file into a new directory (events.jsonl, summary.md, manifest.json; libs/case-file
 * assembles it, the same as the API's Akt). Reads only.
 */
export async function exportCommand(
  io: CliIo,
  dataSource: DataSource,
  selection: ExportSelection,
  options: { out?: string; now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const dir = resolve(options.out ?? `case-${now.toISOString().replace(/[:.]/g, '-')}`);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} exists and is not empty; name another directory with --out`);
  }
  const progress = io.progress('export');
  let caseFile: CaseFile;
  try {
    caseFile = await assembleCaseFile(dataSource, selection, {
      now,
      onProgress: (_, done, total) => progress(done, total),
    });
  } finally {
    progress.stop();
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(caseFile.files)) {
    writeFileSync(join(dir, name), content);
  }
  const { manifest, described } = caseFile;
  const broken = manifest.eventsWhoseHashDoesNotHold;
  const integrity = manifest.logIntegrity;
  io.out(
    `wrote ${manifest.events} events (${described}) to ${dir}: events.jsonl, summary.md, ` +
      `manifest.json; event hashes ${broken.length === 0 ? 'hold' : `DO NOT HOLD at ${broken.join(', ')}`}; ` +
      `log ${integrity.intact ? 'intact' : `BROKEN at position ${integrity.firstBreak?.position}`}`,
  );
  return 0;
}
