#!/usr/bin/env node
// The CLI is TypeScript; tsx's loader lets it run straight from the source tree.
import { register } from 'tsx/esm/api';

register();
await import('../harness/cli/main.ts');
