import { it } from 'vitest';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import schema from '../fixtures/schemas/ob_v3p0_achievementcredential_schema.json' with { type: 'json' };
import * as S from './verify-site.ts';
import ob3 from '../fixtures/vectors/ob3-eddsa-rdfc-2022-vector.json' with { type: 'json' };
it('smoke', async () => {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const v = ajv.compile(schema);
  const cred = await S.sign(S.unsignedCredential('ada'));
  console.log(v(cred), v.errors);
  console.log(v(ob3.expectedSigned), v.errors);
});
