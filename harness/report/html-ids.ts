/** The element id of a test's section, stable across runs and safe in a URL fragment. */
export function testElementId(testName: string): string {
  return `test-${testName.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
