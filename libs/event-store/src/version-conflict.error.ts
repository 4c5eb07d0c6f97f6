/** An append whose expected stream version was not the stream's actual version. */
export class VersionConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super(
      actualVersion === null
        ? `stream ${streamId} was changed concurrently; expected version ${expectedVersion}`
        : `stream ${streamId} is at version ${actualVersion}, not the expected ${expectedVersion}`,
    );
    this.name = 'VersionConflictError';
  }
}
