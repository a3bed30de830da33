import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The overlay's step panel (Playwright locators pierce the open shadow root). */
export const panel = (page: Page) => page.locator('tro-ly-dvc .panel');
export const hint = (page: Page) => page.locator('tro-ly-dvc [data-testid="hint"]');

export async function expectStep(page: Page, stepId: string, opts: { hint?: boolean; timeout?: number } = {}) {
  await expect.poll(() => panel(page).getAttribute('data-step').catch(() => null), { timeout: opts.timeout ?? 10_000 }).toBe(stepId);
  if (opts.hint !== false) {
    await expect.poll(() => hint(page).getAttribute('data-step').catch(() => null), { timeout: opts.timeout ?? 10_000 }).toBe(stepId);
    await expect.poll(() => hint(page).getAttribute('data-hidden').catch(() => null), { timeout: 5_000 }).toBe('false');
  }
}

/** DOM changes the portal fixture's own observer saw that were not made by the page itself. */
export async function foreignMutations(page: Page) {
  return page.evaluate(() => (window as unknown as { __foreignMutations: Array<{ type: string; target: string; attribute: string | null; added: string[]; removed: string[] }> }).__foreignMutations);
}

/** Every foreign change must be the overlay host being added (or changed) and nothing else. */
export function onlyOverlayHost(records: Awaited<ReturnType<typeof foreignMutations>>) {
  return records.filter((r) => !(r.target === 'tro-ly-dvc' || (r.type === 'childList' && [...r.added, ...r.removed].every((n) => n === 'tro-ly-dvc'))));
}
