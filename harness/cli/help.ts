import { envName, OPTIONS } from './options.ts';
import { COMMAND_FLAGS } from './parse-argv.ts';

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join(`\n${indent}`);
}

/** The --help text, generated from the option table. */
export function renderHelp(): string {
  const indent = '      ';
  const options = OPTIONS.map((o) => {
    const head = `  --${o.flag}${o.arg ? ` ${o.arg}` : ''}`;
    const tail = [o.defaultText ? `default: ${o.defaultText}` : undefined, `env: ${envName(o)}`].filter(Boolean).join('; ');
    return `${head}\n${indent}${wrap(`${o.description} (${tail})`, 90, indent)}`;
  });
  const commandFlags = (name: keyof typeof COMMAND_FLAGS) =>
    COMMAND_FLAGS[name].map((f) => `  --${f.flag}${'arg' in f ? ` ${f.arg}` : ''}\n${indent}${f.description}`);
  return [
    'Usage: grpcroute-conformance [run] [options]',
    '       grpcroute-conformance list [--json] [--gateway-api-version VERSION]',
    '       grpcroute-conformance embedded --kubeconfig-out PATH [--no-reference-gateway]',
    '       grpcroute-conformance echo-image --push REGISTRY/NAME:TAG [--platform LIST]',
    '       grpcroute-conformance version',
    '',
    'Runs the GRPCRoute conformance suite against a Gateway API implementation. With no options it',
    'starts an embedded cluster with the reference gateway and runs every test.',
    '',
    'Commands:',
    '  run (default)  run the suite; exit 0 when no test failed, 1 when one did, 2 for bad input or setup failure',
    '  list           print the tests with their features, support level, report profile and first upstream release; with --gateway-api-version only that release\'s tests (needs no cluster)',
    '  embedded       start the embedded cluster (and the reference gateway) until interrupted',
    '  echo-image     build the echo-server image and push it to your registry (clusters that cannot pull ghcr.io); prints the --echo-image flag to use',
    '  version        print this suite\'s version and the Gateway API releases it supports (--version is the implementation\'s, for reports)',
    '',
    'Options (precedence: defaults < --options-file < environment < flags):',
    ...options,
    '',
    'list options:',
    ...commandFlags('list'),
    '',
    'embedded options:',
    ...commandFlags('embedded'),
    '',
    'echo-image options:',
    ...commandFlags('echo-image'),
    '',
    'Durations: 500ms, 30s, 2m, 1m30s. Lists are comma-separated. Booleans in env/file: true or false.',
    '',
  ].join('\n');
}
