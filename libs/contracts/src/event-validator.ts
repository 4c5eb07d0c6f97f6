import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { EVENT_CONTRACTS } from './event-contracts';

/** Validates event data against its published JSON Schema; consumers can do exactly the same. */
export class EventValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  /**
   * `shapeOnly` checks types, required fields and enumerations but not string formats (uuid,
   * date-time): what a reader needs to use the data safely.
   */
  constructor(options: { shapeOnly?: boolean } = {}) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: !options.shapeOnly });
    addFormats(ajv);
    for (const contract of EVENT_CONTRACTS) {
      this.validators.set(key(contract.type, contract.version), ajv.compile(contract.schema));
    }
  }

  /** The problems with the data, empty when it is valid. */
  problems(type: string, version: number, data: unknown): string[] {
    const validate = this.validators.get(key(type, version));
    if (!validate) return [`${type} v${version} is not a published event version`];
    if (validate(data)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
    );
  }
}

const key = (type: string, version: number) => `${type}.v${version}`;
