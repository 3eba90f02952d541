/** LinkedIn's "Add to profile" link (STANDARDS §7): parameters, encoding, and what is left out. */
import { describe, expect, it } from 'vitest';
import { LINKEDIN_ADD_TO_PROFILE, LINKEDIN_SHARE, linkedInAddToProfileUrl, linkedInShareUrl, type LinkedInCertification } from '../../src/site/linkedin.ts';

const base: LinkedInCertification = {
  name: 'Web Accessibility Practitioner',
  organizationId: '10482233',
  organizationName: 'Northbridge Institute of Digital Skills',
  issuedOn: '2025-12-05T00:00:00Z',
  expiresOn: '2027-12-05T00:00:00Z',
  certUrl: 'https://credentials.harbourside.example/credentials/e28a4715-c804-4e45-90d6-e3b35e1b9849/',
  certId: 'e28a4715-c804-4e45-90d6-e3b35e1b9849',
};

function parameters(url: string): Array<[string, string]> {
  const parsed = new URL(url);
  expect(`${parsed.origin}${parsed.pathname}`).toBe(LINKEDIN_ADD_TO_PROFILE);
  return [...parsed.searchParams];
}

describe('linkedInAddToProfileUrl', () => {
  it('gives every parameter, in the documented order, with the organisation id', () => {
    expect(parameters(linkedInAddToProfileUrl(base))).toEqual([
      ['startTask', 'CERTIFICATION_NAME'],
      ['name', 'Web Accessibility Practitioner'],
      ['organizationId', '10482233'],
      ['issueYear', '2025'],
      ['issueMonth', '12'],
      ['expirationYear', '2027'],
      ['expirationMonth', '12'],
      ['certUrl', base.certUrl],
      ['certId', base.certId],
    ]);
  });

  it('falls back to the organisation name, and never gives both', () => {
    const query = parameters(linkedInAddToProfileUrl({ ...base, organizationId: undefined }));
    expect(query).toContainEqual(['organizationName', 'Northbridge Institute of Digital Skills']);
    expect(query.map(([key]) => key)).not.toContain('organizationId');
    const withId = parameters(linkedInAddToProfileUrl(base)).map(([key]) => key);
    expect(withId).not.toContain('organizationName');
    expect(parameters(linkedInAddToProfileUrl({ ...base, organizationId: '  ' })).map(([key]) => key)).toContain('organizationName');
  });

  it('leaves out the expiration of a certification that never expires', () => {
    const keys = parameters(linkedInAddToProfileUrl({ ...base, expiresOn: undefined })).map(([key]) => key);
    expect(keys).not.toContain('expirationYear');
    expect(keys).not.toContain('expirationMonth');
  });

  it('uses 1-based months without a leading zero, read in UTC from the text', () => {
    const query = new URL(linkedInAddToProfileUrl({ ...base, issuedOn: '2026-01-31T23:30:00Z', expiresOn: '2026-03-01' })).searchParams;
    expect(query.get('issueMonth')).toBe('1');
    expect(query.get('issueYear')).toBe('2026');
    expect(query.get('expirationMonth')).toBe('3');
  });

  it('percent-encodes names and URLs (spaces as %20, never +) and round-trips any text', () => {
    const name = 'Café & Co: "Data" 100% + more / ünïcödé';
    const url = linkedInAddToProfileUrl({ ...base, name, organizationId: undefined, organizationName: 'A&B Institute' });
    expect(url).toContain('name=Caf%C3%A9%20%26%20Co%3A%20%22Data%22%20100%25%20%2B%20more%20%2F%20%C3%BCn%C3%AFc%C3%B6d%C3%A9');
    expect(url).not.toContain('+');
    expect(url).toContain(`certUrl=${encodeURIComponent(base.certUrl)}`);
    const query = new URL(url).searchParams;
    expect(query.get('name')).toBe(name);
    expect(query.get('organizationName')).toBe('A&B Institute');
  });

  it('refuses a date it cannot read', () => {
    expect(() => linkedInAddToProfileUrl({ ...base, issuedOn: 'March 2026' })).toThrow(/expected a date/);
  });

  it('shares the page itself in a post, the only parameter of LinkedIn’s share dialog', () => {
    const page = 'https://badges.example.org/sub path/credentials/a&b/';
    const url = new URL(linkedInShareUrl(page));
    expect(`${url.origin}${url.pathname}`).toBe(LINKEDIN_SHARE);
    expect([...url.searchParams]).toEqual([['url', page]]);
  });
});
