import { describe, expect, it } from 'vitest';
import { checkSyncConfig, databaseUrl, describeSyncFailure } from '@/lib/sync/server-address';

const base = { server: 'https://couch.example.org/', database: 'study', username: 'ana', password: 's3cret' };

describe('the sync set-up', () => {
  it('accepts HTTPS, and plain HTTP only on this computer', () => {
    expect(checkSyncConfig(base)).toEqual({ ok: true, config: { ...base, server: 'https://couch.example.org' } });
    expect(checkSyncConfig({ ...base, server: 'http://localhost:5984' }).ok).toBe(true);
    expect(checkSyncConfig({ ...base, server: 'http://127.0.0.1:5984' }).ok).toBe(true);
    const plain = checkSyncConfig({ ...base, server: 'http://couch.example.org' });
    expect(plain).toMatchObject({ ok: false, field: 'server', message: expect.stringMatching(/must start with https:\/\//) });
  });

  it.each([
    ['not a URL', { server: 'couch.example.org' }, 'server', /full URL/],
    ['credentials in the address', { server: 'https://ana:s3cret@couch.example.org' }, 'server', /Leave the user name and password out of the address/],
    ['a query', { server: 'https://couch.example.org/?x=1' }, 'server', /may not contain \? or #/],
    ['a database name CouchDB refuses', { database: 'Study Notes' }, 'database', /must start with a lowercase letter/],
    ['a user name without a password', { password: '' }, 'password', /both the user name and the password/],
  ])('refuses %s, naming the field', (_what, change, field, message) => {
    expect(checkSyncConfig({ ...base, ...change })).toMatchObject({ ok: false, field, message: expect.stringMatching(message) });
  });

  it('the database address never holds the credentials', () => {
    const checked = checkSyncConfig(base);
    expect(checked.ok && databaseUrl(checked.config)).toBe('https://couch.example.org/study');
  });
});

describe('what a failed sync says', () => {
  const config = { server: 'https://couch.example.org', database: 'study' };
  it.each([
    [{ status: 401 }, /refused the user name or password \(401\)/],
    [{ status: 403 }, /may not use the database "study" \(403\)/],
    [{ status: 404 }, /does not exist on the server/],
    [{ status: 500 }, /server had an error \(500\)\. Nothing was lost/],
    [{ status: 502 }, /server had an error \(502\)/],
    [{ name: 'TypeError', message: 'Failed to fetch' }, /cannot be reached/],
    [{ name: 'QuotaExceededError' }, /out of storage space/],
    [{ status: 413 }, /too large \(413\)/],
  ])('%o', (error, message) => {
    expect(describeSyncFailure(error, config)).toMatch(message);
  });
});
