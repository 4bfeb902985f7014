import type { RunResult } from '../runner/results.ts';

export type Submittability = { readonly submittable: true } | { readonly submittable: false; readonly reasons: readonly string[] };

/**
 * Upstream v1.7.0 refuses a report whose implementation lacks any of its five fields or whose
 * url is not an absolute http(s) URL with a host (`Implementation.Validate` in
 * conformance/apis/v1/conformancereport.go); the version is only required to be non-empty.
 * We still write the report, and say why upstream would not take it. Every reason is given,
 * not just the first, so one fix round is enough.
 */
export function submittability(implementation: RunResult['implementation']): Submittability {
  if (!implementation) return { submittable: false, reasons: ['no implementation given (--organization, --project, --url, --version, --contact)'] };
  const reasons: string[] = [];
  for (const field of ['organization', 'project', 'url', 'version'] as const) {
    if (implementation[field] === '') reasons.push(`implementation's ${field} cannot be empty (--${field})`);
  }
  if (implementation.url !== '') {
    const problem = urlProblem(implementation.url);
    if (problem) reasons.push(`implementation's url is invalid: ${problem}`);
  }
  if (implementation.contact.length === 0) reasons.push("implementation's contact cannot be empty (--contact)");
  return reasons.length === 0 ? { submittable: true } : { submittable: false, reasons };
}

// Go's url.Parse splits scheme, then `//authority`; WHATWG URL would invent a host for
// `https:///path`, so the parts are taken by hand the way Go takes them.
function urlProblem(raw: string): string | undefined {
  const written = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw)?.[1];
  if (!written) return 'url must be absolute (missing scheme)';
  // Go lower-cases the scheme before comparing.
  const scheme = written.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return `url scheme must be http or https, got "${scheme}"`;
  const rest = raw.slice(written.length + 1);
  const authority = rest.startsWith('//') ? rest.slice(2).split(/[/?#]/, 1)[0]! : '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host === '') return 'url must include a host';
  if (/\s/.test(raw)) return 'could not parse url: invalid character in url';
  return undefined;
}
