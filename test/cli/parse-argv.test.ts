import { describe, expect, it } from 'vitest';
import { renderHelp } from '../../harness/cli/help.ts';
import { envName, OPTIONS } from '../../harness/cli/options.ts';
import { parseArgv } from '../../harness/cli/parse-argv.ts';

describe('parseArgv', () => {
  it('defaults to run with only the flags actually given', () => {
    expect(parseArgv([])).toEqual({ command: 'run', flags: {} });
    expect(parseArgv(['--keep', '--mode', 'x', '--cluster=existing'])).toEqual({
      command: 'run',
      flags: { keep: true, mode: 'x', cluster: 'existing' },
    });
  });

  it('reads subcommands and their own flags', () => {
    expect(parseArgv(['list', '--json'])).toEqual({ command: 'list', flags: {}, json: true });
    expect(parseArgv(['embedded', '--kubeconfig-out', '/tmp/kc', '--no-reference-gateway'])).toEqual({
      command: 'embedded',
      flags: {},
      kubeconfigOut: '/tmp/kc',
      referenceGateway: false,
    });
    expect(parseArgv(['--gateway-class', 'x', '--help'])).toEqual({ command: 'help' });
  });

  it.each([
    [['--gatway-class', 'x'], 'unknown flag --gatway-class (did you mean --gateway-class?); see --help'],
    [['--gateway-class'], '--gateway-class needs a value; see --help'],
    [['--mode', 'a', '--mode', 'b'], '--mode given more than once; pass it once'],
    [['lst'], 'unexpected argument "lst" (did you mean list?); see --help'],
    [['--json'], '--json belongs to the `list` subcommand; see --help'],
    [['embedded'], 'embedded needs --kubeconfig-out PATH (where to write the kubeconfig)'],
    [['--cluster', 'kinda'], '--cluster: unknown value "kinda" (did you mean kind?); known: embedded, existing, kind'],
    [['--gateway-address', 'same-namespace'], '--gateway-address: bad gateway address "same-namespace"; use NAME=HOST[:PORT], e.g. same-namespace=127.0.0.1:8080'],
    [['--gateway-address', 'gw=host:99999'], '--gateway-address: bad address "host:99999" in "gw=host:99999"; use HOST or HOST:PORT, e.g. same-namespace=127.0.0.1:8080'],
    [['--keep=perhaps'], '--keep: expected true or false, got "perhaps"'],
    [['--supported-features', ','], '--supported-features: expected a comma-separated list, got nothing'],
  ])('refuses %j with one clear line', (argv, message) => {
    expect(() => parseArgv(argv)).toThrow(message);
  });
});

describe('option table', () => {
  it('has one entry per flag with a GRPCCONF_ env name and appears in --help', () => {
    const help = renderHelp();
    const flags = OPTIONS.map((o) => o.flag);
    expect(new Set(flags).size).toBe(flags.length);
    for (const option of OPTIONS) {
      expect(envName(option)).toMatch(/^GRPCCONF_[A-Z_]+$/);
      expect(help).toContain(`--${option.flag}`);
      expect(help).toContain(envName(option));
    }
    expect(envName(OPTIONS.find((o) => o.flag === 'gateway-class')!)).toBe('GRPCCONF_GATEWAY_CLASS');
  });
});
