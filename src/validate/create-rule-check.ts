import { z } from 'zod';

/** One broken rule: where (relative to the checked value), a stable code and a message. */
export interface RuleViolation {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
}

/** Finds every rule a value breaks; an empty list when it breaks none. */
export type FindViolations<T> = (value: T) => readonly RuleViolation[];

/** The definition of a rule check: zod's custom check, plus the predicate compilers call. */
interface RuleCheckDef extends z.core.$ZodCheckDef {
  readonly check: 'custom';
  readonly fn: (value: unknown) => boolean;
}

/** Every rule check, to tell their issues (which leave the fields valid) from other issues. */
const ruleChecks = new WeakSet<object>();

/**
 * Makes a zod check from a rule that spans several fields (duplicate operation numbers, an end
 * before its start...): zod reports each violation as its own issue, at its own path below the
 * checked value, with the violation's code as `params.code` (which `validate` turns into the
 * issue's `code`). The rule runs only on a value whose own type and fields have passed (rule
 * violations inside it aside), so it may read them as valid.
 *
 * Unlike `.superRefine()`, the check also carries a predicate (`fn`, true when nothing is broken)
 * in the same place `.refine()` keeps its own. That is how code that compiles zod definitions,
 * validate's fast reader and `toIoTs`, runs the rule without zod; so canonical objects keep
 * their fast path with every rule on.
 * @returns the check, for `schema.check(...)`.
 * @example
 * const Window = z.strictObject({ from: z.string(), to: z.string() }).check(
 *   createRuleCheck((w) => (w.to < w.from ? [{ path: ['to'], code: 'invalid_range', message: 'to is before from' }] : [])),
 * );
 */
export function createRuleCheck<T>(findViolations: FindViolations<T>): z.core.$ZodCheck<T> {
  const def: RuleCheckDef = {
    check: 'custom',
    fn: (value) => findViolations(value as T).length === 0,
  };
  const check = new z.core.$ZodCheck(def) as z.core.$ZodCheck<T>;
  ruleChecks.add(check);
  check._zod.check = (payload) => {
    // zod runs checks after issues that do not abort (a pattern, a refinement); a rule reads its
    // fields as valid values, as the compiled reader and toIoTs run it only on valid objects.
    if (!payload.issues.every((issue) => ruleChecks.has(issue.inst as object))) return;
    for (const violation of findViolations(payload.value)) {
      payload.issues.push({
        code: 'custom',
        message: violation.message,
        path: [...violation.path],
        input: payload.value,
        params: { code: violation.code },
        inst: check,
        continue: true,
      });
    }
  };
  return check;
}
