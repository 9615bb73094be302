'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { InstallAppButton } from './install-app';

const LINKS = [
  { href: '/', label: 'Home' },
  { href: '/study/', label: 'Study' },
  { href: '/practice/', label: 'Practice' },
  { href: '/browse/', label: 'Browse' },
  { href: '/stats/', label: 'Progress' },
  { href: '/backup/', label: 'Backup' },
  { href: '/import/', label: 'Import' },
  { href: '/settings/', label: 'Settings' },
];

/**
 * One row at every width. From 1024px up the links sit in the row; below (phones, tablets) they fold behind a
 * "Menu" button, so the header stays short and the bottom of the screen is left to the task's ActionBar.
 */
export function SiteHeader() {
  const path = usePathname();
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(path);
  const menuButton = useRef<HTMLButtonElement>(null);
  // Following a link closes the menu (state reset during render, keyed by the path).
  if (openedOn !== path) {
    setOpenedOn(path);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onKey(e: KeyboardEvent) {
      if (e.key !== 'Escape') return;
      setOpen(false);
      menuButton.current?.focus();
    }
    // A tap outside the header closes the panel, as on any phone menu.
    function onPointer(e: PointerEvent) {
      if (!(e.target instanceof Node) || !menuButton.current?.closest('header')?.contains(e.target)) setOpen(false);
    }
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <header className="no-print relative z-30 border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-x-1 px-4 py-2 lg:gap-x-2">
        <Link href="/" className="mr-auto rounded py-1 text-lg font-bold whitespace-nowrap">
          CISM · CISSP<span className="hidden md:inline"> study</span>
        </Link>
        <button
          ref={menuButton}
          type="button"
          className="btn px-3 lg:hidden"
          aria-expanded={open}
          aria-controls="main-links"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? '✕' : '☰'}</span> Menu
        </button>
        <ul
          id="main-links"
          className={`${open ? 'flex' : 'hidden'} absolute inset-x-0 top-full flex-col border-b border-slate-200 bg-white px-4 py-2 shadow-md dark:border-slate-800 dark:bg-slate-950 lg:static lg:flex lg:flex-row lg:flex-wrap lg:items-center lg:gap-x-1 lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none lg:dark:bg-transparent`}
        >
          {LINKS.map((l) => {
            const current = l.href === '/' ? path === '/' : path?.startsWith(l.href.replace(/\/$/, ''));
            return (
              <li key={l.href}>
                <Link
                  href={l.href}
                  aria-current={current ? 'page' : undefined}
                  className={`flex min-h-11 items-center rounded px-2 underline-offset-4 hover:underline lg:min-h-0 lg:py-1 ${current ? 'font-semibold underline' : ''}`}
                >
                  {l.label}
                </Link>
              </li>
            );
          })}
          <li className="empty:hidden">
            <InstallAppButton />
          </li>
        </ul>
      </nav>
    </header>
  );
}
