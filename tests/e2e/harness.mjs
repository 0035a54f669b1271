// End-to-end harness: starts a real Acogida server on demo data and a headless Debian chromium driven by
// playwright-core (from web/node_modules; no browser is ever downloaded).
//
//   const app = await startApp();          // demo-data + serve on a free port, in a temp dir
//   const page = await app.newPage();      // fresh browser context: empty localStorage
//   ... await screenshot(page, 'name');    // web/test-results/name.png, for a person to look at
//   await app.stop();                      // closes the browser, kills the server, removes the temp dir
//
// Environment: ACOGIDA_BINARY (default <repo>/build/acogida), ACOGIDA_CHROMIUM (default /usr/bin/chromium).
// The web app must already be built into <repo>/web/dist (the Makefile does it before ctest).
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(repoRoot, 'web', 'package.json'));
const { chromium } = require('playwright-core');

const binary = process.env.ACOGIDA_BINARY || path.join(repoRoot, 'build', 'acogida');
const chromiumPath = process.env.ACOGIDA_CHROMIUM || '/usr/bin/chromium';
const webDist = path.join(repoRoot, 'web', 'dist');
export const resultsDir = path.join(repoRoot, 'web', 'test-results');

const STARTUP_TIMEOUT_MS = 30_000;
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

function startServer(dbPath) {
  const child = spawn(binary, ['serve', '--db', dbPath, '--port', '0', '--web', webDist], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const baseUrl = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not say "listening on" within ${STARTUP_TIMEOUT_MS} ms\n${stderr}`)), STARTUP_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = LISTENING.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (code ${code}, signal ${signal})\n${stderr}`));
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return { child, baseUrl };
}

async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function startApp({ persons = 300, seed = 7 } = {}) {
  if (!existsSync(binary)) throw new Error(`ACOGIDA_BINARY not found: ${binary} (build it first)`);
  if (!existsSync(path.join(webDist, 'index.html'))) throw new Error(`web app not built: ${webDist} (cd web && npm run build)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'acogida-e2e-'));
  const dbPath = path.join(dir, 'e2e.db');
  await promisify(execFile)(binary, ['demo-data', '--db', dbPath, '--seed', String(seed), '--persons', String(persons)], {
    timeout: 120_000,
  });
  const { child, baseUrl: pending } = startServer(dbPath);
  let baseUrl;
  try {
    baseUrl = await pending;
  } catch (error) {
    await stopServer(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const contexts = [];

  return {
    baseUrl,
    browser,
    // A page in a fresh context (own localStorage), tablet-sized unless told otherwise. Uncaught page
    // errors are collected in page.errors so tests can assert there were none.
    async newPage({ viewport = { width: 1024, height: 768 }, locale = 'en-US' } = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport, locale, timezoneId: 'America/Tijuana' });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (error) => page.errors.push(error.message));
      return page;
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close().catch(() => {});
      await stopServer(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Saves a full-page screenshot as web/test-results/<name>.png.
export async function screenshot(page, name) {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// A short token that keeps names from different runs and tests apart in one database.
export function uniqueToken(length = 5) {
  let token = '';
  for (let index = 0; index < length; index++) token += String.fromCharCode(97 + Math.floor(Math.random() * 26));
  return token;
}

// Waits until an element matching `selector` contains `text` (a string or RegExp), and returns it.
export async function waitForText(page, selector, text, timeout = 10_000) {
  const locator = page.locator(selector).filter({ hasText: text }).first();
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

// Selector for a data-testid.
export function tid(id) {
  return `[data-testid="${id}"]`;
}
