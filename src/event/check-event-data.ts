import type { ValidationIssue } from '../errors/validation-error.js';
import { canonicalObjects } from '../model/canonical-objects.js';
import { validate } from '../validate/validate.js';
import { type EventDataRule, type EventType, eventCatalog } from './event-catalog.js';

/**
 * Checks the data of an event against its object schema and its rule.
 * @returns the issues, with paths under `/data`; empty when the data is valid.
 */
export function checkEventData(type: EventType, data: unknown): ValidationIssue[] {
  const definition: { readonly object: keyof typeof canonicalObjects; readonly rule?: EventDataRule } =
    eventCatalog[type];
  const result = validate(canonicalObjects[definition.object].schema, data);
  if (!result.ok) return result.issues.map((issue) => ({ ...issue, path: `/data${issue.path}` }));
  const rule = definition.rule;
  if (rule === undefined) return [];
  const value = (result.value as Record<string, unknown>)[rule.field];
  if ('values' in rule) {
    if (typeof value === 'string' && rule.values.includes(value)) return [];
    return [
      {
        path: `/data/${rule.field}`,
        code: 'event_type_mismatch',
        message: `a ${type} event carries ${rule.field} ${rule.values.map((v) => `"${v}"`).join(' or ')}, not ${JSON.stringify(value)}`,
      },
    ];
  }
  if ((value !== undefined) === rule.present) return [];
  return [
    {
      path: `/data/${rule.field}`,
      code: 'event_type_mismatch',
      message: rule.present
        ? `a ${type} event names the record it ${rule.field}`
        : `a ${type} event has no ${rule.field}`,
    },
  ];
}
