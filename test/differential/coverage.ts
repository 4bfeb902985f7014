import type { Cause } from './verdict.ts';
import { normaliseField } from './verdict.ts';
import type { CelRule, ConstraintKeyword, CoveredKind, SchemaConstraint } from './crd-rules.ts';

/** A refusal by the real server, with the kind of the object refused. */
export interface RealRefusal {
  readonly kind: string;
  readonly causes: readonly Cause[];
}

// `[*]` in a schema path stands for any list index or map key.
function pathMatcher(schemaPath: string): RegExp {
  const parts = schemaPath.split('[*]').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('\\[[^\\]]+\\]')}$`);
}

/** How the apiextensions server words each keyword's failure (apimachinery's field errors). */
const KEYWORD_WORDING: Record<ConstraintKeyword, RegExp> = {
  maxItems: /^Too many: .* must have at most \d+ items/,
  minItems: /should have at least \d+ items/,
  maxLength: /^Too long: /,
  minLength: /should be at least \d+ chars long/,
  pattern: /should match '/,
  enum: /^Unsupported value: /,
  required: /^Required value/,
  minimum: /should be greater than or equal to/,
  maximum: /should be less than or equal to/,
};

function causesOf(refusals: readonly RealRefusal[], kind: CoveredKind): Cause[] {
  return refusals.filter((r) => r.kind === kind).flatMap((r) => r.causes);
}

/** A rule counts as covered when the real server refused some case at the rule's path with the rule's message. */
export function ruleCovered(rule: CelRule, refusals: readonly RealRefusal[]): boolean {
  const at = pathMatcher(rule.path);
  return causesOf(refusals, rule.kind).some((c) => at.test(normaliseField(c.field)) && c.message.endsWith(rule.message));
}

export function constraintCovered(constraint: SchemaConstraint, refusals: readonly RealRefusal[]): boolean {
  const at = pathMatcher(constraint.path);
  const wording = KEYWORD_WORDING[constraint.keyword];
  return causesOf(refusals, constraint.kind).some((c) => at.test(normaliseField(c.field)) && wording.test(c.message));
}
