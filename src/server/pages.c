/*
 * pages.c - the server's HTML: the morning check-in, today's prescription,
 * the pain log form, the login, error pages and the one stylesheet.
 *
 * Server-rendered, no script and no inline style (the CSP forbids both);
 * every form works without JavaScript and carries the session's CSRF
 * token. Every piece of text from the log or the request goes through
 * tendo_buf_put_xml(), the library's one escape.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../shapes/shapes.h"
#include "server_int.h"

#define HTML "text/html; charset=utf-8"
#define head page_head
#define foot page_foot
#define csrf_field page_csrf_field

static const char CSS[] =
	"*{box-sizing:border-box}"
	"html{-webkit-text-size-adjust:100%}"
	"body{margin:0 auto;max-width:40rem;padding:0 1rem 2rem;font:1.05rem/1.5 system-ui,-apple-system,'Segoe UI',"
	"Roboto,sans-serif;color:#111;background:#fff}"
	"nav{display:flex;gap:.25rem;flex-wrap:wrap;border-bottom:1px solid #ccc;margin:0 -1rem 1rem;padding:.25rem .5rem}"
	"nav a{display:inline-block;min-height:44px;min-width:44px;padding:.6rem .8rem;color:#0a4a80;font-weight:600;"
	"text-decoration:none}"
	"nav a:focus,nav a:hover{text-decoration:underline}"
	"h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}"
	"h2{font-size:1.15rem;margin:1.5rem 0 .5rem}"
	"p,li{max-width:38rem}"
	".decision{font-size:1.35rem;font-weight:700}"
	".muted,.src{color:#555}"
	".src{font-size:.9rem}"
	".scores{display:grid;grid-template-columns:repeat(auto-fill,minmax(3.4rem,1fr));gap:.5rem;margin:.5rem 0 1rem;"
	"padding:0;border:0}"
	".scores legend{font-weight:600;margin-bottom:.5rem}"
	"button,.button{min-height:48px;min-width:48px;font:inherit;font-size:1.3rem;font-weight:700;border-radius:8px;"
	"border:2px solid #0a4a80;background:#0a4a80;color:#fff;cursor:pointer}"
	"button:focus,a:focus,input:focus,select:focus,textarea:focus{outline:3px solid #e08a00;outline-offset:2px}"
	"button.secondary{background:#fff;color:#0a4a80}"
	"label{display:block;font-weight:600;margin:.75rem 0 .25rem}"
	"input,select,textarea{font:inherit;min-height:44px;width:100%;max-width:20rem;padding:.4rem;border:1px solid #555;"
	"border-radius:6px;background:#fff;color:#111}"
	"input[type=checkbox]{width:auto;min-height:0;height:1.4rem;width:1.4rem;vertical-align:middle}"
	"label.check{display:flex;align-items:center;gap:.5rem;min-height:44px}"
	"textarea{max-width:100%;min-height:5rem}"
	".err{color:#a00000;font-weight:600;margin:.25rem 0}"
	"[aria-invalid=true]{border:2px solid #a00000}"
	".form-actions{margin-top:1rem}"
	".form-actions button{padding:0 1.5rem}"
	"ul.rehab,ul.log{padding-left:1.2rem}"
	"ul.rules{padding-left:1.2rem}ul.rules li{margin:.5rem 0}"
	"details{margin:1.5rem 0;border:1px solid #ccc;border-radius:6px;padding:.25rem .75rem}"
	"summary{min-height:44px;padding:.6rem 0;cursor:pointer;font-weight:600}"
	"code{font-size:.9rem;overflow-wrap:anywhere}"
	"footer{margin-top:2rem;color:#555;font-size:.9rem}"
	".notice{background:#eef5fb;border-left:4px solid #0a4a80;padding:.5rem .75rem}"
	".alert{background:#fdeeee;border-left:4px solid #a00000;padding:.5rem .75rem}"
	"ul.rehab a,ul.kinds a,a.alt{display:inline-block;min-height:44px;padding:.6rem .25rem}"
	"form.done{border:1px solid #ccc;border-radius:6px;padding:.25rem .75rem .75rem;margin:.75rem 0}"
	/* the plan (plan.c) */
	"ol.plan{list-style:none;padding:0}ol.plan li{border-top:1px solid #ccc;padding:.25rem 0}"
	".day{font-weight:700;margin-bottom:0}li.off .day{color:#555}"
	/* runs, history, entries (runs.c) */
	".scroll{overflow-x:auto;max-width:100%}"
	"table.runs{border-collapse:collapse;font-size:.95rem}"
	"table.runs th,table.runs td{padding:.35rem .5rem;border-bottom:1px solid #ddd;text-align:left;white-space:nowrap}"
	"table.runs td a{display:inline-block;min-height:44px;padding:.6rem 0}"
	"ul.history li{margin:.25rem 0}ul.history a{display:inline-block;min-height:44px;min-width:44px;padding:.6rem 0}"
	"dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.fields dd{margin:0;"
	"overflow-wrap:anywhere}"
	"a.button{display:inline-block;padding:.5rem 1.25rem;text-decoration:none;font-size:1.1rem}"
	"a.button.danger{background:#fff;color:#a00000;border-color:#a00000}";

static void esc(tendo_buf *b, const char *s)
{
	tendo_buf_put_xml(b, s);
}

/* The tab bar: label, target, the page title that marks it current, and
 * whether a read-only (shared) session may open it (its route is R_SHARE). */
static const struct {
	const char *label, *href, *title;
	bool shared;
} nav_tabs[] = {
	{"Today", "/today", "Today", false},        {"Check-in", "/checkin", "Morning check-in", false},
	{"Log", "/log", "Log", false},              {"Runs", "/runs", "Runs", true},
	{"History", "/history", "History", true},   {"Plan", "/plan", "Plan", true},
	{"Report", "/report", "Report", true},      {"Import", "/import", "Import", false},
};

int page_nav(const srv_req *q)
{
	return q && q->have_session && q->session.readonly ? PAGE_NAV_SHARED : PAGE_NAV_FULL;
}

void page_head(tendo_buf *b, const char *title, int nav)
{
	tendo_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	                  "<meta name=\"referrer\" content=\"no-referrer\"><title>");
	esc(b, title);
	tendo_buf_puts(b, " - tendo</title><link rel=\"stylesheet\" href=\"/static/app.css\">");
	shell_head(b); /* manifest, theme colour, icons (shell.c) */
	tendo_buf_puts(b, "</head><body>");
	if (nav != PAGE_NAV_NONE) {
		tendo_buf_puts(b, "<nav aria-label=\"main\">");
		for (size_t i = 0; i < sizeof nav_tabs / sizeof nav_tabs[0]; i++) {
			if (nav == PAGE_NAV_SHARED && !nav_tabs[i].shared)
				continue;
			tendo_buf_printf(b, "<a href=\"%s\"%s>%s</a>", nav_tabs[i].href,
			                 strcmp(title, nav_tabs[i].title) == 0 ? " aria-current=\"page\"" : "",
			                 nav_tabs[i].label);
		}
		tendo_buf_puts(b, "</nav>");
	}
	tendo_buf_puts(b, "<main>");
}

void page_foot(tendo_buf *b)
{
	tendo_buf_puts(b, "</main><footer>tendo is not a diagnosis: if in doubt, see a clinician.</footer></body></html>\n");
}

void page_csrf_field(tendo_buf *b, const srv_req *q)
{
	tendo_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
	esc(b, q->have_session ? q->session.csrf : "");
	tendo_buf_puts(b, "\">");
}

void page_error(srv_reply *r, int status, const char *title, const char *message)
{
	tendo_buf b;
	tendo_buf_init(&b);
	head(&b, title, true);
	tendo_buf_puts(&b, "<h1>");
	esc(&b, title);
	tendo_buf_puts(&b, "</h1><p class=\"alert\">");
	esc(&b, message);
	tendo_buf_puts(&b, "</p><p><a href=\"/today\">Back to today</a></p>");
	foot(&b);
	reply_buf(r, status, HTML, &b);
}

/* A library or store failure as a page: 400 for a value out of range, 503
 * for a busy database, 500 otherwise. */
static void lib_error(srv_reply *r, int rc)
{
	const char *msg = tendo_error_last()[0] ? tendo_error_last() : tendo_error_name(rc);
	if (rc == TENDO_EINVAL)
		page_error(r, 400, "Not saved", msg);
	else if (rc == TENDO_EBUSY)
		page_error(r, 503, "Busy", msg);
	else if (rc == TENDO_ENOTFOUND)
		page_error(r, 503, "No athlete", "no athlete in the database yet: run 'tendo init' first");
	else
		page_error(r, 500, "Server error", msg);
}

/* The stylesheet: these rules, then the app shell's (shell.c), joined once. */
static char *css_joined;
static pthread_once_t css_once = PTHREAD_ONCE_INIT;

static void css_join(void)
{
	size_t a = strlen(CSS), b = strlen(shell_css);
	css_joined = malloc(a + b + 1);
	if (css_joined) {
		memcpy(css_joined, CSS, a);
		memcpy(css_joined + a, shell_css, b + 1);
	}
}

void page_css(srv_req *q, srv_reply *r)
{
	(void)q;
	pthread_once(&css_once, css_join);
	reply_static(r, 200, "text/css; charset=utf-8", css_joined ? css_joined : CSS);
}

/* A form value that must be a whole number lo-hi: plain digits only. */
static bool form_int(const char *s, int lo, int hi, int *out)
{
	if (!s || !*s || strlen(s) > 6 || strspn(s, "0123456789") != strlen(s))
		return false;
	int v = atoi(s);
	if (v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* ----------------------------------------------------------- check-in */

/* earlier: today's morning signal already logged (-1 none), as the
 * prescription's status has it */
static void checkin_html(tendo_buf *b, const srv_req *q, const char *error, int earlier, bool earlier_task)
{
	head(b, "Morning check-in", true);
	tendo_buf_puts(b, "<h1>Morning check-in</h1>");
	if (earlier >= 0)
		tendo_buf_printf(b, "<p class=\"notice\">Today's %s score is in already (%d/10): a new one replaces it.</p>",
		                 earlier_task ? "monitoring task" : "morning", earlier);
	tendo_buf_puts(b, "<p>Lie on your back and do <strong>3 short-lever single-leg bridges</strong> on the affected "
	                  "side. Then tap how much it hurt: 0 is no pain, 10 the worst imaginable.</p>");
	if (error) {
		tendo_buf_puts(b, "<p class=\"err\" role=\"alert\" id=\"score-err\">");
		esc(b, error);
		tendo_buf_puts(b, "</p>");
	}
	tendo_buf_puts(b, "<form method=\"post\" action=\"/checkin\">");
	csrf_field(b, q);
	tendo_buf_puts(b, "<label for=\"rest\">Pain at rest right now (optional)</label>"
	                  "<select id=\"rest\" name=\"rest\"><option value=\"\">not noted</option>");
	for (int k = 0; k <= TENDO_SCORE_MAX; k++)
		tendo_buf_printf(b, "<option value=\"%d\">%d</option>", k, k);
	tendo_buf_puts(b, "</select><fieldset class=\"scores\"");
	if (error)
		tendo_buf_puts(b, " aria-describedby=\"score-err\"");
	tendo_buf_puts(b, "><legend>Pain in the bridges (0-10)</legend>");
	for (int k = 0; k <= TENDO_SCORE_MAX; k++)
		tendo_buf_printf(b, "<button type=\"submit\" name=\"score\" value=\"%d\" aria-label=\"%d out of 10\">%d</button>",
		                 k, k, k);
	tendo_buf_puts(b, "</fieldset></form><p><a href=\"/today\">Skip to today</a> (its advice stays provisional until "
	                  "you log the score)</p>");
	foot(b);
}

/* The check-in page (home: only while the day's score is missing). */
static void page_checkin(srv_req *q, srv_reply *r, bool home)
{
	srv_athlete a;
	tendo_prescription rx;
	int rc = srv_today(q, &a, &rx);
	if (rc) {
		lib_error(r, rc);
		return;
	}
	if (home && !rx.provisional) { /* the morning score is in: today comes first */
		reply_redirect(r, "/today");
		return;
	}
	tendo_buf b;
	tendo_buf_init(&b);
	checkin_html(&b, q, NULL, rx.status.morning_today, rx.status.morning_is_task);
	reply_buf(r, 200, HTML, &b);
}

void page_home(srv_req *q, srv_reply *r)
{
	page_checkin(q, r, true);
}

void page_checkin_get(srv_req *q, srv_reply *r)
{
	page_checkin(q, r, false);
}

void page_checkin_post(srv_req *q, srv_reply *r)
{
	srv_form f;
	if (form_parse(&f, q->body, q->body_len)) { /* checked by the dispatcher: cannot happen */
		form_dispose(&f);
		page_error(r, 400, "Bad form", "the form could not be read");
		return;
	}
	char msg[300] = "";
	int score = -1, rest = -1;
	const char *sv = form_get(&f, "score"), *rv = form_get(&f, "rest");
	if (!form_int(sv, 0, TENDO_SCORE_MAX, &score))
		snprintf(msg, sizeof(msg), "score must be a whole number 0-10 (got '%.40s')", sv ? sv : "");
	else if (rv && rv[0] && !form_int(rv, 0, TENDO_SCORE_MAX, &rest))
		snprintf(msg, sizeof(msg), "rest pain must be a whole number 0-10 (got '%.40s')", rv);
	form_dispose(&f);
	srv_athlete a;
	int rc = 0;
	if (!msg[0] && (rc = srv_athlete_get(q, &a)) == 0) {
		tendo_pain task = { .date = a.today, .kind = TENDO_PAIN_TASK, .score = score };
		tendo_pain rp = { .date = a.today, .kind = TENDO_PAIN_REST, .score = rest };
		rc = srv_add_pains(q->store, &a, &task, rest >= 0 ? &rp : NULL, NULL);
		if (rc == TENDO_EINVAL)
			snprintf(msg, sizeof(msg), "%s", tendo_error_last());
	}
	if (msg[0]) {
		tendo_buf b;
		tendo_buf_init(&b);
		checkin_html(&b, q, msg, -1, false);
		reply_buf(r, 400, HTML, &b);
		return;
	}
	if (rc) {
		lib_error(r, rc);
		return;
	}
	reply_redirect(r, "/today");
}

/* -------------------------------------------------------------- today */

static void decision_title(const tendo_prescription *rx, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s", tendo_decision_name(rx->decision));
	for (char *p = out; *p; p++)
		*p = (char)(*p == '_' ? ' ' : (*p >= 'a' && *p <= 'z') ? *p - 32 : *p);
}

static void run_line(tendo_buf *b, const tendo_prescription *rx)
{
	if (rx->run.allowed)
		tendo_buf_printf(b, "run %d min, %s and easy%s", rx->run.minutes, tendo_terrain_name(rx->run.terrain),
		                 rx->run.run_walk ? ", run/walk" : "");
	else
		tendo_buf_printf(b, "no run today%s",
		                 tendo_rx_has_strength(rx) ? "; strength day" : rx->n_rehab ? "; isometric holds" : "");
}

/* "done" for one part of the prescription: optional pain and RPE, one tap. */
static void done_form(tendo_buf *b, const srv_req *q, const char *part, const char *button)
{
	tendo_buf_printf(b, "<form method=\"post\" action=\"/today/done\" class=\"done\"><input type=\"hidden\" "
	                 "name=\"part\" value=\"%s\">", part);
	csrf_field(b, q);
	static const char *const names[3] = { "pain_during", "pain_after", "rpe" };
	static const char *const labels[3] = { "Worst pain during (optional)", "Pain after (optional)",
		                                   "How hard, RPE 0-10 (optional)" };
	for (int i = 0; i < 3; i++) {
		tendo_buf_printf(b, "<label for=\"%s-%s\">%s</label><select id=\"%s-%s\" name=\"%s\"><option value=\"\">"
		                 "not noted</option>", part, names[i], labels[i], part, names[i], names[i]);
		for (int k = 0; k <= TENDO_SCORE_MAX; k++)
			tendo_buf_printf(b, "<option value=\"%d\">%d</option>", k, k);
		tendo_buf_puts(b, "</select>");
	}
	tendo_buf_puts(b, "<div class=\"form-actions\"><button type=\"submit\">");
	esc(b, button);
	tendo_buf_puts(b, "</button></div></form>");
}

bool srv_imperial(const srv_athlete *a)
{
	return a->profile.units == TENDO_UNITS_IMPERIAL;
}

void page_text_units(tendo_buf *b, bool imperial, const char *text)
{
	char u[1024];
	esc(b, shape_text_units(imperial, text, u, sizeof(u)));
}

void page_rx_item(tendo_buf *b, const tendo_rx_item *it, bool imperial)
{
	tendo_buf_puts(b, "<strong>");
	esc(b, it->exercise->title ? it->exercise->title : it->exercise->name);
	tendo_buf_puts(b, "</strong>: ");
	if (it->hold_s)
		tendo_buf_printf(b, "%d &times; %d s hold", it->sets, it->hold_s);
	else
		tendo_buf_printf(b, "%d &times; %d", it->sets, it->reps);
	if (it->load[0]) {
		tendo_buf_puts(b, ", ");
		page_text_units(b, imperial, it->load);
	}
}

void page_today(srv_req *q, srv_reply *r)
{
	srv_athlete a;
	tendo_prescription rx;
	int rc = srv_today(q, &a, &rx);
	if (rc) {
		lib_error(r, rc);
		return;
	}
	char d[TENDO_DATE_BUFSZ], dec[32];
	decision_title(&rx, dec, sizeof(dec));
	tendo_buf b;
	tendo_buf_init(&b);
	head(&b, "Today", true);
	tendo_buf_printf(&b, "<h1>Today, %s</h1>", tendo_date_format(rx.date, d));
	if (rx.decision == TENDO_DECISION_SEEK_CARE) {
		tendo_buf_puts(&b, "<p class=\"decision alert\">SEE A CLINICIAN - no running or strength work until a "
		                   "clinician has seen you.</p>");
	} else if (rx.done.run || rx.done.strength) {
		tendo_buf_printf(&b, "<p class=\"decision\">DONE - %s%s%s logged today; %s.</p>", rx.done.run ? "a run" : "",
		                 rx.done.run && rx.done.strength ? " and " : "", rx.done.strength ? "strength work" : "",
		                 rx.n_rehab && !tendo_rx_has_strength(&rx) ? "holds are fine for relief"
		                                                           : "rest and log tomorrow's morning");
	} else if (rx.provisional) {
		tendo_buf_puts(&b, "<p class=\"decision notice\">First, your morning score: "
		                   "<a href=\"/checkin\">do the check-in</a>.</p><p>Provisionally: ");
		esc(&b, dec);
		tendo_buf_puts(&b, " - ");
		run_line(&b, &rx);
		tendo_buf_puts(&b, ".</p>");
	} else {
		tendo_buf_puts(&b, "<p class=\"decision\">");
		esc(&b, dec);
		tendo_buf_puts(&b, " - ");
		run_line(&b, &rx);
		tendo_buf_puts(&b, ".</p>");
	}
	tendo_buf_printf(&b, "<p class=\"muted\">Stage %s, since %s.</p>", tendo_stage_title(rx.stage),
	                 tendo_date_format(rx.status.stage_since, d));

	bool imp = srv_imperial(&a);
	tendo_buf_puts(&b, "<h2>Run</h2><p>");
	page_text_units(&b, imp, rx.run.why);
	tendo_buf_puts(&b, "</p>");
	if (rx.last_run.present) {
		tendo_buf_puts(&b, "<p class=\"muted\">Last run: ");
		page_text_units(&b, imp, rx.last_run.summary);
		tendo_buf_puts(&b, "</p>");
	}
	if (rx.run.allowed && rx.run.run_walk)
		tendo_buf_puts(&b, "<p>Run/walk: 2 min run, 1 min walk; walk any hill.</p>");
	if (rx.run.allowed && rx.run.minutes > 0 && !rx.done.run && rx.decision != TENDO_DECISION_SEEK_CARE) {
		done_form(&b, q, "run", "Run done");
		tendo_buf_printf(&b, "<p><a class=\"alt\" href=\"/log/run?minutes=%d&amp;terrain=%s&amp;intent=easy%s\">Done differently: "
		                 "log the run as it was</a></p>",
		                 rx.run.minutes, tendo_terrain_name(rx.run.terrain), rx.run.run_walk ? "&amp;walk_breaks=1" : "");
	}

	tendo_buf_puts(&b, "<h2>Rehab</h2><p>");
	page_text_units(&b, imp, rx.rehab_why);
	tendo_buf_puts(&b, "</p>");
	if (rx.n_rehab) {
		tendo_buf_puts(&b, "<ul class=\"rehab\">");
		for (size_t k = 0; k < rx.n_rehab; k++) {
			const tendo_rx_item *it = &rx.rehab[k];
			tendo_buf_puts(&b, "<li>");
			page_rx_item(&b, it, imp);
			/* done differently: the form prefilled with what is prescribed */
			tendo_buf_puts(&b, " <a href=\"/log/rehab?exercise=");
			esc(&b, it->exercise->name); /* library names: letters, digits, '-' */
			tendo_buf_printf(&b, "&amp;sets=%d", it->sets);
			if (it->reps > 0)
				tendo_buf_printf(&b, "&amp;reps=%d", it->reps);
			else
				tendo_buf_printf(&b, "&amp;hold_s=%d", it->hold_s);
			if (it->kg >= 0)
				tendo_buf_printf(&b, "&amp;kg=%g", round(shape_kg_to_user(imp, it->kg) * 10) / 10);
			tendo_buf_puts(&b, "\">done differently</a></li>");
		}
		tendo_buf_puts(&b, "</ul>");
		if (!(tendo_rx_has_strength(&rx) ? rx.done.strength : rx.done.holds) && rx.decision != TENDO_DECISION_SEEK_CARE)
			done_form(&b, q, "rehab", tendo_rx_has_strength(&rx) ? "Strength session done" : "Holds done");
	}
	if (!tendo_schedule_has_day(&a.schedule, rx.date) && (rx.run.allowed || tendo_rx_has_strength(&rx)))
		tendo_buf_puts(&b, "<p class=\"muted\">Not one of your training days: fine to do it today, or on the next "
		                   "one.</p>");
	if (rx.n_avoid) {
		tendo_buf_puts(&b, "<h2>Avoid</h2><ul>");
		for (size_t k = 0; k < rx.n_avoid; k++) {
			tendo_buf_puts(&b, "<li>");
			esc(&b, rx.avoid[k]);
			tendo_buf_puts(&b, "</li>");
		}
		tendo_buf_puts(&b, "</ul>");
	}
	size_t shown = 0;
	for (size_t k = 0; k < rx.n_rules; k++)
		shown += strcmp(rx.rules[k].id, "avoid.stage") != 0;
	tendo_buf_printf(&b, "<details><summary>Why: the rules behind this (%zu)</summary><ul class=\"rules\">", shown);
	for (size_t k = 0; k < rx.n_rules; k++) {
		if (strcmp(rx.rules[k].id, "avoid.stage") == 0)
			continue;
		tendo_buf_puts(&b, "<li>");
		page_text_units(&b, imp, rx.rules[k].reason);
		tendo_buf_puts(&b, "<br><code>");
		esc(&b, rx.rules[k].id);
		tendo_buf_puts(&b, "</code> <span class=\"src\">");
		esc(&b, rx.rules[k].source);
		tendo_buf_puts(&b, "</span></li>");
	}
	tendo_buf_puts(&b, "</ul></details>");
	foot(&b);
	reply_buf(r, 200, HTML, &b);
}

/* ---------------------------------------------------------------- log */

/* What the pain form shows: the values typed and the library's message
 * next to the field it names. */
typedef struct {
	const char *kind, *score, *note;
	bool sharp;
	const char *error;       /* message, or NULL */
	char field[32];          /* the field it names ("score"), or "" */
} pain_form;

static void field_error(tendo_buf *b, const pain_form *pf, const char *field)
{
	if (pf->error && strcmp(pf->field, field) == 0) {
		tendo_buf_printf(b, "<p class=\"err\" id=\"%s-err\" role=\"alert\">", field);
		esc(b, pf->error);
		tendo_buf_puts(b, "</p>");
	}
}

static void invalid_attrs(tendo_buf *b, const pain_form *pf, const char *field)
{
	if (pf->error && strcmp(pf->field, field) == 0)
		tendo_buf_printf(b, " aria-invalid=\"true\" aria-describedby=\"%s-err\"", field);
}

static void log_html(tendo_buf *b, srv_req *q, const pain_form *pf)
{
	head(b, "Log", true);
	tendo_buf_puts(b, "<h1>Log a pain score</h1>");
	if (pf->error && !pf->field[0]) {
		tendo_buf_puts(b, "<p class=\"err\" role=\"alert\">");
		esc(b, pf->error);
		tendo_buf_puts(b, "</p>");
	}
	tendo_buf_puts(b, "<form method=\"post\" action=\"/log/pain\">");
	csrf_field(b, q);
	tendo_buf_puts(b, "<label for=\"kind\">Kind</label>");
	field_error(b, pf, "kind");
	tendo_buf_puts(b, "<select id=\"kind\" name=\"kind\"");
	invalid_attrs(b, pf, "kind");
	tendo_buf_puts(b, ">");
	static const struct {
		tendo_pain_kind k;
		const char *label;
	} kinds[] = {
		{ TENDO_PAIN_TASK, "morning monitoring task" }, { TENDO_PAIN_MORNING, "morning (plain score)" },
		{ TENDO_PAIN_REST, "at rest" },                 { TENDO_PAIN_DURING, "during an activity" },
		{ TENDO_PAIN_AFTER, "after an activity" },      { TENDO_PAIN_SITTING, "after sitting" },
	};
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		const char *name = tendo_pain_kind_name(kinds[k].k);
		tendo_buf_puts(b, "<option value=\"");
		esc(b, name);
		tendo_buf_puts(b, "\"");
		if (pf->kind && strcmp(pf->kind, name) == 0)
			tendo_buf_puts(b, " selected");
		tendo_buf_puts(b, ">");
		esc(b, kinds[k].label);
		tendo_buf_puts(b, "</option>");
	}
	tendo_buf_puts(b, "</select><label for=\"score\">Score (0 none to 10 worst imaginable)</label>");
	field_error(b, pf, "score");
	tendo_buf_puts(b, "<input id=\"score\" name=\"score\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"10\" "
	                  "step=\"1\" required value=\"");
	esc(b, pf->score ? pf->score : "");
	tendo_buf_puts(b, "\"");
	invalid_attrs(b, pf, "score");
	tendo_buf_puts(b, "><label class=\"check\"><input type=\"checkbox\" name=\"sharp\" value=\"1\"");
	if (pf->sharp)
		tendo_buf_puts(b, " checked");
	tendo_buf_puts(b, "> the pain was sharp</label><label for=\"note\">Note (optional)</label>");
	field_error(b, pf, "note");
	tendo_buf_puts(b, "<textarea id=\"note\" name=\"note\" maxlength=\"1000\"");
	invalid_attrs(b, pf, "note");
	tendo_buf_puts(b, ">");
	esc(b, pf->note ? pf->note : "");
	tendo_buf_puts(b, "</textarea><div class=\"form-actions\"><button type=\"submit\">Save</button></div></form>");
	logkind_links(b);

	/* today's pain reports, with their notes */
	srv_athlete a;
	tendo_log log = { 0 };
	if (srv_athlete_get(q, &a) == 0 &&
	    tendo_store_load_log_ext(q->store, &log, a.today, a.today, TENDO_LOAD_REPLACED) == 0) {
		tendo_buf_puts(b, "<h2>Logged today</h2>");
		size_t n_all = log.n_pain + log.n_runs + log.n_rehab + log.n_cross + log.n_tests + log.n_flags +
		               log.n_sitting + log.n_visa;
		if (!n_all)
			tendo_buf_puts(b, "<p class=\"muted\">Nothing yet today.</p>");
		else
			tendo_buf_puts(b, "<ul class=\"log\">");
		for (size_t k = 0; k < log.n_runs; k++)
			tendo_buf_printf(b, "<li>#%lld run %g min</li>", (long long)log.runs[k].id, log.runs[k].minutes);
		for (size_t k = 0; k < log.n_rehab; k++) {
			const tendo_rehab *x = &log.rehab[k];
			tendo_buf_printf(b, "<li>#%lld ", (long long)x->id);
			esc(b, x->exercise);
			if (x->reps > 0)
				tendo_buf_printf(b, " %d &times; %d", x->sets, x->reps);
			else
				tendo_buf_printf(b, " %d &times; %d s", x->sets, x->hold_s);
			tendo_buf_printf(b, " (%s)</li>", tendo_side_name(x->side));
		}
		for (size_t k = 0; k < log.n_cross; k++)
			tendo_buf_printf(b, "<li>#%lld %s %g min</li>", (long long)log.cross[k].id,
			                 tendo_cross_kind_name(log.cross[k].kind), log.cross[k].minutes);
		for (size_t k = 0; k < log.n_tests; k++)
			tendo_buf_printf(b, "<li>#%lld readiness test</li>", (long long)log.tests[k].id);
		for (size_t k = 0; k < log.n_flags; k++)
			tendo_buf_printf(b, "<li>#%lld flag: %s</li>", (long long)log.flags[k].id,
			                 tendo_flag_kind_name(log.flags[k].kind));
		for (size_t k = 0; k < log.n_sitting; k++)
			tendo_buf_printf(b, "<li>#%lld %s</li>", (long long)log.sitting[k].id,
			                 tendo_aggravator_kind_name(log.sitting[k].kind));
		for (size_t k = 0; k < log.n_visa; k++)
			tendo_buf_printf(b, "<li>#%lld VISA-H %d/100</li>", (long long)log.visa[k].id, log.visa[k].total);
		for (size_t k = 0; k < log.n_pain; k++) {
			const tendo_pain *p = &log.pain[k];
			char note[TENDO_NOTE_MAX + 1];
			if (tendo_store_entry_note(q->store, p->id, note, sizeof(note)))
				note[0] = '\0';
			tendo_buf_printf(b, "<li>#%lld %s %d/10%s", (long long)p->id, tendo_pain_kind_name(p->kind), p->score,
			                 p->sharp ? ", sharp" : "");
			if (note[0]) {
				tendo_buf_puts(b, ": <q>");
				esc(b, note);
				tendo_buf_puts(b, "</q>");
			}
			tendo_buf_puts(b, "</li>");
		}
		if (n_all)
			tendo_buf_puts(b, "</ul>");
	}
	tendo_log_dispose(&log);
	foot(b);
}

void page_log(srv_req *q, srv_reply *r)
{
	pain_form pf = { .kind = "task" };
	tendo_buf b;
	tendo_buf_init(&b);
	log_html(&b, q, &pf);
	reply_buf(r, 200, HTML, &b);
}

void page_log_pain_post(srv_req *q, srv_reply *r)
{
	srv_form f;
	if (form_parse(&f, q->body, q->body_len)) {
		form_dispose(&f);
		page_error(r, 400, "Bad form", "the form could not be read");
		return;
	}
	pain_form pf = { .kind = form_get(&f, "kind"), .score = form_get(&f, "score"), .note = form_get(&f, "note") };
	pf.sharp = form_get(&f, "sharp") != NULL;
	char msg[400] = "";
	tendo_pain e = { .score = -1 };
	e.sharp = pf.sharp;
	if (!pf.kind || tendo_pain_kind_parse(&e.kind, pf.kind))
		snprintf(msg, sizeof(msg), "kind must be %s (got '%.40s')", tendo_pain_kind_names(), pf.kind ? pf.kind : "");
	else if (!form_int(pf.score, 0, 1000000, &e.score))
		snprintf(msg, sizeof(msg), "score must be a whole number 0-%d (got '%.40s')", TENDO_SCORE_MAX,
		         pf.score ? pf.score : "");
	srv_athlete a;
	int rc = 0;
	const char *note = pf.note && pf.note[0] ? pf.note : NULL;
	if (!msg[0] && (rc = srv_athlete_get(q, &a)) == 0) {
		e.date = a.today;
		rc = srv_add_pain(q->store, &a, &e, note, NULL);
		if (rc == TENDO_EINVAL)
			snprintf(msg, sizeof(msg), "%s", tendo_error_last());
	}
	tendo_buf b;
	tendo_buf_init(&b);
	if (msg[0]) {
		pf.error = msg;
		srv_message_field(msg, pf.field, sizeof(pf.field));
		log_html(&b, q, &pf);
		form_dispose(&f);
		reply_buf(r, 400, HTML, &b);
		return;
	}
	form_dispose(&f);
	tendo_buf_dispose(&b);
	if (rc) {
		lib_error(r, rc);
		return;
	}
	reply_redirect(r, "/log"); /* the list there shows it */
}

/* -------------------------------------------------------------- login */

static void login_html(tendo_buf *b, const char *error)
{
	head(b, "Log in", false);
	tendo_buf_puts(b, "<h1>Log in to tendo</h1><p>Open the link <code>tendo serve</code> printed (or scan its QR "
	                  "code), or paste the token here.</p>");
	if (error) {
		tendo_buf_puts(b, "<p class=\"err\" role=\"alert\" id=\"token-err\">");
		esc(b, error);
		tendo_buf_puts(b, "</p>");
	}
	tendo_buf_puts(b, "<form method=\"post\" action=\"/login\"><label for=\"token\">Token</label>"
	                  "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required");
	if (error)
		tendo_buf_puts(b, " aria-invalid=\"true\" aria-describedby=\"token-err\"");
	tendo_buf_puts(b, "><div class=\"form-actions\"><button type=\"submit\">Log in</button></div></form>");
	foot(b);
}

/* The token given (NULL: none) against the server's: a session and its
 * cookie, or the login page again. */
static void login_with(srv_req *q, srv_reply *r, const char *token)
{
	tendo_buf b;
	tendo_buf_init(&b);
	if (!token) {
		login_html(&b, NULL);
		reply_buf(r, 200, HTML, &b);
		return;
	}
	if (!auth_equal(token, srv_token(q->s))) {
		login_html(&b, "that is not this server's token");
		reply_buf(r, 401, HTML, &b);
		return;
	}
	if (auth_session_new(srv_sessions_of(q->s), &q->session)) {
		page_error(r, 500, "Server error", "no random bytes for a session");
		return;
	}
	q->have_session = q->new_session = true;
	reply_redirect(r, "/");
}

void page_login(srv_req *q, srv_reply *r)
{
	login_with(q, r, q->query_token);
}

void page_login_post(srv_req *q, srv_reply *r)
{
	srv_form f;
	if (form_parse(&f, q->body, q->body_len)) {
		form_dispose(&f);
		page_error(r, 400, "Bad form", "the form could not be read");
		return;
	}
	const char *t = form_get(&f, "token");
	login_with(q, r, t ? t : "");
	form_dispose(&f);
}
