#!/usr/bin/env node
// `npm run peer -- NAME [flags]`: the whole suite against a real implementation we did not write,
// on the real control plane, with the usual reports in reports/NAME/. Extra flags pass through.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const versions = Object.fromEntries(
  readFileSync(join(root, 'tools/real-peers/versions.env'), 'utf8')
    .split('\n')
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).replace(/^"|"$/g, '')]),
);

const PEERS = {
  traefik: [
    '--control-plane-gateway=traefik',
    '--gateway-class=traefik',
    '--organization=traefik',
    '--project=traefik',
    '--url=https://github.com/traefik/traefik',
    `--version=v${versions.TRAEFIK_VERSION}`,
  ],
};

const [name, ...rest] = process.argv.slice(2);
if (!name || !(name in PEERS)) {
  process.stderr.write(`error: name a peer implementation: npm run peer -- ${Object.keys(PEERS).join('|')} [flags]\n`);
  process.exit(2);
}
const args = [join(root, 'bin/grpcroute-conformance.js'), '--cluster=control-plane', '--report-dir', join('reports', name), ...PEERS[name], ...rest];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
// The CLI handles Ctrl-C itself (it shares our process group); this process only waits for it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {});
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
