// The extension's share of a page's main-thread time, from a V8 CPU profile taken over the
// DevTools protocol. Content scripts run in the page's isolate (an isolated world), so their
// frames appear in the page's profile under the extension's URL.
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Frames that are not JavaScript work of the page or of an extension. */
const IDLE = new Set(['(idle)']);

/**
 * Self time of every node, attributed to the extension when the node is an extension frame, or a
 * native frame (no URL: DOM calls, builtins) called from one. Busy time is every sample that is
 * not idle (page script, extension script, GC, the engine's own work).
 */
export function extensionShare(profile: Profile, extensionOrigin: string): { percent: number; samples: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerCache = new Map<number, boolean>();
  const isExtension = (id: number): boolean => {
    const cached = ownerCache.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id)!;
    const url = node.callFrame.url;
    let result: boolean;
    if (url.startsWith(extensionOrigin)) result = true;
    else if (url === '' && parent.has(id) && !node.callFrame.functionName.startsWith('(')) result = isExtension(parent.get(id)!);
    else result = false;
    ownerCache.set(id, result);
    return result;
  };
  let busy = 0;
  let ext = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node || IDLE.has(node.callFrame.functionName)) return;
    busy += dt;
    if (isExtension(id)) ext += dt;
  });
  // A profile that never caught the content script measured nothing: say so rather than report 0.
  if (ext === 0) throw new Error(`the CPU profile holds no frame of ${extensionOrigin}: is the guided session running?`);
  return { percent: busy ? (ext / busy) * 100 : 0, samples: profile.samples.length };
}

/** Profiles `work` on `page` (sampling every 100 µs) and returns the extension's share. */
export async function observerCpuShare(page: Page, extensionId: string, work: (ms: number) => Promise<unknown>): Promise<{ percent: number; samples: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < 8; i++) await work(500);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  return extensionShare(profile, `chrome-extension://${extensionId}/`);
}
