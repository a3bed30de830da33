// What each volunteer's extension last reported in its envelopes (the guide data
// it runs — "bundled-<version>" or a signed pack's version — and its version),
// kept in script properties: the endpoint records it without a spreadsheet call,
// the «Chẩn đoán» panel shows it.
const PREFIX = 'TRO_LY_DVC_CLIENT.';

export interface ClientReport {
  volunteerId: string;
  version: string;
  /** '' when the extension did not say (versions before guide packs). */
  guideData: string;
}

export interface ReportedClient extends ClientReport {
  at: string;
}

/** The property recording a report (merged into the code's last-use write). */
export function clientProperty(report: ClientReport, at: string): Record<string, string> {
  const { volunteerId, version, guideData } = report;
  return { [PREFIX + volunteerId]: JSON.stringify({ version: version.slice(0, 20), guideData: guideData.slice(0, 40), at }) };
}

/** Every volunteer's last report, from a getProperties() result. */
export function reportedClients(all: Record<string, string>): ReportedClient[] {
  const out: ReportedClient[] = [];
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith(PREFIX)) continue;
    try {
      const x = JSON.parse(v) as Partial<ReportedClient>;
      out.push({ volunteerId: k.slice(PREFIX.length), version: String(x.version ?? ''), guideData: String(x.guideData ?? ''), at: String(x.at ?? '') });
    } catch {
      // A damaged entry is skipped; the next envelope rewrites it.
    }
  }
  return out;
}
