export interface SidebarData {
  ready: boolean;
  user: string;
  settings: { ward: string; fullCccd: boolean; retentionMonths: number; staleDays: number; managers: string[] };
  toDanPho: string[];
  volunteers: Array<{ id: string; name: string; toDanPho: string; active: boolean }>;
  procedures: Array<{ id: string; code: string | null; name: string; label: string }>;
  apps: string[];
  statuses: string[];
  genders: string[];
  portals: Array<{ id: string; label: string }>;
  consent: { text: string; version: string };
}
