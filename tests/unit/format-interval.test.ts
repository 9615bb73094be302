import { expect, it } from 'vitest';
import { formatInterval } from '@/lib/format-interval';

it('writes intervals the way the grade buttons show them', () => {
  expect(formatInterval(10 * 60_000)).toBe('10m');
  expect(formatInterval(20_000)).toBe('1m');
  expect(formatInterval(3 * 3_600_000)).toBe('3h');
  expect(formatInterval(3 * 86_400_000)).toBe('3d');
  expect(formatInterval(60 * 86_400_000)).toBe('2mo');
  expect(formatInterval(45 * 86_400_000)).toBe('1.5mo');
  expect(formatInterval(547 * 86_400_000)).toBe('1.5y');
});
