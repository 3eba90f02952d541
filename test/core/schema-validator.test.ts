/**
 * The browser's precompiled OB 3.0 schema validator (src/core/schemas/): committed up to date with
 * its schema, and agreeing with the schema compiled at run time, as the command line does.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { validateOpenBadgeSchema } from '../../src/core/schemas/ob-schema.ts';
import ob3Vector from '../fixtures/vectors/ob3-eddsa-rdfc-2022-vector.json' with { type: 'json' };
import { unsignedCredential, type Json } from '../helpers/verify-site.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCHEMA = 'ob_v3p0_achievementcredential_schema.json';

describe('the precompiled OB 3.0 schema validator', () => {
  it('is a byte-for-byte copy of the fixture schema, and the committed module is up to date', async () => {
    expect(readFileSync(path.join(ROOT, 'src/core/schemas', SCHEMA))).toEqual(readFileSync(path.join(ROOT, 'test/fixtures/schemas', SCHEMA)));
    const run = promisify(execFile);
    await expect(run(process.execPath, ['scripts/generate-schema-validator.ts', '--check'], { cwd: ROOT })).resolves.toBeDefined();
  });

  it('reports what the run-time compiled schema reports', () => {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    const compiled = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'src/core/schemas', SCHEMA), 'utf8')) as object);
    const expected = (document: Json): string[] => (compiled(document) ? [] : (compiled.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()));
    const good = { ...unsignedCredential('schema'), proof: [{ type: 'DataIntegrityProof' }] };
    const samples: Json[] = [
      good,
      { ...ob3Vector.expectedSigned, proof: [ob3Vector.expectedSigned.proof] },
      { ...good, validFrom: '2025-02-30T00:00:00Z' },
      { ...good, validFrom: '2025-06-01' },
      { ...good, '@context': ['https://www.w3.org/ns/credentials/v2'] },
      { ...good, credentialSubject: { type: ['AchievementSubject'] } },
      { ...good, type: 'OpenBadgeCredential' },
      {},
    ];
    for (const sample of samples) expect(validateOpenBadgeSchema(sample), JSON.stringify(sample).slice(0, 80)).toEqual(expected(sample));
    expect(validateOpenBadgeSchema(good)).toEqual([]);
    expect(validateOpenBadgeSchema({ ...good, validFrom: '2025-02-30T00:00:00Z' })).toContain('/validFrom must match format "date-time"');
  });
});
