/** Request counters exposed at `GET /_stats`; a benchmark diffs them around an invocation. */
export class Stats {
  databaseRequests = 0;
  readonly byAction: Record<string, number> = {};
  databaseErrors = 0;
  functionInvocations = 0;
  readonly byFunction: Record<string, number> = {};
  readonly startedAt = new Date();

  /** `meter`: the database's count of documents its queries examined (read and tested or joined). */
  constructor(private readonly meter: { examined: number } = { examined: 0 }) {}

  get documentsExamined(): number {
    return this.meter.examined;
  }

  countAction(action: string): void {
    this.databaseRequests++;
    this.byAction[action] = (this.byAction[action] ?? 0) + 1;
  }

  countFunction(name: string): void {
    this.functionInvocations++;
    this.byFunction[name] = (this.byFunction[name] ?? 0) + 1;
  }

  toJSON(): Record<string, unknown> {
    return {
      databaseRequests: this.databaseRequests,
      byAction: this.byAction,
      databaseErrors: this.databaseErrors,
      documentsExamined: this.meter.examined,
      functionInvocations: this.functionInvocations,
      byFunction: this.byFunction,
      startedAt: this.startedAt.toISOString(),
      memoryRss: process.memoryUsage().rss,
    };
  }
}
