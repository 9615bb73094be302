import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/app-shell/site-header';
import { ServiceWorkerUpdates } from '@/components/app-shell/service-worker-updates';
import { StorageProvider } from '@/components/app-shell/storage-provider';
import { SyncAgent } from '@/components/sync/sync-agent';
import './globals.css';

export const metadata: Metadata = {
  title: 'CISM & CISSP study',
  description: 'Spaced-repetition study for the CISM and CISSP certifications. Works offline.',
  applicationName: 'CISM & CISSP study',
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [{ url: '/icons/favicon-32.png', sizes: '32x32', type: 'image/png' }],
    apple: [{ url: '/icons/apple-touch-icon.png', sizes: '180x180' }],
  },
  appleWebApp: { capable: true, title: 'CISM·CISSP', statusBarStyle: 'default' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  // Lets the phone ActionBar sit above the home indicator through env(safe-area-inset-bottom).
  viewportFit: 'cover',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen pr-[env(safe-area-inset-right)] pl-[env(safe-area-inset-left)] bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <ServiceWorkerUpdates />
        <SiteHeader />
        <main className="mx-auto max-w-3xl px-4 py-4 sm:py-6">
          <StorageProvider>
            {children}
            <SyncAgent />
          </StorageProvider>
        </main>
      </body>
    </html>
  );
}
