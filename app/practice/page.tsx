import { Suspense } from 'react';
import { PracticeHome } from '@/components/practice/practice-home';

export const metadata = { title: 'Practice · CISM & CISSP study' };

export default function PracticePage() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <PracticeHome />
    </Suspense>
  );
}
