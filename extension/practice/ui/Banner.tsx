/** The fixed banner of every practice page, with the page's own controls beside it. */
import type { ComponentChildren } from 'preact';
import { PRACTICE_BANNER } from '../brand';

export function Banner({ children }: { children?: ComponentChildren }) {
  return (
    <header class="practice-banner" data-testid="practice-banner">
      <strong class="fixed-text" lang="vi">
        {PRACTICE_BANNER}
      </strong>
      {children && <div class="bar">{children}</div>}
    </header>
  );
}
