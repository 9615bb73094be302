'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { InstallAppButton } from './install-app';

const LINKS = [
  { href: '/', label: 'Decks' },
  { href: '/stats/', label: 'Progress' },
  { href: '/backup/', label: 'Backup' },
  { href: '/settings/', label: 'Settings' },
];

export function SiteHeader() {
  const path = usePathname();
  return (
    <header className="no-print border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <nav aria-label="Main" className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-auto text-lg font-bold">
          CISM · CISSP study
        </Link>
        {LINKS.map((l) => {
          const current = l.href === '/' ? path === '/' : path?.startsWith(l.href.replace(/\/$/, ''));
          return (
            <Link
              key={l.href}
              href={l.href}
              aria-current={current ? 'page' : undefined}
              className={`rounded px-2 py-1 underline-offset-4 hover:underline ${current ? 'font-semibold underline' : ''}`}
            >
              {l.label}
            </Link>
          );
        })}
        <InstallAppButton />
      </nav>
    </header>
  );
}
