/**
 * The fixture files that may answer a path, in order: the file, `<path>.html`, `<path>/index.html`,
 * the nearest `_.html` prefix page (answering its folder's path and all below it), the host's
 * `_spa.html`. The fixture server and the anchor tests use the same list.
 */
export function fixtureCandidates(pathname: string): string[] {
  const segments = decodeURIComponent(pathname).split('/').filter((s) => s && s !== '.' && s !== '..');
  const rel = segments.join('/');
  const out = rel ? [rel, `${rel}.html`, `${rel}/index.html`] : ['index.html'];
  for (let i = segments.length; i >= 1; i--) out.push(`${segments.slice(0, i).join('/')}/_.html`);
  out.push('_spa.html');
  return out;
}
