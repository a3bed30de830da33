import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './browser';
import { startFixtureServer, type FixtureServer } from './https-server';

/**
 * The usual set-up of a real-Chromium suite: one fixture server for the portals' host names and
 * one browser with the built extension, started before the suite's tests and closed after them.
 */
export function withExtensionBrowser(ready: (server: FixtureServer, browser: ExtensionBrowser) => void, options: Omit<LaunchOptions, 'port'> = {}): void {
  let server: FixtureServer | undefined;
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension({ ...options, port: server.port });
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
