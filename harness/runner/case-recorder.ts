import { describeError } from '../errors.ts';
import { caseName } from './case-name.ts';
import type { CaseResult } from './results.ts';

/** Thrown after all cases of a table settled and at least one failed. */
export class CasesFailedError extends Error {
  readonly code = 'GRPCCONF_CASES_FAILED';
  readonly failed: readonly CaseResult[];

  constructor(failed: readonly CaseResult[], total: number) {
    const first = failed.slice(0, 3).map((c) => `${c.name}: ${c.error ?? 'failed'}`).join('; ');
    super(`${failed.length} of ${total} cases failed: ${first}${failed.length > 3 ? '; …' : ''}`);
    this.name = 'CasesFailedError';
    this.failed = failed;
  }
}

/** JSON-safe copy of a value, so results survive the trip from worker to reporter. */
function jsonSafe(value: unknown): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : Buffer.isBuffer(v) ? v.toString('base64') : v)));
  } catch {
    return String(value);
  }
}

/** A step's result is kept as what it observed (e.g. the RPCs a statistical verdict took), unless it is bulky. */
function smallJson(value: unknown): unknown {
  if (value === undefined || value === null || typeof value === 'function') return undefined;
  const safe = jsonSafe(value);
  return JSON.stringify(safe).length <= 4096 ? safe : undefined;
}

function failure(name: string, startedAt: number, error: unknown, now: () => number): CaseResult {
  const detail = error as { expected?: unknown; observed?: unknown; attempts?: unknown };
  return {
    name,
    outcome: 'failed',
    durationMs: now() - startedAt,
    error: describeError(error),
    ...(detail?.expected !== undefined ? { expected: jsonSafe(detail.expected) } : {}),
    ...(detail?.observed !== undefined ? { observed: jsonSafe(detail.observed) } : {}),
    ...(typeof detail?.attempts === 'number' ? { attempts: detail.attempts } : {}),
  };
}

/** Collects the case results of one test: from `cases()`, `step()` and the gRPC helpers. */
export class CaseRecorder {
  readonly #results: CaseResult[] = [];
  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  get results(): readonly CaseResult[] {
    return this.#results;
  }

  record(result: CaseResult): void {
    this.#results.push({ ...result, expected: jsonSafe(result.expected), observed: jsonSafe(result.observed) });
  }

  async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const startedAt = this.#now();
    try {
      const value = await fn();
      const observed = smallJson(value);
      this.#results.push({ name, outcome: 'passed', durationMs: this.#now() - startedAt, ...(observed === undefined ? {} : { observed }) });
      return value;
    } catch (error) {
      this.#results.push(failure(name, startedAt, error, this.#now));
      throw error;
    }
  }

  async cases<C extends { name?: string }>(list: readonly C[], fn: (c: C) => Promise<void>): Promise<void> {
    const settled = await Promise.all(
      list.map(async (c, i): Promise<CaseResult> => {
        const name = caseName(c, i);
        const startedAt = this.#now();
        try {
          await fn(c);
          return { name, outcome: 'passed', durationMs: this.#now() - startedAt };
        } catch (error) {
          return failure(name, startedAt, error, this.#now);
        }
      }),
    );
    this.#results.push(...settled);
    const failed = settled.filter((r) => r.outcome === 'failed');
    if (failed.length > 0) throw new CasesFailedError(failed, settled.length);
  }
}
