/*
 * test_ics.c - the plan as iCalendar (tendo/ics.h), read back with libical's
 * own parser: one VEVENT per planned session with the right local start,
 * the zone's VTIMEZONE, UIDs unique and stable across exports, reminders
 * only when asked, UTC profiles without a VTIMEZONE, bad input refused.
 * tests/cli/plan.sh reads the same output with a second parser
 * (python3-icalendar).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libical/ical.h>

#include <tendo/ics.h>

#include "fixtures.h"

typedef struct {
	int events, runs, rehab, visa, care, alarms, timed_in_zone, timed_utc;
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
		}
		if (icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT))
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
	assert_int_equal(t.alarms, s.events - s.visa); /* timed events only */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(london_week),
		cmocka_unit_test(utc_and_bad_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
