/**
 * The scenario's sample documents, made in the browser (nothing is downloaded from anywhere): a
 * small PDF whose one page says it is a practice document, and JPEG pictures drawn on a canvas,
 * each padded to the scenario's size (one is deliberately over the portal's 2 MB limit).
 */
import type { SampleFile } from './scenario-schema';

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\x20-\x7e]/g, '?');

/** A one-page PDF with `title` (ASCII) in Helvetica, padded with spaces after %%EOF to `bytes`. */
export function samplePdf(title: string, bytes: number): Uint8Array {
  const text = ascii(`BAN TAP LUYEN - ${title} - giay to mau, khong co gia tri`).replace(/[()\\]/g, ' ');
  const stream = `BT /F1 14 Tf 40 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const out = new Uint8Array(Math.max(bytes, pdf.length)).fill(0x20);
  out.set(new TextEncoder().encode(pdf));
  return out;
}

/** A JPEG picture of a practice document drawn on a canvas, padded after its end marker to `bytes`. */
export async function sampleJpeg(doc: Document, label: string, bytes: number): Promise<Blob> {
  const canvas = doc.createElement('canvas');
  canvas.width = 800;
  canvas.height = 560;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#fffdf5';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.strokeStyle = '#b54708';
  g.lineWidth = 12;
  g.strokeRect(20, 20, canvas.width - 40, canvas.height - 40);
  g.fillStyle = '#7a2e00';
  g.font = 'bold 44px sans-serif';
  g.fillText('BẢN TẬP LUYỆN', 60, 120);
  g.font = '30px sans-serif';
  g.fillText(label, 60, 200, canvas.width - 120);
  g.fillText('Giấy tờ mẫu, không có giá trị', 60, 260);
  const picture = await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('canvas'))), 'image/jpeg', 0.8));
  return new Blob([picture, new Uint8Array(Math.max(0, bytes - picture.size))], { type: 'image/jpeg' });
}

export async function sampleBlob(doc: Document, file: SampleFile): Promise<Blob> {
  if (file.name.endsWith('.pdf')) return new Blob([samplePdf(file.label, file.bytes) as BlobPart], { type: 'application/pdf' });
  return sampleJpeg(doc, file.label, file.bytes);
}

/** "2,6 MB", "380 KB". */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB` : `${Math.round(bytes / 1024)} KB`;
}
