/**
 * A result checked against what it reports: its ResultDescription's resultType, allowed values,
 * bounds and required value (OB 3.0 §B.2.x ResultDescription, §B.2.x Result, §B.3.6 ResultType).
 * OB 3.0 types `Result.value` as a plain String; the type of the linked description is what gives
 * it a meaning, so "quatre-vingt" is refused as a Percent here rather than published as one.
 * Pure: the content validator, `npm run award` and `npm run import` share these checks.
 */
import type { z } from 'zod';
import type { RESULT_TYPES, resultDescriptionSchema } from './schemas/achievement.ts';
import type { Result } from './schemas/award.ts';

export type ResultType = (typeof RESULT_TYPES)[number];
export type ResultDescription = z.output<typeof resultDescriptionSchema>;

/** The result types whose value is a number (ResultType §B.3.6: a percentage, a GPA, scores). */
export const NUMERIC_RESULT_TYPES: ReadonlySet<ResultType> = new Set(['Percent', 'GradePointAverage', 'RawScore', 'ScaledScore', 'RubricScore', 'PredictedScore']);

/**
 * How a number is written in a content file: digits, an optional dot and decimals. No sign of
 * plus, exponent, unit or thousands separator, so every reader (and every verifier) reads the
 * same number; the pages write it the way the site's language does.
 */
const DECIMAL = /^-?\d+(\.\d+)?$/;

export const isDecimal = (text: string | undefined): boolean => text !== undefined && DECIMAL.test(text);

export interface ResultProblem {
  /** The field of the result that is wrong. */
  readonly field: 'value' | 'status';
  readonly message: string;
  readonly expected: string;
}

/** The lowest and highest value a numeric description allows: its own bounds, or a percentage's 0 to 100. */
export function resultBounds(description: ResultDescription): { min: number | undefined; max: number | undefined } {
  const given = (text: string | undefined) => (isDecimal(text) ? Number(text) : undefined);
  const percent = description.resultType === 'Percent';
  const min = given(description.valueMin) ?? (percent || description.resultType === 'GradePointAverage' ? 0 : undefined);
  return { min, max: given(description.valueMax) ?? (percent ? 100 : undefined) };
}

function rangeText(description: ResultDescription): string {
  const { min, max } = resultBounds(description);
  const what = description.resultType === 'Percent' ? 'a percentage written as a number' : 'a number';
  const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : max !== undefined ? ` of at most ${max}` : '';
  return `${what}${range}${range ? '' : ', like 85'}, with a dot for decimals`;
}

/** What to write instead of a number written the way a person or a spreadsheet writes it: "95%" → "95", "91,5" → "91.5". */
function numberHint(value: string): string | undefined {
  const normalised = normalizeNumber(value);
  return normalised !== value && isDecimal(normalised) ? normalised : undefined;
}

function normalizeNumber(value: string): string {
  return value.trim().replace(/\s*%$/, '').replace(/^\+/, '').replace(/^(-?\d+),(\d+)$/, '$1.$2');
}

function valueProblem(value: string, description: ResultDescription): ResultProblem | undefined {
  const { name } = description;
  const allowed = description.allowedValues;
  if (allowed && !allowed.includes(value)) {
    // OB 3.0 allowedValue: the value is one of these, exactly as written.
    const sameLetters = allowed.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
    return { field: 'value', message: `"${value}" is not one of the values ${name} allows.${sameLetters ? ` Did you mean "${sameLetters}"?` : ''}`, expected: `one of ${allowed.join(', ')}` };
  }
  if (!NUMERIC_RESULT_TYPES.has(description.resultType)) return undefined;
  if (!isDecimal(value)) {
    const hint = numberHint(value);
    const why = hint !== undefined ? ` Write ${hint}: the page adds the ${value.includes('%') ? 'percent sign' : 'decimal separator'} the way the site's language writes it.` : '';
    return { field: 'value', message: `"${value}" is not a number, and ${name} is a ${description.resultType}.${why}`, expected: hint ?? rangeText(description) };
  }
  const number = Number(value);
  const { min, max } = resultBounds(description);
  if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
    return { field: 'value', message: `${value} is outside the range of ${name}.`, expected: rangeText(description) };
  }
  // requiredValue (OB 3.0): what it takes to earn the achievement; its page says "at least" it.
  if (isDecimal(description.requiredValue) && number < Number(description.requiredValue)) {
    return { field: 'value', message: `${value} is below the ${description.requiredValue} that ${name} requires to earn the achievement.`, expected: `a number of at least ${description.requiredValue}` };
  }
  return undefined;
}

/** Why `result` cannot report `description`, or undefined when it can. */
export function resultProblem(result: Result, description: ResultDescription): ResultProblem | undefined {
  // Result.status "Required if resultType of the linked ResultDescription is Status" (OB 3.0 §B.2.x Result).
  if (description.resultType === 'Status' && result.status === undefined) {
    return { field: 'status', message: `is missing: ${description.name} is a Status result, which OB 3.0 reports in its status.`, expected: 'one of Completed, Enrolled, Failed, InProgress, OnHold, Provisional, Withdrew' };
  }
  if (result.value !== undefined) return valueProblem(result.value, description);
  if (NUMERIC_RESULT_TYPES.has(description.resultType)) {
    return { field: 'value', message: `is missing: ${description.name} is a ${description.resultType} and needs its number.`, expected: rangeText(description) };
  }
  return undefined;
}

/**
 * A value as a person types it (`npm run award --result`, a roster cell), as it is written in the
 * award file: trimmed, and for a number "95%" → "95", "91,5" → "91.5" (a spreadsheet in French
 * writes decimals with a comma). Anything else is kept as typed, for resultProblem to judge.
 */
export function normalizeResultValue(value: string, description: ResultDescription): string {
  const trimmed = value.trim();
  if (!NUMERIC_RESULT_TYPES.has(description.resultType) || description.allowedValues?.includes(trimmed)) return trimmed;
  const normalised = normalizeNumber(trimmed);
  return isDecimal(normalised) ? normalised : trimmed;
}

export interface DescriptionProblem {
  readonly field: 'valueMin' | 'valueMax' | 'requiredValue';
  readonly message: string;
  readonly expected: string;
}

/** What is wrong with a ResultDescription itself: bounds a number type cannot compare, a required value it cannot reach. */
export function descriptionProblems(description: ResultDescription): DescriptionProblem[] {
  const problems: DescriptionProblem[] = [];
  const numeric = NUMERIC_RESULT_TYPES.has(description.resultType);
  for (const field of ['valueMin', 'valueMax', 'requiredValue'] as const) {
    const text = description[field];
    if (text === undefined) continue;
    if (numeric && !isDecimal(text)) {
      const hint = numberHint(text);
      problems.push({ field, message: `"${text}" is not a number, and ${description.name} is a ${description.resultType}.`, expected: hint ?? 'a number with a dot for decimals, like "100"' });
    } else if (field === 'requiredValue' && description.allowedValues && !description.allowedValues.includes(text)) {
      problems.push({ field, message: `"${text}" is not one of the allowedValues of ${description.name}.`, expected: `one of ${description.allowedValues.join(', ')}` });
    }
  }
  if (problems.length || !numeric) return problems;
  const { min, max } = resultBounds(description);
  if (min !== undefined && max !== undefined && min > max) problems.push({ field: 'valueMin', message: `${min} is above valueMax (${max}).`, expected: `a number of at most ${max}` });
  else if (description.requiredValue !== undefined) {
    const required = Number(description.requiredValue);
    if ((min !== undefined && required < min) || (max !== undefined && required > max)) problems.push({ field: 'requiredValue', message: `${required} is outside the range of ${description.name}.`, expected: rangeText(description) });
  }
  return problems;
}
