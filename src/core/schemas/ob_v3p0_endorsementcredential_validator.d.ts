/** Types for the generated standalone validator beside this file (scripts/generate-schema-validator.ts). */

export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export declare const validate: ValidateFunction;
export default validate;
