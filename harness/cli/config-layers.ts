import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { ConfigInput, ConfigLayer } from '../config/config-input.ts';
import { suggest } from '../config/did-you-mean.ts';
import { ConfigError, describeError } from '../errors.ts';
import { envName, OPTIONS, type OptionSpec } from './options.ts';

/** Parses `raw` for `option` into `layer`, prefixing any error with where the value came from. */
export function applyRaw(layer: ConfigLayer, option: OptionSpec, raw: string, source: string): void {
  const key = option.key;
  try {
    const previous = layer[key];
    (layer as Record<string, unknown>)[key] = option.parse(raw, previous as never);
  } catch (error) {
    throw new ConfigError(`${source}: ${describeError(error)}`, { cause: error });
  }
}

/** Reads GRPCCONF_* variables; an unknown GRPCCONF_ name is an error, like an unknown flag. */
export function layerFromEnv(env: Readonly<Record<string, string | undefined>>): ConfigLayer {
  const byEnv = new Map(OPTIONS.map((o) => [envName(o), o]));
  const layer: ConfigLayer = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('GRPCCONF_') || value === undefined) continue;
    const option = byEnv.get(name);
    if (!option) {
      const hint = suggest(name, [...byEnv.keys()]);
      throw new ConfigError(`unknown environment variable ${name}${hint ? ` (did you mean ${hint}?)` : ''}; see --help`);
    }
    const entries = option.repeatable ? value.split(',').filter((e) => e.trim() !== '') : [value];
    for (const entry of entries) applyRaw(layer, option, entry, name);
  }
  return layer;
}

/** YAML scalars, lists and maps as the text the flag parsers take; a map becomes `k=v` entries. */
function toEntries(value: unknown, option: OptionSpec, where: string): string[] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return option.repeatable ? value.map(String) : [value.join(',')];
  }
  if (option.mergeByKey && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).map(([k, v]) => `${k}=${String(v)}`);
  }
  throw new ConfigError(`${where}: unsupported value ${JSON.stringify(value)}`);
}

/** Reads the options file; keys are the options' camelCase names. */
export async function layerFromFile(path: string): Promise<ConfigLayer> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read options file ${path}: ${describeError(error)}; check --options-file`, { cause: error });
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`options file ${path} is not valid YAML (${describeError(error)}); fix the file or pass another --options-file`, { cause: error });
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ConfigError(`options file ${path} must be a YAML mapping of option names to values`);
  }
  const byKey = new Map(OPTIONS.map((o) => [o.key as string, o]));
  const layer: ConfigLayer = {};
  for (const [key, value] of Object.entries(doc)) {
    const option = byKey.get(key);
    if (!option || key === 'optionsFile') {
      const hint = suggest(key, [...byKey.keys()].filter((k) => k !== 'optionsFile'));
      throw new ConfigError(`options file ${path}: unknown key "${key}"${hint ? ` (did you mean ${hint}?)` : ''}`);
    }
    const where = `options file ${path}: ${key}`;
    for (const entry of toEntries(value, option, where)) applyRaw(layer, option, entry, where);
  }
  return layer;
}

/** Later layers win; options marked mergeByKey merge their maps instead. */
export function mergeLayers(layers: readonly ConfigLayer[]): ConfigLayer {
  const merged: Record<string, unknown> = {};
  const mergeKeys = new Set<string>(OPTIONS.filter((o) => o.mergeByKey).map((o) => o.key));
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer) as [keyof ConfigInput, unknown][]) {
      if (value === undefined) continue;
      merged[key] = mergeKeys.has(key) ? { ...(merged[key] as object | undefined), ...(value as object) } : value;
    }
  }
  return merged as ConfigLayer;
}
