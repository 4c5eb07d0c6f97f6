import { requireUnitCode, type RegisterOrganisationalUnit } from '@riskledger/domain';
import { wordsFor, type RowReader } from '../row-reader';
import type { UnitColumnKey } from './unit-columns';

const KINDS = wordsFor({
  REGION: ['Region'],
  ADMINISTRATION: ['Förvaltning', 'Administration'],
  COMPANY: ['Bolag', 'Company'],
  DEPARTMENT: ['Verksamhet', 'Avdelning', 'Department'],
  UNIT: ['Enhet', 'Unit'],
});

/** A row as RegisterOrganisationalUnit, checked cell by cell; the decider judges the tree. */
export function unitRowOf(reader: RowReader<UnitColumnKey>): RegisterOrganisationalUnit {
  const code = reader.required('code', 64);
  const parentCode = reader.text('parentCode', 64);
  for (const [key, value] of [
    ['code', code],
    ['parentCode', parentCode],
  ] as const) {
    if (value) {
      try {
        requireUnitCode(key, value);
      } catch {
        reader.refuse(key, 'unit-code');
      }
    }
  }
  const kind = reader.oneOf('kind', KINDS, true);
  return {
    type: 'RegisterOrganisationalUnit',
    code,
    name: reader.required('name', 200),
    parentCode,
    kind: kind ?? '',
  };
}
