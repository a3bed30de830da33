import { defineConfig } from 'wxt';
import { CONTENT_MATCHES, SYNC_HOSTS } from './shared/hosts';

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
    includeSources: ['shared/**', 'wxt.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'README.md'],
    excludeSources: ['test/**', 'apps-script/**', '.ci/**'],
  },
  manifest: ({ browser }) => ({
    name: 'Trợ lý DVC',
    description: 'Hướng dẫn từng bước nộp hồ sơ trên Cổng Dịch vụ công cho Tổ công nghệ số cộng đồng.',
    // storage: guided sessions, diagnostics, the sync outbox.
    // browsingData + cookies: "Kết thúc phiên" clears the resident's login on SESSION_ORIGINS and
    //   counts the cookies it removed (the cookies API needs the host permissions below).
    // alarms: the sync outbox retries (extension/outbox).
    // No "tabs": the popup only needs tab ids, which tabs.query/getCurrent give without it.
    permissions: ['storage', 'browsingData', 'cookies', 'alarms'],
    // Portal hosts: cookies of the resident's session. Apps Script hosts: the sync endpoint.
    host_permissions: [...CONTENT_MATCHES, ...SYNC_HOSTS],
    action: { default_title: 'Trợ lý DVC' },
    commands: {
      'focus-guide': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Chuyển bàn phím vào khung hướng dẫn',
      },
    },
    // The record form is framed in the overlay on portal pages only.
    web_accessible_resources: [{ resources: ['filing-frame.html'], matches: CONTENT_MATCHES }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'tro-ly-dvc@congnghesocongdong.vn', strict_min_version: '128.0' } } }
      : {}),
  }),
});
