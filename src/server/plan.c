/*
 * plan.c - the plan on the server (server_int.h): the page of the coming
 * two weeks, its calendar as a download (/plan.ics) and as a feed a phone
 * subscribes to (/calendar.ics?token=...), GET /api/plan, and the shared
 * links' door (/s/<token>). The plan is shape_plan_get() and the calendar
 * shape_calendar(), exactly as `tendo plan` and `tendo plan --ics`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <tendo/share.h>

#include "../shapes/shapes.h"
#include "server_int.h"

#define HTML "text/html; charset=utf-8"
#define ICS "text/calendar; charset=utf-8"
#define PLAN_WEEKS 2

static void esc(tendo_buf *b, const char *s)
{
	tendo_buf_put_xml(b, s);
}

static void lib_page_error(srv_reply *r, int rc)
{
	const char *msg = tendo_error_last()[0] ? tendo_error_last() : tendo_error_name(rc);
	if (rc == TENDO_EBUSY)
		page_error(r, 503, "Busy", msg);
	else if (rc == TENDO_ENOTFOUND)
		page_error(r, 503, "No athlete", "no athlete in the database yet: run 'tendo init' first");
	else
		page_error(r, rc == TENDO_EINVAL ? 400 : 500, "Server error", msg);
}

/* The athlete and the plan of `weeks` weeks from `from` (NONE: today). */
static int plan_get(const srv_req *q, srv_athlete *a, shape_plan_facts *pf, tendo_date from, int weeks)
{
	int rc = srv_athlete_get(q, a);
	if (rc) {
		memset(pf, 0, sizeof(*pf));
		return rc;
	}
	return shape_plan_get(pf, q->store, &a->profile, &a->schedule, from != TENDO_DATE_NONE ? from : a->today, weeks);
}

/* The server's address as the request named it ("http://HOST"), for the
 * feed's address; the Host header only when it looks like one. */
static void base_url(const srv_req *q, char *out, size_t outsz)
{
	const char *h = q->host;
	bool ok = h && h[0] && strlen(h) < 200 &&
	          strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == strlen(h);
	snprintf(out, outsz, "http://%s", ok ? h : "127.0.0.1");
}

static void day_html(tendo_buf *b, const tendo_plan_day *x, const char *rt, const char *ht, bool imp)
{
	char d[TENDO_DATE_BUFSZ], what[64];
	tendo_buf_printf(b, "<li%s><p class=\"day\">%s %s: ", x->training_day ? "" : " class=\"off\"",
	                 shape_weekday(x->date), tendo_date_format(x->date, d));
	esc(b, shape_plan_what(x, what, sizeof(what)));
	if (x->run)
		tendo_buf_printf(b, " at %s", rt);
	tendo_buf_puts(b, "</p>");
	if (x->seek_care) {
		tendo_buf_puts(b, "<p class=\"alert\">A red flag stands: nothing is planned until a clinician has seen you.</p>");
	} else {
		tendo_buf_puts(b, "<p>");
		page_text_units(b, imp, x->run ? x->run_why : x->rehab_why);
		tendo_buf_puts(b, "</p>");
		if (x->rehab[0]) {
			tendo_buf_printf(b, "<p>%s at %s (about %d min):", x->strength ? "Strength" : "Holds", ht,
			                 x->rehab_minutes);
			if (x->n_items) { /* with the loads, as Today shows them */
				tendo_buf_puts(b, "</p><ul class=\"rehab\">");
				for (int k = 0; k < x->n_items; k++) {
					tendo_buf_puts(b, "<li>");
					page_rx_item(b, &x->items[k], imp);
					tendo_buf_puts(b, "</li>");
				}
				tendo_buf_puts(b, "</ul>");
			} else {
				tendo_buf_puts(b, " ");
				page_text_units(b, imp, x->rehab);
				tendo_buf_puts(b, "</p>");
			}
		}
	}
	if (x->test_due)
		tendo_buf_puts(b, "<p class=\"notice\">Readiness tests due.</p>");
	if (x->visa_due)
		tendo_buf_puts(b, "<p class=\"notice\">VISA-H questionnaire due.</p>");
	tendo_buf_puts(b, "</li>");
}

/* The page; feed_url: a calendar feed address made just now, else NULL. */
static void plan_page(srv_req *q, srv_reply *r, const char *feed_url)
{
	srv_athlete a;
	shape_plan_facts pf;
	int rc = plan_get(q, &a, &pf, TENDO_DATE_NONE, PLAN_WEEKS);
	if (rc) {
		shape_plan_dispose(&pf);
		lib_page_error(r, rc);
		return;
	}
	bool ro = q->have_session && q->session.readonly;
	char d[TENDO_DATE_BUFSZ], rt[6], ht[6], dn[TENDO_DAYS_BUFSZ];
	tendo_schedule_format_time(a.schedule.run_time, rt);
	tendo_schedule_format_time(a.schedule.rehab_time, ht);
	tendo_buf b;
	tendo_buf_init(&b);
	page_head(&b, "Plan", page_nav(q));
	if (ro)
		tendo_buf_puts(&b, "<p class=\"notice\">A shared, read-only view.</p>");
	tendo_buf_printf(&b, "<h1>Plan from %s</h1>", tendo_date_format(pf.from, d));
	tendo_buf_puts(&b, "<p class=\"muted\">The coming two weeks: a projection that assumes every session goes as "
	                   "prescribed and every morning settles. It changes as the log grows.</p>");
	tendo_buf_printf(&b, "<p>Every morning: the monitoring task. Training days: %s; runs at %s, rehab at %s.</p>",
	                 a.schedule.days == TENDO_DAYS_ALL ? "every day" : tendo_schedule_format_days(a.schedule.days, dn),
	                 rt, ht);
	tendo_buf_puts(&b, "<ol class=\"plan\">");
	for (int i = 0; i < pf.n; i++)
		day_html(&b, &pf.days[i], rt, ht, srv_imperial(&a));
	tendo_buf_puts(&b, "</ol>");
	char nt[TENDO_DATE_BUFSZ], nv[TENDO_DATE_BUFSZ];
	tendo_buf_printf(&b, "<p>Next readiness tests: %s. Next VISA-H: %s.</p>",
	                 pf.next_test != TENDO_DATE_NONE ? tendo_date_format(pf.next_test, nt) : "not in these weeks",
	                 pf.next_visa != TENDO_DATE_NONE ? tendo_date_format(pf.next_visa, nv) : "now (a baseline)");
	tendo_buf_puts(&b, "<h2>In your calendar</h2><p><a class=\"alt\" href=\"/plan.ics\" download>Download these two "
	                   "weeks as a calendar file (.ics)</a>: open it on the phone or import it into a calendar app. "
	                   "Importing it again later updates the same events.</p>");
	if (!ro) {
		tendo_buf_puts(&b, "<h2 id=\"feed\">A calendar that updates itself</h2>");
		if (feed_url) {
			tendo_buf_puts(&b, "<p class=\"notice\">Your feed's address (shown only now; keep it private, anyone "
			                   "with it can read the plan):</p><p><code>");
			esc(&b, feed_url);
			tendo_buf_puts(&b, "</code></p>");
		}
		tendo_buf_puts(&b,
		               "<p>Subscribe a calendar to the feed and the plan stays current on its own. On an iPhone: "
		               "Settings, Calendar, Accounts, Add Account, Other, Add Subscribed Calendar, and paste the "
		               "address. In Google Calendar (on a computer): Other calendars, +, From URL. The phone must "
		               "reach this server (tendo serve --bind 0.0.0.0 on your network).</p>"
		               "<p class=\"muted\">Each address holds its own secret: tendo share --list shows them and "
		               "tendo share --revoke ID ends one.</p>"
		               "<form method=\"post\" action=\"/plan/feed\">");
		page_csrf_field(&b, q);
		tendo_buf_puts(&b, "<div class=\"form-actions\"><button type=\"submit\" class=\"secondary\">Make a feed "
		                   "address</button></div></form>");
	}
	page_foot(&b);
	shape_plan_dispose(&pf);
	reply_buf(r, 200, HTML, &b);
}

void page_plan(srv_req *q, srv_reply *r)
{
	plan_page(q, r, NULL);
}

void page_plan_feed_post(srv_req *q, srv_reply *r)
{
	tendo_share sh;
	int rc = tendo_share_create(q->store, TENDO_SHARE_CALENDAR, "calendar feed (web)", 0, time(NULL), &sh);
	if (rc) {
		lib_page_error(r, rc);
		return;
	}
	char base[256], url[400];
	base_url(q, base, sizeof(base));
	snprintf(url, sizeof(url), "%s/calendar.ics?token=%s", base, sh.token);
	memset(sh.token, 0, sizeof(sh.token));
	plan_page(q, r, url);
	memset(url, 0, sizeof(url));
}

/* The calendar of the coming two weeks, as `tendo plan --ics`. */
static void calendar_reply(srv_req *q, srv_reply *r, bool attachment)
{
	srv_athlete a;
	shape_plan_facts pf;
	int rc = plan_get(q, &a, &pf, TENDO_DATE_NONE, PLAN_WEEKS);
	char *cal = NULL;
	size_t len = 0;
	tendo_ics_options io = { 0, time(NULL) };
	if (rc == 0)
		rc = shape_calendar(q->store, pf.days, pf.n, &a.profile, &a.schedule, &io, &cal, &len);
	shape_plan_dispose(&pf);
	if (rc) {
		reply_static(r, rc == TENDO_EBUSY ? 503 : 500, "text/plain; charset=utf-8",
		             rc == TENDO_EBUSY ? "the database is busy: try again\n" : "the calendar could not be made\n");
		return;
	}
	reply_take(r, 200, ICS, cal, len);
	if (attachment)
		r->disposition = "attachment; filename=\"tendo-plan.ics\"";
}

void page_plan_ics(srv_req *q, srv_reply *r)
{
	calendar_reply(q, r, true);
}

void page_calendar_feed(srv_req *q, srv_reply *r)
{
	const char *token = srv_query(q, "token");
	if (!token || !token[0]) {
		reply_static(r, 401, "text/plain; charset=utf-8",
		             "the calendar feed needs its address's token: /calendar.ics?token=... (tendo share --calendar)\n");
		return;
	}
	tendo_share_state st;
	tendo_share sh;
	if (tendo_share_check(q->store, token, time(NULL), &st, &sh) != 0) {
		reply_static(r, 503, "text/plain; charset=utf-8", "the database is busy: try again\n");
		return;
	}
	if (st != TENDO_SHARE_VALID || sh.scope != TENDO_SHARE_CALENDAR) {
		reply_static(r, 403, "text/plain; charset=utf-8",
		             st == TENDO_SHARE_EXPIRED   ? "this calendar feed has expired: make a new one\n"
		             : st == TENDO_SHARE_REVOKED ? "this calendar feed was revoked: make a new one\n"
		                                         : "this is not a calendar feed's token\n");
		return;
	}
	calendar_reply(q, r, false);
}

void api_plan(srv_req *q, srv_reply *r)
{
	int weeks = PLAN_WEEKS;
	tendo_date from = TENDO_DATE_NONE;
	const char *w = srv_query(q, "weeks"), *f = srv_query(q, "from");
	if (w) {
		char *end;
		long v = strtol(w, &end, 10);
		if (!w[0] || *end || w[0] == '-' || w[0] == '+' || v < 1 || v > SHAPE_PLAN_WEEKS_MAX) {
			api_error(r, 400, "weeks must be a whole number 1-12", "weeks");
			return;
		}
		weeks = (int)v;
	}
	if (f && tendo_date_parse(&from, f) != 0) {
		api_error(r, 400, "from must be a date YYYY-MM-DD", "from");
		return;
	}
	srv_athlete a;
	shape_plan_facts pf;
	int rc = plan_get(q, &a, &pf, from, weeks);
	if (rc)
		api_lib_error(r, rc);
	else
		api_reply_json(r, 200, shape_plan(&pf, &a.schedule));
	shape_plan_dispose(&pf);
}

void page_share_open(srv_req *q, srv_reply *r)
{
	tendo_share_state st;
	tendo_share sh;
	if (tendo_share_check(q->store, q->rest, time(NULL), &st, &sh) != 0) {
		page_error(r, 503, "Busy", "the database is busy: open the link again");
		return;
	}
	if (st != TENDO_SHARE_VALID || sh.scope != TENDO_SHARE_READ) {
		page_error(r, 403, "Link not valid",
		           st == TENDO_SHARE_EXPIRED   ? "this shared link has expired: ask for a new one"
		           : st == TENDO_SHARE_REVOKED ? "this shared link was revoked: ask for a new one"
		                                       : "this is not a shared link of this server (mistyped, or cut short)");
		return;
	}
	if (auth_session_new_share(srv_sessions_of(q->s), sh.id, &q->session) != 0) {
		page_error(r, 500, "Server error", "no random bytes for the session");
		return;
	}
	q->have_session = q->new_session = true;
	reply_redirect(r, "/report"); /* what a physio opens first */
}
