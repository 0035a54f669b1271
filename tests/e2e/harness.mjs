// End-to-end harness: starts a real Acogida server on demo data and a headless Debian chromium driven by
// playwright-core (from web/node_modules; no browser is ever downloaded).
//
//   const app = await startApp();          // demo-data + the E2E accounts + serve on a free port, in a temp dir
//   const page = await app.newPage();      // fresh browser context: empty localStorage, no session
//   await logIn(page, '/#/sitios', COORDINATOR);   // through the login form; lands on that page
//   ... await screenshot(page, 'name');    // web/test-results/name.png, for a person to look at
//   await app.stop();                      // closes the browser, kills the server, removes the temp dir
//
// Accounts are made with the CLI (`acogida user add … --password-stdin`): startApp creates `accounts`
// (by default the coordinator) right after demo-data; app.addUser creates one later, while the server runs
// (for a registrar, once a site id is known). app.apiAs(account) logs in with fetch for setting up data.
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

// Runs the CLI with `input` on its stdin; resolves with its stdout.
function runCli(args, input = '') {
  return new Promise((resolve, reject) => {
    const child = execFile(binary, args, { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`acogida ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
    child.stdin.end(input);
  });
}

// The accounts the tests use. Passwords follow the server's policy: 12+ characters, not containing the
// username, not common.
export const COORDINATOR = {
  username: 'e2e.coord', password: 'Faro-del-Norte-2025', role: 'coordinator', displayName: 'Coordinación E2E',
};
export const ADMINISTRATOR = {
  username: 'e2e.admin', password: 'Bitacora-Integra-7391', role: 'administrator', displayName: 'Administración E2E',
};
// A registrar needs sites: { ...REGISTRAR, sites: [id] }.
export const REGISTRAR = {
  username: 'e2e.registro', password: 'Mesa-de-Registro-4821', role: 'registrar', displayName: 'Registro E2E',
};

async function addUser(dbPath, account) {
  const args = ['user', 'add', '--db', dbPath, '--username', account.username, '--role', account.role];
  if (account.displayName) args.push('--display-name', account.displayName);
  for (const site of account.sites ?? []) args.push('--site', String(site));
  args.push('--password-stdin');
  const stdout = await runCli(args, `${account.password}\n`);
  const id = Number(stdout.trim().split('\n').pop());
  if (!Number.isInteger(id) || id <= 0) throw new Error(`user add printed no id: ${stdout}`);
  return id;
}

async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function startApp({ persons = 300, seed = 7, accounts = [COORDINATOR] } = {}) {
  if (!existsSync(binary)) throw new Error(`ACOGIDA_BINARY not found: ${binary} (build it first)`);
  if (!existsSync(path.join(webDist, 'index.html'))) throw new Error(`web app not built: ${webDist} (cd web && npm run build)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'acogida-e2e-'));
  const dbPath = path.join(dir, 'e2e.db');
  await promisify(execFile)(binary, ['demo-data', '--db', dbPath, '--seed', String(seed), '--persons', String(persons)], {
    timeout: 120_000,
  });
  for (const account of accounts) await addUser(dbPath, account);
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
    dbPath,
    // Creates an account with the CLI (also while the server runs); resolves with its id.
    addUser: (account) => addUser(dbPath, account),
    // Logs in with fetch (no browser) and returns a tiny client for setting up or checking data.
    apiAs: (account) => apiAs(baseUrl, account),
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

async function apiAs(baseUrl, account) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (login.status !== 200) throw new Error(`API login as ${account.username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { user, csrf_token: csrf } = await login.json();
  const call = async (method, path, body, headers = {}) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Cookie: cookie, Accept: 'application/json', ...headers,
        ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    user,
    get: (path, headers) => call('GET', path, undefined, headers),
    post: (path, body) => call('POST', path, body ?? {}),
  };
}

// Picks the first reception centre by name, as the intake page lists them first.
export async function firstReceptionCentre(app) {
  const client = await app.apiAs(COORDINATOR);
  const { status, body } = await client.get('/sites');
  if (status !== 200) throw new Error(`GET /sites: ${status}`);
  const centres = body.items.filter((site) => site.kind === 'reception_centre');
  const chosen = (centres.length > 0 ? centres : body.items).sort((a, b) => a.name.localeCompare(b.name, 'es'))[0];
  if (!chosen) throw new Error('the demo data has no site');
  return chosen;
}

// Opens `path` (the login page shows, whatever the address), logs in through the form and waits until
// the page at `path` is there: the header shows the account menu.
export async function logIn(page, path, account) {
  await page.goto(path);
  await page.locator(tid('login-form')).waitFor();
  await page.fill(tid('login-username'), account.username);
  await page.fill(tid('login-password'), account.password);
  await page.click(tid('login-submit'));
  await page.locator(tid('account-menu')).waitFor();
  await page.locator(tid('login-form')).waitFor({ state: 'detached' });
}

// Logs out through the account menu and waits for the login page.
export async function logOut(page) {
  await page.click(tid('account-menu'));
  await page.click(tid('logout'));
  await page.locator(tid('login-form')).waitFor();
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
