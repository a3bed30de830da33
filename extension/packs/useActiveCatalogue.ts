/** The procedure catalogue as the guide data in use corrects it (a verified pack's corrections), for the popup. */
import { useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { catalogue as bundled } from '../../shared/catalogue';
import type { Procedure } from '../../shared/schemas/procedure';
import { useStored } from '../pages/useStored';
import { activeFrom } from './active';
import { correctedCatalogue } from './catalogue';
import { installedPackItem } from './storage';

export function useActiveCatalogue(): readonly Procedure[] {
  const pack = useStored(installedPackItem);
  return useMemo(() => {
    const active = activeFrom(pack ?? null, browser.runtime.getManifest().version);
    if (!active.pack?.data.catalogue.length) return bundled;
    try {
      return correctedCatalogue(active.pack.data.catalogue);
    } catch {
      return bundled;
    }
  }, [pack]);
}
