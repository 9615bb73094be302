import { Suspense } from 'react';
import { StudyScreen } from '@/components/study/study-screen';

export const metadata = { title: 'Study · CISM & CISSP study' };

export default function StudyPage() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <StudyScreen />
    </Suspense>
  );
}
