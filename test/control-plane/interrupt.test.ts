// Ctrl-C during the control plane's setup: the run exits 130 and the network namespace goes,
// with every process in it. A second Ctrl-C ends the run at once, and the namespace still goes.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { locateBinaries } from '../../harness/cluster/control-plane/binaries.ts';
import { announcedNamespace, announcedRunFolder, namespaceLeft, processesOfRun, runCli } from './cli-run.ts';

const isRoot = process.getuid?.() === 0;
const built = (() => {
  try {
    locateBinaries({});
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!isRoot || !built)('--cluster=control-plane interrupted', () => {
  for (const presses of [1, 2]) {
    it(`${presses} Ctrl-C once kube-apiserver is ready`, async () => {
      let sent = 0;
      const run = await runCli(['--cluster=control-plane', '--report-dir', `${tmpdir()}/grpcconf-interrupt-reports`], {
        onStderr: (text, kill) => {
          if (sent === 0 && text.includes('kube-apiserver ready')) {
            for (; sent < presses; sent++) kill('SIGINT');
          }
        },
      });
      expect(sent, run.stderr).toBe(presses);
      expect(run.code, run.stderr).toBe(130);
      expect(announcedNamespace(run.stderr)).toBeDefined();
      expect(namespaceLeft(run.stderr)).toBeUndefined();
      expect(existsSync(announcedRunFolder(run.stderr) ?? '/nonexistent')).toBe(false);
      expect(processesOfRun(run.stderr)).toEqual([]);
    }, 120_000);
  }
});
