// Identifiers and texts carry only characters every standard we align with can carry (issue 9,
// item 23): XML 1.0 (IDoc-XML, B2MML) forbids control characters, unpaired surrogates and
// U+FFFE/U+FFFF, and a JSON string with an unpaired surrogate is not Unicode text (RFC 8259,
// I-JSON), nor can UTF-8 encode it.
import { Identifier, Property, Source, Text, validate, WorkOrder } from 'millwright';
import { describe, expect, it } from 'vitest';
import * as samples from '../../../examples/sample-records.js';

describe('Identifier', () => {
  const refused: readonly [string, string, RegExp][] = [
    ['a lone high surrogate', 'M-\uD800', /unpaired surrogate U\+D800 at character 3/],
    ['a lone low surrogate', '\uDC00-M', /unpaired surrogate U\+DC00 at character 1/],
    ['a surrogate pair in the wrong order', 'M\uDC00\uD800', /unpaired surrogate U\+DC00 at character 2/],
    ['U+FFFE', 'M\uFFFE1', /U\+FFFE at character 2/],
    ['U+FFFF', '\uFFFF', /U\+FFFF at character 1/],
    ['a NUL', 'M\u00001', /control character U\+0000 at character 2/],
    ['a C1 control', 'M\u00851', /control character U\+0085 at character 2/],
    ['a tab', 'M\t1', /control character U\+0009 at character 2/],
    ['a leading space', ' M1', /white space at the start/],
    ['a trailing no-break space', 'M1\u00A0', /white space at the end/],
    ['nothing', '', /1 to 256 characters/],
    ['257 characters', 'x'.repeat(257), /at most 256 characters/],
  ];

  it.each(refused)('refuses %s with a message that names the problem', (_what, id, message) => {
    const result = validate(Identifier, id);
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: '', code: 'invalid_format' })],
    });
    expect(!result.ok && result.issues[0]?.message).toMatch(message);
    expect(Identifier.safeParse(id).success).toBe(false);
  });

  it('refuses them in every identifier of a record, with the path', () => {
    const component = { ...samples.workOrder.components?.[0], material: 'RM-\uD83D' };
    const order = { ...samples.workOrder, components: [component] };
    expect(validate(WorkOrder, order)).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: '/components/0/material', code: 'invalid_format' })],
    });
    expect(validate(Source, { system: '\uDFFF' }).ok).toBe(false);
  });

  it('accepts characters outside the Basic Multilingual Plane, written as surrogate pairs', () => {
    for (const id of ['M-\u{1F527}', '\u{20000}\u{20001}', 'Zahnradpumpe-Ü', 'ｍ-全角', 'A B']) {
      expect(validate(Identifier, id)).toEqual({ ok: true, value: id });
    }
  });

  it('still counts 256 characters as code points', () => {
    expect(validate(Identifier, '\u{1F527}'.repeat(256)).ok).toBe(true);
  });
});

describe('Text', () => {
  it('keeps tabs and line breaks, and refuses what XML and UTF-8 cannot carry', () => {
    expect(validate(Text, 'Line 1\r\n\tLine 2 \u{1F527}').ok).toBe(true);
    for (const [text, message] of [
      ['broken \uD800 text', /unpaired surrogate U\+D800 at character 8/],
      ['bell \u0007', /control character U\+0007 at character 6/],
      ['\uFFFF', /U\+FFFF at character 1/],
    ] as const) {
      const result = validate(Text, text);
      expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'invalid_format' })] });
      expect(!result.ok && result.issues[0]?.message).toMatch(message);
    }
  });

  it('applies to property values too', () => {
    expect(validate(Property, { id: 'COLOR', value: 'red\uDBFF' })).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: '/value', code: 'invalid_format' })],
    });
    expect(validate(Property, { id: 'NOTE', value: '' }).ok).toBe(true);
  });
});
