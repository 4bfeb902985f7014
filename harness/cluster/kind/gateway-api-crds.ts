import { HarnessError } from '../../errors.ts';
import type { KubeClient } from '../../kube/client.ts';
import { checkGatewayApiCrds } from '../../run/preflight.ts';
import type { CommandSpec } from './command.ts';
import { unlessAborted } from './interrupt-during-setup.ts';
import type { GatewayApiChannel, RealClusterSettings } from './real-cluster-settings.ts';
import { explainSafeUpgradesDenial } from './safe-upgrades-policy.ts';
import type { StepLog } from './step-log.ts';

/** The release asset upstream publishes for each channel. */
export function gatewayApiInstallUrl(version: string, channel: GatewayApiChannel): string {
  return `https://github.com/kubernetes-sigs/gateway-api/releases/download/${version}/${channel}-install.yaml`;
}

export function installGatewayApiCrds(kubectl: (args: string[]) => CommandSpec, version: string, channel: GatewayApiChannel): CommandSpec {
  return kubectl(['apply', '--server-side', '-f', gatewayApiInstallUrl(version, channel)]);
}

/** Discovery serves the kinds only once their CRDs are Established. */
export function waitForGatewayApiCrds(kubectl: (args: string[]) => CommandSpec): CommandSpec {
  return kubectl(['wait', '--for=condition=Established', '--timeout=60s', ...['gatewayclasses', 'gateways', 'grpcroutes', 'referencegrants'].map((p) => `crd/${p}.gateway.networking.k8s.io`)]);
}

export interface CrdInstallContext {
  readonly client: KubeClient;
  readonly kubectl: (args: string[]) => CommandSpec;
  readonly run: (spec: CommandSpec) => Promise<string>;
  readonly steps: StepLog;
  readonly signal: AbortSignal;
  readonly settings: Pick<RealClusterSettings, 'gatewayApiVersion' | 'gatewayApiChannel'>;
}

/** Installs the CRDs of --gateway-api-version/--gateway-api-channel when a kind is missing; CRDs already there are left alone. */
export async function ensureGatewayApiCrds(context: CrdInstallContext): Promise<void> {
  const { steps, run, kubectl } = context;
  try {
    const found = await unlessAborted(context.signal, checkGatewayApiCrds(context.client));
    steps.detail(`Gateway API CRDs present: ${found.version} (${found.channel})`);
    return;
  } catch (error) {
    if (!(error instanceof HarnessError && error.code === 'GRPCCONF_CRDS_MISSING')) throw error;
    steps.detail(describeMissing(error));
  }
  const { gatewayApiVersion: version, gatewayApiChannel: channel } = context.settings;
  await steps.step(`Installing Gateway API CRDs ${version} (${channel})`, async () => {
    steps.detail(`from ${gatewayApiInstallUrl(version, channel)}`);
    await run(installGatewayApiCrds(kubectl, version, channel)).catch((error: unknown) => {
      throw explainSafeUpgradesDenial(error);
    });
    await run(waitForGatewayApiCrds(kubectl));
  });
}

/** --gateway-api-crds vendor: the install step has run, and had to bring the CRDs. */
export async function requireVendorCrds(context: Pick<CrdInstallContext, 'client' | 'steps' | 'signal' | 'run' | 'kubectl'>): Promise<void> {
  // CRDs applied a moment ago are served only once Established; missing ones fail this at once.
  await context.run(waitForGatewayApiCrds(context.kubectl)).catch((error: unknown) => {
    if (context.signal.aborted) throw error;
  });
  try {
    const found = await unlessAborted(context.signal, checkGatewayApiCrds(context.client));
    context.steps.detail(`Gateway API CRDs installed by the install step: ${found.version} (${found.channel})`);
  } catch (error) {
    if (!(error instanceof HarnessError && error.code === 'GRPCCONF_CRDS_MISSING')) throw error;
    throw new HarnessError(
      'GRPCCONF_CRDS_MISSING',
      `--gateway-api-crds vendor: after the install step, ${describeMissing(error)}; make the install step install the Gateway API CRDs, or drop --gateway-api-crds vendor so the suite installs them`,
    );
  }
}

function describeMissing(error: HarnessError): string {
  const missing = error.context?.missing;
  return `Gateway API kinds not served: ${Array.isArray(missing) ? missing.join(', ') : 'some'}`;
}
