// e2e.mjs - tendo serve in real Chromium (Debian's, headless) through
// playwright-core, with axe-core for accessibility. run.sh starts the server
// on a prepared database and runs:
//   node e2e.mjs --url URL --tendo BIN --db DB --shots DIR --chromium PATH
// Each test is a function below; the ones that need a route from elsewhere
// (/import, /calendar.ics) run only when that route answers, and say so.
// Every check counts; the last line is "N passed, N failed"; exit 1 on any
// failure.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: opt } = parseArgs({
	options: {
		url: { type: 'string' },
		tendo: { type: 'string' },
		db: { type: 'string' },
		shots: { type: 'string' },
		chromium: { type: 'string', default: '/usr/bin/chromium' },
	},
});
if (!opt.url || !opt.tendo || !opt.db || !opt.shots) {
	console.error('usage: node e2e.mjs --url URL --tendo BIN --db DB --shots DIR [--chromium PATH]');
	process.exit(2);
}
const base = new URL(opt.url);
const abs = (p) => new URL(p, base).href;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const XSS_NOTE = process.env.XSS_NOTE || '<img src=x onerror="window.__xss=1;alert(1)">note</b>';
const XSS_EXERCISE = process.env.XSS_EXERCISE || '"><svg onload=window.__xss=2>ex';
const XSS_TODAY = '<script>window.__xss=4</script><img src=x onerror=window.__xss=5>typed';
// Debian's python3 (install-deps puts python3-icalendar there; another
// python3 earlier in PATH may not have it)
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');

let checks = 0;
let fails = 0;
function check(cond, what) {
	checks++;
	if (!cond) {
		fails++;
		console.log(`FAIL ${what}`);
	}
	return !!cond;
}
function note(msg) {
	console.log(`  ${msg}`);
}

// `tendo --db DB ARGS...`: stdout, or throws with stderr
function tendo(...args) {
	const r = spawnSync(opt.tendo, ['--db', opt.db, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
	if (r.status !== 0) throw new Error(`tendo ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
	return r.stdout;
}
const history = () => JSON.parse(tendo('history', '--json'));
const todayISO = () => new Date().toISOString().slice(0, 10); // run.sh sets TZ=UTC for the athlete and us

let browser;
async function newContext(viewport, extra = {}) {
	return browser.newContext({
		viewport,
		deviceScaleFactor: 1,
		isMobile: viewport.width < 600,
		hasTouch: viewport.width < 600,
		...extra,
	});
}

// A page that records what the browser refused or reported.
async function watchedPage(ctx) {
	const page = await ctx.newPage();
	page.problems = [];
	page.dialogs = [];
	page.on('console', (m) => {
		if (m.type() === 'error') page.problems.push(m.text());
	});
	page.on('pageerror', (e) => page.problems.push(`script error: ${e.message}`));
	page.on('dialog', async (d) => {
		page.dialogs.push(d.message());
		await d.dismiss();
	});
	return page;
}

async function api(page, p) {
	const r = await page.request.get(abs(p));
	return { status: r.status(), json: r.status() === 200 ? await r.json() : null };
}

// ------------------------------------------------------------- the app shell

async function testAppShell() {
	const ctx = await newContext(PHONE);
	const page = await watchedPage(ctx);
	await page.goto(abs('/checkin'));
	const head = await page.evaluate(() => ({
		manifest: document.querySelector('link[rel=manifest]')?.getAttribute('href'),
		theme: document.querySelector('meta[name=theme-color]')?.getAttribute('content'),
		apple: document.querySelector('link[rel=apple-touch-icon]')?.getAttribute('href'),
		icon: document.querySelector('link[rel=icon]')?.getAttribute('href'),
	}));
	check(head.manifest === '/manifest.webmanifest', `link rel=manifest (${head.manifest})`);
	check(/^#[0-9a-f]{6}$/i.test(head.theme || ''), `meta theme-color (${head.theme})`);
	check(!!head.apple && !!head.icon, 'apple-touch-icon and icon links');

	const r = await page.request.get(abs('/manifest.webmanifest'));
	check(r.status() === 200 && /manifest\+json/.test(r.headers()['content-type'] || ''), `manifest: ${r.status()}`);
	const m = await r.json();
	check(m.name && m.short_name === 'tendo', 'manifest name, short_name');
	check(m.start_url === '/' && m.display === 'standalone', 'manifest start_url "/", display standalone');
	check(m.theme_color === head.theme && !!m.background_color, 'manifest theme_color (as the meta) and background_color');
	const sizes = new Set();
	for (const ic of m.icons || []) {
		const ir = await page.request.get(abs(ic.src));
		const body = await ir.body();
		const ok = ir.status() === 200 && ir.headers()['content-type'] === ic.type;
		check(ok, `icon ${ic.src}: ${ir.status()} ${ir.headers()['content-type']}`);
		if (ic.type === 'image/png') {
			// the PNG's own IHDR says its size
			const sig = body.subarray(0, 8).toString('hex') === '89504e470d0a1a0a';
			const w = body.readUInt32BE(16), h = body.readUInt32BE(20);
			check(sig && `${w}x${h}` === ic.sizes, `icon ${ic.src} is a ${ic.sizes} PNG (got ${w}x${h})`);
			sizes.add(ic.sizes);
		}
	}
	check(sizes.has('192x192') && sizes.has('512x512'), 'icons at 192 and 512 px');
	// the browser decodes every icon (img-src 'self')
	const decoded = await page.evaluate(async (srcs) => {
		const out = [];
		for (const s of srcs) {
			const img = new Image();
			img.src = s;
			try {
				await img.decode();
				out.push(`${s} ${img.naturalWidth}x${img.naturalHeight}`);
			} catch {
				out.push(`${s} undecodable`);
			}
		}
		return out;
	}, [...(m.icons || []).map((i) => i.src), head.apple]);
	check(!decoded.some((d) => d.endsWith('undecodable')), `icons decode: ${decoded.join(', ')}`);
	check(decoded.some((d) => d.startsWith('/apple-touch-icon.png 180x180')), 'apple-touch-icon is 180 px');

	// what Chromium itself makes of it: parsed without errors, installable
	const cdp = await ctx.newCDPSession(page);
	const am = await cdp.send('Page.getAppManifest');
	check(am.url.endsWith('/manifest.webmanifest') && am.errors.length === 0,
		`Chromium read the manifest (${am.errors.map((e) => e.message).join('; ') || 'no errors'})`);
	check(page.problems.length === 0, `no console errors on the shell: ${page.problems.join(' | ')}`);
	await ctx.close();

	// installable: asked of a profile of its own (an incognito context never is)
	const udd = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'tendo-e2e-profile-'));
	const pctx = await chromium.launchPersistentContext(udd, { ...launchOptions, viewport: PHONE });
	try {
		const p = pctx.pages()[0] || (await pctx.newPage());
		await p.goto(abs('/checkin'));
		const pcdp = await pctx.newCDPSession(p);
		const inst = await pcdp.send('Page.getInstallabilityErrors');
		const ie = inst.installabilityErrors.map((e) => `${e.errorId} ${e.errorArguments.map((a) => a.value).join(' ')}`);
		check(ie.length === 0, `Chromium finds it installable (${ie.join(', ') || 'no installability errors'})`);
	} finally {
		await pctx.close();
		fs.rmSync(udd, { recursive: true, force: true });
	}
}

// ---------------------------------------------------- a forged cross-site POST

// A second server on another port: its page auto-submits a form (and a
// fetch) to tendo, as a page from anywhere could.
function evilServer() {
	return new Promise((resolve) => {
		const srv = http.createServer((req, res) => {
			const target = abs('/checkin');
			const html = `<!DOCTYPE html><html><head><title>win a prize</title></head><body>
<form id="f" method="post" action="${target}"><input name="score" value="9"><input name="csrf" value="0000"></form>
<script>
fetch(${JSON.stringify(abs('/log/pain'))}, {method: 'POST', mode: 'no-cors', credentials: 'include',
  headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'kind=rest&score=8'})
  .catch(() => {}).finally(() => {
    fetch(${JSON.stringify(abs('/api/log/pain'))}, {method: 'POST', mode: 'no-cors', credentials: 'include',
      headers: {'Content-Type': 'text/plain'}, body: '{"kind":"rest","score":7}'})
      .catch(() => {}).finally(() => document.getElementById('f').submit());
  });
</script></body></html>`;
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end(html);
		});
		srv.listen(0, '127.0.0.1', () => resolve(srv));
	});
}

async function testForgedPost() {
	const evil = await evilServer();
	const port = evil.address().port;
	try {
		// two kinds of elsewhere: another port of the same host (same site: the
		// SameSite=Strict cookie goes along, only the CSRF token is missing)
		// and another host name (cross-site: no cookie either)
		for (const host of ['127.0.0.1', 'localhost']) {
			const ctx = await newContext(PHONE);
			const page = await watchedPage(ctx);
			await page.goto(abs('/checkin')); // the athlete has the app open: a session exists
			const before = history().length;
			const t0 = (await api(page, '/api/today')).json;
			const seen = [];
			page.on('response', (r) => {
				if (r.request().method() === 'POST' && r.url().startsWith(base.origin)) seen.push(`${new URL(r.url()).pathname} ${r.status()}`);
			});
			const formAnswer = page.waitForResponse((r) => r.url() === abs('/checkin') && r.request().method() === 'POST', { timeout: 15000 });
			await page.goto(`http://${host}:${port}/`);
			const fr = await formAnswer;
			await page.waitForLoadState('load');
			check(fr.status() === 403, `forged check-in from ${host}:${port} refused: ${fr.status()}`);
			check(/did not come from this app/.test(await page.textContent('body')), 'the refusal says why');
			const after = history().length;
			check(after === before, `forged POSTs from ${host} wrote nothing (${before} -> ${after} entries)`);
			const t1 = (await api(page, '/api/today')).json;
			check(t1.provisional === t0.provisional, 'the forged check-in did not change today');
			note(`forged from ${host}:${port}: ${seen.join(', ')}`);
			await ctx.close();
		}
	} finally {
		evil.close();
	}
}

// ------------------------------------------------------ check-in, then Today

async function testCheckin() {
	const ctx = await newContext(PHONE);
	const page = await watchedPage(ctx);
	await page.goto(abs('/'));
	check(new URL(page.url()).pathname === '/', `home is the check-in before the day's score (at ${page.url()})`);
	check((await page.textContent('h1')).includes('check-in'), 'check-in heading');
	const t0 = (await api(page, '/api/today')).json;
	check(t0 && t0.provisional === true, 'before: today is provisional');
	await page.goto(abs('/today'));
	const todayBefore = await page.textContent('main');
	check(todayBefore.includes('First, your morning score'), 'Today asks for the morning score first');

	await page.goto(abs('/'));
	await page.selectOption('#rest', '1');
	await Promise.all([page.waitForURL('**/today'), page.getByRole('button', { name: '2 out of 10' }).click()]);
	check(new URL(page.url()).pathname === '/today', `two taps land on Today (${page.url()})`);
	const todayAfter = await page.textContent('main');
	check(!todayAfter.includes('First, your morning score'), 'Today no longer asks for the score');
	check(todayAfter !== todayBefore, 'Today changed');
	const t1 = (await api(page, '/api/today')).json;
	check(t1.provisional === false, 'after: /api/today is not provisional');
	const st = (await api(page, '/api/status')).json;
	check(st && st.morning && st.morning.today === 2, `status: morning today 2 (${JSON.stringify(st && st.morning)})`);
	const mine = history().filter((e) => e.date === todayISO() && e.type === 'pain');
	check(mine.some((e) => e.kind === 'task' && e.score === 2) && mine.some((e) => e.kind === 'rest' && e.score === 1),
		'tendo history has the task score 2 and rest pain 1');
	await page.goto(abs('/'));
	check(new URL(page.url()).pathname === '/today', 'home goes to Today once the score is in');
	await page.screenshot({ path: path.join(opt.shots, 'today-after-checkin-390.png'), fullPage: true });
	await ctx.close();
}

// ------------------------------------------------------ "done" on Today

async function testDone() {
	const ctx = await newContext(PHONE);
	const page = await watchedPage(ctx);
	await page.goto(abs('/today'));
	const forms = page.locator('form.done');
	const n = await forms.count();
	if (!check(n > 0, `Today has a "done" form (decision: ${await page.textContent('.decision')})`)) {
		await ctx.close();
		return;
	}
	const form = forms.first();
	const part = await form.locator('input[name=part]').inputValue();
	const button = (await form.locator('button').innerText()).trim();
	await form.locator('select[name=pain_during]').selectOption('1');
	await form.locator('select[name=rpe]').selectOption('4');
	const before = history();
	const t0 = (await api(page, '/api/today')).json;
	await Promise.all([page.waitForURL('**/today'), form.locator('button').click()]);
	const after = history();
	const added = after.filter((e) => !before.some((b) => b.id === e.id));
	note(`"${button}" (part ${part}) logged: ${added.map((e) => `${e.type} ${e.exercise || e.minutes || ''}`).join(', ')}`);
	check(added.length > 0 && added.every((e) => e.date === todayISO()), `"${button}" logged today's session`);
	const want = part === 'run' ? ['run'] : ['rehab'];
	check(added.some((e) => want.includes(e.type)), `the entries are of the part done (${part})`);
	const t1 = (await api(page, '/api/today')).json;
	const doneNow = part === 'run' ? t1.done.run : t1.done.strength || t1.done.holds;
	const doneThen = part === 'run' ? t0.done.run : t0.done.strength || t0.done.holds;
	check(!doneThen && doneNow, `/api/today says ${part} done`);
	check((await page.locator(`form.done input[name=part][value=${part}]`).count()) === 0, 'its "done" form is gone');
	const main = await page.textContent('main');
	check(/DONE|done/.test(main), 'Today says it is done');
	await page.screenshot({ path: path.join(opt.shots, 'today-after-done-390.png'), fullPage: true });
	await ctx.close();
}

// ------------------------------------------------- XSS payloads rendered inert

// With the CSP bypassed, so an escaping mistake would show as a script that
// ran, not only as one the policy stopped.
async function xssProbe(page, where) {
	const found = await page.evaluate(() => ({
		flag: window.__xss,
		injected: [
			...document.querySelectorAll('img[src="x"], [onerror], [onload], svg script'),
			// a script of the page's own is a file under /static/ of this origin
			...[...document.querySelectorAll('script')].filter((e) => !e.src || new URL(e.src).origin !== location.origin || !new URL(e.src).pathname.startsWith('/static/')),
		].map((e) => e.outerHTML.slice(0, 80)),
	}));
	check(found.flag === undefined, `${where}: no injected script ran (window.__xss = ${found.flag})`);
	check(found.injected.length === 0, `${where}: no injected element (${found.injected.join(' ')})`);
	check(page.dialogs.length === 0, `${where}: no dialog (${page.dialogs.join(', ')})`);
}

async function testXss() {
	// today's note typed into the log form, today's custom exercise by the CLI
	tendo('log', 'rehab', '--exercise', XSS_EXERCISE, '--stage', 'settle', '--ex-kind', 'isometric', '--sets', '1',
		'--hold-s', '20');
	const ctx = await newContext(PHONE, { bypassCSP: true });
	const page = await watchedPage(ctx);
	await page.goto(abs('/log'));
	await page.selectOption('#kind', 'after');
	await page.fill('#score', '1');
	await page.fill('#note', XSS_TODAY);
	await Promise.all([page.waitForURL('**/log'), page.getByRole('button', { name: 'Save' }).click()]);
	const text = await page.innerText('main');
	check(text.includes(XSS_TODAY), 'the typed note shows as text, escaped');
	check(text.includes(XSS_EXERCISE), 'the custom exercise name shows as text, escaped');
	await xssProbe(page, '/log');
	check(history().some((e) => e.note === XSS_TODAY), 'the note was stored as typed');
	await ctx.close();
}

// ---------------------------------------------- every page: layout, targets, a11y

// The pages to visit: the nav's links and the log page's, found on the pages
// themselves, so pages added later are covered.
async function crawl() {
	const ctx = await newContext(PHONE);
	const page = await ctx.newPage();
	const found = new Map([['/', 'home'], ['/checkin', 'checkin'], ['/today', 'today'], ['/log', 'log'], ['/login', 'login']]);
	const seeds = ['/today', '/log'];
	for (const s of seeds) {
		await page.goto(abs(s));
		const hrefs = await page.evaluate(() => [
			...[...document.querySelectorAll('nav a[href]')].map((a) => a.href),
			...(location.pathname === '/log' ? [...document.querySelectorAll('main a[href]')].map((a) => a.href) : []),
		]);
		for (const h of hrefs) {
			const u = new URL(h);
			if (u.origin !== base.origin) continue;
			const p = u.pathname;
			if (!found.has(p)) found.set(p, p.replace(/^\//, '').replace(/\//g, '-') || 'home');
			if (found.size > 40) break;
		}
	}
	await ctx.close();
	// and an error page, as a mistyped address shows it
	return [...found.entries(), ['/no-such-page', 'error-404', 404]];
}

// What is too small to tap at this size: every visible link, button, field
// and summary (a checkbox counts with its label). A link inside a sentence
// (an inline box whose parent has text of its own: a citation's number) is
// WCAG 2.5.8's inline exception: counted apart, not a failure.
function smallTargets() {
	const bad = [];
	const inline = [];
	const inSentence = (el) =>
		el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.parentElement &&
		[...el.parentElement.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
	for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
		const cs = getComputedStyle(el);
		if (cs.display === 'none' || cs.visibility === 'hidden') continue;
		let r = el.getBoundingClientRect();
		if ((el.type === 'checkbox' || el.type === 'radio') && el.closest('label')) r = el.closest('label').getBoundingClientRect();
		if (r.width === 0 && r.height === 0) continue;
		if (r.width < 44 || r.height < 44) {
			const label = (el.innerText || el.value || el.name || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
			(inSentence(el) ? inline : bad).push(`<${el.tagName.toLowerCase()}> "${label}" ${Math.round(r.width)}x${Math.round(r.height)}`);
		}
	}
	return { bad, inline };
}

// The page's width against the device's (a phone zooms out to fit wider
// content, so innerWidth alone can grow with it), and what sticks out: the
// outermost elements whose right edge passes it (inside a scrolling box is
// fine).
function overflow(width) {
	const wide = [];
	const scrolls = (el) => {
		for (let a = el.parentElement; a; a = a.parentElement) if (/(auto|scroll|hidden)/.test(getComputedStyle(a).overflowX)) return true;
		return false;
	};
	for (const el of document.body.querySelectorAll('*')) {
		const r = el.getBoundingClientRect();
		if (r.right > width + 0.5 && !scrolls(el) && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 0.5 && wide.length)) {
			wide.push(`<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}> ${Math.round(r.right)} px`);
			if (wide.length >= 5) break;
		}
	}
	return { sw: document.documentElement.scrollWidth, iw: window.innerWidth, wide };
}

async function axe(page) {
	await page.evaluate(axeSource); // DevTools' evaluate: the page's CSP does not apply to it
	return page.evaluate(async () => {
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
	});
}

async function testPages(pages) {
	const phone = await newContext(PHONE);
	const desk = await newContext(DESKTOP);
	const inert = await newContext(PHONE, { bypassCSP: true });
	const summary = [];
	for (const [p, name, want = 200] of pages) {
		const page = await watchedPage(phone);
		const resp = await page.goto(abs(p));
		const status = resp ? resp.status() : 0;
		if (want !== 200) page.problems = page.problems.filter((m) => !/status of \d+/.test(m)); // the console's note of the 404 itself
		if (!check(status === want, `${p}: ${status}`)) {
			await page.close();
			continue;
		}
		const csp = page.problems.filter((m) => /Content Security Policy|Refused to/.test(m));
		check(csp.length === 0, `${p}: nothing refused by the CSP (${csp.join(' | ')})`);
		check(page.problems.length === 0, `${p}: no console errors (${page.problems.join(' | ')})`);
		const sw = await page.evaluate(overflow, PHONE.width);
		check(sw.sw <= PHONE.width && sw.iw <= PHONE.width,
			`${p} at 390 px: no horizontal scroll (scrollWidth ${sw.sw}, innerWidth ${sw.iw}; wider: ${sw.wide.join(', ')})`);
		const small = await page.evaluate(smallTargets);
		check(small.bad.length === 0, `${p} at 390 px: targets under 44x44: ${small.bad.join('; ')}`);
		if (small.inline.length) note(`${p}: ${small.inline.length} links inside sentences under 44 px (WCAG 2.5.8 inline exception), e.g. ${small.inline.slice(0, 3).join('; ')}`);
		const v = await axe(page);
		const serious = v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
		check(serious.length === 0, `${p}: axe serious/critical: ${serious.map((x) => `${x.id} (${x.help}) at ${x.nodes.join(', ')}`).join('; ')}`);
		const minor = v.filter((x) => !serious.includes(x)).map((x) => `${x.id}/${x.impact}`);
		await page.screenshot({ path: path.join(opt.shots, `${name}-390.png`), fullPage: true });
		await page.screenshot({ path: path.join(opt.shots, `${name}-390-first-screen.png`) }); // what the phone shows first
		await page.close();

		const dpage = await watchedPage(desk);
		await dpage.goto(abs(p));
		const dsw = await dpage.evaluate(overflow, DESKTOP.width);
		check(dsw.sw <= DESKTOP.width, `${p} at 1280 px: no horizontal scroll (scrollWidth ${dsw.sw}; wider: ${dsw.wide.join(', ')})`);
		await dpage.screenshot({ path: path.join(opt.shots, `${name}-1280.png`), fullPage: true });
		await dpage.close();

		const ipage = await watchedPage(inert);
		await ipage.goto(abs(p));
		await xssProbe(ipage, p);
		await ipage.close();
		summary.push(`${p}${minor.length ? ` (axe minor/moderate: ${minor.join(', ')})` : ''}`);
	}
	note(`pages checked at 390 and 1280 px: ${summary.join(', ')}`);
	await phone.close();
	await desk.close();
	await inert.close();
}

// -------------------------------------- routes from elsewhere, when they exist

async function routeAnswers(p) {
	const ctx = await newContext(PHONE);
	const r = await ctx.request.get(abs(p), { maxRedirects: 0 });
	const s = r.status();
	await ctx.close();
	return s;
}

// A Garmin export (a zip of FIT files, one of them with an XSS payload for a
// name, the zip itself with another) uploaded on /import appears in Runs.
const FIT_PICK = /run|walk|2013|compressed-speed|multisport|Settings/;
async function testImport() {
	const fitDir = path.join(here, '..', 'data', 'fit');
	const fits = fs.existsSync(fitDir) ? fs.readdirSync(fitDir).filter((f) => /\.fit$/i.test(f) && FIT_PICK.test(f)).sort((a, b) => (/run/.test(b) ? 1 : 0) - (/run/.test(a) ? 1 : 0)) : [];
	const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'tendo-e2e-zip-'));
	const zip = path.join(tmp, 'garmin-export.zip');
	const evilName = '<img src=x onerror=window.__xss=6>.fit';
	const evilZip = '<img src=x onerror=window.__xss=7>garmin.zip';
	const py = spawnSync(PYTHON, ['-c', `
import sys, zipfile, os
src, out, evil = sys.argv[1], sys.argv[2], sys.argv[3]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for i, n in enumerate(sys.argv[4:]):
        data = open(os.path.join(src, n), 'rb').read()
        z.writestr('DI_CONNECT/DI-Connect-Uploaded-Files/' + (evil if i == 0 else n), data)
`, fitDir, zip, evilName, ...fits], { encoding: 'utf8' });
	if (!check(py.status === 0 && fits.length > 0, `a Garmin zip made from tests/data/fit (${py.stderr || fits.length + ' files, the run first'})`)) return;
	const runsBefore = history().filter((e) => e.type === 'run').length;
	const idsBefore = new Set(history().map((e) => e.id));
	const ctx = await newContext(PHONE, { bypassCSP: true });
	const page = await watchedPage(ctx);
	await page.goto(abs('/import'));
	const input = page.locator('input[type=file]').first();
	if (!check((await input.count()) === 1, '/import has a file field')) {
		await ctx.close();
		return;
	}
	await input.setInputFiles({ name: evilZip, mimeType: 'application/zip', buffer: fs.readFileSync(zip) });
	const form = page.locator('form:has(input[type=file])').first();
	await form.locator('button').first().click();
	// the page is replaced by the report (a navigation, or the progressive
	// script putting the answer in its place)
	const shown = await page
		.waitForFunction((n) => document.body && document.body.innerText.includes(n), evilName, { timeout: 120000 })
		.then(() => true, () => false);
	await page.waitForLoadState('load');
	const report = await page.innerText('body');
	check(shown, `the import report names the file inside the zip, as text (${report.slice(0, 300).replace(/\s+/g, ' ')})`);
	check(report.includes(evilZip) || report.includes(evilZip.replace(/\.zip$/, '')), 'the report names the uploaded zip, as text');
	await xssProbe(page, 'import report');
	const runsAfter = history().filter((e) => e.type === 'run').length;
	check(runsAfter > runsBefore, `the zip's runs were imported (${runsBefore} -> ${runsAfter} runs)`);
	await page.screenshot({ path: path.join(opt.shots, 'import-report-390.png'), fullPage: true });
	if ((await routeAnswers('/runs')) === 200) {
		await page.goto(abs('/runs'));
		const runs = await page.innerText('main');
		const imported = history().filter((e) => e.type === 'run' && !idsBefore.has(e.id));
		check(imported.length > 0 && imported.every((e) => runs.includes(e.date)), `Runs lists the imported runs (${imported.map((e) => e.date).join(', ')})`);
		await xssProbe(page, '/runs');
		await page.screenshot({ path: path.join(opt.shots, 'runs-after-import-390.png'), fullPage: true });
	} else {
		note('/runs does not answer 200: the import was checked through tendo history only');
	}
	await ctx.close();
	fs.rmSync(tmp, { recursive: true, force: true });
}

// The calendar feed parses (Python's icalendar, a real parser) and has events.
async function testCalendar(feedPath) {
	const shown = feedPath.replace(/token=[^&]+/, "token=...");
	const ctx = await newContext(PHONE);
	const r = await ctx.request.get(abs(feedPath));
	const body = await r.text();
	await ctx.close();
	check(r.status() === 200 && /text\/calendar/.test(r.headers()["content-type"] || ""), `${shown}: ${r.status()} ${r.headers()['content-type']}`);
	const py = spawnSync(PYTHON, ['-c', `
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
ev = list(cal.walk('VEVENT'))
assert cal.name == 'VCALENDAR', cal.name
for e in ev:
    assert e.get('UID') and e.get('DTSTART'), e
print(len(ev))
`], { input: body, encoding: 'utf8' });
	check(py.status === 0 && Number(py.stdout) > 0, `the feed parses with icalendar: ${py.status === 0 ? py.stdout.trim() + ' events' : py.stderr.trim().split('\n').pop()}`);
}

// ------------------------------------------- off loopback: the token's login

// A second server on the same database, bound to every address (so it asks
// for the token); the browser reaches it through loopback only. The login
// by the printed link and by the form; the token never in a page, an address
// left in the browser, or the server's log.
async function testRemoteLogin() {
	const { spawn } = await import('node:child_process');
	const child = spawn(opt.tendo, ['--db', opt.db, 'serve', '--bind', '0.0.0.0', '--port', '0'], {
		env: { ...process.env, NO_COLOR: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '', err = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (err += d));
	const exited = new Promise((resolve) => child.on('exit', (code, sig) => resolve(sig ? sig : code)));
	for (let i = 0; i < 300 && !/^tendo serve: http\S+/m.test(out); i++) await new Promise((r) => setTimeout(r, 100));
	const m = /^tendo serve: (http\S+)/m.exec(out);
	if (!check(m, `remote server printed its URL (${out.slice(0, 200)} ${err.slice(0, 200)})`)) {
		child.kill('SIGTERM');
		await exited;
		return;
	}
	const printed = new URL(m[1]);
	const token = printed.searchParams.get('token') || '';
	check(/^[0-9a-f]{64}$/.test(token), 'the printed URL carries a 256-bit token');
	const port = printed.port;
	const rbase = `http://127.0.0.1:${port}`;
	try {
		const ctx = await newContext(PHONE);
		const page = await watchedPage(ctx);
		await page.goto(`${rbase}/today`);
		check(new URL(page.url()).pathname === '/login', `without the token: the login page (${page.url()})`);
		// a wrong token typed: refused, no session
		await page.fill('#token', token.replace(/.$/, token.endsWith('0') ? '1' : '0'));
		await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Log in' }).click()]);
		check(/not this server's token/.test(await page.textContent('main')), 'a wrong token is refused');
		check((await ctx.cookies()).length === 0, 'no cookie for a wrong token');
		// the link as printed (its host made loopback)
		await page.goto(`${rbase}/login?token=${token}`);
		const landed = new URL(page.url());
		check(['/', '/today'].includes(landed.pathname) && !landed.search.includes(token), `the link logs in and leaves no token in the address (${landed.pathname})`);
		const cookies = await ctx.cookies();
		const sess = cookies.find((c) => c.name === 'tendo_session');
		check(sess && sess.httpOnly && sess.sameSite === 'Strict' && sess.value !== token, 'an HttpOnly, SameSite=Strict session cookie, not the token');
		for (const p of ['/today', '/log', '/checkin']) {
			const r = await page.goto(`${rbase}${p}`);
			const html = await page.content();
			check(r.status() === 200 && !html.includes(token), `${p} by the session, the token nowhere in it`);
		}
		// the form login in a fresh browser
		const ctx2 = await newContext(PHONE);
		const p2 = await ctx2.newPage();
		await p2.goto(`${rbase}/login`);
		await p2.fill('#token', token);
		await Promise.all([p2.waitForURL((u) => u.pathname !== '/login'), p2.getByRole('button', { name: 'Log in' }).click()]);
		check(new URL(p2.url()).pathname !== '/login', `the form login (${p2.url()})`);
		await p2.screenshot({ path: path.join(opt.shots, 'remote-after-login-390.png'), fullPage: true });
		await ctx2.close();
		await ctx.close();
	} finally {
		child.kill('SIGTERM');
	}
	const code = await exited;
	check(code === 0, `the remote server exits 0 on SIGTERM (${code})`);
	check(token && !err.includes(token), 'the token never in the remote server\'s log');
	check(token && out.split(token).length - 1 === 1, 'the token once on its stdout: the start-up URL');
	note(`remote server log: ${err.split('\n').filter((l) => /^(GET|POST) /.test(l)).length} requests, no token`);
}

// --------------------------------------------------------------------- main

const tests = [];
async function run(name, fn) {
	const n0 = checks, f0 = fails;
	console.log(`# ${name}`);
	try {
		await fn();
	} catch (e) {
		check(false, `${name}: ${e.stack || e}`);
	}
	tests.push(`${name}: ${checks - n0 - (fails - f0)}/${checks - n0}`);
}

const root = typeof process.getuid === 'function' && process.getuid() === 0;
const launchOptions = {
	executablePath: opt.chromium,
	headless: true,
	args: [...(root ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
};
browser = await chromium.launch(launchOptions);
const ran = [], skipped = [];
try {
	await run('app shell', testAppShell);
	await run('forged cross-site POST', testForgedPost);
	await run('check-in changes Today', testCheckin);
	await run('done logs the session', testDone);
	await run('XSS rendered inert', testXss);
	const imp = await routeAnswers('/import');
	if (imp === 200) {
		await run('Garmin zip import', testImport);
		ran.push('import');
	} else skipped.push(`Garmin zip import (/import answers ${imp})`);
	// the feed, and any .ics the plan page links to (the download) or makes
	// (its "make a feed address" form, the address shown once)
	const cal = await routeAnswers('/calendar.ics');
	const feeds = new Set(cal === 200 ? ['/calendar.ics'] : []);
	if ((await routeAnswers('/plan')) === 200) {
		const ctx = await newContext(PHONE);
		const page = await ctx.newPage();
		await page.goto(abs('/plan'));
		const addIcs = (h) => {
			const u = new URL(h.replace(/^webcal:/, 'http:'), base);
			if (/\.ics$/.test(u.pathname)) feeds.add(u.pathname + u.search);
		};
		for (const h of await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.href))) addIcs(h);
		const feedForm = page.locator('form[action="/plan/feed"]');
		if ((await feedForm.count()) === 1) {
			await Promise.all([page.waitForLoadState('load'), feedForm.locator('button').first().click()]);
			await page.waitForLoadState('load');
			const text = await page.innerText('main');
			const made = [...text.matchAll(/(?:https?|webcal):\/\/[^\s<"]+\/calendar\.ics\?token=[A-Za-z0-9_-]+/g)];
			check(made.length > 0, '"make a feed address" shows the feed\'s address');
			for (const m of made) addIcs(m[0]);
		}
		await ctx.close();
	}
	if (feeds.size) {
		for (const f of feeds) await run(`calendar ${f.replace(/token=[^&]+/, 'token=...')}`, () => testCalendar(f));
		ran.push('calendar');
	} else skipped.push(`calendar feed (/calendar.ics answers ${cal}, no .ics on /plan)`);
	await run('login off loopback, the token kept out of logs', testRemoteLogin);
	const pages = await crawl();
	await run(`every page (${pages.length})`, () => testPages(pages));
} finally {
	await browser.close();
}
console.log(`tests: ${tests.join(', ')}`);
if (skipped.length) console.log(`not run (route missing): ${skipped.join('; ')}`);
console.log(`screenshots: ${opt.shots}`);
console.log(`${checks - fails} passed, ${fails} failed`);
process.exit(fails ? 1 : 0);
