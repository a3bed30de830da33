/** One line: which guide data is in use and where it came from (popup, diagnostics page). */
import { browser } from 'wxt/browser';
import { useStored } from '../pages/useStored';
import { activeFrom, ORIGIN_LABEL } from './active';
import { installedPackItem } from './storage';

export function GuideDataLine({ class: className }: { class?: string }) {
  const pack = useStored(installedPackItem);
  if (pack === undefined) return null;
  const active = activeFrom(pack, browser.runtime.getManifest().version);
  return (
    <p class={className} data-testid="guide-data" data-origin={active.origin} data-version={active.version}>
      Dữ liệu hướng dẫn: bản {active.version} ({ORIGIN_LABEL[active.origin]})
    </p>
  );
}
