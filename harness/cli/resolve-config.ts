import { resolve } from 'node:path';
import type { ConfigLayer } from '../config/config-input.ts';
import { finalizeConfig } from '../config/finalize-config.ts';
import type { ResolvedConfig } from '../config/types.ts';
import { layerFromEnv, layerFromFile, mergeLayers } from './config-layers.ts';

export interface ResolveInput {
  /** Only the flags the user set (from parseArgv). */
  readonly flags: ConfigLayer;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly knownTests?: readonly string[];
  readonly runId?: string;
}

/** defaults < options file < GRPCCONF_* environment < flags set; the result is frozen. */
export async function resolveConfig(input: ResolveInput): Promise<ResolvedConfig> {
  const envLayer = layerFromEnv(input.env);
  const optionsFile = input.flags.optionsFile ?? envLayer.optionsFile;
  const fileLayer = optionsFile ? await layerFromFile(resolve(input.cwd, optionsFile)) : {};
  const merged = mergeLayers([fileLayer, envLayer, input.flags]);
  return finalizeConfig(merged, {
    cwd: input.cwd,
    ...(input.knownTests ? { knownTests: input.knownTests } : {}),
    ...(input.runId ? { runId: input.runId } : {}),
  });
}
