import { describe, expect, it } from 'vitest';
import { submittability } from '../../harness/report/submittable.ts';

const complete = { organization: 'acme', project: 'gw', url: 'https://github.com/acme/gw', version: 'v1.2.3', contact: ['@acme/gw'] };
const reasons = (over: Partial<typeof complete>) => {
  const verdict = submittability({ ...complete, ...over });
  return verdict.submittable ? [] : verdict.reasons;
};

// The cases of upstream v1.7.0's TestImplementation_Validate, plus ours for every field at once.
describe('submittability follows upstream v1.7 Implementation.Validate', () => {
  it('all five fields and an absolute http(s) URL with a host: submittable', () => {
    expect(submittability(complete)).toEqual({ submittable: true });
    expect(reasons({ url: 'HTTP://example.com' })).toEqual([]);
  });

  it('no implementation at all is not submittable', () => {
    expect(submittability(undefined).submittable).toBe(false);
  });

  it('each empty field is named, all at once', () => {
    expect(reasons({ organization: '', version: '', contact: [] })).toEqual([
      "implementation's organization cannot be empty (--organization)",
      "implementation's version cannot be empty (--version)",
      "implementation's contact cannot be empty (--contact)",
    ]);
  });

  it.each([
    ['github.com/kubernetes-sigs/gateway-api', 'url must be absolute (missing scheme)'],
    ['ftp://github.com/kubernetes-sigs/gateway-api', 'url scheme must be http or https, got "ftp"'],
    ['https:///path-only', 'url must include a host'],
    ['https:path-only', 'url must include a host'],
  ])('url %s: %s', (url, problem) => {
    expect(reasons({ url })).toEqual([`implementation's url is invalid: ${problem}`]);
  });
});
