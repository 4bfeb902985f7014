import { AddressPool } from '../../src/controller/address-pool.ts';
import { computeDesiredState } from '../../src/controller/desired-state.ts';
import { ReferencePolicy } from '../../src/controller/reference-grants.ts';
import type { ControllerSettings } from '../../src/controller/settings.ts';
import { snapshotOf } from '../../src/controller/snapshot.ts';
import type { Condition, KubeObject, RouteParentStatus } from '../../src/kube/objects.ts';
import { objectKey } from '../../src/kube/objects.ts';
import type { DataPlaneConfig } from '../../src/model/data-plane-config.ts';
import { CONTROLLER } from './object-builders.ts';

export interface ComputedState {
  readonly config: DataPlaneConfig;
  /** The status the controller would write on `object` (undefined: it would not touch it). */
  statusOf(object: KubeObject): Record<string, unknown> | undefined;
  /** Our parent entries of a route. */
  parentsOf(route: KubeObject): RouteParentStatus[];
  /** Condition `type` of our first parent entry of a route. */
  routeCondition(route: KubeObject, type: string, parentIndex?: number): Condition | undefined;
}

/** Runs one pure reconcile over `objects`, as the controller would. */
export function computeState(
  objects: readonly KubeObject[],
  options: { faults?: string[]; crossServing?: 'allow' | 'exclusive'; lowPortOffset?: number; references?: ReferencePolicy } = {},
): ComputedState {
  const settings: ControllerSettings = {
    controllerName: CONTROLLER,
    lowPortOffset: options.lowPortOffset ?? 0,
    crossServing: options.crossServing ?? 'allow',
    faults: new Set(options.faults ?? []),
  };
  const desired = computeDesiredState(snapshotOf(objects), settings, {
    addresses: new AddressPool('127.2.0.0/16'),
    references: options.references ?? new ReferencePolicy(settings.faults),
  });
  const statusOf = (object: KubeObject) => {
    const intent = desired.statuses.find((s) => s.kind === object.kind && s.key === objectKey(object));
    return intent?.nextStatus(object, '2026-02-02T00:00:00Z') as Record<string, unknown> | undefined;
  };
  const parentsOf = (route: KubeObject) => ((statusOf(route)?.parents ?? []) as RouteParentStatus[]).filter((p) => p.controllerName === CONTROLLER);
  return {
    config: desired.config,
    statusOf,
    parentsOf,
    routeCondition: (route, type, parentIndex = 0) => parentsOf(route)[parentIndex]?.conditions?.find((c) => c.type === type),
  };
}
