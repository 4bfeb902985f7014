import type { ReferenceGrant } from '../kube/objects.ts';

export interface ReferenceFrom {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
}

export interface ReferenceTo {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** Whether a ReferenceGrant in the target namespace allows this reference (same namespace always does). */
export function isReferenceGranted(grants: readonly ReferenceGrant[], from: ReferenceFrom, to: ReferenceTo): boolean {
  if (from.namespace === to.namespace) return true;
  return grants.some(
    (grant) =>
      grant.metadata.namespace === to.namespace &&
      (grant.spec.from ?? []).some((f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace) &&
      (grant.spec.to ?? []).some((t) => t.group === to.group && t.kind === to.kind && (!t.name || t.name === to.name)),
  );
}

/**
 * Decides cross-namespace references from the grants of the current snapshot. The faults model two
 * classic bugs: not checking grants at all, and caching a permission past the grant's deletion.
 */
export class ReferencePolicy {
  private readonly everGranted = new Set<string>();

  constructor(private readonly faults: ReadonlySet<string>) {}

  permits(grants: readonly ReferenceGrant[], from: ReferenceFrom, to: ReferenceTo): boolean {
    if (this.faults.has('ignore-reference-grant')) return true;
    const key = JSON.stringify([from, to]);
    const granted = isReferenceGranted(grants, from, to);
    if (granted) this.everGranted.add(key);
    return granted || (this.faults.has('keep-revoked-grant') && this.everGranted.has(key));
  }
}
