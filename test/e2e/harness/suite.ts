import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './browser';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser, type FirefoxLaunchOptions } from './firefox';
import { startFixtureServer, type FixtureServer } from './https-server';

/**
 * The usual set-up of a real-browser suite: one fixture server for the portals' host names and one
 * browser with the built extension, started before the suite's tests and closed after them.
 */
function withBrowser<B extends { close(): Promise<unknown> }>(launch: (port: number) => Promise<B>, ready: (server: FixtureServer, browser: B) => void): void {
  let server: FixtureServer | undefined;
  let browser: B | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launch(server.port);
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Chromium (playwright-core) with the built Chrome extension. */
export function withExtensionBrowser(ready: (server: FixtureServer, browser: ExtensionBrowser) => void, options: Omit<LaunchOptions, 'port'> = {}): void {
  withBrowser((port) => launchWithExtension({ ...options, port }), ready);
}

/** Firefox ESR (puppeteer-core over WebDriver BiDi) with the built Firefox extension. */
export function withFirefoxBrowser(ready: (server: FixtureServer, browser: FirefoxExtensionBrowser) => void, options: Omit<FirefoxLaunchOptions, 'port'> = {}): void {
  withBrowser((port) => launchFirefoxWithExtension({ ...options, port }), ready);
}
