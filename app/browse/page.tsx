import { Suspense } from 'react';
import { BrowseScreen } from '@/components/browse/browse-screen';

export const metadata = { title: 'Browse · CISM & CISSP study' };

export default function BrowsePage() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <BrowseScreen />
    </Suspense>
  );
}
