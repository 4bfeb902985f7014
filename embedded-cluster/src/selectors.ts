import type { ApiObject } from './api-object.ts';
import { badRequest } from './status-errors.ts';

/** A parsed label or field selector: true when the object matches. */
export type ObjectPredicate = (object: ApiObject) => boolean;

type Requirement = (labels: Record<string, string>) => boolean;

/** Parses `a=b,c!=d,e in (x,y),f notin (z),g,!h` (the label selector grammar). */
export function parseLabelSelector(selector: string | undefined): ObjectPredicate {
  if (!selector?.trim()) return () => true;
  const requirements = splitTopLevel(selector).map(parseLabelRequirement);
  return (object) => {
    const labels = object.metadata.labels ?? {};
    return requirements.every((r) => r(labels));
  };
}

function parseLabelRequirement(raw: string): Requirement {
  const text = raw.trim();
  const setMatch = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
  if (setMatch) {
    const [, k, op, list] = setMatch as unknown as [string, string, string, string];
    const values = new Set(list.split(',').map((v) => v.trim()).filter((v) => v !== ''));
    return op === 'in' ? (l) => l[k] !== undefined && values.has(l[k]) : (l) => l[k] === undefined || !values.has(l[k]);
  }
  const cmp = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s]*)$/.exec(text);
  if (cmp) {
    const [, k, op, v] = cmp as unknown as [string, string, string, string];
    return op === '!=' ? (l) => l[k] !== v : (l) => l[k] === v;
  }
  if (/^![^\s!=(),]+$/.test(text)) {
    const k = text.slice(1);
    return (l) => l[k] === undefined;
  }
  if (/^[^\s!=(),]+$/.test(text)) return (l) => l[text] !== undefined;
  throw badRequest(`unable to parse requirement: invalid label selector "${raw}"`);
}

/** Parses `metadata.name=x,metadata.namespace!=y`; any dotted path into the object is accepted. */
export function parseFieldSelector(selector: string | undefined): ObjectPredicate {
  if (!selector?.trim()) return () => true;
  const requirements = selector.split(',').map((raw) => {
    const m = /^\s*([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(raw);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${raw}'`);
    const [, path, op, value] = m as unknown as [string, string, string, string];
    const segments = path.split('.');
    return (object: ApiObject) => {
      const actual = fieldValue(object, segments);
      return op === '!=' ? actual !== value : actual === value;
    };
  });
  return (object) => requirements.every((r) => r(object));
}

function fieldValue(object: ApiObject, segments: string[]): string {
  let cursor: unknown = object;
  for (const s of segments) {
    if (typeof cursor !== 'object' || cursor === null) return '';
    cursor = (cursor as Record<string, unknown>)[s];
  }
  return cursor === undefined || cursor === null ? '' : String(cursor);
}

/** Splits on commas that are not inside `( )`. */
function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.filter((p) => p.trim() !== '');
}

/** Equality-only selector of a Service or a Deployment's matchLabels. */
export function matchesLabels(labels: Record<string, string> | undefined, selector: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}
