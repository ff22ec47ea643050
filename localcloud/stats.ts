/** Request counters exposed at `GET /_stats`; a benchmark diffs them around an invocation. */
export class Stats {
  databaseRequests = 0;
  readonly byAction: Record<string, number> = {};
  databaseErrors = 0;
  functionInvocations = 0;
  readonly byFunction: Record<string, number> = {};
  readonly startedAt = new Date();

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
      functionInvocations: this.functionInvocations,
      byFunction: this.byFunction,
      startedAt: this.startedAt.toISOString(),
      memoryRss: process.memoryUsage().rss,
    };
  }
}
