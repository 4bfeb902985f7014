import { embeddedClusterProvider } from './embedded.ts';
import { existingClusterProvider } from './existing.ts';
import { registerClusterProvider } from './provider.ts';

// Importing this module makes the built-in providers available to createClusterProvider.
registerClusterProvider('embedded', embeddedClusterProvider);
registerClusterProvider('existing', existingClusterProvider);
