import type { ConfigLayer } from '../config/config-input.ts';
import { suggest } from '../config/did-you-mean.ts';
import { ConfigError } from '../errors.ts';
import { applyRaw } from './config-layers.ts';
import { parseEchoImageArgs } from './echo-image-args.ts';
import { isSwitch, OPTIONS, type OptionSpec } from './options.ts';
import { parseBoolean } from './value-parsers.ts';

export type ParsedArgs =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'run'; readonly flags: ConfigLayer }
  | { readonly command: 'list'; readonly flags: ConfigLayer; readonly json: boolean }
  | { readonly command: 'echo-image'; readonly push: string; readonly platforms?: readonly string[] }
  | {
      readonly command: 'embedded';
      readonly flags: ConfigLayer;
      readonly kubeconfigOut: string;
      readonly referenceGateway: boolean;
    };

/** Flags that belong to one subcommand rather than to the run config. */
export const COMMAND_FLAGS = {
  list: [{ flag: 'json', description: 'print the tests as a JSON array' }],
  embedded: [
    { flag: 'kubeconfig-out', arg: 'PATH', description: 'where to write the kubeconfig of the embedded cluster (required)' },
    { flag: 'no-reference-gateway', description: 'start only the API server and workloads, without the reference gateway' },
  ],
  'echo-image': [
    { flag: 'push', arg: 'REGISTRY/NAME:TAG', description: 'build the echo-server image from this checkout and push it there (required)' },
    { flag: 'platform', arg: 'LIST', description: 'build for these platforms, e.g. linux/amd64,linux/arm64 (default: the Docker daemon\'s own)' },
  ],
} as const;

const COMMANDS = ['run', 'list', 'embedded', 'echo-image', 'version', 'help'] as const;

function allFlagNames(): string[] {
  return [...OPTIONS.map((o) => o.flag), ...Object.values(COMMAND_FLAGS).flatMap((fs) => fs.map((f) => f.flag)), 'help'];
}

function unknownFlag(name: string): ConfigError {
  const hint = suggest(name, allFlagNames());
  return new ConfigError(`unknown flag --${name}${hint ? ` (did you mean --${hint}?)` : ''}; see --help`);
}

/**
 * Splits argv into the subcommand, its own flags and the config flags the user actually set
 * (only those: defaults are applied later, below the options file and environment).
 */
export function parseArgv(argv: readonly string[]): ParsedArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  let command: (typeof COMMANDS)[number] | undefined;
  const flags: ConfigLayer = {};
  const commandValues = new Map<string, string | true>();
  const byFlag = new Map<string, OptionSpec>(OPTIONS.map((o) => [o.flag, o]));
  const seen = new Set<string>();

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('--')) {
      if (command === undefined && (COMMANDS as readonly string[]).includes(token)) {
        command = token as (typeof COMMANDS)[number];
        continue;
      }
      const hint = suggest(token, COMMANDS);
      throw new ConfigError(`unexpected argument "${token}"${hint ? ` (did you mean ${hint}?)` : ''}; see --help`);
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);
    const option = byFlag.get(name);
    const commandFlag = Object.values(COMMAND_FLAGS).flat().find((f) => f.flag === name);
    if (!option && !commandFlag) throw unknownFlag(name);
    const takesValue = option ? !isSwitch(option) : commandFlag !== undefined && 'arg' in commandFlag;
    let value: string | undefined = inline;
    if (takesValue && value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new ConfigError(`--${name} needs a value; see --help`);
      value = next;
      i++;
    }
    if (seen.has(name) && !option?.repeatable) throw new ConfigError(`--${name} given more than once; pass it once`);
    seen.add(name);
    if (option) {
      applyRaw(flags, option, value ?? 'true', `--${name}`);
    } else {
      commandValues.set(name, value ?? true);
    }
  }

  const chosen = command ?? 'run';
  if (chosen === 'help') return { command: 'help' };
  if (chosen === 'version') {
    if (Object.keys(flags).length > 0 || commandValues.size > 0) throw new ConfigError('version takes no flags (--version is the implementation version of a run); see --help');
    return { command: 'version' };
  }
  for (const [name] of commandValues) {
    const owner = (Object.keys(COMMAND_FLAGS) as (keyof typeof COMMAND_FLAGS)[]).find((c) => COMMAND_FLAGS[c].some((f) => f.flag === name));
    if (owner !== chosen) throw new ConfigError(`--${name} belongs to the \`${owner}\` subcommand; see --help`);
  }
  const bool = (name: string): boolean => {
    const v = commandValues.get(name);
    return v === undefined ? false : v === true ? true : parseBoolean(v);
  };
  if (chosen === 'list') return { command: 'list', flags, json: bool('json') };
  if (chosen === 'echo-image') return parseEchoImageArgs(flags, commandValues);
  if (chosen === 'embedded') {
    const out = commandValues.get('kubeconfig-out');
    if (typeof out !== 'string' || out.trim() === '') {
      throw new ConfigError('embedded needs --kubeconfig-out PATH (where to write the kubeconfig)');
    }
    return { command: 'embedded', flags, kubeconfigOut: out, referenceGateway: !bool('no-reference-gateway') };
  }
  return { command: 'run', flags };
}
