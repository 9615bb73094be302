import type { InputHTMLAttributes, ReactNode } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'aria-invalid' | 'aria-describedby'> & {
  id: string;
  label: ReactNode;
  hint: ReactNode;
  /** Shown under the hint, marked with ⚠ (never by colour alone), and tied to the field for screen readers. */
  error?: string | null;
};

/** A labelled text field with its hint and, when the value is wrong, its message: every form of the app uses it. */
export function TextField({ id, label, hint, error, ...input }: Props) {
  return (
    <div>
      <label htmlFor={id} className="font-medium">{label}</label>
      <input
        id={id}
        {...input}
        className={`field ${error ? 'border-red-600 dark:border-red-400' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-hint`} className="muted mt-1 text-sm">{hint}</p>
      {error && <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-700 dark:text-red-300">⚠ {error}</p>}
    </div>
  );
}
