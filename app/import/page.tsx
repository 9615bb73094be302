import { Suspense } from 'react';
import { ImportScreen } from '@/components/import/import-screen';

export const metadata = { title: 'Import · CISM & CISSP study' };

export default function ImportPage() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <ImportScreen />
    </Suspense>
  );
}
