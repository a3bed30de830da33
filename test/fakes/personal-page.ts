/** A page full of fake personal data (none of it real), for the snapshot privacy tests. */

/** Fake personal data planted in the page (none of it real). */
export const PLANTED = {
  name: 'Nguyễn Thị Hồng Nhung',
  signer: 'Trần Văn Khải',
  cccd: '034190012345',
  phone: '0912 345 678',
  phoneDigits: '0912345678',
  address: 'Số 18 ngõ 42 đường Lý Nam Đế',
  group: 'tổ dân phố Hạnh Phúc',
  email: 'nhung.nguyen1990@gmail.com',
  birth: '14/03/1990',
  dossier: 'H55.242-261127-0042',
  uploaded: 'giay-khai-sinh-be-nhung.pdf',
  password: 'MatKhau#Bi2026',
  otp: '483920',
  fileName: 'CCCD_Nguyen_Thi_Hong_Nhung.pdf',
};

/** Parts of the planted values that must not appear either. */
export const PARTS: Record<string, string[]> = {
  name: ['Hồng Nhung', 'Nhung'],
  signer: ['Văn Khải', 'Khải'],
  address: ['Lý Nam Đế', 'ngõ 42'],
  group: ['Hạnh Phúc'],
  email: ['nhung.nguyen1990', 'gmail'],
  dossier: ['261127-0042'],
  uploaded: ['be-nhung'],
  password: ['MatKhau', 'Bi2026'],
  fileName: ['Nguyen_Thi', 'Hong_Nhung'],
};

/** A synthetic form page (not portal evidence): every place a page may show a resident's data. */
export const PRIVACY_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Nộp hồ sơ</title></head><body>
<header><a id="account_name" class="user-dropdown" href="/tai-khoan">${PLANTED.name}</a></header>
<main>
<h1>Thông tin người nộp</h1>
<form>
<label for="ho-ten">Họ và tên</label><input id="ho-ten" name="hoTen" value="${PLANTED.name}">
<label for="cccd">Số CCCD</label><input id="cccd" name="soCccd" data-cccd="${PLANTED.cccd}" title="${PLANTED.cccd}" value="${PLANTED.cccd}">
<label for="dt">Số điện thoại</label><input id="dt" type="tel" value="${PLANTED.phone}">
<label for="mail">Thư điện tử</label><input id="mail" type="email" value="${PLANTED.email}">
<label for="ns">Ngày sinh</label><input id="ns" value="${PLANTED.birth}">
<label for="dc">Địa chỉ</label><textarea id="dc">${PLANTED.address}, ${PLANTED.group}</textarea>
<label>Người ký: ${PLANTED.signer}</label>
<label for="mk">Mật khẩu</label><input id="mk" type="password" autocomplete="current-password">
<div class="otp">${[0, 1, 2, 3, 4, 5].map((i) => `<input class="otp-box" maxlength="1" inputmode="numeric" aria-label="Ô mã ${i + 1}">`).join('')}</div>
<label for="tep">Ảnh CCCD</label><input id="tep" type="file">
<input type="hidden" name="token" value="${PLANTED.cccd}">
</form>
<table><thead><tr><th>Tên giấy tờ</th><th>Tệp</th></tr></thead>
<tbody><tr><td title="${PLANTED.name}">${PLANTED.name}</td><td><a href="/tep/${PLANTED.cccd}/${PLANTED.uploaded}">${PLANTED.uploaded}</a></td></tr>
<tr><td>Hồ sơ <a href="/ho-so/${PLANTED.dossier}?ma=${PLANTED.cccd}">${PLANTED.dossier}</a></td><td>Gọi ${PLANTED.phone} hoặc viết cho ${PLANTED.email}</td></tr></tbody></table>
<p>Thường trú tại ${PLANTED.address}, ${PLANTED.group}, phường Đồng Tiến.</p>
<button type="button">Nộp hồ sơ</button>
</main></body></html>`;

