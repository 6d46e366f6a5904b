/*
 * schedule.c - training days and preferred times (tendo/schedule.h):
 * defaults, parsing and formatting of "mon,wed,fri" and "HH:MM".
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <tendo/errors.h>
#include <tendo/schedule.h>

static const char *const day_names[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

void tendo_schedule_default(tendo_schedule *out)
{
	out->days = TENDO_DAYS_ALL;
	out->run_time = 17 * 60;
	out->rehab_time = 16 * 60; /* ends about 17:00: 24 h before the next day's 17:00 run (PROTOCOL.md 10.8) */
}

int tendo_schedule_parse_days(unsigned *out, const char *s)
{
	if (strcasecmp(s, "all") == 0) {
		*out = TENDO_DAYS_ALL;
		return 0;
	}
	unsigned days = 0;
	const char *p = s;
	for (;;) {
		size_t len = strcspn(p, ",");
		int k = -1;
		for (int i = 0; i < 7 && len == 3; i++)
			if (strncasecmp(p, day_names[i], 3) == 0)
				k = i;
		if (k < 0)
			return tendo_error_set(TENDO_EINVAL, "unknown day '%.*s': use mon,tue,wed,thu,fri,sat,sun or all",
			                       (int)(len > 20 ? 20 : len), p);
		if (days & (1u << k))
			return tendo_error_set(TENDO_EINVAL, "day '%s' is given twice", day_names[k]);
		days |= 1u << k;
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	*out = days;
	return 0;
}

char *tendo_schedule_format_days(unsigned days, char buf[TENDO_DAYS_BUFSZ])
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < 7; i++)
		if (days & (1u << i))
			len += (size_t)snprintf(buf + len, TENDO_DAYS_BUFSZ - len, "%s%s", len ? "," : "", day_names[i]);
	return buf;
}

int tendo_schedule_parse_time(int *out, const char *s)
{
	if (strlen(s) != 5 || !isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) || s[2] != ':' ||
	    !isdigit((unsigned char)s[3]) || !isdigit((unsigned char)s[4]))
		return tendo_error_set(TENDO_EINVAL, "a time of day is HH:MM, e.g. 17:30 (got '%s')", s);
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 23 || m > 59)
		return tendo_error_set(TENDO_EINVAL, "a time of day must be 00:00-23:59 (got '%s')", s);
	*out = h * 60 + m;
	return 0;
}

char *tendo_schedule_format_time(int minutes, char buf[6])
{
	if (minutes < 0 || minutes > 1439)
		minutes = 0;
	snprintf(buf, 6, "%02d:%02d", minutes / 60, minutes % 60);
	return buf;
}

bool tendo_schedule_has_day(const tendo_schedule *s, tendo_date date)
{
	return (s->days >> tendo_date_weekday(date)) & 1u;
}
