/**
 * The pinned contexts: each copy is the one src/core/contexts/SOURCES.md names (SHA-256 of its
 * canonical JSON, keys sorted), and the loader serves only them, never fetching.
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CREDENTIALS_STATUS_V1_CONTEXT, PINNED_CONTEXTS, STATUS_LIST_2021_CONTEXT, UnknownContextError, createDocumentLoader } from '../../src/core/document-loader.ts';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const PINNED: Record<string, string> = {
  'https://www.w3.org/ns/credentials/v2': 'b463c8d6a066214123ddd9827b135e1b50e1fc73322cc52a9b12a4f1fc7d86cf',
  'https://www.w3.org/2018/credentials/v1': 'b01e671e873981f19a9102a9a57f666dbcaeb31b99e3e124378d143e71549247',
  'https://www.w3.org/ns/credentials/examples/v2': '8a675bead391be98e6054c4e07c41f73337508d398e07047344c5d349aa2dc58',
  [CREDENTIALS_STATUS_V1_CONTEXT]: 'b2fcebfbaf4e6beae2be370fda8a5f9f99c28540c798a75a8cdccc0fb1a12492',
  [STATUS_LIST_2021_CONTEXT]: '9768f9aa81ab6c3e2ad96b2d669eaba67afe13fff0140a853f1e3d313fab13b6',
  'https://w3id.org/security/data-integrity/v2': '7ba3c50acf2689d5e07927267343eb353249c7c22a9f2d00307cc970e855e305',
  'https://w3id.org/security/suites/ed25519-2020/v1': 'fb517f09d990829aed734c9bad8cbbb2ac3d5063b865c7e3d81f246074bf5691',
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json': '2c54acaa1cffda2420be32ab61f0a2082051211131c6337686f36f2537aa859b',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': '8bb2354552b70cbdf2066f6d3e24bc5c2be2619145737580ad2aebdc366e77d5',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': 'bdd1d11a55a660322f24660862a1d430ee80cce584465f750909daa43684357c',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'c5e555a91a5cf48e32ae0a05674c61ddd5c053b680b5643b2f57f9965e386d99',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': '15f4c347c6fe4380d9b6b93795859e33747ef48d5c55b91a71c52fb51c7bcbd7',
  'https://purl.imsglobal.org/spec/clr/v2p0/context.json': 'a2dd0c0c07434663b7b54a51dd8a3363f6d5c420efa87e3d97b4ef8661596d44',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': '7defe702c102faf14108579b7d65ef39ecf4c3bbef925b803e15bd77cd6e3394',
};

describe('the pinned contexts', () => {
  it('are exactly the copies SOURCES.md names', () => {
    const hashes = Object.fromEntries([...PINNED_CONTEXTS].map(([url, document]) => [url, bytesToHex(sha256(new TextEncoder().encode(canonical(document))))]));
    expect(hashes).toEqual(PINNED);
  });

  it('include the status contexts other issuers use, and define their terms', () => {
    const status = PINNED_CONTEXTS.get(CREDENTIALS_STATUS_V1_CONTEXT) as { '@context': Record<string, unknown> };
    expect(Object.keys(status['@context'])).toEqual(expect.arrayContaining(['BitstringStatusListCredential', 'BitstringStatusList', 'BitstringStatusListEntry']));
    const v2021 = PINNED_CONTEXTS.get(STATUS_LIST_2021_CONTEXT) as { '@context': Record<string, unknown> };
    expect(Object.keys(v2021['@context'])).toEqual(expect.arrayContaining(['StatusList2021Credential', 'StatusList2021', 'StatusList2021Entry']));
  });

  it('are the only documents the loader serves', async () => {
    const loader = createDocumentLoader();
    await expect(loader(STATUS_LIST_2021_CONTEXT)).resolves.toMatchObject({ documentUrl: STATUS_LIST_2021_CONTEXT });
    await expect(loader('https://w3id.org/vc/status-list/v1')).rejects.toBeInstanceOf(UnknownContextError);
  });
});
