import { runCli } from './run-cli.ts';

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
// Exit explicitly: a library may keep a handle open (a watch, a keep-alive socket) after the run.
process.stdout.write('', () => process.exit(code));
// A reader that stopped reading our stdout (a stuck pipe) must not keep a finished run alive.
setTimeout(() => process.exit(code), 5_000).unref();
