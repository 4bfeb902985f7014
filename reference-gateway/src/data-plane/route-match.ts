import type { CompiledMatch } from '../model/data-plane-config.ts';
import type { FaultSet } from './faults.ts';
import type { HeaderMap } from './header-map.ts';

/** What the match needs of one request. */
export interface MatchRequest {
  readonly path: string;
  readonly headers: HeaderMap;
}

/** A compiled match: its predicate, plus the facts precedence ranks it by. */
export interface MatchPlan {
  readonly holds: (request: MatchRequest, faults: FaultSet) => boolean;
  /** 2 = Exact with service, 1 = RegularExpression with service, 0 = no service. */
  readonly serviceKind: number;
  readonly serviceLength: number;
  readonly methodKind: number;
  readonly methodLength: number;
  readonly headerCount: number;
  readonly exactHeaderCount: number;
}

// A predicate the data plane can never satisfy, for a regex the JS engine rejects (the controller should not send one).
const NEVER = /(?!)/;

function fullMatch(source: string): { full: RegExp; partial: RegExp } {
  try {
    return { full: new RegExp(`^(?:${source})$`), partial: new RegExp(source) };
  } catch {
    return { full: NEVER, partial: NEVER };
  }
}

function regexTest(pattern: { full: RegExp; partial: RegExp }, value: string, faults: FaultSet): boolean {
  return (faults.has('regex-not-anchored') ? pattern.partial : pattern.full).test(value);
}

// `/S/M` split into its service and method segments; undefined when the path has no second slash.
function splitPath(path: string): { service: string; method: string } | undefined {
  if (!path.startsWith('/')) return undefined;
  const slash = path.indexOf('/', 1);
  if (slash === -1) return undefined;
  return { service: path.slice(1, slash), method: path.slice(slash + 1) };
}

type MethodPredicate = (path: string, faults: FaultSet) => boolean;

function compileMethod(method: CompiledMatch['method']): MethodPredicate {
  if (method === undefined) return () => true;
  const { service, method: name } = method;
  if (method.type === 'Exact') {
    if (service && name) {
      const exact = `/${service}/${name}`;
      return (path, faults) => (faults.has('method-match-as-prefix') ? path.startsWith(exact) : path === exact);
    }
    if (service) {
      const withSlash = `/${service}/`;
      const bare = `/${service}`;
      return (path, faults) => path.startsWith(faults.has('service-match-as-prefix') ? bare : withSlash);
    }
    if (name) {
      return (path, faults) => {
        const parts = splitPath(path);
        return parts !== undefined && parts.service !== '' && (faults.has('method-match-as-prefix') ? parts.method.startsWith(name) : parts.method === name);
      };
    }
    return () => false;
  }
  const serviceRegex = service ? fullMatch(service) : undefined;
  const methodRegex = name ? fullMatch(name) : undefined;
  return (path, faults) => {
    const parts = splitPath(path);
    if (parts === undefined) return false;
    if (serviceRegex && !regexTest(serviceRegex, parts.service, faults)) return false;
    return !methodRegex || regexTest(methodRegex, parts.method, faults);
  };
}

// Go's CanonicalHeaderKey: the shape a header name takes in HTTP/1-minded code.
function canonicalHeaderName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_all, dash: string, letter: string) => dash + letter.toUpperCase());
}

type HeaderPredicate = (headers: HeaderMap, faults: FaultSet) => boolean;

function compileHeader(header: CompiledMatch['headers'][number]): HeaderPredicate {
  const name = header.name.toLowerCase();
  const canonical = canonicalHeaderName(name);
  const regex = header.type === 'RegularExpression' ? fullMatch(header.value) : undefined;
  const valueMatches = (value: string, faults: FaultSet): boolean =>
    regex ? regexTest(regex, value, faults) : value === header.value;
  return (headers, faults) => {
    const values = headers.get(faults.has('case-sensitive-header-names') ? canonical : name);
    if (values === undefined || values.length === 0) return false;
    // Repeated request headers: the match holds when any one of the values matches.
    return values.some((value) => valueMatches(value, faults));
  };
}

/** Compiles one GRPCRouteMatch (undefined = the implicit match-all of a rule without matches). */
export function compileMatch(match: CompiledMatch | undefined): MatchPlan {
  const method = compileMethod(match?.method);
  const headers = (match?.headers ?? []).map(compileHeader);
  const kind = (value: string | undefined): number => (!value ? 0 : match?.method?.type === 'Exact' ? 2 : 1);
  return {
    holds: (request, faults) =>
      method(request.path, faults) && (faults.has('ignore-header-matches') || headers.every((h) => h(request.headers, faults))),
    serviceKind: kind(match?.method?.service),
    serviceLength: match?.method?.service?.length ?? 0,
    methodKind: kind(match?.method?.method),
    methodLength: match?.method?.method?.length ?? 0,
    headerCount: headers.length,
    exactHeaderCount: (match?.headers ?? []).filter((h) => h.type === 'Exact').length,
  };
}
