import type { BackendTlsPolicy, GrpcRouteMatch, HeaderFilterSpec, Route, RouteFilter } from '../kube/objects.ts';
import type { CompiledBackend, CompiledFilter, CompiledMatch, CompiledRule, HeaderModifier } from '../model/data-plane-config.ts';
import type { BackendContext, RefProblem } from './backend-refs.ts';
import { resolveBackend } from './backend-refs.ts';

/** A route's valid rules compiled once; the same rules serve every listener the route attaches to. */
export interface CompiledRules {
  readonly rules: readonly CompiledRule[];
  /** Unresolved references, in rule order (drives ResolvedRefs). */
  readonly problems: readonly RefProblem[];
  /** BackendTLSPolicies that applied to this route's backends, with whether they resolved. */
  readonly tlsPolicies: readonly { readonly policy: BackendTlsPolicy; readonly resolved: boolean; readonly message?: string }[];
}

/** Compiles the rules at `validIndices` (GRPCRoute matches; HTTPRoutes are compiled for their refs only). */
export function compileRules(route: Route, validIndices: readonly number[], ctx: BackendContext): CompiledRules {
  const problems: RefProblem[] = [];
  const tlsPolicies: { policy: BackendTlsPolicy; resolved: boolean; message?: string }[] = [];
  const resolve = (ref: Parameters<typeof resolveBackend>[1]): Omit<CompiledBackend, 'weight' | 'filters'> | undefined => {
    const resolution = resolveBackend(route, ref, ctx);
    if (resolution.problem) problems.push(resolution.problem);
    if (resolution.tlsPolicy) {
      tlsPolicies.push({ policy: resolution.tlsPolicy, resolved: !resolution.problem, message: resolution.problem?.message });
    }
    return resolution.backend;
  };
  const compileFilters = (filters: readonly RouteFilter[] | undefined): CompiledFilter[] =>
    (filters ?? []).flatMap((filter) => compileFilter(route, filter, resolve, problems));
  const isGrpc = route.kind === 'GRPCRoute';
  const served = ctx.settings.faults.has('named-rule-dropped') ? validIndices.filter((index) => route.spec.rules![index]!.name === undefined) : validIndices;
  const rules = served.map((index): CompiledRule => {
    const rule = route.spec.rules![index]!;
    return {
      index,
      ...(rule.name !== undefined ? { name: rule.name } : {}),
      matches: isGrpc ? (rule.matches ?? []).map(compileMatch) : [],
      filters: compileFilters(rule.filters),
      backends: (rule.backendRefs ?? []).map((ref) => ({
        ...resolve(ref)!,
        weight: ref.weight ?? 1,
        filters: compileFilters(ref.filters),
      })),
    };
  });
  return { rules, problems, tlsPolicies };
}

function compileMatch(match: GrpcRouteMatch): CompiledMatch {
  const seen = new Set<string>();
  const headers: { type: 'Exact' | 'RegularExpression'; name: string; value: string }[] = [];
  for (const header of match.headers ?? []) {
    const name = header.name.toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    headers.push({ type: header.type === 'RegularExpression' ? 'RegularExpression' : 'Exact', name, value: header.value });
  }
  if (!match.method) return { headers };
  const type = match.method.type === 'RegularExpression' ? 'RegularExpression' : 'Exact';
  const service = type === 'Exact' ? match.method.service?.replace(/^\./, '') : match.method.service;
  return {
    method: { type, ...(service ? { service } : {}), ...(match.method.method ? { method: match.method.method } : {}) },
    headers,
  };
}

function compileFilter(
  route: Route,
  filter: RouteFilter,
  resolve: (ref: NonNullable<RouteFilter['requestMirror']>['backendRef']) => Omit<CompiledBackend, 'weight' | 'filters'> | undefined,
  problems: RefProblem[],
): CompiledFilter[] {
  switch (filter.type) {
    case 'RequestHeaderModifier':
      return [{ type: 'RequestHeaderModifier', modifier: compileModifier(filter.requestHeaderModifier) }];
    case 'ResponseHeaderModifier':
      return [{ type: 'ResponseHeaderModifier', modifier: compileModifier(filter.responseHeaderModifier) }];
    case 'RequestMirror': {
      const mirror = filter.requestMirror;
      if (!mirror) return [];
      const backend = resolve(mirror.backendRef);
      const numerator = mirror.percent ?? mirror.fraction?.numerator ?? 100;
      const denominator = mirror.percent !== undefined ? 100 : (mirror.fraction?.denominator ?? 100);
      return [
        {
          type: 'RequestMirror',
          ...(backend?.valid ? { backend: { ...backend, weight: 1, filters: [] } } : {}),
          numerator,
          denominator,
        },
      ];
    }
    case 'ExtensionRef': {
      const ref = filter.extensionRef;
      const label = ref ? `${ref.group ? `${ref.group}/` : ''}${ref.kind} ${route.metadata.namespace}/${ref.name}` : '(unset)';
      problems.push({ reason: 'InvalidKind', message: `ExtensionRef filter ${label} cannot be resolved: no extension kinds are supported` });
      return [{ type: 'UnresolvedExtensionRef', ref: label }];
    }
    default:
      return [];
  }
}

function compileModifier(spec: HeaderFilterSpec | undefined): HeaderModifier {
  const firstWins = (list: readonly { name: string; value: string }[] | undefined) => {
    const seen = new Set<string>();
    return (list ?? []).flatMap((h) => {
      const name = h.name.toLowerCase();
      if (seen.has(name)) return [];
      seen.add(name);
      return [{ name, value: h.value }];
    });
  };
  return {
    set: firstWins(spec?.set),
    add: firstWins(spec?.add),
    remove: [...new Set((spec?.remove ?? []).map((n) => n.toLowerCase()))],
  };
}
