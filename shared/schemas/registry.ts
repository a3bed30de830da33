import * as z from 'zod';
import { SafeText } from './privacy';

/** Schema version of the registry layout; bump with a migration in apps-script/server/migrations. */
export const REGISTRY_SCHEMA_VERSION = 2;

/** The apps the ward letter asks volunteers to help residents start using. */
export const APPS = ['Cổng DVC quốc gia/VNeID', 'Cổng DVC tỉnh', 'C-Thái Nguyên', 'Phổ Yên SmartCity'] as const;
export const AppSchema = z.enum(APPS);
export type App = z.infer<typeof AppSchema>;

export const FILING_STATUSES = ['Đã nộp', 'Đã tiếp nhận', 'Yêu cầu bổ sung', 'Đã trả kết quả', 'Bị từ chối'] as const;
export const FilingStatusSchema = z.enum(FILING_STATUSES);
export type FilingStatus = z.infer<typeof FilingStatusSchema>;

export const GENDERS = ['Nam', 'Nữ'] as const;

/** Version of the consent text shown to the resident; recorded with each consent. */
export const CONSENT_TEXT_VERSION = 'v1-2026-11';
export const CONSENT_TEXT =
  'Tôi đồng ý để Tổ công nghệ số cộng đồng ghi họ tên, năm sinh, tổ dân phố, số điện thoại và 4 số cuối CCCD của tôi vào sổ theo dõi tài khoản dịch vụ công của phường, chỉ để hỗ trợ tôi làm thủ tục và báo cáo số lượng. Tôi có thể yêu cầu xoá bất cứ lúc nào.';

const IsoDate = z.iso.date({ message: 'Ngày không hợp lệ (yyyy-mm-dd).' });
const IsoDateTime = z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ.' });

export const PersonName = z
  .string()
  .trim()
  .min(2, { message: 'Họ và tên quá ngắn.' })
  .max(80, { message: 'Họ và tên tối đa 80 ký tự.' })
  .regex(/^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u, { message: 'Họ và tên chỉ gồm chữ cái và dấu cách.' });

export const ToDanPho = z.string().trim().min(1, { message: 'Chưa chọn tổ dân phố.' }).max(60);

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
    birthYear: z.number().int().min(1900).max(2100),
    gender: z.enum(GENDERS).optional(),
    toDanPho: ToDanPho,
    cccd: z.string().trim().optional(),
    phone: z.string().trim().optional(),
    apps: z.array(AppSchema).min(1, { message: 'Chọn ít nhất một ứng dụng đã đăng ký.' }),
    createdOn: IsoDate,
    volunteerId: z.string().min(1, { message: 'Chưa chọn tình nguyện viên.' }),
    consent: ConsentSchema,
    notes: SafeText(500).optional(),
  })
  .strict();
export type ResidentAccountInput = z.infer<typeof ResidentAccountInputSchema>;

/** The stored form of an account: what a row in the accounts sheet holds. */
export const ResidentAccountRecordSchema = ResidentAccountInputSchema.omit({ cccd: true, phone: true })
  .extend({
    id: z.uuid(),
    cccdLast4: z.string().regex(/^\d{4}$/).or(z.literal('')),
    cccdKey: z.string(),
    cccdFull: z.string().regex(/^\d{12}$/).or(z.literal('')),
    phone: z.string().regex(/^\+84\d{9}$/).or(z.literal('')),
    updatedAt: IsoDateTime,
  })
  .strict();
export type ResidentAccountRecord = z.infer<typeof ResidentAccountRecordSchema>;

export const FilingInputSchema = z
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
      .min(4, { message: 'Mã hồ sơ quá ngắn.' })
      .max(60, { message: 'Mã hồ sơ quá dài.' })
      .regex(/^[\p{L}\d][\p{L}\d.\-_/ ]*$/u, { message: 'Mã hồ sơ chỉ gồm chữ, số và . - _ /' }),
    filedOn: IsoDate,
    dueOn: IsoDate.optional(),
    portal: z.enum(['dvcqg', 'lienthong', 'moj', 'thainguyen']),
    status: FilingStatusSchema.default('Đã nộp'),
    volunteerId: z.string().min(1),
    consent: ConsentSchema,
    notes: SafeText(500).optional(),
  })
  .strict();
export type FilingInput = z.input<typeof FilingInputSchema>;
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
export type Volunteer = z.infer<typeof VolunteerSchema>;

/** A period is a month (2026-11), a quarter (2026-Q4) or a year (2026). */
export const PeriodSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, {
  message: 'Kỳ có dạng 2026, 2026-Q4 hoặc 2026-11.',
});

export const TargetSchema = z
  .object({
    toDanPho: ToDanPho,
    period: PeriodSchema,
    accountsTarget: z.number().int().min(0),
    filingsTarget: z.number().int().min(0),
  })
  .strict();
export type Target = z.infer<typeof TargetSchema>;
