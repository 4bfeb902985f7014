import { fileURLToPath } from 'node:url';

/**
 * The root of the code and its files (fixtures, protos, manifests), independent of the caller's
 * cwd: the checkout, or dist/ of the npm package, which mirrors the checkout's layout.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The Vitest adapter, relative to PROJECT_ROOT: TypeScript in the checkout, compiled in the package. */
export const ADAPTER_FILE = import.meta.url.endsWith('.ts') ? 'suites/conformance.test.ts' : 'suites/conformance.test.js';
