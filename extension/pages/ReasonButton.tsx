/**
 * A button that can be unavailable without being `disabled`: it looks unavailable, stays
 * focusable and, when pressed, says why ("Hãy nhập mã hồ sơ trước") instead of doing nothing.
 * Used in the extension pages, the popup and the overlay (styled by `[aria-disabled="true"]`).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';

let nextId = 0;

export interface ReasonButtonProps {
  /** Why the button cannot act now; null when it can. */
  unavailable: string | null;
  onClick?: (e: MouseEvent) => void;
  type?: 'button' | 'submit';
  class?: string;
  'aria-label'?: string;
  'aria-busy'?: 'true' | 'false';
  /** Class of the message element (each surface has its own styles). */
  reasonClass?: string;
  children: ComponentChildren;
}

export function ReasonButton({ unavailable, onClick, type = 'button', class: cls, reasonClass = 'reason', children, ...aria }: ReasonButtonProps) {
  const id = useMemo(() => `tldvc-reason-${++nextId}`, []);
  const [said, setSaid] = useState<string | null>(null);
  // Once the button can act again, the old reason is no longer true.
  useEffect(() => {
    if (!unavailable) setSaid(null);
  }, [unavailable]);
  return (
    <>
      <button
        type={type}
        class={cls}
        aria-disabled={unavailable ? 'true' : undefined}
        aria-describedby={said ? id : undefined}
        {...aria}
        onClick={(e) => {
          if (unavailable) {
            e.preventDefault();
            setSaid(unavailable);
            return;
          }
          onClick?.(e);
        }}
      >
        {children}
      </button>
      {said && (
        <span class={reasonClass} id={id} role="status" data-testid="unavailable-reason">
          {said}
        </span>
      )}
    </>
  );
}
