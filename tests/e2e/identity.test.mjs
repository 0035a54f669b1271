// Identity at intake: a man registered once is proposed as a possible earlier record when he comes back and
// gives his nickname ("Pepe" for José) with the same surnames, birth date and sex. The panel shows the
// probability, his name linking to his profile, and why; staff decide, nothing is merged.
// As a registrar of one reception centre, so the earlier record is visible (same site).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  REGISTRAR, firstReceptionCentre, logIn, screenshot, startApp, tid, waitForText,
} from './harness.mjs';

let app;
let centre;
let registrar;
before(async () => {
  app = await startApp();
  centre = await firstReceptionCentre(app);
  registrar = { ...REGISTRAR, sites: [centre.id] };
  await app.addUser(registrar);
});
after(async () => { await app?.stop(); });

test('proposes the earlier record of a man who comes back under his nickname', { timeout: 90_000 }, async () => {
  const page = await app.newPage();
  await logIn(page, '/#/registro', registrar);
  await page.locator(tid('intake-form')).waitFor();
  await page.selectOption(tid('intake-site'), String(centre.id));
  await page.check(tid('intake-mode-land_port'));

  // First visit: José Luis Hernández García, registered through the form.
  await page.fill(tid('member-0-given_names'), 'José Luis');
  await page.fill(tid('member-0-paternal_surname'), 'Hernández');
  await page.fill(tid('member-0-maternal_surname'), 'García');
  await page.check(tid('member-0-sex-M'));
  await page.fill(tid('member-0-birth_date'), '1985-03-12');
  await page.check(tid('member-0-consent-services'));
  await page.click(tid('intake-submit'));
  await page.locator(tid('intake-success')).waitFor();
  const first = page.locator(tid('registered-person')).first();
  assert.equal((await first.textContent()).trim(), 'José Luis Hernández García');
  const profileHref = await first.getAttribute('href');
  assert.match(profileHref, /^#\/personas\/\d+$/);

  // He comes back: a new household, typed as he gives it now.
  await page.click(tid('intake-another'));
  await page.locator(tid('intake-form')).waitFor();
  const panel = page.locator(tid('member-0-matches'));
  assert.equal(await panel.getAttribute('aria-live'), 'polite');
  await page.fill(tid('member-0-given_names'), 'Pepe');
  await page.fill(tid('member-0-paternal_surname'), 'Hernández');
  await page.fill(tid('member-0-maternal_surname'), 'García');
  await page.fill(tid('member-0-birth_date'), '1985-03-12');
  await page.check(tid('member-0-sex-M'));

  await waitForText(page, tid('member-0-matches'), 'Posibles registros anteriores');
  const candidateLink = page.locator(`${tid('member-0-matches')} a`).filter({ hasText: 'José Luis Hernández García' }).first();
  await candidateLink.waitFor();
  assert.equal(await candidateLink.getAttribute('href'), profileHref, 'the name links to his profile');
  const candidate = panel.locator('li.match').filter({ has: page.locator('a', { hasText: 'José Luis Hernández García' }) });
  const probability = (await candidate.locator('.match__probability').textContent()).trim();
  assert.match(probability, /\d+\s?%/, `a probability is shown: ${probability}`);
  assert.match(await candidate.textContent(), /1985-03-12/);
  // Why: the surnames and birth date count for him.
  const reasons = (await candidate.locator('.match__why li').allTextContents()).join(' | ');
  assert.match(reasons, /Apellidos \+/, reasons);
  assert.match(reasons, /Nacimiento \+/, reasons);
  // Staff decide: nothing merged, the form is as typed.
  assert.match(await panel.textContent(), /Revise si es la misma persona/);
  assert.equal(await page.inputValue(tid('member-0-given_names')), 'Pepe');
  await screenshot(page, 'intake-earlier-records');

  // In English too, with what was typed kept.
  await page.click(tid('lang-en'));
  await waitForText(page, tid('member-0-matches'), 'Possible earlier records');
  assert.match(await panel.textContent(), /Check whether this is the same person/);
  assert.match((await candidate.locator('.match__why li').allTextContents()).join(' | '), /Surnames \+/);
  assert.equal(await page.inputValue(tid('member-0-given_names')), 'Pepe');
  assert.deepEqual(page.errors, []);
});
