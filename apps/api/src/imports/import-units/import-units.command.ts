import { ImportCommand } from '../import.command';

export class ImportUnitsCommand extends ImportCommand {}
