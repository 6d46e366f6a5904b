/*
 * test_ics.c - the plan as iCalendar (tendo/ics.h), read back with libical's
 * own parser: one VEVENT per planned session with the right local start,
 * the zone's VTIMEZONE, UIDs unique and stable across exports, reminders
 * only when asked, UTC profiles without a VTIMEZONE, bad input refused;
 * the daily monitoring task with its reminder, loads per side in the
 * descriptions, and what was sent tracked in the store (issue 9): SEQUENCE
 * rises only for a changed event, a day that left the plan is CANCELLED.
 * tests/cli/plan.sh reads the same output with a second parser
 * (python3-icalendar).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libical/ical.h>

#include <tendo/ics.h>
#include <tendo/published.h>
#include <tendo/store.h>

#include "fixtures.h"

typedef struct {
	int events, runs, rehab, visa, care, alarms, timed_in_zone, timed_utc, tasks, task_alarms;
	int task_hour, task_minute;
	bool rehab_kg;         /* a rehab description gives kg per side */
	char uids[64][96];
	int run_minutes[64];
	int run_hour, run_minute, rehab_hour;
	bool vtimezone;
	char tzid[64];
} summary;

static void read_back(summary *s, const char *text)
{
	memset(s, 0, sizeof(*s));
	s->run_hour = s->rehab_hour = -1;
	icalcomponent *cal = icalparser_parse_string(text);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	icalproperty *ver = icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY);
	assert_non_null(ver);
	assert_string_equal(icalproperty_get_version(ver), "2.0");
	icalcomponent *tz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	if (tz) {
		s->vtimezone = true;
		icalproperty *p = icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY);
		snprintf(s->tzid, sizeof(s->tzid), "%s", icalproperty_get_tzid(p));
		assert_non_null(icalcomponent_get_first_component(tz, ICAL_ANY_COMPONENT)); /* an observance */
	}
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		assert_true(s->events < 64);
		const char *uid = icalcomponent_get_uid(ev);
		assert_non_null(uid);
		snprintf(s->uids[s->events], sizeof(s->uids[0]), "%s", uid);
		assert_non_null(icalcomponent_get_first_property(ev, ICAL_DTSTAMP_PROPERTY));
		icalproperty *ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
		assert_non_null(ps);
		icaltimetype t = icalproperty_get_dtstart(ps);
		icalparameter *tzp = icalproperty_get_first_parameter(ps, ICAL_TZID_PARAMETER);
		if (!t.is_date) {
			if (tzp) {
				assert_string_equal(icalparameter_get_tzid(tzp), s->tzid);
				s->timed_in_zone++;
			} else {
				assert_true(icaltime_is_utc(t));
				s->timed_utc++;
			}
		}
		const char *sum = icalcomponent_get_summary(ev);
		const char *desc = icalcomponent_get_description(ev);
		assert_non_null(sum);
		assert_non_null(desc);
		assert_non_null(strstr(desc, "projection"));
		if (strstr(uid, "-run-")) {
			struct icaldurationtype d = icalcomponent_get_duration(ev);
			s->run_minutes[s->runs++] = (int)(d.hours * 60 + d.minutes);
			s->run_hour = t.hour, s->run_minute = t.minute;
			assert_non_null(strstr(sum, "Run "));
			assert_non_null(strstr(desc, "Why: "));
		} else if (strstr(uid, "-rehab-")) {
			s->rehab++;
			s->rehab_hour = t.hour;
			assert_non_null(strstr(desc, "\n- ")); /* one exercise a line */
		} else if (strstr(uid, "-visa-")) {
			s->visa++;
			assert_true(t.is_date);
		} else if (strstr(uid, "-care-")) {
			s->care++;
		} else if (strstr(uid, "-task-")) {
			s->tasks++;
			s->task_hour = t.hour, s->task_minute = t.minute;
			assert_false(t.is_date);
			assert_non_null(strstr(desc, "single-leg bridges"));
			icalcomponent *al = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT);
			assert_non_null(al); /* always: the model runs on this score */
			struct icaltriggertype tr = icalproperty_get_trigger(
			        icalcomponent_get_first_property(al, ICAL_TRIGGER_PROPERTY));
			assert_int_equal(icaldurationtype_as_int(tr.duration), 0); /* when it starts */
			s->task_alarms++;
		}
		if (strstr(uid, "-rehab-") && strstr(desc, " kg"))
			s->rehab_kg = true;
		assert_non_null(icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY));
		if (icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT) && !strstr(uid, "-task-"))
			s->alarms++;
		s->events++;
	}
	icalcomponent_free(cal);
}

static void london_week(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_ready(&f, 21);
	tendo_profile p;
	fx_profile(&p);
	snprintf(p.tz, sizeof(p.tz), "Europe/London");
	tendo_schedule sc;
	tendo_schedule_default(&sc);
	sc.run_time = 7 * 60 + 15;
	sc.rehab_time = 19 * 60 + 30;
	tendo_plan_day days[14];
	assert_int_equal(tendo_plan(days, 14, &p, &sc, &f.log, fx_day(22)), 0);
	int want_runs = 0, want_rehab = 0;
	for (int i = 0; i < 14; i++) {
		want_runs += days[i].run;
		want_rehab += days[i].rehab[0] != '\0';
	}
	assert_true(want_runs >= 3);

	tendo_ics_options o = { 0, 1795000000 };
	char *a = NULL, *b = NULL;
	size_t alen = 0, blen = 0;
	assert_int_equal(tendo_ics_plan(&a, &alen, days, 14, &p, &sc, &o), 0);
	assert_int_equal(strlen(a), alen);
	assert_non_null(strstr(a, "\r\n"));
	for (const char *l = a; (l = strchr(l, '\n')); l++)
		assert_int_equal(l[-1], '\r'); /* every line ends CRLF */
	summary s, t;
	read_back(&s, a);
	assert_true(s.vtimezone);
	assert_string_equal(s.tzid, "Europe/London");
	assert_int_equal(s.runs, want_runs);
	assert_int_equal(s.rehab, want_rehab);
	for (int i = 0, k = 0; i < 14; i++)
		if (days[i].run)
			assert_int_equal(s.run_minutes[k++], days[i].run_minutes);
	assert_int_equal(s.run_hour, 7);
	assert_int_equal(s.run_minute, 15);
	assert_int_equal(s.rehab_hour, 19);
	assert_int_equal(s.timed_utc, 0);
	assert_int_equal(s.alarms, 0);
	assert_int_equal(s.visa, 1); /* no baseline in the log: due on the first day */
	assert_int_equal(s.tasks, 14); /* the monitoring task every day, at 07:00 with a reminder */
	assert_int_equal(s.task_alarms, 14);
	assert_int_equal(s.task_hour, 7);
	assert_int_equal(s.task_minute, 0);
	assert_true(s.rehab_kg); /* the loads in the descriptions */
	for (int i = 0; i < s.events; i++)
		for (int j = i + 1; j < s.events; j++)
			assert_string_not_equal(s.uids[i], s.uids[j]);

	/* exported again later, with a reminder: the same UIDs */
	o.stamp += 86400;
	o.alarm_min = 20;
	assert_int_equal(tendo_ics_plan(&b, &blen, days, 14, &p, &sc, &o), 0);
	read_back(&t, b);
	assert_int_equal(t.events, s.events);
	for (int i = 0; i < s.events; i++)
		assert_string_equal(t.uids[i], s.uids[i]);
	assert_int_equal(t.alarms, s.events - s.visa - s.tasks); /* timed events only */
	assert_non_null(strstr(b, "TRIGGER:-PT20M"));
	free(b);

	/* another athlete: other UIDs */
	snprintf(p.name, sizeof(p.name), "someone else");
	assert_int_equal(tendo_ics_plan(&b, &blen, days, 14, &p, &sc, &o), 0);
	read_back(&t, b);
	assert_string_not_equal(t.uids[0], s.uids[0]);
	free(a);
	free(b);
	fx_log_free(&f);
}

/* The loads in the descriptions: exercise, sets x reps, kg per side. */
static void loads_per_side(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_ready(&f, 21);
	for (int d = 15; d <= 21; d += 2) { /* the last sessions, one side at a time */
		fx_rehab(&f, d, "prone-curl", 3, 8, -1, 20, 1)->side = TENDO_SIDE_LEFT;
		fx_rehab(&f, d, "prone-curl", 3, 8, -1, 17.5, 1)->side = TENDO_SIDE_RIGHT;
	}
	tendo_profile p;
	fx_profile(&p);
	tendo_plan_day days[7];
	assert_int_equal(tendo_plan(days, 7, &p, NULL, &f.log, fx_day(22)), 0);
	int strength = -1;
	for (int i = 0; i < 7 && strength < 0; i++)
		if (days[i].strength)
			strength = i;
	assert_true(strength >= 0);
	const tendo_rx_item *curl = NULL;
	for (int k = 0; k < days[strength].n_items; k++)
		if (!strcmp(days[strength].items[k].exercise->name, "prone-curl"))
			curl = &days[strength].items[k];
	assert_non_null(curl);
	assert_true(curl->kg_left > 0 && curl->kg_right > 0);
	tendo_ics_options o = { 0, 1795000000 };
	char *a = NULL;
	assert_int_equal(tendo_ics_plan(&a, NULL, days, 7, &p, NULL, &o), 0);
	icalcomponent *cal = icalparser_parse_string(a);
	assert_non_null(cal);
	char want[160];
	snprintf(want, sizeof(want), "- %s: %d x %d, left %g kg, right %g kg", curl->exercise->title, curl->sets,
	         curl->reps, curl->kg_left, curl->kg_right);
	int found = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		found += strstr(icalcomponent_get_uid(ev), "-rehab-") && strstr(icalcomponent_get_description(ev), want);
	if (!found)
		fail_msg("no rehab event says \"%s\"", want);
	icalcomponent_free(cal);
	free(a);

	/* an imperial athlete reads pounds, to 0.1 lb, as the pages show them */
	p.units = TENDO_UNITS_IMPERIAL;
	assert_int_equal(tendo_ics_plan(&a, NULL, days, 7, &p, NULL, &o), 0);
	cal = icalparser_parse_string(a);
	assert_non_null(cal);
	snprintf(want, sizeof(want), "- %s: %d x %d, left %g lb, right %g lb", curl->exercise->title, curl->sets,
	         curl->reps, round(curl->kg_left / TENDO_KG_PER_LB * 10) / 10,
	         round(curl->kg_right / TENDO_KG_PER_LB * 10) / 10);
	found = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		found += strstr(icalcomponent_get_uid(ev), "-rehab-") && strstr(icalcomponent_get_description(ev), want) &&
		         !strstr(icalcomponent_get_description(ev), " kg");
	if (!found)
		fail_msg("no rehab event says \"%s\" (and no kg)", want);
	icalcomponent_free(cal);
	free(a);
	fx_log_free(&f);
}

static void utc_and_bad_input(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_ready(&f, 21);
	tendo_profile p;
	fx_profile(&p); /* UTC */
	tendo_plan_day days[7];
	assert_int_equal(tendo_plan(days, 7, &p, NULL, &f.log, fx_day(22)), 0);
	tendo_ics_options o = { 0, 1795000000 };
	char *a = NULL;
	tendo_schedule sc;
	tendo_schedule_default(&sc);
	assert_int_equal(tendo_ics_plan(&a, NULL, days, 7, &p, NULL, &o), 0); /* NULL: the default schedule */
	summary s;
	read_back(&s, a);
	assert_int_equal(s.run_hour, 17);
	assert_int_equal(s.tasks, 7);
	assert_int_equal(s.task_hour, 7); /* 07:00: the schedule has no morning time */
	free(a);
	/* a run at 06:30: the task 15 minutes before it */
	sc.run_time = 6 * 60 + 30;
	assert_int_equal(tendo_ics_plan(&a, NULL, days, 7, &p, &sc, &o), 0);
	read_back(&s, a);
	assert_int_equal(s.task_hour, 6);
	assert_int_equal(s.task_minute, 15);
	sc.run_time = 10; /* just after midnight: at midnight, not the day before */
	free(a);
	assert_int_equal(tendo_ics_plan(&a, NULL, days, 7, &p, &sc, &o), 0);
	read_back(&s, a);
	assert_int_equal(s.task_hour, 0);
	assert_int_equal(s.task_minute, 0);
	tendo_schedule_default(&sc);
	assert_false(s.vtimezone);
	assert_true(s.timed_utc > 0);
	assert_int_equal(s.timed_in_zone, 0);
	free(a);

	/* nothing planned: a valid, empty calendar */
	assert_int_equal(tendo_ics_plan(&a, NULL, days, 0, &p, &sc, &o), 0);
	read_back(&s, a);
	assert_int_equal(s.events, 0);
	free(a);

	o.alarm_min = 1441;
	assert_int_equal(tendo_ics_plan(&a, NULL, days, 7, &p, &sc, &o), TENDO_EINVAL);
	assert_null(a);
	o.alarm_min = 0;
	assert_int_equal(tendo_ics_plan(&a, NULL, days, -1, &p, &sc, &o), TENDO_EINVAL);
	snprintf(p.tz, sizeof(p.tz), "Mars/Olympus_Mons");
	assert_int_equal(tendo_ics_plan(&a, NULL, days, 7, &p, &sc, &o), TENDO_EINVAL);
	assert_non_null(strstr(tendo_error_last(), "Mars/Olympus_Mons"));

	/* a red flag: one all-day "see a clinician", nothing else */
	snprintf(p.tz, sizeof(p.tz), "UTC");
	fx_flag(&f, 22, TENDO_FLAG_NUMBNESS);
	assert_int_equal(tendo_plan(days, 7, &p, NULL, &f.log, fx_day(22)), 0);
	assert_int_equal(tendo_ics_plan(&a, NULL, days, 7, &p, &sc, &o), 0);
	read_back(&s, a);
	assert_int_equal(s.events, 1);
	assert_int_equal(s.care, 1);
	free(a);
	fx_log_free(&f);
}

/* ---- tracking what was sent: SEQUENCE and STATUS:CANCELLED ---- */

#define MAXEV 128

typedef struct {
	int n;
	char uid[MAXEV][96];
	char body[MAXEV][2400]; /* the event without DTSTAMP and SEQUENCE */
	int seq[MAXEV];
	bool cancelled[MAXEV];
} events;

/* Parse with libical; each VEVENT's UID, SEQUENCE, STATUS and content. */
static void parse_events(events *e, const char *text)
{
	memset(e, 0, sizeof(*e));
	icalcomponent *cal = icalparser_parse_string(text);
	assert_non_null(cal);
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		assert_true(e->n < MAXEV);
		int i = e->n++;
		snprintf(e->uid[i], sizeof(e->uid[i]), "%s", icalcomponent_get_uid(ev));
		icalproperty *sq = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY);
		assert_non_null(sq);
		e->seq[i] = icalproperty_get_sequence(sq);
		icalproperty *st = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
		e->cancelled[i] = st && icalproperty_get_status(st) == ICAL_STATUS_CANCELLED;
		icalcomponent *c = icalcomponent_new_clone(ev);
		const icalproperty_kind drop[] = { ICAL_SEQUENCE_PROPERTY, ICAL_DTSTAMP_PROPERTY };
		for (size_t k = 0; k < 2; k++) { /* removed, then freed: removing does not free */
			icalproperty *p = icalcomponent_get_first_property(c, drop[k]);
			icalcomponent_remove_property(c, p);
			icalproperty_free(p);
		}
		char *body = icalcomponent_as_ical_string_r(c);
		assert_true(strlen(body) < sizeof(e->body[i]));
		snprintf(e->body[i], sizeof(e->body[i]), "%s", body);
		free(body);
		icalcomponent_free(c);
	}
	icalcomponent_free(cal);
}

static int find_event(const events *e, const char *uid)
{
	for (int i = 0; i < e->n; i++)
		if (!strcmp(e->uid[i], uid))
			return i;
	return -1;
}

typedef struct {
	char dir[64], db[96];
	tendo_store *s;
} tmp_store;

static void store_up(tmp_store *t)
{
	snprintf(t->dir, sizeof(t->dir), "/tmp/tendo-ics-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->db, sizeof(t->db), "%s/t.db", t->dir);
	assert_int_equal(tendo_store_open(&t->s, t->db, TENDO_STORE_CREATE), 0);
}

static void store_down(tmp_store *t)
{
	tendo_store_close(t->s);
	char p[128];
	const char *ext[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < 4; i++) {
		snprintf(p, sizeof(p), "%s%s", t->db, ext[i]);
		unlink(p);
	}
	rmdir(t->dir);
}

/* Export through the store as shape_calendar() does; returns the text. */
static char *export(tmp_store *t, const tendo_plan_day *days, int n, const tendo_profile *p, time_t stamp)
{
	tendo_ics_options o = { 0, stamp };
	tendo_published *sent = NULL, *now = NULL;
	size_t n_sent = 0, n_now = 0;
	char *text = NULL;
	assert_int_equal(tendo_published_load(&sent, &n_sent, t->s, days[0].date), 0);
	assert_int_equal(tendo_ics_plan_tracked(&text, NULL, &now, &n_now, days, n, p, NULL, &o, sent, n_sent), 0);
	assert_int_equal(tendo_published_save(t->s, now, n_now, stamp), 0);
	free(sent);
	free(now);
	return text;
}

/* Hand-made change: one day's run longer, another day's run gone. Only
 * the changed run's SEQUENCE rises, the gone one is cancelled, the rest
 * stay at 0; exported once more unchanged, nothing moves. */
static void sequence_and_cancel(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_ready(&f, 21);
	tendo_profile p;
	fx_profile(&p);
	tendo_plan_day days[14];
	assert_int_equal(tendo_plan(days, 14, &p, NULL, &f.log, fx_day(22)), 0);
	int changed = -1, dropped = -1;
	for (int i = 0; i < 14; i++)
		if (days[i].run && changed < 0)
			changed = i;
		else if (days[i].run && dropped < 0)
			dropped = i;
	assert_true(changed >= 0 && dropped >= 0);
	tmp_store t;
	store_up(&t);
	events a, b, c;
	char *text = export(&t, days, 14, &p, 1795000000);
	parse_events(&a, text);
	free(text);
	for (int i = 0; i < a.n; i++) {
		assert_int_equal(a.seq[i], 0);
		assert_false(a.cancelled[i]);
	}

	days[changed].run_minutes += 5;
	days[dropped].run = false;
	text = export(&t, days, 14, &p, 1795086400);
	parse_events(&b, text);
	free(text);
	char uid_changed[96], uid_dropped[96], d[TENDO_DATE_BUFSZ];
	tendo_date_format(days[changed].date, d);
	int bumped = 0, cancelled = 0;
	for (int i = 0; i < b.n; i++) {
		int j = find_event(&a, b.uid[i]);
		assert_true(j >= 0); /* no new UID: one changed, one cancelled */
		if (b.cancelled[i]) {
			cancelled++;
			snprintf(uid_dropped, sizeof(uid_dropped), "%s", b.uid[i]);
			assert_int_equal(b.seq[i], 1);
		} else if (strcmp(a.body[j], b.body[i]) != 0) {
			bumped++;
			snprintf(uid_changed, sizeof(uid_changed), "%s", b.uid[i]);
			assert_int_equal(b.seq[i], 1);
		} else {
			assert_int_equal(b.seq[i], 0);
		}
	}
	assert_int_equal(b.n, a.n);
	assert_int_equal(bumped, 1);
	assert_int_equal(cancelled, 1);
	assert_non_null(strstr(uid_changed, "-run-"));
	assert_non_null(strstr(uid_dropped, "-run-"));
	assert_memory_equal(uid_changed, d, 4); /* the changed day's run */

	/* the same again: SEQUENCEs stay, the cancellation is repeated as it was */
	text = export(&t, days, 14, &p, 1795172800);
	parse_events(&c, text);
	free(text);
	assert_int_equal(c.n, b.n);
	for (int i = 0; i < c.n; i++) {
		int j = find_event(&b, c.uid[i]);
		assert_true(j >= 0);
		assert_int_equal(c.seq[i], b.seq[j]);
		assert_int_equal(c.cancelled[i], b.cancelled[j]);
	}

	/* the run comes back: a higher SEQUENCE than its cancellation */
	days[dropped].run = true;
	text = export(&t, days, 14, &p, 1795259200);
	parse_events(&c, text);
	free(text);
	int k = find_event(&c, uid_dropped);
	assert_true(k >= 0);
	assert_false(c.cancelled[k]);
	assert_int_equal(c.seq[k], 2);

	/* a plan that starts later leaves the earlier days alone */
	text = export(&t, days + 7, 7, &p, 1795345600);
	parse_events(&c, text);
	free(text);
	for (int i = 0; i < c.n; i++)
		assert_false(c.cancelled[i]);
	store_down(&t);
	fx_log_free(&f);
}

/* A real change of the log: a flare on the first morning. Every event
 * whose content changed has SEQUENCE + 1, every unchanged one keeps it,
 * and the runs the flare took out of the plan are cancelled. */
static void log_change(void **state)
{
	(void)state;
	fx_log f;
	fx_log_init(&f);
	fx_ready(&f, 21);
	tendo_profile p;
	fx_profile(&p);
	tendo_plan_day days[14];
	assert_int_equal(tendo_plan(days, 14, &p, NULL, &f.log, fx_day(22)), 0);
	tmp_store t;
	store_up(&t);
	events a, b;
	char *text = export(&t, days, 14, &p, 1795000000);
	parse_events(&a, text);
	free(text);

	fx_pain(&f, 22, TENDO_PAIN_TASK, 6); /* a flare the first morning */
	assert_int_equal(tendo_plan(days, 14, &p, NULL, &f.log, fx_day(22)), 0);
	text = export(&t, days, 14, &p, 1795086400);
	parse_events(&b, text);
	free(text);
	int same = 0, changed = 0, cancelled = 0;
	for (int i = 0; i < b.n; i++) {
		int j = find_event(&a, b.uid[i]);
		if (j < 0) {
			assert_int_equal(b.seq[i], 0); /* new */
			continue;
		}
		if (b.cancelled[i]) {
			cancelled++;
			assert_int_equal(b.seq[i], a.seq[j] + 1);
		} else if (strcmp(a.body[j], b.body[i]) == 0) {
			same++;
			assert_int_equal(b.seq[i], a.seq[j]);
		} else {
			changed++;
			assert_int_equal(b.seq[i], a.seq[j] + 1);
		}
	}
	for (int j = 0; j < a.n; j++)
		assert_true(find_event(&b, a.uid[j]) >= 0); /* nothing sent vanishes: kept or cancelled */
	assert_true(same > 0);
	assert_true(changed > 0);
	assert_true(cancelled > 0);
	store_down(&t);
	fx_log_free(&f);
}

static void published_store(void **state)
{
	(void)state;
	tmp_store t;
	store_up(&t);
	tendo_published e[2];
	memset(e, 0, sizeof(e));
	snprintf(e[0].uid, sizeof(e[0].uid), "a@tendo");
	e[0].day = fx_day(3);
	snprintf(e[0].digest, sizeof(e[0].digest), "0123456789abcdef");
	e[0].sequence = 2;
	snprintf(e[1].uid, sizeof(e[1].uid), "b@tendo");
	e[1].day = fx_day(5);
	e[1].cancelled = true;
	assert_int_equal(tendo_published_save(t.s, e, 2, 1795000000), 0);
	tendo_published *got = NULL;
	size_t n = 0;
	assert_int_equal(tendo_published_load(&got, &n, t.s, TENDO_DATE_NONE), 0);
	assert_int_equal(n, 2);
	assert_string_equal(got[0].uid, "a@tendo");
	assert_int_equal(got[0].sequence, 2);
	assert_string_equal(got[0].digest, "0123456789abcdef");
	assert_true(got[1].cancelled);
	assert_int_equal(got[1].day, fx_day(5));
	free(got);
	assert_int_equal(tendo_published_load(&got, &n, t.s, fx_day(4)), 0);
	assert_int_equal(n, 1);
	assert_string_equal(got[0].uid, "b@tendo");
	free(got);
	/* all or nothing: a bad row refuses the lot */
	e[0].sequence = 3;
	e[1].sequence = -1;
	assert_int_equal(tendo_published_save(t.s, e, 2, 1795000000), TENDO_EINVAL);
	assert_int_equal(tendo_published_load(&got, &n, t.s, TENDO_DATE_NONE), 0);
	assert_int_equal(got[0].sequence, 2);
	free(got);
	store_down(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(london_week),
		cmocka_unit_test(utc_and_bad_input),
		cmocka_unit_test(loads_per_side),
		cmocka_unit_test(sequence_and_cancel),
		cmocka_unit_test(log_change),
		cmocka_unit_test(published_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
