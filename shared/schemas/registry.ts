import * as z from 'zod';
import { FILING_PORTALS } from '../portals';
import { SafeText } from './privacy';
import { BIRTH_YEAR, DATES, DOSSIER, NAME, PERIOD, TO_DAN_PHO, birthYearProblem } from './rules';
import { isCalendarDate, todayInVietnam } from '../time/vietnam';

/**
 * Version of the registry layout; a bump needs a migration step in apps-script/server/features/migration.ts.
 * 2: ids, hashed CCCD, consent columns. 3: the «Chẩn đoán» and «Gói hướng dẫn» sheets.
 */
export const REGISTRY_SCHEMA_VERSION = 3;

/** The apps the ward letter asks volunteers to help residents start using. */
export const APPS = ['Cổng DVC quốc gia/VNeID', 'Cổng DVC tỉnh', 'C-Thái Nguyên', 'Phổ Yên SmartCity'] as const;
export const AppSchema = z.enum(APPS);
export type App = z.infer<typeof AppSchema>;

export const FILING_STATUSES = ['Đã nộp', 'Đã tiếp nhận', 'Yêu cầu bổ sung', 'Đã trả kết quả', 'Bị từ chối'] as const;
export const FilingStatusSchema = z.enum(FILING_STATUSES);

export const GENDERS = ['Nam', 'Nữ'] as const;

/** Version of the consent text shown to the resident; recorded with each consent. */
export const CONSENT_TEXT_VERSION = 'v1-2026-11';
export const CONSENT_TEXT =
  'Tôi đồng ý để Tổ công nghệ số cộng đồng ghi họ tên, năm sinh, tổ dân phố, số điện thoại và 4 số cuối CCCD của tôi vào sổ theo dõi tài khoản dịch vụ công của phường, chỉ để hỗ trợ tôi làm thủ tục và báo cáo số lượng. Tôi có thể yêu cầu xoá bất cứ lúc nào.';

const IsoDate = z.iso.date({ message: DATES.invalid }).refine(isCalendarDate, { message: DATES.invalid });
/** A day that is not after today in Vietnam. */
const PastDay = (message: string) => IsoDate.refine((d) => d <= todayInVietnam(), { message });
const IsoDateTime = z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ.' });

export const PersonName = z
  .string()
  .trim()
  .min(NAME.min, { message: NAME.tooShort })
  .max(NAME.max, { message: NAME.tooLong })
  .regex(NAME.pattern, { message: NAME.badChars });

export const ToDanPho = z.string().trim().min(1, { message: TO_DAN_PHO.missing }).max(TO_DAN_PHO.max);

export const ConsentSchema = z
  .object({
    given: z.literal(true, { message: 'Cần có sự đồng ý của người dân trước khi ghi vào sổ.' }),
    textVersion: z.string().min(1),
    at: IsoDateTime,
  })
  .strict();
export type Consent = z.infer<typeof ConsentSchema>;

/**
 * A resident account as entered by a volunteer or group leader. The raw CCCD
 * travels only from the entry form to the server, which replaces it by its last
 * four digits and a keyed hash before anything is written.
 */
export const ResidentAccountInputSchema = z
  .object({
    id: z.uuid().optional(),
    fullName: PersonName,
    birthYear: z.number().refine((y) => birthYearProblem(y) === null, { message: BIRTH_YEAR.message() }),
    gender: z.enum(GENDERS).optional(),
    toDanPho: ToDanPho,
    cccd: z.string().trim().optional(),
    phone: z.string().trim().optional(),
    apps: z.array(AppSchema).min(1, { message: 'Chọn ít nhất một ứng dụng đã đăng ký.' }),
    createdOn: PastDay(DATES.createdInFuture),
    volunteerId: z.string().min(1, { message: 'Chưa chọn tình nguyện viên.' }),
    consent: ConsentSchema,
    notes: SafeText(500).optional(),
  })
  .strict();

export const FilingFieldsSchema = z
  .object({
    id: z.uuid().optional(),
    accountId: z.uuid().optional(),
    residentName: PersonName,
    toDanPho: ToDanPho,
    procedureId: z.string().regex(/^(I|II|III|IV|X)\.\d{1,2}$/, { message: 'Mã thủ tục trong danh mục không hợp lệ.' }),
    procedureCode: z.string().regex(/^\d\.\d{6}$/).nullable(),
    dossierCode: z
      .string()
      .trim()
      .min(DOSSIER.min, { message: DOSSIER.tooShort })
      .max(DOSSIER.max, { message: DOSSIER.tooLong })
      .regex(DOSSIER.pattern, { message: DOSSIER.badChars }),
    filedOn: PastDay(DATES.filedInFuture),
    dueOn: IsoDate.optional(),
    portal: z.enum(FILING_PORTALS),
    status: FilingStatusSchema.default('Đã nộp'),
    volunteerId: z.string().min(1),
    consent: ConsentSchema,
    notes: SafeText(500).optional(),
  })
  .strict();
/** A due date (hẹn trả) cannot come before the filing date. */
export function dueNotBeforeFiled(f: { filedOn: string; dueOn?: string | undefined }, ctx: z.RefinementCtx): void {
  if (f.dueOn && f.dueOn < f.filedOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: DATES.dueBeforeFiled });
}

export const FilingInputSchema = FilingFieldsSchema.superRefine(dueNotBeforeFiled);
export type Filing = z.output<typeof FilingInputSchema>;

export const VolunteerSchema = z
  .object({
    id: z.string().regex(/^TNV-\d{3,}$/, { message: 'Mã tình nguyện viên có dạng TNV-001.' }),
    name: PersonName,
    toDanPho: ToDanPho,
    phone: z.string().optional(),
    active: z.boolean(),
  })
  .strict();

/** A period is a month (2026-11), a quarter (2026-Q4) or a year (2026). */
export const PeriodSchema = z.string().regex(PERIOD.pattern, { message: PERIOD.message });
