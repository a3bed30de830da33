export { redactPath } from '../engine/redact';
import { DIAGNOSTICS_LIMIT, diagnosticsLog, type DiagnosticEntry } from './items';

export async function recordDiagnostic(entry: Omit<DiagnosticEntry, 'at'>): Promise<void> {
  const log = await diagnosticsLog.getValue();
  const next = [...log, { ...entry, at: new Date().toISOString() }].slice(-DIAGNOSTICS_LIMIT);
  await diagnosticsLog.setValue(next);
}
