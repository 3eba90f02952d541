/** jsonSyntaxErrorAt: agrees with JSON.parse on what is valid, and says where the text breaks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxErrorAt } from '../../src/core/json.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonSyntaxErrorAt', () => {
  it('finds no error in any JSON that JSON.stringify writes', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => jsonSyntaxErrorAt(JSON.stringify(value, null, pretty ? 2 : undefined)) === undefined));
  });

  it('agrees with JSON.parse on arbitrary text, valid or not', () => {
    fc.assert(fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((json) => json.slice(0, -1))), (text) => (jsonSyntaxErrorAt(text) === undefined) === parses(text)), { numRuns: 2000 });
  });

  it('points at the first character that breaks the grammar', () => {
    expect(jsonSyntaxErrorAt('{\n  "a": 1,\n  "b": nope\n}')).toEqual({ line: 3, column: 8 });
    expect(jsonSyntaxErrorAt('{"a": 1,}')).toEqual({ line: 1, column: 9 });
    expect(jsonSyntaxErrorAt('{"a": 1}\n}')).toEqual({ line: 2, column: 1 });
    expect(jsonSyntaxErrorAt('"unterminated')).toEqual({ line: 1, column: 14 });
    expect(jsonSyntaxErrorAt('{"a": [1, 2]}')).toBeUndefined();
    // As JSON.parse: a byte-order mark is not JSON.
    expect(jsonSyntaxErrorAt('\uFEFF{}')).toEqual({ line: 1, column: 1 });
  });
});
