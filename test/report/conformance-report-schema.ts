// A checker for the upstream ConformanceReport schema (conformance/apis/v1), written from its
// field list: names, types, required keys, enums, no unknown keys. Returns the problems found.

type Check = (value: unknown, path: string, problems: string[]) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const string: Check = (v, path, problems) => {
  if (typeof v !== 'string') problems.push(`${path}: want string, got ${JSON.stringify(v)}`);
};

const uint32: Check = (v, path, problems) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffff_ffff) problems.push(`${path}: want uint32, got ${JSON.stringify(v)}`);
};

const oneOf = (...allowed: string[]): Check => (v, path, problems) => {
  if (typeof v !== 'string' || !allowed.includes(v)) problems.push(`${path}: want one of ${allowed.join('|')}, got ${JSON.stringify(v)}`);
};

const rfc3339: Check = (v, path, problems) => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
    problems.push(`${path}: want an RFC 3339 date string, got ${JSON.stringify(v)}`);
  }
};

const list = (item: Check, options: { nonEmpty?: boolean; omitWhenEmpty?: boolean } = {}): Check => (v, path, problems) => {
  if (!Array.isArray(v)) {
    problems.push(`${path}: want a list, got ${JSON.stringify(v)}`);
    return;
  }
  if (v.length === 0 && options.nonEmpty) problems.push(`${path}: want at least one entry`);
  if (v.length === 0 && options.omitWhenEmpty) problems.push(`${path}: empty list should be omitted`);
  v.forEach((entry, i) => item(entry, `${path}[${i}]`, problems));
};

const object = (required: Record<string, Check>, optional: Record<string, Check> = {}): Check => (v, path, problems) => {
  if (!isObject(v)) {
    problems.push(`${path}: want a mapping, got ${JSON.stringify(v)}`);
    return;
  }
  for (const [key, check] of Object.entries(required)) {
    if (!(key in v)) problems.push(`${path}.${key}: required`);
    else check(v[key], `${path}.${key}`, problems);
  }
  for (const [key, check] of Object.entries(optional)) if (key in v) check(v[key], `${path}.${key}`, problems);
  for (const key of Object.keys(v)) if (!(key in required) && !(key in optional)) problems.push(`${path}.${key}: not in the schema`);
};

const statistics = object({ Passed: uint32, Skipped: uint32, Failed: uint32 });
const statusFields = { result: oneOf('success', 'partial', 'failure'), statistics };
const statusLists = { skippedTests: list(string, { omitWhenEmpty: true }), failedTests: list(string, { omitWhenEmpty: true }) };

const profile = object(
  { name: string, summary: string, core: object(statusFields, statusLists) },
  {
    extended: object(statusFields, {
      ...statusLists,
      supportedFeatures: list(string, { omitWhenEmpty: true }),
      unsupportedFeatures: list(string, { omitWhenEmpty: true }),
    }),
  },
);

const report = object(
  {
    apiVersion: oneOf('gateway.networking.k8s.io/v1'),
    kind: oneOf('ConformanceReport'),
    date: rfc3339,
    gatewayAPIVersion: string,
    gatewayAPIChannel: oneOf('standard', 'experimental', 'UNDEFINED'),
    mode: string,
    profiles: list(profile),
  },
  {
    implementation: object({ organization: string, project: string, url: string, version: string, contact: list(string, { nonEmpty: true }) }),
    succeededProvisionalTests: list(string, { omitWhenEmpty: true }),
  },
);

/** Every way the parsed document departs from the upstream ConformanceReport schema. */
export function conformanceReportProblems(document: unknown): string[] {
  const problems: string[] = [];
  report(document, 'report', problems);
  return problems;
}
