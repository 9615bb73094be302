import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/app-shell/site-header';
import { StorageProvider } from '@/components/app-shell/storage-provider';
import './globals.css';

export const metadata: Metadata = {
  title: 'CISM & CISSP study',
  description: 'Spaced-repetition study for the CISM and CISSP certifications. Works offline.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <SiteHeader />
        <main className="mx-auto max-w-3xl px-4 py-6">
          <StorageProvider>{children}</StorageProvider>
        </main>
      </body>
    </html>
  );
}
