import { useState, type ReactNode } from 'react';

/**
 * What a page lets one change, folded under a line that names it, so that the page reads as the
 * record it is (and stays short on a phone). It opens by itself when asked to: a draft holds
 * text, or the API refused what was sent.
 */
export function Disclosure({
  summary,
  startOpen = false,
  forceOpen = false,
  children,
}: {
  summary: ReactNode;
  startOpen?: boolean;
  forceOpen?: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(startOpen);
  return (
    <details
      className="disclosure-form"
      open={open || forceOpen}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
