/*
 * ics.c - the plan as an RFC 5545 calendar (tendo/ics.h), built as a libical
 * component tree and serialised by libical (escaping, CRLF, line folding).
 *
 * Times: a planned session starts at the schedule's local time on its day.
 * For a zone other than UTC the event carries DTSTART;TZID=<zone> and the
 * calendar one VTIMEZONE, taken from the system's zoneinfo through libical
 * and cut to the plan's dates (icaltimezone_truncate_vtimezone), its TZID
 * set to the plain IANA name. For UTC the times are written with Z.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include <tendo/errors.h>
#include <tendo/ics.h>

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

/* Add an event; minutes < 0 makes it an all-day event. */
static void event(ics *c, tendo_date d, const char *kind, int start_min, int minutes, const char *summary,
                  const char *description)
{
	char uid[96], date[TENDO_DATE_BUFSZ];
	tendo_date_format(d, date);
	snprintf(uid, sizeof(uid), "%.4s%.2s%.2s-%s-%s@tendo", date, date + 5, date + 8, kind, c->athlete);
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(c->stamp));
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
	if (c->o->alarm_min > 0 && minutes >= 0) {
		icalcomponent *al = icalcomponent_new(ICAL_VALARM_COMPONENT);
		icalcomponent_add_property(al, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		icalcomponent_add_property(al, icalproperty_new_description(summary));
		struct icaltriggertype tr = icaltriggertype_from_int(-60 * c->o->alarm_min);
		icalcomponent_add_property(al, icalproperty_new_trigger(tr));
		icalcomponent_add_component(ev, al);
	}
	icalcomponent_add_component(c->cal, ev);
}

#define FOOT "\n\ntendo plan: a projection that assumes no flare; it changes as you log. " \
             "Every morning: the monitoring task (tendo log pain --kind task --score N)."

/* "a 3x8, b 4x30s" -> "- a 3x8\n- b 4x30s" */
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

static void day_events(ics *c, const tendo_plan_day *x, const tendo_schedule *sc, bool *care_done)
{
	char sum[160], desc[1400], items[700];
	if (x->seek_care) {
		if (!*care_done)
			event(c, x->date, "care", 0, -1, "See a clinician (red flag)",
			      "A red flag stands: tendo prescribes no loading until a clinician has seen you "
			      "(then: tendo log flag --kind cleared)." FOOT);
		*care_done = true;
		return;
	}
	if (x->run) {
		snprintf(sum, sizeof(sum), "Run %d min%s, flat and easy", x->run_minutes, x->run_walk ? " run/walk" : "");
		snprintf(desc, sizeof(desc),
		         "%s\n\nWhy: %s\n\nAfterwards: tendo log run --minutes %d --pain-during N --pain-after N; "
		         "the next morning tells how the tendon took it." FOOT,
		         sum, x->run_why, x->run_minutes);
		event(c, x->date, "run", sc->run_time, x->run_minutes, sum, desc);
	}
	int rehab_start = sc->rehab_time;
	if (x->test_due) {
		snprintf(desc, sizeof(desc),
		         "Readiness tests, left and right: drop lunge (pain 0-10), single-leg bridge repetitions, "
		         "prone curl 10RM.\n\nLog them: tendo log test ..." FOOT);
		event(c, x->date, "tests", rehab_start, 30, "Readiness tests", desc);
		rehab_start = (rehab_start + 30) % 1440;
	}
	if (x->rehab[0]) {
		list_items(items, sizeof(items), x->rehab);
		snprintf(sum, sizeof(sum), "%s", x->strength ? "Strength session" : "Isometric holds");
		snprintf(desc, sizeof(desc), "%s:\n%s\n\nWhy: %s" FOOT, sum, items, x->rehab_why);
		event(c, x->date, "rehab", rehab_start, x->rehab_minutes > 5 ? x->rehab_minutes : 5, sum, desc);
	}
	if (x->visa_due)
		event(c, x->date, "visa", 0, -1, "VISA-H questionnaire",
		      "Fill in the VISA-H (8 items, 0-100, higher is better) and log the item scores: "
		      "tendo log visa --items S1,...,S8. It shows how the tendon is doing over weeks." FOOT);
}

int tendo_ics_plan(char **out, size_t *out_len, const tendo_plan_day *days, int n, const tendo_profile *p,
                   const tendo_schedule *sc, const tendo_ics_options *o)
{
	*out = NULL;
	if (out_len)
		*out_len = 0;
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
	ics c = { .p = p, .o = o };
	char key[128];
	char start[TENDO_DATE_BUFSZ];
	snprintf(key, sizeof(key), "%s|%s|", tendo_date_format(p->start, start), tendo_side_name(p->side));
	snprintf(c.athlete, sizeof(c.athlete), "%08x", (unsigned)fnv1a(fnv1a(2166136261u, key), p->name));
	c.stamp = icaltime_from_timet_with_zone(o->stamp, 0, icaltimezone_get_utc_timezone());

	icalcomponent *vtz = NULL;
	if (strcmp(p->tz, "UTC") != 0 && strcmp(p->tz, "Etc/UTC") != 0) {
		icaltimezone *z = icaltimezone_get_builtin_timezone(p->tz);
		icalcomponent *zc = z ? icaltimezone_get_component(z) : NULL;
		if (!zc)
			return tendo_error_set(TENDO_EINVAL, "calendar: libical does not know the time zone '%s'", p->tz);
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
	for (int i = 0; i < n; i++)
		day_events(&c, &days[i], sc, &care);

	char *text = icalcomponent_as_ical_string_r(c.cal);
	icalcomponent_free(c.cal);
	if (!text)
		return tendo_error_set(TENDO_ENOMEM, "calendar: out of memory");
	size_t len = strlen(text);
	*out = tendo_malloc(len + 1);
	if (!*out) {
		free(text);
		return tendo_error_set(TENDO_ENOMEM, "calendar: out of memory");
	}
	memcpy(*out, text, len + 1);
	free(text);
	if (out_len)
		*out_len = len;
	return 0;
}
