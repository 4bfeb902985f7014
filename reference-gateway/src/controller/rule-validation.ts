import type { HeaderFilterSpec, Route, RouteFilter, RouteRule } from '../kube/objects.ts';

export interface DroppedRule {
  readonly index: number;
  readonly name?: string;
  readonly message: string;
}

/** Which rules of a route can be implemented; the rest are dropped (PartiallyInvalid) or reject the route. */
export interface RuleValidation {
  readonly validIndices: readonly number[];
  readonly dropped: readonly DroppedRule[];
}

const KNOWN_FILTERS = new Set(['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'ExtensionRef']);
const MATCH_TYPES = new Set(['Exact', 'RegularExpression']);

/**
 * Checks what the standard-channel CRD does not: unique rule names, one action per header name in
 * a header filter, known match and filter types, and regexes we can compile. HTTPRoutes are only
 * checked for names and filters, since we do not serve them.
 */
export function validateRules(route: Route): RuleValidation {
  const rules = route.spec.rules ?? [];
  const seenNames = new Set<string>();
  const validIndices: number[] = [];
  const dropped: DroppedRule[] = [];
  rules.forEach((rule, index) => {
    const problem = ruleProblem(rule, route.kind === 'GRPCRoute') ?? duplicateName(rule, seenNames);
    if (rule.name !== undefined) seenNames.add(rule.name);
    if (problem) dropped.push({ index, name: rule.name, message: problem });
    else validIndices.push(index);
  });
  return { validIndices, dropped };
}

function duplicateName(rule: RouteRule, seen: ReadonlySet<string>): string | undefined {
  return rule.name !== undefined && seen.has(rule.name) ? `rule name "${rule.name}" is not unique` : undefined;
}

function ruleProblem(rule: RouteRule, isGrpc: boolean): string | undefined {
  if (isGrpc) {
    for (const match of rule.matches ?? []) {
      const method = match.method;
      if (method) {
        const type = method.type ?? 'Exact';
        if (!MATCH_TYPES.has(type)) return `method match type ${type} is not supported`;
        if (!method.service && !method.method) return 'method match needs a service or a method';
        if (type === 'RegularExpression') {
          const bad = [method.service, method.method].find((p) => p !== undefined && !compiles(p));
          if (bad !== undefined) return `invalid regular expression ${JSON.stringify(bad)}`;
        }
      }
      for (const header of match.headers ?? []) {
        const type = header.type ?? 'Exact';
        if (!MATCH_TYPES.has(type)) return `header match type ${type} is not supported`;
        if (type === 'RegularExpression' && !compiles(header.value)) return `invalid regular expression ${JSON.stringify(header.value)}`;
      }
    }
  }
  const filters = [...(rule.filters ?? []), ...(rule.backendRefs ?? []).flatMap((b) => b.filters ?? [])];
  for (const filter of filters) {
    const problem = filterProblem(filter);
    if (problem) return problem;
  }
  return undefined;
}

function filterProblem(filter: RouteFilter): string | undefined {
  if (!KNOWN_FILTERS.has(filter.type)) return `filter type ${filter.type} is not supported`;
  const modifier = filter.type === 'RequestHeaderModifier' ? filter.requestHeaderModifier : filter.type === 'ResponseHeaderModifier' ? filter.responseHeaderModifier : undefined;
  if (modifier) {
    const conflict = headerInTwoActions(modifier);
    if (conflict) return `${filter.type} names header ${conflict} in more than one of set/add/remove`;
  }
  return undefined;
}

function headerInTwoActions(spec: HeaderFilterSpec): string | undefined {
  const owner = new Map<string, string>();
  const lists: [string, string[]][] = [
    ['set', (spec.set ?? []).map((h) => h.name)],
    ['add', (spec.add ?? []).map((h) => h.name)],
    ['remove', spec.remove ?? []],
  ];
  for (const [action, names] of lists) {
    for (const name of names) {
      const lower = name.toLowerCase();
      const first = owner.get(lower);
      if (first !== undefined && first !== action) return lower;
      owner.set(lower, action);
    }
  }
  return undefined;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
