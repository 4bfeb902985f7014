// `npm run package:check` (a stage of `npm run verify`): packs the project, installs the tarball
// into an empty folder outside the checkout and uses it from there as a vendor would. Prints one
// line per check, then `N passed, N failed`.
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forbiddenEntries } from './package-contents.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOTALS = /^(\d+) passed, 0 failed(, \d+ skipped)?$/;

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

// npm's own variables (npm_config_local_prefix, npm_package_*) would point a child npm back at the checkout.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'INIT_CWD' && !k.startsWith('GRPCCONF_')));

function run(file: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Ran> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd, env: { ...cleanEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';
const results: { name: string; ok: boolean; detail: string }[] = [];
function record(name: string, ok: boolean, detail: string): boolean {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  return ok;
}
const failure = (r: Ran) => `exit ${r.code}; ${lastLine(r.stderr) || lastLine(r.stdout)}`;

const dir = await mkdtemp(join(tmpdir(), 'grpcconf-package-'));
try {
  const pack = await run('npm', ['pack', '--json', '--pack-destination', dir], ROOT);
  const packed = pack.code === 0 ? (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; size: number; entryCount: number; files: { path: string }[] }[])[0] : undefined;
  if (!record('npm pack', packed !== undefined, packed ? `${packed.filename}, ${(packed.size / 1024).toFixed(0)} KiB, ${packed.entryCount} files` : failure(pack))) throw new Error('no tarball');
  const stray = forbiddenEntries(packed!.files.map((f) => f.path));
  record('tarball holds only what a run needs', stray.length === 0, stray.slice(0, 5).join(', '));

  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'vendor-gateway', private: true, type: 'module' }));
  // --prefer-offline: dependencies come from npm's cache (filled by `npm ci`), the registry only for a miss.
  const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, packed!.filename)], dir);
  if (!record('npm install of the tarball', install.code === 0, install.code === 0 ? `${install.seconds.toFixed(1)} s` : failure(install))) throw new Error('not installed');

  const help = await run('npx', ['grpcroute-conformance', '--help'], dir, { TMPDIR: await mkdtemp(join(tmpdir(), 'grpcconf-cold-')) });
  record('npx grpcroute-conformance --help', help.code === 0 && help.stdout.startsWith('Usage: grpcroute-conformance'), help.code === 0 ? `${help.seconds.toFixed(2)} s cold` : failure(help));

  const version = await run('npx', ['grpcroute-conformance', 'version'], dir);
  const ownVersion = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  record('version', version.code === 0 && version.stdout.startsWith(`grpcroute-conformance ${ownVersion}\n`), version.stdout.trim().replace('\n', '; '));

  const list = await run('npx', ['grpcroute-conformance', 'list', '--json'], dir);
  let listed = 0;
  try {
    listed = (JSON.parse(list.stdout) as unknown[]).length;
  } catch {
    listed = 0;
  }
  record('list --json', list.code === 0 && listed > 0, list.code === 0 ? `${listed} tests` : failure(list));

  const whole = await run('npx', ['grpcroute-conformance'], dir, { CI: 'true' });
  record('whole run against the embedded default', whole.code === 0 && TOTALS.test(lastLine(whole.stdout)), whole.code === 0 ? lastLine(whole.stdout) : failure(whole));
  const report = await stat(join(dir, 'reports', 'conformance-report.yaml')).catch(() => undefined);
  record('reports written to the cwd', report !== undefined, report ? relative(dir, join(dir, 'reports')) : 'no reports/conformance-report.yaml in the cwd');

  const controlPlane = await run('npx', ['grpcroute-conformance', '--cluster=control-plane'], dir, { KUBEBUILDER_ASSETS: '' });
  record(
    '--cluster=control-plane says the Go build is repository-only',
    controlPlane.code === 2 && /checkout/.test(controlPlane.stderr) && controlPlane.stderr.trim().split('\n').length === 1,
    lastLine(controlPlane.stderr),
  );

  for (const file of ['vendor-conformance.test.ts', 'vendor-tests.ts']) await copyFile(join(ROOT, 'docs', 'examples', file), join(dir, file));
  const vendor = await run(process.execPath, [join(dir, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'vendor-conformance.test.ts'], dir, { CI: 'true' });
  record('docs/examples/vendor-conformance.test.ts against the installed package', vendor.code === 0, vendor.code === 0 ? `${vendor.seconds.toFixed(1)} s` : failure(vendor));
} catch (error) {
  if (results.every((r) => r.ok)) record('package check', false, error instanceof Error ? error.message : String(error));
} finally {
  await rm(dir, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
