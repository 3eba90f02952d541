/**
 * Results checked against their ResultDescription (src/content/results.ts), through the whole
 * content validation: for each OB 3.0 ResultType a valid award, and an invalid one whose error
 * names the file, line, column and field, and says what would be right.
 */
import { describe, expect, it } from 'vitest';
import { RESULT_TYPES } from '../../src/content/schemas/achievement.ts';
import { normalizeResultValue, type ResultType } from '../../src/content/results.ts';
import { validateContent } from '../../src/content/validate.ts';
import { formatError } from '../../src/core/error.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const ACHIEVEMENT = 'content/achievements/teamwork.md';
const AWARD = 'content/awards/teamwork-ada.yaml';

interface Case {
  /** The description's fields after its id, name and resultType, as YAML lines. */
  readonly description: readonly string[];
  /** The result's fields after its resultDescription, as YAML lines. */
  readonly valid: readonly string[];
  readonly invalid: readonly string[];
  /** The start of the error as printed: `file:line:column error[code] field: message`. */
  readonly error: string;
  readonly expected: string;
}

// The award's results start on line 11, its first field (resultDescription) on line 12 and the next on 13.
const CASES: Record<ResultType, Case> = {
  Percent: { description: [], valid: ['value: "91.5"'], invalid: ['value: quatre-vingt'], error: `${AWARD}:13:12 error[invalid-result] results[0].value: "quatre-vingt" is not a number, and Score is a Percent.`, expected: 'a percentage written as a number from 0 to 100, with a dot for decimals' },
  GradePointAverage: { description: ['valueMax: "4.0"'], valid: ['value: "3.7"'], invalid: ['value: "4.3"'], error: `${AWARD}:13:12 error[invalid-result] results[0].value: 4.3 is outside the range of Score.`, expected: 'a number from 0 to 4, with a dot for decimals' },
  LetterGrade: { description: ['allowedValues: [A, B, C, D]'], valid: ['value: B'], invalid: ['value: b'], error: `${AWARD}:13:12 error[invalid-result] results[0].value: "b" is not one of the values Score allows. Did you mean "B"?`, expected: 'one of A, B, C, D' },
  PerformanceLevel: { description: ['allowedValues: [Novice, Competent, Expert]'], valid: ['value: Expert'], invalid: ['value: Master'], error: `${AWARD}:13:12 error[invalid-result] results[0].value: "Master" is not one of the values Score allows.`, expected: 'one of Novice, Competent, Expert' },
  PredictedScore: { description: ['valueMin: "120"', 'valueMax: "180"'], valid: ['value: "165"'], invalid: ['value: high'], error: `${AWARD}:13:12 error[invalid-result] results[0].value: "high" is not a number, and Score is a PredictedScore.`, expected: 'a number from 120 to 180, with a dot for decimals' },
  RawScore: { description: ['valueMax: "50"'], valid: ['value: "42"'], invalid: ['value: "51"'], error: `${AWARD}:13:12 error[invalid-result] results[0].value: 51 is outside the range of Score.`, expected: 'a number of at most 50, with a dot for decimals' },
  Result: { description: ['allowedValues: [Pass, Merit, Distinction]'], valid: ['value: Merit'], invalid: ['value: Fail'], error: `${AWARD}:13:12 error[invalid-result] results[0].value: "Fail" is not one of the values Score allows.`, expected: 'one of Pass, Merit, Distinction' },
  RubricCriterion: { description: ['allowedValues: [Met, Not met]'], valid: ['value: Not met'], invalid: ['value: Partly'], error: `${AWARD}:13:12 error[invalid-result] results[0].value: "Partly" is not one of the values Score allows.`, expected: 'one of Met, Not met' },
  RubricCriterionLevel: { description: ['allowedValues: [Beginning, Developing, Accomplished]'], valid: ['value: Developing'], invalid: ['value: Exemplary'], error: `${AWARD}:13:12 error[invalid-result] results[0].value: "Exemplary" is not one of the values Score allows.`, expected: 'one of Beginning, Developing, Accomplished' },
  RubricScore: { description: ['valueMax: "12"'], valid: ['value: "11.5"'], invalid: ['value: "12.5"'], error: `${AWARD}:13:12 error[invalid-result] results[0].value: 12.5 is outside the range of Score.`, expected: 'a number of at most 12, with a dot for decimals' },
  ScaledScore: { description: ['valueMin: "200"', 'valueMax: "800"'], valid: ['value: "640"'], invalid: ['value: "150"'], error: `${AWARD}:13:12 error[invalid-result] results[0].value: 150 is outside the range of Score.`, expected: 'a number from 200 to 800, with a dot for decimals' },
  // OB 3.0 Result.status: required when the linked resultType is Status. The error points at the result.
  Status: { description: [], valid: ['status: Completed'], invalid: ['achievedLevel: done'], error: `${AWARD}:12:5 error[invalid-result] results[0].status: is missing: Score is a Status result, which OB 3.0 reports in its status.`, expected: 'one of Completed, Enrolled, Failed, InProgress, OnHold, Provisional, Withdrew' },
};

/** The minimal tree, its achievement's one result description replaced, and one result on its award. */
function tree(resultType: string, description: readonly string[], result: readonly string[]): Map<string, string> {
  const files = fixtureTree();
  const achievement = files.get(ACHIEVEMENT)!.replace('    resultType: Percent', [`    resultType: ${resultType}`, ...description.map((line) => `    ${line}`)].join('\n'));
  files.set(ACHIEVEMENT, achievement);
  files.set(AWARD, `${files.get(AWARD)!}results:\n  - resultDescription: score\n${result.map((line) => `    ${line}`).join('\n')}\n`);
  return files;
}

function errorsOf(files: Map<string, string>): string[] {
  const result = validateContent(toContentFiles(files));
  return result.ok ? [] : result.errors.map(formatError);
}

describe('results checked against their resultType', () => {
  it('has a case for every OB 3.0 ResultType', () => {
    expect(Object.keys(CASES).sort()).toEqual([...RESULT_TYPES].sort());
  });

  it.each(Object.entries(CASES))('accepts a valid %s result', (type, { description, valid }) => {
    expect(errorsOf(tree(type, description, valid))).toEqual([]);
  });

  it.each(Object.entries(CASES))('refuses an invalid %s result at its file, line and field, saying what is right', (type, { description, invalid, error, expected }) => {
    const errors = errorsOf(tree(type, description, invalid));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(error);
    expect(errors[0]).toContain(`expected: ${expected}`);
  });

  it('tells "95%" and "91,5" apart from a word, and says what to write instead', () => {
    const [percent] = errorsOf(tree('Percent', [], ['value: 95%']));
    expect(percent).toContain('"95%" is not a number, and Score is a Percent. Write 95: the page adds the percent sign the way the site\'s language writes it.');
    expect(percent).toContain('expected: 95\n');
    const [comma] = errorsOf(tree('Percent', [], ['value: "91,5"']));
    expect(comma).toContain('Write 91.5: the page adds the decimal separator');
  });

  it('refuses a percentage over 100 unless the description says so, and a number below its requiredValue', () => {
    expect(errorsOf(tree('Percent', [], ['value: "101"']))[0]).toContain('101 is outside the range of Score.');
    expect(errorsOf(tree('Percent', ['valueMax: "120"'], ['value: "101"']))).toEqual([]);
    const [below] = errorsOf(tree('Percent', ['requiredValue: "60"'], ['value: "59.5"']));
    expect(below).toContain('59.5 is below the 60 that Score requires to earn the achievement.');
  });

  it('refuses a number type without a number, and the results a batch gives all its awards where the batch writes them', () => {
    expect(errorsOf(tree('RawScore', [], ['achievedLevel: good']))[0]).toContain('results[0].value: is missing: Score is a RawScore and needs its number.');
    const files = tree('Percent', [], []);
    files.set(AWARD, files.get(AWARD)!.replace(/results:\n.*\n/, ''));
    files.set('content/awards/batch.yaml', 'achievement: teamwork\nawardedOn: 2026-04-01\nresults:\n  - resultDescription: score\n    value: "200"\nawards:\n  - id: 00000000-0000-4000-8000-000000000099\n    statusIndex: 99\n    recipient:\n      name: Bo Example\n      identity: { type: sourcedId, value: B-99 }\n');
    expect(errorsOf(files)).toEqual([expect.stringContaining('content/awards/batch.yaml:5:12 error[invalid-result] results[0].value: 200 is outside the range of Score.')]);
  });

  it('refuses a description whose bounds a number type cannot compare, in the achievement file', () => {
    const errors = errorsOf(tree('Percent', ['valueMax: cent'], ['value: "50"']));
    expect(errors).toEqual([expect.stringContaining(`${ACHIEVEMENT}:12:15 error[invalid-value] resultDescriptions[0].valueMax: "cent" is not a number, and Score is a Percent.`)]);
    expect(errorsOf(tree('LetterGrade', ['allowedValues: [A, B, C]', 'requiredValue: E'], ['value: A']))[0]).toContain('resultDescriptions[0].requiredValue: "E" is not one of the allowedValues of Score.');
    expect(errorsOf(tree('RawScore', ['valueMin: "10"', 'valueMax: "5"'], ['value: "7"']))[0]).toContain('resultDescriptions[0].valueMin: 10 is above valueMax (5).');
  });
});

describe('normalizeResultValue', () => {
  const percent = { id: 'score', name: 'Score', resultType: 'Percent' } as const;
  it('writes a number typed the way a person or a spreadsheet types it the way a file writes it', () => {
    expect(['95%', ' 95 % ', '91,5', '+80', '91.5'].map((value) => normalizeResultValue(value, percent))).toEqual(['95', '95', '91.5', '80', '91.5']);
  });
  it('keeps anything else as typed, for the check to refuse', () => {
    expect(normalizeResultValue('quatre-vingt', percent)).toBe('quatre-vingt');
    expect(normalizeResultValue('1,000,5', percent)).toBe('1,000,5');
    expect(normalizeResultValue(' B+ ', { id: 'grade', name: 'Grade', resultType: 'LetterGrade', allowedValues: ['A', 'B+'] })).toBe('B+');
  });
});
