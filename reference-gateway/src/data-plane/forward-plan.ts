import type { CompiledBackend, CompiledFilter, HeaderModifier } from '../model/data-plane-config.ts';
import type { FaultSet } from './faults.ts';
import { GrpcCode, type GatewayAnswer } from './grpc-status.ts';
import { applyHeaderModifier } from './header-filters.ts';
import type { HeaderMap } from './header-map.ts';
import type { BackendEntry, RuleEntry } from './routing-table.ts';
import { pickWeighted } from './weights.ts';

/** A RequestMirror filter whose backend resolved. */
export interface MirrorTarget {
  readonly backend: CompiledBackend;
  readonly numerator: number;
  readonly denominator: number;
}

/** Where and how to forward one RPC, once every filter of the rule and chosen backend has run. */
export interface ForwardPlan {
  readonly backend: BackendEntry;
  readonly endpoint: { readonly ip: string; readonly port: number };
  /** Request headers after request modifiers. */
  readonly requestHeaders: HeaderMap;
  readonly responseModifiers: readonly HeaderModifier[];
  readonly mirrors: readonly MirrorTarget[];
}

function unresolvedExtension(filters: readonly CompiledFilter[], faults: FaultSet): GatewayAnswer | undefined {
  if (faults.has('extension-ref-skipped')) return undefined;
  const filter = filters.find((f) => f.type === 'UnresolvedExtensionRef');
  if (!filter) return undefined;
  const code = faults.has('extension-ref-internal') ? GrpcCode.INTERNAL : GrpcCode.UNAVAILABLE;
  return { code, message: `filter ExtensionRef ${filter.ref} could not be resolved` };
}

function backendFilters(rule: RuleEntry, chosen: BackendEntry, faults: FaultSet): readonly CompiledFilter[] {
  if (!faults.has('backend-filters-always-applied')) return chosen.config.filters;
  return rule.backends.flatMap((backend) => backend.config.filters);
}

/**
 * Runs the rule's filters, picks a backend by weight and an endpoint round-robin, then runs that backend's
 * filters. Returns the gateway's own answer when the RPC cannot be forwarded.
 */
export function planForward(rule: RuleEntry, requestHeaders: HeaderMap, faults: FaultSet): GatewayAnswer | ForwardPlan {
  const ruleProblem = unresolvedExtension(rule.filters, faults);
  if (ruleProblem) return ruleProblem;
  if (rule.backends.length === 0) {
    const code = faults.has('no-backend-refs-internal') ? GrpcCode.INTERNAL : faults.has('no-backend-refs-unavailable') ? GrpcCode.UNAVAILABLE : GrpcCode.UNIMPLEMENTED;
    return { code, message: `rule ${rule.index} of ${rule.routeKey} has no backends` };
  }
  const backend = pickWeighted(rule.backends, faults);
  if (!backend) {
    const message = `every backend of ${rule.routeKey} rule ${rule.index} has weight 0`;
    return { code: GrpcCode.UNAVAILABLE, message, ...(faults.has('all-zero-weights-http-500') ? { httpStatus: 500 } : {}) };
  }
  const filters = [...rule.filters, ...backendFilters(rule, backend, faults)];
  const backendProblem = unresolvedExtension(filters, faults);
  if (backendProblem) return backendProblem;
  if (!backend.config.valid) return { code: GrpcCode.UNAVAILABLE, message: `backend ${backend.config.key} is invalid` };
  const endpoint = backend.rotation.pick(backend.config.endpoints);
  if (!endpoint) {
    const message = `backend ${backend.config.key} has no ready endpoints`;
    return { code: GrpcCode.UNAVAILABLE, message, ...(faults.has('no-endpoints-http-500') ? { httpStatus: 500 } : {}) };
  }

  const responseModifiers: HeaderModifier[] = [];
  const mirrors: MirrorTarget[] = [];
  for (const filter of filters) {
    if (filter.type === 'RequestHeaderModifier') applyHeaderModifier(requestHeaders, filter.modifier, faults);
    else if (filter.type === 'ResponseHeaderModifier') {
      if (faults.has('response-modifier-applies-to-request')) applyHeaderModifier(requestHeaders, filter.modifier, faults);
      else responseModifiers.push(filter.modifier);
    } else if (filter.type === 'RequestMirror' && filter.backend && !faults.has('mirror-nothing')) {
      mirrors.push({ backend: filter.backend, numerator: filter.numerator, denominator: filter.denominator });
    }
  }
  return { backend, endpoint, requestHeaders, responseModifiers, mirrors };
}

/** Narrows {@link planForward}'s result. */
export function isForwardPlan(result: GatewayAnswer | ForwardPlan): result is ForwardPlan {
  return 'endpoint' in result;
}
