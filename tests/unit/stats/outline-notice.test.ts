import { expect, it } from 'vitest';
import { outlineChangeFor } from '@/lib/stats/outline-notice';

it('tells a CISM candidate whose exam is on or after 3 November 2026 that the outline changed', () => {
  expect(outlineChangeFor('cism', '2026-11-03')).toMatchObject({ decksFollow: 'the CISM 2022 job practice', replacedOn: '2026-11-03' });
  expect(outlineChangeFor('cism', '2027-02-15')).not.toBeNull();
  expect(outlineChangeFor('cism', '2026-11-02')).toBeNull();
  expect(outlineChangeFor('cism', null)).toBeNull();
  expect(outlineChangeFor('cissp', '2027-02-15')).toBeNull();
});
