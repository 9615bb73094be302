import { Fragment } from 'react';
import { parseMarkdown, type Inline } from '@/lib/markdown';
import { useMediaUrl } from '@/lib/db/hooks';
import { useStudyDb } from '../app-shell/storage-provider';

/** An image stored with imported cards, loaded from IndexedDB; its alt text when it is missing. */
function MediaImage({ name, alt }: { name: string; alt: string }) {
  const url = useMediaUrl(useStudyDb(), name);
  if (url === undefined) return <span className="muted">[image]</span>;
  if (url === null) return <span className="muted">[image not stored: {alt || name}]</span>;
  // eslint-disable-next-line @next/next/no-img-element -- a local object URL: nothing for next/image to optimise
  return <img src={url} alt={alt} className="my-2 inline-block max-h-80 max-w-full" />;
}

function InlineParts({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) => {
        switch (p.kind) {
          case 'text':
            return <Fragment key={i}>{p.text}</Fragment>;
          case 'code':
            return <code key={i} className="rounded bg-slate-200 px-1 dark:bg-slate-700">{p.text}</code>;
          case 'strong':
            return <strong key={i}><InlineParts parts={p.children} /></strong>;
          case 'em':
            return <em key={i}><InlineParts parts={p.children} /></em>;
          case 'image':
            return <MediaImage key={i} name={p.name} alt={p.alt} />;
        }
      })}
    </>
  );
}

/** Card text: a safe Markdown subset rendered as React elements (no raw HTML ever). */
export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {parseMarkdown(text).map((b, i) => {
        if (b.kind === 'paragraph')
          return <p key={i} className="my-2"><InlineParts parts={b.children} /></p>;
        const items = b.items.map((item, j) => <li key={j}><InlineParts parts={item} /></li>);
        return b.kind === 'list' ? (
          <ul key={i} className="my-2 list-disc pl-6">{items}</ul>
        ) : (
          <ol key={i} start={b.start} className="my-2 list-decimal pl-6">{items}</ol>
        );
      })}
    </div>
  );
}
