import type { ApiObject } from './api-object.ts';

// The CRDs default status to "Pending, waiting for controller" with this fixed time.
const PENDING_SINCE = '1970-01-01T00:00:00Z';

const PENDING_CONDITIONS: Record<string, readonly string[]> = {
  GatewayClass: ['Accepted'],
  Gateway: ['Accepted', 'Programmed'],
  ListenerSet: ['Accepted', 'Programmed'],
};

/** Sets the status the GatewayClass, Gateway and ListenerSet CRDs default to on create. Mutates `object`. */
export function applyGatewayInitialStatus(kind: string, object: ApiObject): void {
  const types = PENDING_CONDITIONS[kind];
  if (!types || object.status !== undefined) return;
  object.status = {
    conditions: types.map((type) => ({
      type,
      status: 'Unknown',
      reason: 'Pending',
      message: 'Waiting for controller',
      lastTransitionTime: PENDING_SINCE,
    })),
  };
}
