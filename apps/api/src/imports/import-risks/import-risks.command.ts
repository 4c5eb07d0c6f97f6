import { ImportCommand } from '../import.command';

export class ImportRisksCommand extends ImportCommand {}
