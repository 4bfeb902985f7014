import { isIP } from 'node:net';
import { ConfigError } from '../errors.ts';
import { ALL_FEATURE_NAMES, isKnownFeatureName } from '../features/features.ts';
import { PROFILES } from '../features/profiles.ts';
import { INFRA_NAMESPACE } from '../config/defaults.ts';
import { suggest } from '../config/did-you-mean.ts';

// Parsers for option values as text; every one throws ConfigError naming what is wrong.

export function parseBoolean(raw: string): boolean {
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw new ConfigError(`expected true or false, got "${raw}"`);
}

export function parseText(raw: string): string {
  const v = raw.trim();
  if (v === '') throw new ConfigError('expected a value, got an empty string');
  return v;
}

/** Comma-separated, blanks dropped; an empty list is refused because it is always a mistake. */
export function parseList(raw: string): string[] {
  const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new ConfigError('expected a comma-separated list, got nothing');
  return items;
}

function oneOf(kind: string, name: string, known: readonly string[]): void {
  if (known.includes(name)) return;
  const hint = suggest(name, known);
  throw new ConfigError(`unknown ${kind} "${name}"${hint ? ` (did you mean ${hint}?)` : ''}; known: ${known.join(', ')}`);
}

/** Upstream's names and ours; anything else is a typo or a name of neither, so it is refused. */
export function parseFeatureList(raw: string): string[] {
  const names = parseList(raw);
  for (const name of names) if (!isKnownFeatureName(name)) oneOf('feature', name, ALL_FEATURE_NAMES);
  return names;
}

export function parseProfileList(raw: string): string[] {
  const names = parseList(raw);
  for (const name of names) oneOf('conformance profile', name, PROFILES.map((p) => p.name));
  return names;
}

export function parseEnum<T extends string>(values: readonly T[]): (raw: string) => T {
  return (raw) => {
    const v = raw.trim();
    oneOf('value', v, values);
    return v as T;
  };
}

/** A whole number 0..64511, so that port 1023 + N is still a port. */
export function parsePortOffset(raw: string): number {
  const v = raw.trim();
  if (!/^\d+$/.test(v) || Number(v) > 64511) throw new ConfigError(`expected a whole number from 0 to 64511, got "${raw}"`);
  return Number(v);
}

const HOST_PORT = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/;
const K8S_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** `ns/name=host[:port]` or `name=host[:port]` (name in the infra namespace); adds to `previous`. */
/** `FROM_HOST[:PORT]=TO_HOST:PORT` for --dial-map. */
export function parseDialMap(raw: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = raw.indexOf('=');
  const example = 'e.g. 203.0.113.7:80=127.0.0.1:18080';
  const from = raw.slice(0, Math.max(eq, 0)).trim();
  const to = raw.slice(eq + 1).trim();
  const toPort = HOST_PORT.exec(to)?.[1];
  if (eq <= 0 || !HOST_PORT.test(from) || toPort === undefined || Number(toPort) < 1 || Number(toPort) > 65535) {
    throw new ConfigError(`bad dial mapping "${raw}"; use FROM_HOST[:PORT]=TO_HOST:PORT, ${example}`);
  }
  return { ...previous, [from]: to };
}

export function parseGatewayAddress(raw: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = raw.indexOf('=');
  const example = 'e.g. same-namespace=127.0.0.1:8080';
  if (eq <= 0) throw new ConfigError(`bad gateway address "${raw}"; use NAME=HOST[:PORT], ${example}`);
  const name = raw.slice(0, eq).trim();
  const address = raw.slice(eq + 1).trim();
  const parts = name.split('/');
  if (parts.length > 2 || !parts.every((p) => K8S_NAME.test(p))) {
    throw new ConfigError(`bad gateway name "${name}" in "${raw}"; use ns/name or name, ${example}`);
  }
  const match = HOST_PORT.exec(address);
  const port = match?.[1] === undefined ? undefined : Number(match[1]);
  if (!match || (port !== undefined && (port < 1 || port > 65535))) {
    throw new ConfigError(`bad address "${address}" in "${raw}"; use HOST or HOST:PORT, ${example}`);
  }
  const key = parts.length === 2 ? name : `${INFRA_NAMESPACE}/${name}`;
  return { ...previous, [key]: address };
}

const HOSTNAME = /^(?:\*\.)?[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** A Gateway spec address value: an IP (requested as IPAddress) or a DNS name (as Hostname), like upstream's flags. */
export function parseStaticAddress(raw: string): string {
  const v = parseText(raw);
  if (isIP(v) === 0 && !HOSTNAME.test(v)) throw new ConfigError(`expected an IP address or a DNS hostname, got "${raw}"`);
  return v;
}
