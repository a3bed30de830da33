/**
 * A snapshot as an HTML page: what the volunteer reviews (in a sandboxed frame, no scripts) and what
 * the maintainers' script turns into a fixture page. Every text and attribute is escaped.
 */
import type { PageSnapshot, SnapshotNode } from './types';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
const NAME = /^[a-z][a-z0-9-]*$/;

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

export function renderNode(node: SnapshotNode): string {
  if ('x' in node) return escapeText(node.x);
  const tag = NAME.test(node.t) ? node.t : 'div';
  const attrs = Object.entries(node.a ?? {})
    .filter(([k]) => NAME.test(k) && !k.startsWith('on'))
    .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`))
    .join('');
  if (VOID.has(tag)) return `<${tag}${attrs}>`;
  return `<${tag}${attrs}>${(node.c ?? []).map(renderNode).join('')}</${tag}>`;
}

/** The whole page; `head` adds lines inside <head> (the fixture script's provenance note). */
export function renderSnapshot(snapshot: PageSnapshot, head = ''): string {
  const body = 't' in snapshot.body && snapshot.body.t === 'body' ? renderNode(snapshot.body) : `<body>${renderNode(snapshot.body)}</body>`;
  return `<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>${escapeText(snapshot.host + snapshot.path)}</title>\n${head}</head>\n${body}\n</html>\n`;
}
