import type { ConfigLayer } from '../config/config-input.ts';
import { ConfigError } from '../errors.ts';

const EXAMPLE = 'e.g. --push registry.example/echo-server:v1';
// A reference with a tag: [registry[:port]/]path:tag. No digest: a push names what it creates.
const TAGGED_REFERENCE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

/** `echo-image --push REF [--platform LIST]`, checked before Docker is asked anything. */
export function parseEchoImageArgs(flags: ConfigLayer, values: ReadonlyMap<string, string | true>): { command: 'echo-image'; push: string; platforms?: string[] } {
  if (Object.keys(flags).length > 0) throw new ConfigError(`echo-image takes only --push and --platform, not --${Object.keys(flags)[0]}; see --help`);
  const push = values.get('push');
  if (typeof push !== 'string' || push.trim() === '') throw new ConfigError(`echo-image needs --push REGISTRY/NAME:TAG (where to push the image), ${EXAMPLE}`);
  if (!TAGGED_REFERENCE.test(push)) {
    throw new ConfigError(`echo-image --push "${push}" is not a lowercase image reference with a tag (REGISTRY/NAME:TAG), ${EXAMPLE}`);
  }
  const platform = values.get('platform');
  if (platform === undefined) return { command: 'echo-image', push };
  const platforms = typeof platform === 'string' ? platform.split(',').map((p) => p.trim()) : [];
  const bad = platforms.find((p) => !PLATFORM.test(p));
  if (platforms.length === 0 || bad !== undefined) {
    throw new ConfigError(`echo-image --platform: "${bad ?? ''}" is not OS/ARCH[/VARIANT]; use a comma list such as linux/amd64,linux/arm64`);
  }
  return { command: 'echo-image', push, platforms };
}
