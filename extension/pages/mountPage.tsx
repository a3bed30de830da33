/** What every extension page's entrypoint does: its styles into <head>, its component into #app. */
import { render, type ComponentType } from 'preact';

export function mountPage(Page: ComponentType, css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  render(<Page />, document.getElementById('app')!);
}
