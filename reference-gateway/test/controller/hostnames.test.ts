import { describe, expect, it } from 'vitest';
import { hostnameCovers, hostnameSetsOverlap, intersectHostnames } from '../../src/controller/hostnames.ts';

describe('hostname intersection', () => {
  it.each([
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.com', '*.example.com', true],
    ['*.example.com', '*.com', false],
    ['foo.example.com', 'foo.example.com', true],
    ['foo.example.com', 'bar.example.com', false],
  ])('%s covers %s: %s', (pattern, host, covers) => {
    expect(hostnameCovers(pattern, host)).toBe(covers);
  });

  it('takes the more specific of each intersecting pair, lower-cased', () => {
    expect(intersectHostnames('*.example.com', ['Foo.Example.com', 'other.org'])).toEqual({ intersects: true, hostnames: ['foo.example.com'] });
    expect(intersectHostnames('foo.example.com', ['*.example.com'])).toEqual({ intersects: true, hostnames: ['foo.example.com'] });
    expect(intersectHostnames('*.example.com', ['*.com'])).toEqual({ intersects: true, hostnames: ['*.example.com'] });
  });

  it('treats a missing hostname on either side as any host', () => {
    expect(intersectHostnames(undefined, undefined)).toEqual({ intersects: true, hostnames: [] });
    expect(intersectHostnames('a.example.com', [])).toEqual({ intersects: true, hostnames: ['a.example.com'] });
    expect(intersectHostnames(undefined, ['x.org'])).toEqual({ intersects: true, hostnames: ['x.org'] });
  });

  it('reports no intersection when nothing overlaps', () => {
    expect(intersectHostnames('foo.com', ['bar.com', '*.foo.com'])).toEqual({ intersects: false, hostnames: [] });
  });

  it('compares effective hostname sets for cross-serving', () => {
    expect(hostnameSetsOverlap([], ['a.com'])).toBe(true);
    expect(hostnameSetsOverlap(['*.a.com'], ['x.a.com'])).toBe(true);
    expect(hostnameSetsOverlap(['a.com'], ['b.com'])).toBe(false);
  });
});
