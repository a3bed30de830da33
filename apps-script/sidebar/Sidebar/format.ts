// How the sidebar shows the server's timestamps and versions to a ward clerk.
import { PORTAL_SHORT_NAMES } from '../../../shared/portals';

/** "2026-11-20T09:05:00+07:00" (Vietnam time) → "20/11/2026 09:05". */
export function viDateTime(at: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(at);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : at;
}

/** "2026-11-20T09:05:00+07:00" → "20/11/2026". */
export function viDay(at: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(at);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : at;
}

/** The guide data an extension reported, in words: "bundled-0.1.0" → "có sẵn trong bản cài 0.1.0". */
export function guideDataLabel(v: string): string {
  if (!v) return 'không rõ (tiện ích bản cũ chưa báo)';
  return v.startsWith('bundled-') ? `có sẵn trong bản cài ${v.slice('bundled-'.length)}` : `gói ${v}`;
}

const SURFACE_PORTALS: Record<string, string> = { ...PORTAL_SHORT_NAMES, vneid: 'Đăng nhập VNeID' };

/** A surface id as the extension reports it, with the portal a clerk knows: "dvcqg.form" → "Cổng DVC quốc gia (dvcqg.form)". */
export function surfaceLabel(surface: string): string {
  const portal = SURFACE_PORTALS[surface.split('.')[0]!];
  return portal ? `${portal} (${surface})` : surface;
}

/** A guide id in words: "dvcqg:III.2" → "thủ tục III.2 trên Cổng DVC quốc gia". */
export function guideLabel(guideId: string): string {
  const [portal, item] = guideId.split(':');
  const name = portal ? SURFACE_PORTALS[portal] : undefined;
  return name && item ? `thủ tục ${item} trên ${name}` : guideId;
}
