import { capturePage } from '../snapshot/capture';

// Injected into one portal frame by the background only when the volunteer presses «Trang khác
// hướng dẫn» (extension/snapshot/background.ts): the capture code stays out of the content script.
// The result goes back to the background only; the step context is filled in there.
export default defineUnlistedScript(() => capturePage(document, { surfaces: [], guideId: null, stepId: null }));
