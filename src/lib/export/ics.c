/*
 * ics.c - the plan as an RFC 5545 calendar (tendo/ics.h), built as a libical
 * component tree and serialised by libical (escaping, CRLF, line folding).
 *
 * Tracking: each event's content (everything but DTSTAMP and SEQUENCE)
 * has a digest; against what was sent before (tendo/published.h) an
 * unchanged event keeps its SEQUENCE and a changed one goes up by one, and
 * an event sent before for a day of the plan's range that is no longer
 * planned goes out as STATUS:CANCELLED with a higher SEQUENCE.
 *
 * Times: a planned session starts at the schedule's local time on its day.
 * For a zone other than UTC the event carries DTSTART;TZID=<zone> and the
 * calendar one VTIMEZONE, taken from the system's zoneinfo through libical
 * and cut to the plan's dates (icaltimezone_truncate_vtimezone), its TZID
 * set to the plain IANA name. For UTC the times are written with Z.
 */
#include <stdbool.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include <tendo/errors.h>
#include <tendo/ics.h>
#include <tendo/published.h>

#include "util/alloc.h"

/* FNV-1a: a short stable key for the athlete in the UIDs. */
static uint32_t fnv1a(uint32_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

typedef struct {
	icalcomponent *cal;
	const tendo_profile *p;
	const tendo_ics_options *o;
	const char *tzid;     /* NULL for UTC */
	char athlete[9];      /* hex key */
	icaltimetype stamp;
	const tendo_published *sent; /* what was sent before, or NULL */
	size_t n_sent;
	tendo_published *now;        /* what this calendar sends (owned), or NULL: not asked */
	size_t n_now, cap_now;
	int err;                     /* sticky: TENDO_ENOMEM */
} ics;

static icaltimetype local_time(tendo_date d, int minutes)
{
	int y, m, dd;
	tendo_date_to_ymd(d, &y, &m, &dd);
	icaltimetype t = icaltime_null_time();
	t.year = y, t.month = m, t.day = dd;
	t.hour = minutes / 60, t.minute = minutes % 60, t.second = 0;
	t.is_date = 0;
	return t;
}

static icaltimetype all_day(tendo_date d)
{
	int y, m, dd;
	tendo_date_to_ymd(d, &y, &m, &dd);
	icaltimetype t = icaltime_null_date();
	t.year = y, t.month = m, t.day = dd;
	return t;
}

/* FNV-1a, 64 bits: the digest of an event's content. */
static uint64_t fnv1a64(const char *s)
{
	uint64_t h = 14695981039346656037u;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h;
}

static const tendo_published *sent_find(const ics *c, const char *uid)
{
	for (size_t i = 0; i < c->n_sent; i++)
		if (strcmp(c->sent[i].uid, uid) == 0)
			return &c->sent[i];
	return NULL;
}

static bool now_has(const ics *c, const char *uid)
{
	for (size_t i = 0; i < c->n_now; i++)
		if (strcmp(c->now[i].uid, uid) == 0)
			return true;
	return false;
}

/* Stamp ev (its content complete) with DTSTAMP and its SEQUENCE: the one
 * sent before if the content is the same, one more if it changed (or was
 * cancelled and is back); record it for the store when asked. */
static void finish(ics *c, icalcomponent *ev, const char *uid, tendo_date d, bool cancelled)
{
	char digest[TENDO_PUBLISHED_DIGEST];
	char *text = icalcomponent_as_ical_string_r(ev);
	if (!text) {
		c->err = TENDO_ENOMEM;
		return;
	}
	snprintf(digest, sizeof(digest), "%016llx", (unsigned long long)fnv1a64(text));
	free(text);
	const tendo_published *before = sent_find(c, uid);
	int seq = 0;
	if (before)
		seq = before->cancelled == cancelled && strcmp(before->digest, digest) == 0 ? before->sequence
		                                                                          : before->sequence + 1;
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(c->stamp));
	icalcomponent_add_property(ev, icalproperty_new_sequence(seq));
	if (!c->now && !c->cap_now)
		return;
	if (c->n_now == c->cap_now) {
		size_t nc = c->cap_now * 2;
		tendo_published *g = tendo_realloc(c->now, nc * sizeof(*g));
		if (!g) {
			c->err = TENDO_ENOMEM;
			return;
		}
		c->now = g, c->cap_now = nc;
	}
	tendo_published *e = &c->now[c->n_now++];
	memset(e, 0, sizeof(*e));
	snprintf(e->uid, sizeof(e->uid), "%s", uid);
	snprintf(e->digest, sizeof(e->digest), "%s", digest);
	e->day = d;
	e->sequence = seq;
	e->cancelled = cancelled;
}

static void make_uid(const ics *c, char uid[TENDO_PUBLISHED_UID], tendo_date d, const char *kind)
{
	char date[TENDO_DATE_BUFSZ];
	tendo_date_format(d, date);
	snprintf(uid, TENDO_PUBLISHED_UID, "%.4s%.2s%.2s-%s-%s@tendo", date, date + 5, date + 8, kind, c->athlete);
}

/* Add an event; minutes < 0 makes it an all-day event. alarm_at_start:
 * a reminder when it starts, whatever the options say. */
static void event(ics *c, tendo_date d, const char *kind, int start_min, int minutes, const char *summary,
                  const char *description, bool alarm_at_start)
{
	char uid[TENDO_PUBLISHED_UID];
	make_uid(c, uid, d, kind);
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	if (minutes < 0) {
		icalcomponent_add_property(ev, icalproperty_new_dtstart(all_day(d)));
		icalcomponent_add_property(ev, icalproperty_new_dtend(all_day(d + 1)));
		icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	} else {
		icaltimetype t = local_time(d, start_min);
		if (!c->tzid)
			t.zone = icaltimezone_get_utc_timezone();
		icalproperty *ps = icalproperty_new_dtstart(t);
		if (c->tzid)
			icalproperty_add_parameter(ps, icalparameter_new_tzid(c->tzid));
		icalcomponent_add_property(ev, ps);
		struct icaldurationtype dur = icaldurationtype_null_duration();
		dur.hours = (unsigned)(minutes / 60);
		dur.minutes = (unsigned)(minutes % 60);
		icalcomponent_add_property(ev, icalproperty_new_duration(dur));
	}
	icalcomponent_add_property(ev, icalproperty_new_summary(summary));
	icalcomponent_add_property(ev, icalproperty_new_description(description));
	icalcomponent_add_property(ev, icalproperty_new_categories("tendo"));
	int before = alarm_at_start ? 0 : c->o->alarm_min;
	if ((alarm_at_start || c->o->alarm_min > 0) && minutes >= 0) {
		icalcomponent *al = icalcomponent_new(ICAL_VALARM_COMPONENT);
		icalcomponent_add_property(al, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		icalcomponent_add_property(al, icalproperty_new_description(summary));
		struct icaltriggertype tr = icaltriggertype_from_int(-60 * before);
		icalcomponent_add_property(al, icalproperty_new_trigger(tr));
		icalcomponent_add_component(ev, al);
	}
	finish(c, ev, uid, d, false);
	icalcomponent_add_component(c->cal, ev);
}

/* A day sent before that left the plan: the same UID, cancelled, with a
 * higher SEQUENCE (the same one again if it was already sent cancelled). */
static void cancelled_event(ics *c, const tendo_published *was)
{
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(ev, icalproperty_new_uid(was->uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(all_day(was->day)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(all_day(was->day + 1)));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
	icalcomponent_add_property(ev, icalproperty_new_summary("Cancelled: no longer in the tendo plan"));
	icalcomponent_add_property(ev, icalproperty_new_description(
	        "The plan changed with what you logged: this session is no longer planned on this day."));
	icalcomponent_add_property(ev, icalproperty_new_categories("tendo"));
	finish(c, ev, was->uid, was->day, true);
	icalcomponent_add_component(c->cal, ev);
}

#define FOOT "\n\ntendo plan: a projection that assumes no flare; it changes as you log. " \
             "Every morning: the monitoring task (tendo log pain --kind task --score N)."

/* A load in the athlete's units: "21.25 kg" (to 0.01 kg), "44.1 lb" (to
 * 0.1 lb), as the pages and the CLI show it. */
static const char *load_text(double kg, bool imperial, char *buf, size_t sz)
{
	if (imperial)
		snprintf(buf, sz, "%g lb", round(kg / TENDO_KG_PER_LB * 10) / 10);
	else
		snprintf(buf, sz, "%g kg", round(kg * 100) / 100);
	return buf;
}

/* One line of a dose: "- Prone hamstring curl: 4 x 8, left 20 kg, right
 * 21.25 kg" (the load per side when the exercise is done one side at a time). */
static size_t item_line(char *out, size_t sz, const tendo_rx_item *it, bool imp)
{
	char l[24], r[24];
	char dose[48], kg[96] = "";
	if (it->hold_s)
		snprintf(dose, sizeof(dose), "%d x %d s hold", it->sets, it->hold_s);
	else
		snprintf(dose, sizeof(dose), "%d x %d", it->sets, it->reps);
	if (it->kg_left >= 0 && it->kg_right >= 0)
		snprintf(kg, sizeof(kg), ", left %s, right %s", load_text(it->kg_left, imp, l, sizeof(l)),
		         load_text(it->kg_right, imp, r, sizeof(r)));
	else if (it->kg_left >= 0)
		snprintf(kg, sizeof(kg), ", left %s", load_text(it->kg_left, imp, l, sizeof(l)));
	else if (it->kg_right >= 0)
		snprintf(kg, sizeof(kg), ", right %s", load_text(it->kg_right, imp, r, sizeof(r)));
	else if (it->kg >= 0)
		snprintf(kg, sizeof(kg), ", %s", load_text(it->kg, imp, l, sizeof(l)));
	else if (it->load[0])
		snprintf(kg, sizeof(kg), ", %.80s", it->load);
	int w = snprintf(out, sz, "- %s: %s%s", it->exercise->title ? it->exercise->title : it->exercise->name, dose, kg);
	return w < 0 ? 0 : (size_t)w >= sz ? sz - 1 : (size_t)w;
}

/* "a 3x8, b 4x30s" -> "- a 3x8\n- b 4x30s" (a plan day without its items) */
static void list_items(char *out, size_t sz, const char *items)
{
	size_t len = 0;
	out[0] = '\0';
	const char *p = items;
	while (*p && len + 3 < sz) {
		size_t k = strcspn(p, ",");
		len += (size_t)snprintf(out + len, sz - len, "%s- %.*s", len ? "\n" : "", (int)k, p);
		p += k;
		while (*p == ',' || *p == ' ')
			p++;
	}
}

static void list_doses(char *out, size_t sz, const tendo_plan_day *x, bool imperial)
{
	if (!x->n_items) {
		list_items(out, sz, x->rehab);
		return;
	}
	size_t len = 0;
	out[0] = '\0';
	for (int k = 0; k < x->n_items && len + 2 < sz; k++) {
		if (len)
			out[len++] = '\n', out[len] = '\0';
		len += item_line(out + len, sz - len, &x->items[k], imperial);
	}
}

/* The daily monitoring task: the 24-hour signal the model runs on. */
static void task_event(ics *c, const tendo_plan_day *x, int morning)
{
	event(c, x->date, "task", morning, 5, "Morning monitoring task (3 bridges, score 0-10)",
	      "Beside the bed, before anything else: three short-lever single-leg bridges on the painful side, "
	      "then score the pain 0-10 (0 = none).\n\nLog it: tendo log pain --kind task --score N (or the "
	      "check-in page of tendo serve). The morning score is what tendo decides the day from: without it "
	      "today's advice is provisional." FOOT,
	      true);
}

static void day_events(ics *c, const tendo_plan_day *x, const tendo_schedule *sc, int morning, bool *care_done)
{
	char sum[160], desc[2400], items[1500];
	if (x->seek_care) {
		if (!*care_done)
			event(c, x->date, "care", 0, -1, "See a clinician (red flag)",
			      "A red flag stands: tendo prescribes no loading until a clinician has seen you "
			      "(then: tendo log flag --kind cleared)." FOOT, false);
		*care_done = true;
		return;
	}
	task_event(c, x, morning);
	if (x->run) {
		snprintf(sum, sizeof(sum), "Run %d min%s, flat and easy", x->run_minutes, x->run_walk ? " run/walk" : "");
		snprintf(desc, sizeof(desc),
		         "%s\n\nWhy: %s\n\nAfterwards: tendo log run --minutes %d --pain-during N --pain-after N; "
		         "the next morning tells how the tendon took it." FOOT,
		         sum, x->run_why, x->run_minutes);
		event(c, x->date, "run", sc->run_time, x->run_minutes, sum, desc, false);
	}
	int rehab_start = sc->rehab_time;
	if (x->test_due) {
		snprintf(desc, sizeof(desc),
		         "Readiness tests, left and right: drop lunge (pain 0-10), single-leg bridge repetitions, "
		         "prone curl 10RM.\n\nLog them: tendo log test ..." FOOT);
		event(c, x->date, "tests", rehab_start, 30, "Readiness tests", desc, false);
		rehab_start = (rehab_start + 30) % 1440;
	}
	if (x->rehab[0]) {
		list_doses(items, sizeof(items), x, c->p && c->p->units == TENDO_UNITS_IMPERIAL);
		snprintf(sum, sizeof(sum), "%s", x->strength ? "Strength session" : "Isometric holds");
		snprintf(desc, sizeof(desc), "%s:\n%s\n\nWhy: %s" FOOT, sum, items, x->rehab_why);
		event(c, x->date, "rehab", rehab_start, x->rehab_minutes > 5 ? x->rehab_minutes : 5, sum, desc, false);
	}
	if (x->visa_due)
		event(c, x->date, "visa", 0, -1, "VISA-H questionnaire",
		      "Fill in the VISA-H (8 items, 0-100, higher is better) and log the item scores: "
		      "tendo log visa --items S1,...,S8. It shows how the tendon is doing over weeks." FOOT, false);
}

/* The morning task's time: 07:00 (the schedule has no morning time), or
 * 15 minutes before a run or rehab session the schedule puts earlier. */
static int morning_time(const tendo_schedule *sc)
{
	int m = TENDO_ICS_MORNING_DEFAULT;
	int first = sc->run_time < sc->rehab_time ? sc->run_time : sc->rehab_time;
	if (first < m + 15)
		m = first >= 15 ? first - 15 : 0;
	return m;
}

int tendo_ics_plan(char **out, size_t *out_len, const tendo_plan_day *days, int n, const tendo_profile *p,
                   const tendo_schedule *sc, const tendo_ics_options *o)
{
	return tendo_ics_plan_tracked(out, out_len, NULL, NULL, days, n, p, sc, o, NULL, 0);
}

int tendo_ics_plan_tracked(char **out, size_t *out_len, tendo_published **out_sent, size_t *out_n_sent,
                           const tendo_plan_day *days, int n, const tendo_profile *p, const tendo_schedule *sc,
                           const tendo_ics_options *o, const tendo_published *sent, size_t n_sent)
{
	*out = NULL;
	if (out_len)
		*out_len = 0;
	if (out_sent)
		*out_sent = NULL;
	if (out_n_sent)
		*out_n_sent = 0;
	if (n_sent && !sent)
		return tendo_error_set(TENDO_EINVAL, "calendar: %zu events sent before but none given", n_sent);
	if (n < 0 || (n > 0 && !days))
		return tendo_error_set(TENDO_EINVAL, "calendar: bad day count %d", n);
	if (o->alarm_min < 0 || o->alarm_min > 1440)
		return tendo_error_set(TENDO_EINVAL, "calendar: a reminder must be 0-1440 minutes before (got %d)",
		                       o->alarm_min);
	tendo_schedule def;
	if (!sc) {
		tendo_schedule_default(&def);
		sc = &def;
	}
	ics c = { .p = p, .o = o, .sent = sent, .n_sent = n_sent };
	if (out_sent) {
		c.cap_now = 64;
		if (!(c.now = tendo_malloc(c.cap_now * sizeof(*c.now))))
			return tendo_error_set(TENDO_ENOMEM, "calendar: out of memory");
	}
	char key[128];
	char start[TENDO_DATE_BUFSZ];
	snprintf(key, sizeof(key), "%s|%s|", tendo_date_format(p->start, start), tendo_side_name(p->side));
	snprintf(c.athlete, sizeof(c.athlete), "%08x", (unsigned)fnv1a(fnv1a(2166136261u, key), p->name));
	c.stamp = icaltime_from_timet_with_zone(o->stamp, 0, icaltimezone_get_utc_timezone());

	icalcomponent *vtz = NULL;
	if (strcmp(p->tz, "UTC") != 0 && strcmp(p->tz, "Etc/UTC") != 0) {
		icaltimezone *z = icaltimezone_get_builtin_timezone(p->tz);
		icalcomponent *zc = z ? icaltimezone_get_component(z) : NULL;
		if (!zc) {
			free(c.now);
			return tendo_error_set(TENDO_EINVAL, "calendar: libical does not know the time zone '%s'", p->tz);
		}
		vtz = icalcomponent_new_clone(zc);
		if (n > 0) {
			/* the zone's rules over the plan's days, a day either side */
			icaltimetype a = local_time(days[0].date - 1, 0), b = local_time(days[n - 1].date + 2, 0);
			a.zone = b.zone = icaltimezone_get_utc_timezone();
			icaltimezone_truncate_vtimezone(vtz, a, b, 0);
		}
		icalproperty *tp = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
		if (tp)
			icalproperty_set_tzid(tp, p->tz);
		c.tzid = p->tz;
	}

	c.cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(c.cal, icalproperty_new_prodid("-//tendo//tendo plan//EN"));
	icalcomponent_add_property(c.cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(c.cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(c.cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	icalproperty *name = icalproperty_new_x("tendo plan");
	icalproperty_set_x_name(name, "X-WR-CALNAME");
	icalcomponent_add_property(c.cal, name);
	if (vtz) {
		icalproperty *xtz = icalproperty_new_x(p->tz);
		icalproperty_set_x_name(xtz, "X-WR-TIMEZONE");
		icalcomponent_add_property(c.cal, xtz);
		icalcomponent_add_component(c.cal, vtz);
	}
	bool care = false;
	int morning = morning_time(sc);
	for (int i = 0; i < n; i++)
		day_events(&c, &days[i], sc, morning, &care);
	/* days of the plan's range sent before whose event is no longer in it */
	for (size_t k = 0; n > 0 && k < n_sent; k++) {
		const tendo_published *was = &sent[k];
		if (was->day >= days[0].date && was->day <= days[n - 1].date && !now_has(&c, was->uid))
			cancelled_event(&c, was);
	}

	char *text = c.err ? NULL : icalcomponent_as_ical_string_r(c.cal);
	icalcomponent_free(c.cal);
	size_t len = text ? strlen(text) : 0;
	if (text)
		*out = tendo_malloc(len + 1);
	if (!*out) {
		free(text);
		free(c.now);
		return tendo_error_set(TENDO_ENOMEM, "calendar: out of memory");
	}
	memcpy(*out, text, len + 1);
	free(text);
	if (out_len)
		*out_len = len;
	if (out_sent) {
		*out_sent = c.now;
		*out_n_sent = c.n_now;
	}
	return 0;
}
