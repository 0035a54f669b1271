// The surge simulator end to end, as a coordinator on demo data: the page loads a scenario built from the
// registry (its beds per city shown), the coordinator shortens the horizon, adds a ×3 surge and runs a few
// replications; the progress reaches "done" and the charts (beds per city, waits per stage, people
// without a bed, with the surge shaded) and the ranked bottlenecks appear. A registrar is not offered the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { COORDINATOR, REGISTRAR, firstReceptionCentre, logIn, screenshot, startApp, tid, waitForText } from './harness.mjs';

let app;
let registrar;
before(async () => {
  app = await startApp();
  registrar = { ...REGISTRAR, sites: [(await firstReceptionCentre(app)).id] };
  await app.addUser(registrar);
});
after(async () => { await app?.stop(); });

async function setNumber(page, testId, value) {
  const input = page.locator(tid(testId));
  await input.fill(String(value));
  await input.dispatchEvent('change');
}

test('a coordinator runs a small surge scenario and sees the charts and bottlenecks', { timeout: 120_000 }, async () => {
  const page = await app.newPage({ locale: 'es-MX' });
  await logIn(page, '/#/simulacion', COORDINATOR);
  await waitForText(page, tid('page-title'), 'Simulación de llegadas masivas');
  await page.locator(tid('sim-form')).waitFor();
  // The template carries the registry's shelters and the 2025 ports.
  assert.ok(await page.locator(tid('sim-beds-row')).count() >= 1, 'beds per city from the registry');
  assert.equal(await page.locator(tid('sim-port-row')).count(), 14);

  await setNumber(page, 'sim-days', 12);
  await setNumber(page, 'sim-replications', 3);
  await setNumber(page, 'sim-surge-factor', 3);
  await setNumber(page, 'sim-surge-from', 4);
  await setNumber(page, 'sim-surge-to', 8);
  const scenario = JSON.parse(await page.locator(tid('sim-json')).inputValue());
  assert.equal(scenario.days, 12);
  assert.deepEqual(scenario.multipliers.filter((m) => m.kind === 'surge').map((m) => [m.from_day, m.to_day, m.factor]),
    [[4, 8, 3]]);

  await page.click(tid('sim-run'));
  await page.locator(`${tid('sim-progress')}[data-status="done"]`).waitFor({ timeout: 90_000 });
  await waitForText(page, tid('sim-progress'), 'Avance: 100 %');
  await page.locator(tid('sim-results')).waitFor();

  for (const chart of ['chart-occupancy', 'chart-waits', 'chart-without-bed']) {
    const svg = page.locator(`${tid(chart)} svg[role="img"]`);
    assert.equal(await svg.count(), 1, `${chart} has its SVG`);
    assert.ok(await page.locator(`${tid(chart)} polyline`).count() >= 1, `${chart} draws a line`);
    assert.equal(await page.locator(tid(`${chart}-shade`)).count(), 1, `${chart} shades the surge`);
  }
  const rows = page.locator(tid('bottleneck-row'));
  assert.ok(await rows.count() >= 1, 'a ranked bottleneck');
  assert.match(await rows.first().innerText(), /%/);
  await screenshot(page, 'simulation');
  assert.deepEqual(page.errors, []);
});

test('a registrar is not offered the simulator', { timeout: 60_000 }, async () => {
  const page = await app.newPage({ locale: 'es-MX' });
  await logIn(page, '/#/simulacion', registrar);
  assert.equal(await page.locator(tid('nav-simulation')).count(), 0);
  assert.equal(await page.locator(tid('sim-form')).count(), 0);
});
