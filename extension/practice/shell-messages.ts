/** What a practice frame tells the shell around it (window.postMessage, same extension origin only). */
export type ShellMessage =
  /** The portal address the replica now stands for (the shell's address line). */
  | { type: 'practice:at'; href: string }
  /** A scenario trap caught a mistake: the shell explains it at once. */
  | { type: 'practice:mistake'; trap: string }
  /** A link led outside the portals: it was not followed. */
  | { type: 'practice:outside'; href: string };

export function isShellMessage(data: unknown): data is ShellMessage {
  const t = (data as { type?: unknown } | null)?.type;
  return t === 'practice:at' || t === 'practice:mistake' || t === 'practice:outside';
}
