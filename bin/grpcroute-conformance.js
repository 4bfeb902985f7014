#!/usr/bin/env node
// From the checkout the CLI runs its TypeScript through tsx; the npm package ships it compiled
// (dist/), which starts about twice as fast (docs/library.md, "Startup").
import { existsSync } from 'node:fs';

const source = new URL('../lib/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('../dist/lib/main.js');
}
