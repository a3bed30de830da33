/**
 * The RecordFilingForm, framed inside the guide overlay after the volunteer
 * confirms a dossier code. A frame keeps the resident's name and consent out of the portal page's
 * reach and keeps zod out of the per-page content script.
 */
import '../../zod-jitless';
import { render } from 'preact';
import { RecordFilingForm, recordFormCss, type FilingCapture } from '../../pages/RecordFilingForm';

const q = new URLSearchParams(location.search);
const portal = q.get('portal') as FilingCapture['portal'];
const capture: FilingCapture = {
  dossierCode: q.get('dossierCode') ?? '',
  procedureId: q.get('procedureId') ?? '',
  procedureCode: q.get('procedureCode') || null,
  portal,
  ...(q.get('dueOn') ? { dueOn: q.get('dueOn')! } : {}),
};
const style = document.createElement('style');
style.textContent = `body{margin:0;font:16px/1.45 system-ui,sans-serif;color:#111}${recordFormCss}`;
document.head.append(style);
render(<RecordFilingForm capture={capture} onDone={() => parent.postMessage({ type: 'tro-ly:filing-done' }, '*')} />, document.getElementById('app')!);
