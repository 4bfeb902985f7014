/** One line a container wrote, with the time (ms since epoch) it was written. */
export interface LogLine {
  readonly time: number;
  readonly text: string;
}

/** The last `capacity` lines a pod wrote, oldest first. */
export class LogBuffer {
  private readonly lines: LogLine[] = [];

  constructor(private readonly capacity = 10_000) {}

  push(text: string): void {
    this.lines.push({ time: Date.now(), text });
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
  }

  snapshot(): readonly LogLine[] {
    return [...this.lines];
  }
}
