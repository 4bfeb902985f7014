import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Reads upstream's facts (feature names, the GATEWAY-GRPC profile, which tests it holds) out of
 * the real `sigs.k8s.io/gateway-api` modules in Go's module cache, so the test that compares our
 * catalogue with upstream never compares against a copy of ours.
 */
export interface UpstreamModuleFacts {
  readonly version: string;
  /** Every name in upstream's AllFeatures. */
  readonly allFeatures: readonly string[];
  readonly gatewayGrpcCore: readonly string[];
  readonly gatewayGrpcExtended: readonly string[];
  /** Tests whose features all lie in GATEWAY-GRPC, the way upstream's getConformanceProfilesForTest decides. */
  readonly gatewayGrpcTests: readonly { name: string; features: readonly string[]; provisional: boolean }[];
  /** Every Gateway (not mesh) test's ShortName. */
  readonly testNames: readonly string[];
}

function goEnv(name: string): string {
  return execFileSync('go', ['env', name], { encoding: 'utf8' }).trim();
}

/** v1.7.0's go.mod asks for a newer Go than ours; `go mod download` refuses it under the local toolchain. */
function pinnedToolchain(): { GOTOOLCHAIN?: string } {
  const env = readFileSync(new URL('../../tools/real-peers/versions.env', import.meta.url), 'utf8');
  const toolchain = /^GATEWAY_API_GOTOOLCHAIN=(\S+)$/m.exec(env)?.[1];
  return toolchain ? { GOTOOLCHAIN: toolchain } : {};
}

/** The module folders, downloaded through the ordinary Go client when not cached yet. */
export function moduleDirs(version: string): { api: string; conformance: string } | undefined {
  let cache: string;
  try {
    cache = goEnv('GOMODCACHE');
  } catch {
    return undefined;
  }
  const api = join(cache, 'sigs.k8s.io', `gateway-api@${version}`);
  const conformance = join(cache, 'sigs.k8s.io', 'gateway-api', `conformance@${version}`);
  if (!existsSync(api) || !existsSync(conformance)) {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-module-'));
    try {
      writeFileSync(join(dir, 'go.mod'), 'module x\n');
      execFileSync('go', ['mod', 'download', `sigs.k8s.io/gateway-api@${version}`, `sigs.k8s.io/gateway-api/conformance@${version}`], {
        cwd: dir,
        env: { ...process.env, GOFLAGS: '-mod=mod', ...pinnedToolchain() },
        stdio: 'ignore',
        timeout: 120_000,
      });
    } catch {
      return undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return existsSync(api) && existsSync(conformance) ? { api, conformance } : undefined;
}

const goFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));

// Comments would otherwise feed the patterns below names that are only mentioned.
const stripComments = (src: string): string => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

/** Identifiers between the parentheses that follow `marker`, balanced. */
function argumentsAfter(src: string, marker: string): string[] {
  const start = src.indexOf(marker);
  if (start < 0) throw new Error(`upstream source: ${marker} not found`);
  let depth = 0;
  let i = src.indexOf('(', start);
  const from = i;
  for (; i < src.length; i += 1) {
    if (src[i] === '(') depth += 1;
    if (src[i] === ')' && (depth -= 1) === 0) break;
  }
  return [...src.slice(from, i).matchAll(/([A-Za-z_][\w.]*)/g)].map((m) => m[1]!.replace(/^features\./, ''));
}

export function readUpstreamModule(version: string): UpstreamModuleFacts | undefined {
  const dirs = moduleDirs(version);
  if (!dirs) return undefined;
  const featureSrc = stripComments(goFiles(join(dirs.api, 'pkg', 'features')).join('\n'));
  const constants = new Map([...featureSrc.matchAll(/(\w+)\s+(?:FeatureName\s+)?=\s+"([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const featureVars = new Map(
    [...featureSrc.matchAll(/(\w+)\s*=\s*Feature\{\s*Name:\s*(\w+)/g)].map((m) => [m[1]!, constants.get(m[2]!)!]),
  );
  const setOf = (setName: string): string[] =>
    argumentsAfter(featureSrc, `${setName} = sets.New`).flatMap((v) => (featureVars.has(v) ? [featureVars.get(v)!] : []));
  const allBlock = featureSrc.slice(featureSrc.indexOf('AllFeatures = sets.New'));
  const allSets = [...allBlock.slice(0, allBlock.indexOf('\n\n')).matchAll(/(\w+Features)\.UnsortedList/g)].map((m) => m[1]!);
  const allFeatures = [...new Set(allSets.flatMap(setOf))].sort();

  const profiles = stripComments(readFileSync(join(dirs.conformance, 'utils', 'suite', 'profiles.go'), 'utf8'));
  const block = profiles.slice(profiles.indexOf('GatewayGRPCConformanceProfile = ConformanceProfile{'));
  const body = block.slice(0, block.indexOf('\n\t}'));
  const core = argumentsAfter(body, 'CoreFeatures:').flatMap((c) => (constants.has(c) ? [constants.get(c)!] : []));
  const extendedText = body.slice(body.indexOf('ExtendedFeatures:'));
  const extended = [...new Set([...extendedText.matchAll(/features\.(\w+Features)\b/g)].flatMap((m) => setOf(m[1]!)))].sort();

  const inProfile = new Set([...core, ...extended]);
  const tests = goFiles(join(dirs.conformance, 'tests')).flatMap((src) =>
    [...stripComments(src).matchAll(/suite\.ConformanceTest\{([\s\S]*?)\n\t?Test:/g)].flatMap((m) => {
      const decl = m[1]!;
      const name = /ShortName:\s*"(\w+)"/.exec(decl)?.[1];
      if (!name) return [];
      const features = [...(/Features:\s*\[\]features\.FeatureName\{([^}]*)\}/.exec(decl)?.[1] ?? '').matchAll(/features\.(\w+)/g)].map(
        (f) => constants.get(f[1]!) ?? f[1]!,
      );
      return [{ name, features, provisional: /Provisional:\s*true/.test(decl) }];
    }),
  );
  return {
    version,
    allFeatures,
    gatewayGrpcCore: [...core].sort(),
    gatewayGrpcExtended: extended,
    testNames: tests.map((t) => t.name).sort(),
    gatewayGrpcTests: tests.filter((t) => t.features.every((f) => inProfile.has(f))).sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}
