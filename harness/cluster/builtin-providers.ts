import { embeddedClusterProvider } from './embedded.ts';
import { existingClusterProvider } from './existing.ts';
import { kindClusterProvider } from './kind.ts';
import { registerClusterProvider } from './provider.ts';

// Importing this module makes the built-in providers available to createClusterProvider.
registerClusterProvider('embedded', embeddedClusterProvider);
registerClusterProvider('existing', existingClusterProvider);
registerClusterProvider('kind', (config, log) => kindClusterProvider(config, log));
