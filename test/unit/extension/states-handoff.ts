/** Fixture states after the agency block: submitting, VNeID, liên thông, the Ministry's wizard, Thái Nguyên. */
import { attach, byText, press, type, until, type LoadedPage } from './fixture-dom';
import { button, card, choose, DVC, FORMS, LAI_KHAI_SINH, LOGGED_IN, type State } from './states-dvcqg';

export const CODE = 'H55.242-261127-0001';
const SSO = 'https://sso.dancuquocgia.gov.vn';
const LT = 'https://lienthong.dichvucong.gov.vn';
const MOJ = 'https://dichvucongnganhtuphap.moj.gov.vn';
const TN = 'https://dichvucong.thainguyen.gov.vn';

/** Fills the khai sinh form as the volunteer does and submits it. */
async function submitKhaiSinh(p: LoadedPage) {
  const d = p.document;
  const q = (name: string) => d.querySelector(`.sd-question[data-name^="${name}"] input.sd-input`)!;
  type(q('citizenNKS_HoVaTen'), 'NGUYỄN AN BÌNH');
  type(q('citizenNKS_NgaySinh'), '05/11/2026');
  type(q('citizenNKS_NoiSinh'), 'Bệnh viện A');
  for (const [name, option] of [['citizenmoiquanhe', 'Cha'], ['citizenNKS_GioiTinh', 'Nam']] as const) {
    press(d.querySelector(`.sd-question[data-name^="${name}"] .sd-dropdown`)!, 'click');
    press(await until(() => byText(d, '.sv-list__item', option), option), 'click');
  }
  for (const i of [0, 1]) {
    const row = [...d.querySelectorAll('tr')].filter((tr) => tr.querySelector('button'))[i]!;
    press(row.querySelector('button')!, 'click');
    attach(d.querySelector('input[type="file"]')!, `tep-${i}.pdf`);
  }
  press(button(d, 'Lưu và nộp hồ sơ')!, 'click');
}

function successStates(): State[] {
  const url = `${DVC}/nop-ho-so?formalityId=${FORMS['III.2']}`;
  return [
    {
      name: 'after submitting: a block with "Số hồ sơ" and the code in separate nodes',
      url,
      opts: { variants: { success: 'block' }, localStorage: LOGGED_IN },
      prepare: async (p) => {
        await submitKhaiSinh(p);
        await until(() => byText(p.document, 'span', 'Số hồ sơ'), 'success block');
      },
      checks: [{ step: 'form.done', expect: (d) => byText(d, 'span', 'Số hồ sơ') }],
    },
    {
      name: 'after submitting: a toast only (the code is in the account menu)',
      url,
      opts: { variants: { success: 'toast' }, localStorage: LOGGED_IN },
      prepare: async (p) => {
        await submitKhaiSinh(p);
        await until(() => byText(p.document, '.Toastify__toast-body', 'Nộp hồ sơ thành công'), 'success toast');
      },
      checks: [{ step: 'form.code', expect: (d) => d.querySelector('.user-dropdown') }],
    },
    {
      name: 'the dossier list (after a toast, or a redirect)',
      url: `${DVC}/ho-so-cua-toi`,
      opts: { localStorage: LOGGED_IN, sessionStorage: { dvc_last: CODE } },
      checks: [{ step: 'form.done', expect: (d) => byText(d, 'th', 'Mã hồ sơ') }],
    },
  ];
}

function vneidStates(): State[] {
  const login = `${SSO}/auth?response_type=code&client_id=sso-c12-dvc-web&redirect_uri=${encodeURIComponent(`${DVC}/sso`)}&scope=openid`;
  const submit = (p: LoadedPage) => {
    type(p.document.querySelector('#password')!, 'mat-khau');
    p.document.querySelector('#login')!.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
  };
  const otp = async (p: LoadedPage) => {
    for (const i of [1, 2, 3, 4, 5, 6]) type(p.document.querySelector(`input[name="otp${i}"]`)!, String(i));
    press(button(p.document.querySelector('#modal')!, 'Xác nhận')!, 'click');
    await until(() => button(p.document, 'Xác nhận chia sẻ'), 'consent');
  };
  const consent = async (p: LoadedPage) => {
    (p.document.querySelector('#agree') as HTMLInputElement).checked = true;
    press(button(p.document, 'Xác nhận chia sẻ')!, 'click');
    await until(() => byText(p.document, 'div', 'Nhập passcode'), 'passcode');
  };
  const modal = (d: Document) => [...d.querySelectorAll('.ant-modal-content')].find((m) => !(m as HTMLElement).style.display) ?? null;
  const out: State[] = [{ name: 'VNeID login page', url: login, checks: [{ step: 'vneid.method', expect: (d) => button(d, 'Đăng nhập') }] }];
  // The dialogs in the VNeID page, and in its sub-frame (the frame's own document, as the frame's content script sees it).
  for (const [where, url] of [['top', login], ['frame', `${SSO}/xac-thuc?step=otp&redirect_uri=${encodeURIComponent(`${DVC}/sso`)}`]] as const) {
    out.push(
      { name: `VNeID code dialog (${where})`, url, prepare: async (p) => (where === 'top' ? submit(p) : undefined), checks: [{ step: 'vneid.otp', expect: modal }] },
      { name: `VNeID consent dialog (${where})`, url, prepare: async (p) => (where === 'top' && submit(p), otp(p)), checks: [{ step: 'vneid.consent', expect: (d) => button(d, 'Xác nhận chia sẻ') }] },
      { name: `VNeID passcode dialog (${where})`, url, prepare: async (p) => (where === 'top' && submit(p), await otp(p), consent(p)), checks: [{ step: 'vneid.passcode', expect: (d) => byText(d, 'div', 'Nhập passcode') }] },
    );
  }
  const btp = `${SSO}/auth?response_type=code&client_id=btp-tthc&redirect_uri=${encodeURIComponent(`${MOJ}/danh-sach-thu-tuc?MaTTHC=1.004884`)}`;
  out.push(
    { name: 'VNeID second consent for the Ministry', url: btp, opts: { cookies: { vneid_sess: '1' } }, checks: [{ step: 'vneid.moj-consent', expect: (d) => button(d, 'Xác nhận chia sẻ') }] },
    { name: 'VNeID second passcode for the Ministry', url: btp, opts: { cookies: { vneid_sess: '1' } }, prepare: consent, checks: [{ step: 'vneid.moj-passcode', expect: (d) => byText(d, 'div', 'Nhập passcode') }] },
    {
      name: 'VNeID consent over the portal page (the account name already shows)',
      url: LAI_KHAI_SINH,
      opts: { localStorage: LOGGED_IN, sessionStorage: { vneid_pending: 'consent' } },
      checks: [{ step: 'vneid.consent', expect: (d) => button(d, 'Xác nhận chia sẻ') }],
    },
  );
  return out;
}

const next = (d: Document) => d.querySelector('#next');
async function lienthongTo(p: LoadedPage, step: number) {
  const d = p.document;
  const pick = async (name: string, option: string) => {
    const el = d.querySelector(`[data-open="${name}"]`)!;
    press(el, el.tagName === 'NG-SELECT' ? 'mousedown' : 'click');
    press(await until(() => [...d.querySelectorAll('[data-pick]')].find((o) => o.textContent!.normalize('NFC') === option.normalize('NFC')), option), 'click');
  };
  const birth = !p.window.location.hash.includes('1.006714');
  if (step >= 1) {
    if (birth) {
      await pick('IsNuocNgoai', 'Không có yếu tố nước ngoài');
      await pick('CqdkksDiaChi_tinh', 'Tỉnh Thái Nguyên');
      await pick('CqdkksDiaChi_xa', 'Phường Phổ Yên');
      await pick('DkksTruongHop', 'Đã xác định được cả cha lẫn mẹ');
    } else {
      await pick('CqdktDiaChi_tinh', 'Tỉnh Thái Nguyên');
      await pick('CqdktDiaChi_xa', 'Phường Phổ Yên');
    }
    press(next(d)!, 'click');
  }
  if (step >= 2) {
    await pick('NycQuanHe', birth ? 'Cha' : 'Người giám hộ/đại diện hợp pháp');
    press(next(d)!, 'click');
  }
  if (step >= 3) press(next(d)!, 'click');
  if (step >= 4) {
    attach(d.querySelector('input[type="file"]')!, 'giay-chung-sinh.jpg');
    press(next(d)!, 'click');
  }
  if (step >= 5) {
    await pick('HinhThucNhan', 'Nhận trực tiếp');
    type(d.querySelector('[data-name="MaKiemTra"]')!, '7k3q');
    press(next(d)!, 'click');
  }
}

function lienthongStates(): State[] {
  const out: State[] = [];
  for (const home of ['links', 'tiles']) {
    const tile = (d: Document, code: string) => (home === 'links' ? d.querySelector(`a[href="#/ke-khai/${code}"]`) : d.querySelector(`[data-go="${code}"] > div`));
    out.push({
      name: `liên thông home (${home})`,
      url: `${LT}/#/?vneid=1`,
      opts: { variants: { lt_home: home } },
      checks: [
        { step: 'lt.login', expect: (d) => d.querySelector('#login') },
        { step: 'lt.pick', procedures: ['X.3'], expect: (d) => tile(d, '2.000987') },
        { step: 'lt.pick', procedures: ['X.2'], expect: (d) => tile(d, '1.006714') },
        // The older package is not on the two-tile home: the current one is the way.
        { step: 'lt.pick', procedures: ['X.1', 'III.11'], expect: (d) => tile(d, home === 'links' ? '2.000986' : '2.000987') },
      ],
    });
  }
  for (const nextNode of ['keep', 'recreate']) {
    for (const titles of ['div', 'heading']) {
      const opts = { variants: { lt_next: nextNode, lt_titles: titles, lt_result: titles === 'div' ? 'lines' : 'nodes' }, localStorage: { lt_token: 'x' } };
      const code = (proc: string) => (proc === 'X.2' ? '1.006714' : proc === 'X.3' ? '2.000987' : '2.000986');
      for (const proc of ['X.1', 'X.2', 'X.3']) {
        const url = `${LT}/#/ke-khai/${code(proc)}`;
        out.push(
          {
            name: `liên thông ${code(proc)} step 01 (next ${nextNode}, titles ${titles})`,
            url,
            opts,
            checks: [
              ...(proc === 'X.2' ? [] : [{ step: 'lt.foreign', procedures: [proc], expect: (d: Document) => d.querySelector('[formcontrolname="IsNuocNgoai"] mat-select') }]),
              ...(proc === 'X.3' ? [{ step: 'lt.idcard', procedures: [proc], expect: (d: Document) => d.querySelector('[formcontrolname="IsCapTheCanCuoc"] input') }] : []),
              { step: 'lt.agencies', procedures: [proc], expect: next },
            ],
          },
          { name: `liên thông ${code(proc)} step 2`, url, opts, prepare: (p) => lienthongTo(p, 1), checks: [{ step: 'lt.declare', procedures: [proc], expect: next }] },
          { name: `liên thông ${code(proc)} step 3`, url, opts, prepare: (p) => lienthongTo(p, 2), checks: [{ step: 'lt.review', procedures: [proc], expect: next }] },
          { name: `liên thông ${code(proc)} step 4`, url, opts, prepare: (p) => lienthongTo(p, 3), checks: [{ step: 'lt.attach', procedures: [proc], expect: next }] },
          { name: `liên thông ${code(proc)} step 5`, url, opts, prepare: (p) => lienthongTo(p, 4), checks: [{ step: 'lt.finish', procedures: [proc], expect: next }] },
          {
            name: `liên thông ${code(proc)} result (${titles === 'div' ? 'lines' : 'nodes'})`,
            url,
            opts,
            prepare: (p) => lienthongTo(p, 5),
            checks: [{ step: 'lt.done', procedures: [proc], expect: (d) => [...d.querySelectorAll('p, span')].find((e) => e.firstChild?.textContent?.startsWith('Số hồ sơ')) ?? null }],
          },
        );
      }
    }
  }
  return out;
}

/** The wizard's steps, on the Ministry's host or in place on the national portal, with ids or labels only. */
function wizardStates(): State[] {
  const out: State[] = [];
  for (const host of ['moj', 'dvcqg'] as const) {
    for (const ids of ['ids', 'labels']) {
      for (const info of ['dialog', 'section']) {
        const upload = ids === 'ids' ? 'dinh-kem' : 'tep-tin';
        const variants = { moj_ids: ids, info, moj_upload: upload, wizard: 'dvcqg' };
        const url = host === 'moj' ? `${MOJ}/nop-ho-so/144865?maThuTuc=1.004884` : LAI_KHAI_SINH;
        const open = async (p: LoadedPage) => {
          if (host === 'moj') return;
          await choose(p, 0, 'Tỉnh Thái Nguyên');
          await choose(p, 1, 'Phường Đồng Tiến');
          press(button(card(p.document), 'Nộp hồ sơ')!, 'click');
          const ward = await until(() => [...p.document.querySelectorAll('.grid-cols-12 > div')].find((c) => c.textContent!.includes('UBND')), 'ward card');
          press(ward.querySelector('button')!, 'click');
          await until(() => byText(p.document, 'button', 'Xác nhận'), 'Thông tin chung');
        };
        const to = (n: number) => async (p: LoadedPage) => {
          await open(p);
          const d = p.document;
          const go = (text: string) => press(button(d, text)!, 'click');
          if (n >= 1) go('Xác nhận');
          if (n >= 2) go('Bước tiếp theo');
          if (n >= 3) go('Xem trước');
          if (n >= 4) go('Xác nhận');
          if (n >= 5) {
            press(button(d, upload === 'tep-tin' ? 'Chọn tệp tin' : 'Chọn tệp đính kèm')!, 'click');
            attach(d.querySelector('input[data-upload]')!, 'ban-sao.pdf');
            go('Thêm vào ví & Chọn');
            go('Bước tiếp theo');
          }
          if (n >= 6) go('Gửi hồ sơ');
        };
        const name = `wizard on ${host} (${ids}, Thông tin chung ${info})`;
        const opts = { variants, localStorage: LOGGED_IN };
        out.push(
          { name: `${name}: Thông tin chung`, url, opts, prepare: to(0), checks: [{ step: 'info.general', expect: (d) => (info === 'dialog' ? d.querySelector('[data-e2e="confirm-button-information"]') : button(d.querySelector('.wizard-step')!, 'Xác nhận')) }] },
          { name: `${name}: owner`, url, opts, prepare: to(1), checks: [{ step: 'moj.owner', expect: (d) => button(d, 'Bước tiếp theo') }] },
          { name: `${name}: declaration`, url, opts, prepare: to(2), checks: [{ step: 'moj.declare', expect: (d) => button(d, 'Xem trước') }] },
          { name: `${name}: preview`, url, opts, prepare: to(3), checks: [{ step: 'moj.preview', expect: (d) => button(d.querySelector('[role="dialog"], section')!, 'Xác nhận') }] },
          { name: `${name}: documents`, url, opts, prepare: to(4), checks: [{ step: 'moj.files', expect: (d) => button(d, upload === 'tep-tin' ? 'Chọn tệp tin' : 'Chọn tệp đính kèm') }] },
          { name: `${name}: receiving`, url, opts, prepare: to(5), checks: [{ step: 'moj.receive', expect: (d) => button(d, 'Gửi hồ sơ') }] },
          { name: `${name}: result`, url, opts, prepare: to(6), checks: [{ step: 'moj.done', expect: (d) => byText(d, 'span', 'Mã hồ sơ:') }] },
        );
      }
    }
  }
  out.push(
    { name: 'Ministry hand-off list', url: `${MOJ}/danh-sach-thu-tuc?vneid=1&MaTTHC=1.004884`, checks: [{ step: 'moj.handoff', expect: (d) => d.querySelector('#go') }] },
    { name: 'Ministry "Hồ sơ của tôi"', url: `${MOJ}/ho-so-cua-toi`, opts: { sessionStorage: { moj_last: '000.00.31.H55-261127-0007' } }, checks: [{ step: 'moj.done', expect: (d) => byText(d, 'th', 'Mã hồ sơ') }] },
    { name: 'declaration frame (tokhaidientu)', url: 'https://tokhaidientu.moj.gov.vn/e-form/b4d12437-462b-4b66-bb4e-4dd2e79ebf6e', checks: [{ step: 'moj.declare#frame', expect: (d) => d.querySelector('input[name="hoTen"]') }] },
  );
  return out;
}

function thainguyenStates(): State[] {
  const out: State[] = [{ name: 'Thái Nguyên home', url: `${TN}/`, checks: [{ step: 'tn.login', expect: (d) => button(d, 'Đăng nhập') }] }];
  for (const [material, dialog, file, route] of [['mdc', 'material', 'visible', '/nop-ho-so?MaTTHCDP=2.000815.000.00.00.H55&MaCoQuanThucHien=H55.242'], ['legacy', 'bootstrap', 'button', '/nop-ho-so/2.000815.000.00.00.H55']] as const) {
    for (const submit of ['Nộp hồ sơ', 'Gửi hồ sơ']) {
      const opts = { variants: { tn_material: material, tn_dialog: dialog, tn_dialog_ms: '10', tn_file: file, tn_submit: submit, tn_success: submit === 'Nộp hồ sơ' ? 'ma' : 'so' } };
      const name = `Thái Nguyên ${route.split('?')[0]} (${material}, ${dialog} dialog, ${file} file, "${submit}")`;
      out.push(
        { name: `${name}: dialog`, url: `${TN}${route}`, opts, prepare: (p) => until(() => p.document.querySelector('#save'), 'dialog').then(() => undefined), checks: [{ step: 'tn.profile', expect: (d) => d.querySelector('#citizenInfoModal') ?? d.querySelector('mat-dialog-container') }] },
        {
          name: `${name}: form`,
          url: `${TN}${route}`,
          opts: { ...opts, sessionStorage: { tn_profile_ok: '1' } },
          checks: [
            { step: 'tn.service', expect: (d) => d.querySelector('mat-select[name="case_id"]') },
            { step: 'tn.fields', expect: (d) => d.querySelector('#ngaySinh') },
            { step: 'tn.files', expect: (d) => (file === 'visible' ? d.querySelector('#f1') : d.querySelector('#pick')) },
            { step: 'tn.submit', expect: (d) => d.querySelector('#submit') },
          ],
        },
        {
          name: `${name}: submitted`,
          url: `${TN}${route}`,
          opts: { ...opts, sessionStorage: { tn_profile_ok: '1' } },
          prepare: async (p) => press(p.document.querySelector('#submit')!, 'click'),
          checks: [{ step: 'tn.done', expect: (d) => [...d.querySelectorAll('p, span')].find((e) => /^(Mã|Số) hồ sơ/.test(e.textContent!)) ?? null }],
        },
      );
    }
  }
  return out;
}

export function handoffStates(): State[] {
  return [...successStates(), ...vneidStates(), ...lienthongStates(), ...wizardStates(), ...thainguyenStates()];
}
