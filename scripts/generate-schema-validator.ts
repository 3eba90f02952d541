import { generateSchemaValidator } from '../src/commands/generate-schema-validator.ts';

process.exitCode = await generateSchemaValidator();
