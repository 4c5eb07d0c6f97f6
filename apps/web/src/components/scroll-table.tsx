import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a narrow screen: the scrolling region takes keyboard focus
 * and is named, so it can be scrolled without a mouse (WCAG 2.1.1).
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
