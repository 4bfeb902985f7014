import { controlPlaneClusterProvider } from './control-plane/provider.ts';
import { embeddedClusterProvider } from './embedded.ts';
import { existingClusterProvider } from './existing.ts';
import { kindClusterProvider } from './kind.ts';
import { withGatewayApiInstall } from './kind/gateway-api-for-existing.ts';
import { registerClusterProvider } from './provider.ts';

// Importing this module makes the built-in providers available to createClusterProvider.
registerClusterProvider('embedded', embeddedClusterProvider);
registerClusterProvider('existing', (config, log) => withGatewayApiInstall(existingClusterProvider(config), config, log));
registerClusterProvider('kind', (config, log) => kindClusterProvider(config, log));
registerClusterProvider('control-plane', (config, log) => controlPlaneClusterProvider(config, log));
