import { defineConfig } from 'wxt';
import { CONTENT_MATCHES, SYNC_HOSTS } from './shared/hosts';

/**
 * Firefox desktop and Firefox for Android (one build). Data collection, declared as Firefox asks:
 * the outbox sends the residents' names, birth years, phone numbers and tổ dân phố, and the dossier
 * codes (ID numbers) of their filings, to the ward's own Google Sheet: personally identifying
 * information. Nothing else leaves the browser (no browsing activity, no page content, no usage data).
 */
const GECKO_SETTINGS = {
  gecko: {
    id: 'tro-ly-dvc@congnghesocongdong.vn',
    // The first versions with Firefox's built-in data-collection consent (desktop 140, Android 142).
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['personallyIdentifyingInfo'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

// https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { target: 'es2022' },
  }),
  zip: {
    // The Firefox sources zip must rebuild the extension from the shared domain too.
    // test/fixtures: the practice pages are built from the portal fixtures (modules/practice).
    includeSources: ['shared/**', 'test/fixtures/*.gov.vn/**', 'wxt.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'README.md'],
    excludeSources: ['test/**', 'apps-script/**', '.ci/**'],
  },
  manifest: ({ browser }) => ({
    name: 'Trợ lý DVC',
    description: 'Hướng dẫn từng bước nộp hồ sơ trên Cổng Dịch vụ công cho Tổ công nghệ số cộng đồng.',
    // storage: guided sessions, diagnostics, the sync outbox.
    // browsingData + cookies: "Kết thúc phiên" clears the resident's login on SESSION_ORIGINS and
    //   counts the cookies it removed (the cookies API needs the host permissions below).
    // alarms: the sync outbox retries (extension/outbox).
    // scripting: «Trang khác hướng dẫn» injects the structure-only capture into that one portal
    //   frame when pressed (extension/snapshot), so it is not part of every page's content script.
    // No "tabs": the popup only needs tab ids, which tabs.query/getCurrent give without it.
    permissions: ['storage', 'browsingData', 'cookies', 'alarms', 'scripting'],
    // Portal hosts: cookies of the resident's session. Apps Script hosts: the sync endpoint.
    host_permissions: [...CONTENT_MATCHES, ...SYNC_HOSTS],
    // A guide pack at a static https URL: that one host, asked for from the options page's click.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Trợ lý DVC' },
    commands: {
      'focus-guide': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Chuyển bàn phím vào khung hướng dẫn',
      },
    },
    // The record form is framed in the overlay on portal pages only.
    web_accessible_resources: [{ resources: ['filing-frame.html'], matches: CONTENT_MATCHES }],
    ...(browser === 'firefox' ? { browser_specific_settings: GECKO_SETTINGS } : {}),
  }),
});
