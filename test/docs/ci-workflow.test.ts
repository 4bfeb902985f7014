import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as WorkflowParser from '@actions/workflow-parser';
import { tsImport } from 'tsx/esm/api';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseArgv } from '../../harness/cli/parse-argv.ts';
import { OPTIONS } from '../../harness/cli/options.ts';

const WORKFLOW_PATH = fileURLToPath(new URL('../../docs/ci/grpcroute-conformance.yaml', import.meta.url));
const GUIDE_PATH = fileURLToPath(new URL('../../docs/ci/github-actions.md', import.meta.url));
const WORKFLOW = readFileSync(WORKFLOW_PATH, 'utf8');

/**
 * The only action majors the workflow may use: the newest of each, so a vendor who copies it gets
 * no Node 20 deprecation warnings (GitHub removed Node 20 from runners on 2026-09-16). Raise a
 * major here only after checking its release notes; each was checked on 2026-12-02.
 */
const CURRENT_MAJORS: Readonly<Record<string, number>> = {
  // v7.0.0 (2026-06, Node 24 runtime, safer pull_request_target defaults); v7.0.1 2026-07-21.
  // Seen in the bump PRs apache/accumulo#6481 and crate/crate#19635.
  'actions/checkout': 7,
  // v7.0.0 (2026-07); without node-version it keeps the runner's node, so the workflow sets one.
  // Seen in getsentry/snuba#8206 (6.4.0 -> 7.0.0) and firedancer-io/firedancer#11128.
  'actions/setup-node': 7,
  // v7.0.1 is the newest; v8 exists only for download-artifact (uutils/uutils.github.io#57,
  // 2026-06-21). v6 was the first to declare node24 (k0b3n4irb/opensnes#147).
  'actions/upload-artifact': 7,
};

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
}

interface Workflow {
  readonly jobs: Record<string, { readonly steps: readonly Step[]; readonly strategy?: { readonly matrix?: Record<string, readonly string[]> } }>;
}

const workflow = parse(WORKFLOW) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

// Through tsx: the package imports its schema JSON without `with { type: 'json' }`, which Node
// itself refuses (ERR_IMPORT_ASSERTION_TYPE_MISSING) and vitest leaves to Node for node_modules.
const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = (await tsImport(
  '@actions/workflow-parser',
  import.meta.url,
)) as typeof WorkflowParser;

/** GitHub's own parser (the one behind the Actions language service), schema checks included. */
async function workflowErrors(content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: 'grpcroute-conformance.yaml', content }, new NoOperationTraceWriter());
  if (parsed.value) await convertWorkflowTemplate(parsed.context, parsed.value);
  return parsed.context.errors.getErrors().map((e) => e.message);
}

/** Shell words of one command line: quotes removed, nothing expanded ("$VAR" stays as written). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** The arguments the workflow passes to the suite, once per matrix value of `channel`. */
function suiteArgvs(): string[][] {
  const step = steps.find((s) => s.run?.includes('npx') && s.run.includes(' grpcroute-conformance '));
  expect(step, 'a step that runs the suite with npx').toBeDefined();
  const command = step!.run!.replace(/\\\n\s*/g, ' ').split('\n').find((line) => line.trimStart().startsWith('npx '))!;
  const channels = Object.values(workflow.jobs)[0]!.strategy!.matrix!['channel']!;
  return channels.map((channel) => {
    const words = shellWords(command.replace(/\$\{\{\s*matrix\.channel\s*\}\}/g, channel).replace(/\$\{\{\s*github\.sha\s*\}\}/g, '0123abc'));
    return words.slice(words.indexOf('grpcroute-conformance') + 1);
  });
}

describe('docs/ci/grpcroute-conformance.yaml', () => {
  it('is the workflow docs/ci/github-actions.md shows, byte for byte', () => {
    const guide = readFileSync(GUIDE_PATH, 'utf8');
    const embedded = /```yaml\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(embedded).toBe(WORKFLOW);
  });

  it('passes GitHub’s workflow parser and schema, which does catch a broken one', async () => {
    expect(await workflowErrors(WORKFLOW)).toEqual([]);
    expect(await workflowErrors(WORKFLOW.replace('runs-on:', 'runs-onn:'))).toContainEqual(expect.stringContaining("Unexpected value 'runs-onn'"));
    expect(await workflowErrors(WORKFLOW.replace('if: always()', 'if: always('))).toContainEqual(expect.stringContaining('Unexpected end of expression'));
  });

  it('uses every action at its current major, by tag', () => {
    const uses = steps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const ref of uses) {
      const m = /^([\w.-]+\/[\w.-]+)@v(\d+)$/.exec(ref);
      expect(m, `${ref}: pin actions to a major tag, owner/name@vN`).not.toBeNull();
      expect(CURRENT_MAJORS[m![1]!], `${ref}: not in CURRENT_MAJORS of this test`).toBe(Number(m![2]));
    }
    expect(new Set(uses.map((u) => u.split('@')[0]))).toEqual(new Set(Object.keys(CURRENT_MAJORS)));
  });

  it('sets up Node 24 and checks out only the vendor’s own repository', () => {
    const setupNode = steps.find((s) => s.uses?.startsWith('actions/setup-node@')) as Step & { with?: Record<string, unknown> };
    expect(setupNode.with?.['node-version']).toBe(24);
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@')) as (Step & { with?: Record<string, unknown> })[];
    expect(checkouts.map((s) => s.with?.['repository'])).toEqual([undefined]);
  });

  it('uploads the reports and deletes the kind cluster even after a failure or cancellation', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    const clusterName = suiteArgvs()[0]![suiteArgvs()[0]!.indexOf('--kind-cluster-name') + 1];
    const remove = steps.find((s) => /^kind delete cluster\b/.test(s.run?.trim() ?? ''));
    expect(remove?.run?.trim()).toBe(`kind delete cluster --name ${clusterName}`);
    expect(remove?.if).toBe('always()');
    expect(steps.indexOf(remove!)).toBeGreaterThan(steps.findIndex((s) => s.run?.includes(' grpcroute-conformance ')));
  });

  it('passes the suite only flags and values its own parser accepts, on the kind cluster', () => {
    const known = new Set(OPTIONS.map((o) => o.flag));
    for (const argv of suiteArgvs()) {
      const flags = argv.filter((w) => w.startsWith('--')).map((w) => w.slice(2).split('=')[0]!);
      expect(flags.filter((f) => !known.has(f)), 'flags missing from harness/cli/options.ts').toEqual([]);
      const parsed = parseArgv(argv);
      expect(parsed.command).toBe('run');
      expect(parsed.command === 'run' && parsed.flags.cluster).toBe('kind');
    }
  });
});
