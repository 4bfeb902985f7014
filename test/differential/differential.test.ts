import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CASES } from './cases/index.ts';
import type { DifferentialCase } from './case.ts';
import { constraintCovered, ruleCovered, type RealRefusal } from './coverage.ts';
import { COVERED_CRDS, readCrdInventory, type CoveredKind, type CrdInventory } from './crd-rules.ts';
import { runTable } from './run-table.ts';
import { CRD_SETS, realServerAvailable, startEmbeddedServer, startRealServer, type CrdSet, type ServerUnderTest } from './servers.ts';
import { normaliseField, verdictOf, type Observed } from './verdict.ts';

const nameOf = (set: CrdSet): string => `${set.version} ${set.channel}`;

interface ChannelRun {
  readonly cases: readonly DifferentialCase[];
  readonly real: readonly Observed[];
  readonly embedded: readonly Observed[];
  readonly inventory: CrdInventory;
}

function expectedText(c: DifferentialCase): string {
  return c.expect === 'accepted' ? 'accepted' : c.expect.refusedAt;
}

describe.skipIf(!realServerAvailable())('differential validation: embedded cluster vs kube-apiserver with the upstream CRDs', () => {
  const runs = new Map<string, ChannelRun>();
  const servers: ServerUnderTest[] = [];

  // Every CRD set at once: most of the time is the real servers starting, which overlaps well.
  beforeAll(async () => {
    await Promise.all(
      CRD_SETS.map(async (set) => {
        const { channel, version } = set;
        const cases = ALL_CASES.filter((c) => (!c.channels || c.channels.includes(channel)) && (!c.releases || c.releases.includes(version)));
        const started = Date.now();
        // Settled, not all: a server that did start must still be stopped when the other fails.
        const [real, embedded] = await Promise.allSettled([startRealServer(set), startEmbeddedServer(set)]);
        for (const s of [real, embedded]) if (s.status === 'fulfilled') servers.push(s.value);
        if (real.status === 'rejected') throw real.reason;
        if (embedded.status === 'rejected') throw embedded.reason;
        const inventory = await readCrdInventory(set);
        const ready = Date.now();
        const [realResults, embeddedResults] = await Promise.all([runTable(real.value.client, cases), runTable(embedded.value.client, cases)]);
        console.log(`${nameOf(set)}: servers ready in ${ready - started} ms, ${cases.length} cases on both in ${Date.now() - ready} ms`);
        runs.set(nameOf(set), { cases, real: realResults, embedded: embeddedResults, inventory });
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  }, 30_000);

  it('has at least 150 cases, half of them valid', () => {
    const valid = ALL_CASES.filter((c) => c.expect === 'accepted').length;
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(150);
    expect(valid).toBeGreaterThanOrEqual(75);
    expect(ALL_CASES.length - valid).toBeGreaterThanOrEqual(75);
    expect(Math.abs(2 * valid - ALL_CASES.length)).toBeLessThanOrEqual(ALL_CASES.length / 10);
    expect(new Set(ALL_CASES.map((c) => c.name)).size).toBe(ALL_CASES.length);
  });

  for (const channel of CRD_SETS.map(nameOf)) {
    describe(channel, () => {
      it('the real server gives each case the verdict the table expects', () => {
        const run = runs.get(channel)!;
        const wrong = run.cases
          .map((c, i) => ({ c, got: verdictOf(run.real[i]!) }))
          .filter(({ c, got }) => (c.expect === 'accepted' ? got !== 'accepted' : !got.split(' + ').includes(c.expect.refusedAt)))
          .map(({ c, got }) => `${c.name}: expected ${expectedText(c)}, real server: ${got}`);
        expect(wrong).toEqual([]);
      });

      it('the embedded cluster gives every case the real server\'s verdict', () => {
        const run = runs.get(channel)!;
        const differing = run.cases
          .map((c, i) => ({ c, i }))
          .filter(({ i }) => verdictOf(run.real[i]!) !== verdictOf(run.embedded[i]!))
          .map(({ c, i }) => `${c.name}: real ${describeObserved(run.real[i]!)}; embedded ${describeObserved(run.embedded[i]!)}`);
        expect(differing).toEqual([]);
      });

      // Stricter than the verdict: kubectl users read the messages, so they must read the same.
      it('the embedded cluster words every cause as the real server does, with the same reason', () => {
        const run = runs.get(channel)!;
        const differing = run.cases
          .map((c, i) => ({ c, real: messagesOf(run.real[i]!), embedded: messagesOf(run.embedded[i]!) }))
          .filter(({ real, embedded }) => real !== embedded)
          .map(({ c, real, embedded }) => `${c.name}:\n  real     ${real}\n  embedded ${embedded}`);
        expect(differing).toEqual([]);
      });

      it('every CEL rule of the covered CRDs is triggered on the real server', () => {
        const run = runs.get(channel)!;
        const refusals = realRefusals(run);
        const missed = run.inventory.rules.filter((r) => !ruleCovered(r, refusals)).map((r) => `${r.kind} ${r.path}: ${r.message}`);
        console.log(`${channel} CEL rules covered: ${summary(run.inventory.rules, (r) => ruleCovered(r, refusals))}`);
        expect(missed).toEqual([]);
      });

      it('each kind of schema constraint of each CRD is triggered on the real server', () => {
        const run = runs.get(channel)!;
        const refusals = realRefusals(run);
        const covered = (c: CrdInventory['constraints'][number]): boolean => constraintCovered(c, refusals);
        console.log(`${channel} schema constraints covered: ${summary(run.inventory.constraints, covered)}`);
        const missed: string[] = [];
        for (const kind of Object.keys(COVERED_CRDS) as CoveredKind[]) {
          for (const keyword of ['maxItems', 'maxLength', 'pattern', 'enum', 'required'] as const) {
            const sites = run.inventory.constraints.filter((c) => c.kind === kind && c.keyword === keyword && c.path.startsWith('spec.'));
            if (sites.length > 0 && !sites.some(covered)) missed.push(`${kind} ${keyword}`);
          }
        }
        expect(missed).toEqual([]);
      });
    });
  }
});

// The verdict, then the causes, so a difference can be fixed from the failure message alone.
function describeObserved(observed: Observed): string {
  if (observed.accepted) return 'accepted';
  return `${verdictOf(observed)} ${JSON.stringify(observed.causes)}`;
}

function messagesOf(observed: Observed): string {
  if (observed.accepted) return 'accepted';
  return observed.causes
    .map((c) => `${normaliseField(c.field)}: ${c.message} (${c.reason})`)
    .sort()
    .join(' | ');
}

function realRefusals(run: ChannelRun): RealRefusal[] {
  return run.cases.flatMap((c, i) => {
    const observed = run.real[i]!;
    return observed.accepted || c.expect === 'accepted' ? [] : [{ kind: c.object.kind, causes: observed.causes }];
  });
}

function summary<T extends { kind: CoveredKind }>(items: readonly T[], covered: (item: T) => boolean): string {
  return (Object.keys(COVERED_CRDS) as CoveredKind[])
    .map((kind) => {
      const ofKind = items.filter((i) => i.kind === kind);
      return `${kind} ${ofKind.filter(covered).length}/${ofKind.length}`;
    })
    .join(', ');
}
