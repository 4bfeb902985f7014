import { describe, expect, it } from 'vitest';
import { renderJunitReport } from '../../harness/report/junit-report.ts';
import { FIXTURE_RUN } from './fixture-run.ts';
import { findAll, parseXml, XmlNotWellFormedError } from './xml-tree.ts';

describe('the XML reader used to check junit.xml', () => {
  it.each([
    ['<a><b></a></b>', '</a> does not close <b>'],
    ['<a x="1" x="2"/>', 'duplicate attribute x'],
    ['<a>&nbsp;</a>', 'unknown entity'],
    ['<a>fish & chips</a>', 'unterminated entity'],
    ['<a>\u0007</a>', 'illegal character'],
    ['<a/><b/>', 'a second root element'],
    ['<a x=1/>', 'attribute value must be quoted'],
    ['<a>', 'never closed'],
  ])('refuses %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlNotWellFormedError);
    expect(() => parseXml(xml)).toThrow(message);
  });
});

describe('junit.xml', () => {
  const xml = renderJunitReport(FIXTURE_RUN);
  const root = parseXml(xml);
  const cases = findAll(root, 'testcase');
  const byName = (name: string) => cases.find((c) => c.attributes.name === name)!;

  it('is well formed, with totals on the suite', () => {
    expect(root.name).toBe('testsuites');
    const [suite] = findAll(root, 'testsuite');
    expect(suite?.attributes).toMatchObject({ tests: '7', failures: '1', skipped: '3', errors: '0', time: '90.500' });
  });

  it('has one testcase per test, classname from the level, time in seconds', () => {
    expect(cases.map((c) => c.attributes.name)).toEqual([...FIXTURE_RUN.tests.map((t) => t.name)].sort());
    expect(byName('GRPCRouteListenerPort8080').attributes).toMatchObject({ classname: 'grpcroute-conformance.extended', time: '1.100' });
  });

  it('puts the first failing case, expected vs observed, in the failure message and diagnostics in its body', () => {
    const [failure] = findAll(byName('GRPCRouteHeaderMatching'), 'failure');
    expect(failure?.attributes.message).toContain('version=two & env=<canary>: expected {"backend":"grpc-infra-backend-v2","code":"OK"}, observed {"code":"UNAVAILABLE"');
    expect(failure?.text).toContain('reason: BackendNotFound');
    expect(failure?.text).toContain('# Inspect by hand:');
  });

  it('lists every case in system-out with outcome, duration, attempts and values', () => {
    const [out] = findAll(byName('GRPCRouteHeaderMatching'), 'system-out');
    expect(out?.text).toContain('- version=one: passed, 1850ms, 4 attempts, converged after 850ms');
    expect(out?.text).toContain('    expected: {"backend":"grpc-infra-backend-v1"}');
  });

  it('marks skipped, not supported and provisional tests skipped with their reason', () => {
    expect(findAll(byName('GRPCRouteWeight'), 'skipped')[0]?.attributes.message).toBe('skipped: skipped by --skip-tests');
    expect(findAll(byName('GRPCRouteMethodRegexMatching'), 'skipped')[0]?.attributes.message).toBe(
      'not supported: needs features the implementation does not support (missing GRPCRouteMethodRegexMatch)',
    );
    expect(findAll(byName('GRPCRouteRequestMirror'), 'skipped')).toHaveLength(1);
    expect(findAll(byName('GRPCRouteNamedRule'), 'skipped')).toHaveLength(0);
  });

  it('carries no ANSI escapes or raw control characters', () => {
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});
