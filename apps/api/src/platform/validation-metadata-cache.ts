import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

const remembering = new WeakSet<MetadataStorage>();

/**
 * class-validator looks up a class's rules anew for every object it validates, filtering every
 * rule of every class in the API and testing each class for inheritance: a few percent of the
 * API's CPU on every request with a body. The rules are fixed once the classes are loaded, so the
 * answer for a class is kept; a rule added later (a class loaded late) forgets every answer.
 * The answers are frozen: shared by all requests, none may change them.
 */
export function rememberValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (remembering.has(storage)) return;
  remembering.add(storage);
  let byTarget = new Map<unknown, Map<string, readonly ValidationMetadata[]>>();
  let grouped = new WeakMap<readonly ValidationMetadata[], Grouped>();
  const forget = () => {
    byTarget = new Map();
    grouped = new WeakMap();
  };
  for (const add of [
    'addValidationMetadata',
    'addConstraintMetadata',
    'addValidationSchema',
  ] as const) {
    const original = storage[add].bind(storage) as (metadata: unknown) => void;
    (storage[add] as (metadata: unknown) => void) = (metadata) => {
      forget();
      original(metadata);
    };
  }

  const find = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups === undefined ? '' : JSON.stringify(groups)}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) byTarget.set(target, (forTarget = new Map()));
    let found = forTarget.get(key);
    if (!found) {
      found = Object.freeze(find(target, schema, always, strictGroups, groups));
      forTarget.set(key, found);
    }
    return found as ValidationMetadata[];
  };

  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) {
      found = Object.freeze(group(metadata));
      for (const list of Object.values(found)) Object.freeze(list);
      grouped.set(metadata, found);
    }
    return found;
  };
}
