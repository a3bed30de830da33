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
    permissions: ['storage', 'browsingData', 'cookies', 'alarms'],
    host_permissions: [...CONTENT_MATCHES, ...SYNC_HOSTS],
    action: { default_title: 'Trợ lý DVC' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'tro-ly-dvc@congnghesocongdong.vn', strict_min_version: '128.0' } } }
      : {}),
  }),
});
