/**
 * The overlay's one host element (<tro-ly-dvc>) with an open shadow root holding our styles and a
 * container for Preact. Smaller than wxt's shadow-root UI helper (no anchor waiting, no element
 * polyfills), which the content script's size budget needs.
 */
export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  remove(): void;
}

export function createShadowHost(tag: string, css: string, isolateEvents: readonly string[]): ShadowHost {
  const host = document.createElement(tag);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  shadow.append(style, container);
  // The portal's own handlers (shortcuts, "click outside" closers) must not see what happens in the panel.
  for (const type of isolateEvents) host.addEventListener(type, (e) => e.stopPropagation());
  document.documentElement.append(host);
  return { host, shadow, container, remove: () => host.remove() };
}
