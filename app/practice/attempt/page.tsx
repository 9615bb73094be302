import { Suspense } from 'react';
import { AttemptScreen } from '@/components/practice/attempt-screen';

export const metadata = { title: 'Practice attempt · CISM & CISSP study' };

export default function AttemptPage() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <AttemptScreen />
    </Suspense>
  );
}
