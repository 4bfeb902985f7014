#!/usr/bin/env node
// `npm pack` (prepack): compiles the runtime into dist/ and copies beside it the files the code
// reads at run time, at the same relative paths as in the checkout, so no path changes.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** Read at run time: fixtures, protos, the reference gateway's RBAC, the control plane's pins. */
export const RUNTIME_FILES = [
  'fixtures',
  'echo-server/proto',
  'reference-gateway/install',
  'tools/real-peers/versions.env',
  'tools/real-peers/traefik/rbac.yaml',
];

rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('error: tsc -p tsconfig.build.json failed; the package was not built');
  process.exit(2);
}
for (const path of RUNTIME_FILES) cpSync(join(root, path), join(dist, path), { recursive: true });
// The control plane runs the CLI again inside its network namespace, from PROJECT_ROOT/bin (dist/bin here).
mkdirSync(join(dist, 'bin'));
writeFileSync(join(dist, 'bin', 'grpcroute-conformance.js'), "#!/usr/bin/env node\nimport '../lib/main.js';\n", { mode: 0o755 });
