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
// In the panel the form is the only thing that scrolls (when the screen is short): its buttons stay
// at the bottom of the frame, and the errors summary is scrolled to when it takes focus.
style.textContent = `html{scroll-padding-bottom:72px}body{margin:0;font:16px/1.45 system-ui,sans-serif;color:#111}${recordFormCss}
.tldvc-rec-actions{position:sticky;bottom:0;background:#fff;padding:8px 0;margin-bottom:0;border-top:1px solid #5f6368;z-index:1;gap:8px}
.tldvc-rec-actions .tldvc-rec-button{padding:8px 12px}`;
document.head.append(style);
render(<RecordFilingForm capture={capture} onDone={() => parent.postMessage({ type: 'tro-ly:filing-done' }, '*')} />, document.getElementById('app')!);

// The overlay sizes the frame to the form (no scrollbar inside a scrolling panel).
const app = document.getElementById('app')!;
const tellSize = () => parent.postMessage({ type: 'tro-ly:filing-size', height: app.getBoundingClientRect().height }, '*');
new ResizeObserver(tellSize).observe(app);
