'use client';

import { useEffect, useState } from 'react';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** "Install app", shown only where the browser offers an install prompt. */
export function InstallAppButton() {
  const [prompt, setPrompt] = useState<InstallPromptEvent | null>(null);
  useEffect(() => {
    const offer = (e: Event) => {
      e.preventDefault();
      setPrompt(e as InstallPromptEvent);
    };
    const installed = () => setPrompt(null);
    window.addEventListener('beforeinstallprompt', offer);
    window.addEventListener('appinstalled', installed);
    return () => {
      window.removeEventListener('beforeinstallprompt', offer);
      window.removeEventListener('appinstalled', installed);
    };
  }, []);
  if (!prompt) return null;
  return (
    <button
      type="button"
      className="btn"
      onClick={async () => {
        await prompt.prompt();
        await prompt.userChoice;
        setPrompt(null);
      }}
    >
      Install app
    </button>
  );
}

function isStandalone(): boolean {
  return window.matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
}

/** For browsers that install from their own menu (Safari on iPhone and iPad) or already did. */
export function InstallHint() {
  const [kind, setKind] = useState<'ios' | 'installed' | 'other' | null>(null);
  useEffect(() => {
    const ios = /iphone|ipad|ipod/i.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
    // Read once after mount: the server-rendered page cannot know the browser.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setKind(isStandalone() ? 'installed' : ios ? 'ios' : 'other');
  }, []);
  if (kind === 'installed') return <p>The app is installed on this device.</p>;
  if (kind === 'ios') return <p>On iPhone or iPad: open this page in Safari, tap the Share button, then “Add to Home Screen”.</p>;
  return (
    <p>
      Use “Install app” in the header when your browser offers it, or your browser’s menu (Chrome and Edge: “Install
      CISM &amp; CISSP study”; Android: “Add to Home screen”).
    </p>
  );
}
