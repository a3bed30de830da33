/**
 * URL recognition: which page a URL is, which procedure a hand-off URL names (MaTTHC, MaTTHCDP,
 * maThuTuc, #/ke-khai/<mã>), and the notices that go with it (recognised, differs, legacy page).
 */
import type { Guide, Portal } from '../guides/schema';
import type { GuidedSession } from '../storage/items';
import { LEGACY_SURFACES, surfacesOf, type SurfaceId } from '../surfaces';
import { procedureCodeFromUrl } from '../surfaces/codes';

export interface Notice {
  id: string;
  text: string;
  action?: { label: string; run(): void };
}

export type GuideForCode = (code: string, portal: Portal, url: string) => Promise<{ guide: Guide | null; procedureName: string } | null>;

export type Recognition =
  | { kind: 'start'; guide: Guide; notice: Notice }
  | { kind: 'differs'; guide: Guide; text: string };

/** The procedure a hand-off URL names, when it is not the session's own (null: nothing to say). */
export async function recogniseHandOff(href: string, session: GuidedSession | null, guideForCode: GuideForCode): Promise<Recognition | null> {
  const url = new URL(href);
  const found = procedureCodeFromUrl(url);
  const surface = surfacesOf(url)[0];
  const portal = surface ? (surface.split('.')[0] as Portal) : undefined;
  if (!found || !portal || portal === ('vneid' as Portal) || portal === 'dvcqg') return null;
  // The portal's own code for the guide's procedure (liên thông packages) is the same procedure.
  if (session && (session.guide.procedureCode === found.code || session.guide.portalCodes?.includes(found.code))) return null;
  const answer = await guideForCode(found.code, portal, href);
  if (!answer?.guide) return null;
  if (!session) {
    return { kind: 'start', guide: answer.guide, notice: { id: 'recognised', text: `Đã nhận ra thủ tục từ địa chỉ trang: “${answer.guide.procedureName}” (mã ${found.code}).` } };
  }
  return {
    kind: 'differs',
    guide: answer.guide,
    text: `Trang này là thủ tục “${answer.procedureName}” (mã ${found.code}), khác với thủ tục đã chọn “${session.guide.procedureName}”. Kiểm tra lại với người dân.`,
  };
}

/** Where to go instead of a legacy page (docs/portal-evidence.md §1.1, §4, §7). */
const LEGACY_POINTERS: Partial<Record<SurfaceId, string>> = {
  'dvcqg.legacy': 'Đây là trang cũ của Cổng Dịch vụ công (dạng /p/home/…). Cổng hiện hành là dichvucong.gov.vn: mở trang chủ và tìm thủ tục bằng ô tìm kiếm.',
  'vneid.oldIdp': 'Đây là trang đăng nhập cũ (xacthuc.dichvucong.gov.vn). Từ 1/7/2024 chỉ đăng nhập bằng VNeID: quay lại dichvucong.gov.vn và bấm “Đăng nhập”.',
  'thainguyen.file': 'Đây là một tệp tải về của cổng Thái Nguyên, không phải trang nộp hồ sơ. Hồ sơ nộp ở trang dichvucong.thainguyen.gov.vn/nop-ho-so (mở từ nút “Nộp trực tuyến” trên Cổng quốc gia).',
};

export function legacyNotice(surfaces: readonly SurfaceId[]): Notice | null {
  const legacy = surfaces.find((x) => LEGACY_SURFACES.has(x));
  return legacy ? { id: 'legacy', text: LEGACY_POINTERS[legacy] ?? 'Đây là trang cũ của cổng.' } : null;
}
