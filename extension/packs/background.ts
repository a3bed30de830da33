/**
 * Background side of guide packs: fetches the pack from the chosen source (on request, at start-up
 * and every few hours), verifies it, installs it in place of the bundled data, and moves guides in
 * use onto it. Only data is downloaded, never code.
 */
import { browser } from 'wxt/browser';
import { MAX_PACK_BYTES } from '../../shared/schemas/pack';
import { handleMessages, type PackCheckReply } from '../messages';
import { syncSettingsItem } from '../outbox/storage';
import { guidedSessions, resumableGuides } from '../storage/items';
import { activeGuideData } from './active';
import { PACK_KEYS } from './keys';
import { packSource, rebuildGuide, type GuideSource } from './lookup';
import { refreshSession } from './refresh';
import { GuideDataSchema } from './schema';
import {
  activeRoutesItem,
  highestPackVersionItem,
  installedPackItem,
  PACK_CHECKS_LIMIT,
  packChecksItem,
  packSourceItem,
  type PackCheck,
  type PackOrigin,
  type PackSource,
} from './storage';
import { BUNDLED_GUIDE_DATA_VERSION, compareVersions } from './version';
import { verifyPack } from './verify';

export const PACK_ALARM = 'tldvc-pack-check';
const CHECK_EVERY_MINUTES = 6 * 60;

/** The URL a source is read from, or why there is none. */
export async function sourceUrl(source: PackSource): Promise<{ origin: PackOrigin; url: string } | { error: string } | null> {
  if (source.kind === 'none') return null;
  if (source.kind === 'url') return { origin: 'url', url: source.url };
  const { endpoint } = await syncSettingsItem.getValue();
  if (!endpoint) return { error: 'Chưa liên kết với sổ của phường: mở «Liên kết sổ của phường» ở trên và dán địa chỉ web trước.' };
  return { origin: 'ward', url: `${endpoint}?pack=1` };
}

async function download(url: string): Promise<{ json: unknown } | { error: string }> {
  let text: string;
  try {
    const res = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow', signal: AbortSignal.timeout(45_000) });
    if (!res.ok) return { error: `Máy chủ trả lời lỗi (HTTP ${res.status}).` };
    text = await res.text();
  } catch {
    return { error: 'Không tải được (mất mạng, hoặc địa chỉ không trả lời). Tiện ích sẽ thử lại sau.' };
  }
  if (text.length > MAX_PACK_BYTES) return { error: 'Tệp tải về quá lớn để là một gói hướng dẫn.' };
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { json: text };
  }
}

async function logCheck(check: PackCheck): Promise<void> {
  const list = await packChecksItem.getValue();
  await packChecksItem.setValue([...list, check].slice(-PACK_CHECKS_LIMIT));
}

/** Moves every guide in use or waiting to resume onto the new data, keeping each one's place. */
async function moveGuidesOnto(source: GuideSource): Promise<void> {
  const now = new Date().toISOString();
  const sessions = await guidedSessions.getValue();
  let changed = false;
  for (const [tab, s] of Object.entries(sessions)) {
    const next = refreshSession(s, rebuildGuide(source, s.guide), now);
    if (next !== s) {
      sessions[tab] = next;
      changed = true;
    }
  }
  if (changed) await guidedSessions.setValue(sessions);
  const resumable = await resumableGuides.getValue();
  const moved = resumable.map((r) => refreshSession(r, rebuildGuide(source, r.guide), now));
  if (moved.some((r, i) => r !== resumable[i])) await resumableGuides.setValue(moved);
}

let running: Promise<PackCheckReply> | null = null;

export function checkForPack(): Promise<PackCheckReply> {
  running ??= runCheck().finally(() => (running = null));
  return running;
}

async function runCheck(): Promise<PackCheckReply> {
  const where = await sourceUrl(await packSourceItem.getValue());
  if (!where) return { ok: true, outcome: 'none', message: 'Không dùng gói hướng dẫn: tiện ích dùng hướng dẫn có sẵn.' };
  if ('error' in where) return { ok: false, outcome: 'unreachable', message: where.error };
  const at = new Date().toISOString();
  const got = await download(where.url);
  if ('error' in got) {
    await logCheck({ at, origin: where.origin, outcome: 'unreachable', message: got.error });
    return { ok: false, outcome: 'unreachable', message: got.error };
  }
  const answer = got.json as { ok?: unknown; error?: { code?: unknown } } | null;
  if (answer && answer.ok === false && answer.error?.code === 'NO_PACK') {
    const message = 'Sổ của phường chưa có gói hướng dẫn nào (tổ trưởng đặt gói ở «Gói hướng dẫn» trong Cài đặt của sổ). Tiện ích dùng hướng dẫn đang có.';
    await logCheck({ at, origin: where.origin, outcome: 'no-pack', message });
    return { ok: true, outcome: 'no-pack', message };
  }
  const extensionVersion = browser.runtime.getManifest().version;
  const active = await activeGuideData();
  const highest = (await highestPackVersionItem.getValue()) ?? BUNDLED_GUIDE_DATA_VERSION;
  const floor = compareVersions(highest, active.version) > 0 ? highest : active.version;
  const verdict = await verifyPack(got.json, { keys: PACK_KEYS, extensionVersion, current: active.version, floor });
  if (verdict.ok === 'same') {
    await logCheck({ at, origin: where.origin, outcome: 'same', version: verdict.version, message: verdict.message });
    return { ok: true, outcome: 'same', version: verdict.version, message: verdict.message };
  }
  if (!verdict.ok) {
    await logCheck({ at, origin: where.origin, outcome: 'refused', version: verdict.version, message: verdict.message });
    return { ok: false, outcome: 'refused', version: verdict.version, message: verdict.message };
  }
  const { data, pack } = verdict;
  let source: GuideSource;
  try {
    source = packSource(data);
  } catch (e) {
    const message = `Gói ${data.version} bị từ chối: ${e instanceof Error ? e.message : String(e)}. Tiện ích vẫn dùng hướng dẫn đang có.`;
    await logCheck({ at, origin: where.origin, outcome: 'refused', version: data.version, message });
    return { ok: false, outcome: 'refused', version: data.version, message };
  }
  await installedPackItem.setValue({ data, origin: where.origin, installedAt: at, keyId: pack.keyId, validatedBy: extensionVersion });
  await highestPackVersionItem.setValue(data.version);
  await activeRoutesItem.setValue({ version: data.version, table: data.routes });
  await moveGuidesOnto(source);
  const message = `Đã dùng gói hướng dẫn ${data.version}: áp dụng từ lần tải trang tiếp theo.`;
  await logCheck({ at, origin: where.origin, outcome: 'installed', version: data.version, message });
  return { ok: true, outcome: 'installed', version: data.version, message };
}

/**
 * After an extension update the stored pack is validated again with this version's schemas; one it
 * no longer passes, or one older than the new bundled data, is dropped (the bundled data takes over).
 */
async function revalidateInstalled(): Promise<void> {
  const pack = await installedPackItem.getValue();
  const version = browser.runtime.getManifest().version;
  if (!pack || pack.validatedBy === version) return;
  const parsed = GuideDataSchema.safeParse(pack.data);
  if (parsed.success && compareVersions(parsed.data.version, BUNDLED_GUIDE_DATA_VERSION) > 0) {
    await installedPackItem.setValue({ ...pack, data: parsed.data, validatedBy: version });
    return;
  }
  await installedPackItem.setValue(null);
  await activeRoutesItem.setValue(null);
}

export function setupPacks(): void {
  handleMessages(
    {
      'pack:check': () => checkForPack(),
      'pack:set-source': async (m) => {
        await packSourceItem.setValue(m.source);
        if (m.source.kind === 'none') return { ok: true, outcome: 'none', message: 'Đã tắt gói hướng dẫn tải về: gói đang dùng (nếu có) vẫn giữ đến khi có bản tiện ích mới hơn.' };
        return checkForPack();
      },
    },
    (_type, error) => ({ ok: false, outcome: 'unreachable', message: `Lỗi trong tiện ích: ${error instanceof Error ? error.message : String(error)}` }),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PACK_ALARM) void checkForPack();
  });
  const start = () => void revalidateInstalled().then(() => checkForPack());
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);
  void browser.alarms.get(PACK_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(PACK_ALARM, { periodInMinutes: CHECK_EVERY_MINUTES });
  });
}

