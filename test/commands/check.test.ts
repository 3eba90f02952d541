/**
 * npm run check, in a repository with the academy fixture's content: validates without signing,
 * lists every error at once, and warns about awards that expire within 30 days (dates relative to
 * today, as the command reads the clock).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { check } from '../../src/commands/check.ts';
import { makeRepository, type Repository } from '../helpers/repository.ts';

const DAY = 24 * 60 * 60 * 1000;
/**
 * The fixture's own awards expire on fixed dates (the first on 2027-03-18), so "today" is fixed
 * too: on a day within 30 days of one of them the count below would change. The command reads
 * Date.now(), not its context's clock, hence a fake Date rather than the `now` option alone.
 */
const TODAY = new Date('2026-12-01T12:00:00Z');
const isoDay = (offsetDays: number) => new Date(TODAY.getTime() + offsetDays * DAY).toISOString().slice(0, 10);

let repo: Repository;
beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
  vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
});
afterAll(async () => {
  vi.useRealTimers();
  await repo.cleanup();
});

function award(id: string, index: number, name: string, validUntil: string): string {
  return [
    `id: ${id}`,
    'achievement: accessible-interfaces',
    `statusIndex: ${index}`,
    `recipient: { name: ${name}, identity: { type: sisSourcedId, value: S-${index} } }`,
    `awardedOn: ${isoDay(-300)}`,
    `validUntil: ${validUntil}`,
    '',
  ].join('\n');
}

describe('npm run check', () => {
  it('lists the awards that expire in the next 30 days, and no others', async () => {
    await writeFile(path.join(repo.dir, 'content', 'awards', 'soon.yaml'), award('00000000-0000-4000-8000-0000000000a1', 900_001, 'Soon Expiring', isoDay(10)));
    await writeFile(path.join(repo.dir, 'content', 'awards', 'later.yaml'), award('00000000-0000-4000-8000-0000000000a2', 900_002, 'Later Expiring', isoDay(90)));
    const result = await repo.command(check, [], { now: TODAY });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ content/ is valid');
    expect(result.stdout).toContain('1 award expires in the next 30 days');
    expect(result.stdout).toContain(`${isoDay(10)}  Soon Expiring, accessible-interfaces`);
    expect(result.stdout).not.toContain('Later Expiring');
  });

  it('reports every error with file, line and code, and exits 1; bad usage exits 2', async () => {
    await writeFile(path.join(repo.dir, 'content', 'awards', 'broken.yaml'), 'id: 00000000-0000-4000-8000-0000000000b1\nachievement: nope\nstatusIndex: 900003\nrecipient: { name: X Y, identity: { type: sisSourcedId, value: S-1 } }\nawardedOn: 2026-13-01\n');
    const result = await repo.command(check, [], { now: TODAY });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/awards/broken.yaml:5:12 error[invalid-date] awardedOn');
    expect(result.stderr).toContain('Nothing was built.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect((await repo.command(check, ['--frobnicate'])).code).toBe(2);
  });
});
