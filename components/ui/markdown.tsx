import { Fragment } from 'react';
import { parseMarkdown, type Inline } from '@/lib/markdown';

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
