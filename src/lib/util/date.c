/*
 * date.c - civil day numbers and the athlete's time zone (tendo/date.h).
 *
 * Day numbers use Howard Hinnant's days_from_civil algorithm, exact for the
 * proleptic Gregorian calendar. Zone conversions go through the C library's
 * tz database by setting TZ for the duration of the call, under one lock so
 * that threads (tendo serve's workers) never see each other's zone.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <tendo/date.h>
#include <tendo/errors.h>

tendo_date tendo_date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const int yoe = y - era * 400;
	const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (tendo_date)(era * 146097 + doe - 719468);
}

void tendo_date_to_ymd(tendo_date date, int *y, int *m, int *d)
{
	int z = date + 719468;
	const int era = (z >= 0 ? z : z - 146096) / 146097;
	const int doe = z - era * 146097;
	const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const int mp = (5 * doy + 2) / 153;
	const int dd = doy - (153 * mp + 2) / 5 + 1;
	const int mm = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

static int days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

int tendo_date_parse(tendo_date *out, const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return tendo_error_set(TENDO_EFORMAT, "'%s' is not a date (YYYY-MM-DD)", s ? s : "");
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7)
			continue;
		if (!isdigit((unsigned char)s[i]))
			return tendo_error_set(TENDO_EFORMAT, "'%s' is not a date (YYYY-MM-DD)", s);
	}
	/* the digits are checked: read them directly (the loader parses every row's date) */
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < TENDO_YEAR_MIN || y > TENDO_YEAR_MAX || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return tendo_error_set(TENDO_EINVAL, "'%s' is not a real date", s);
	*out = tendo_date_from_ymd(y, m, d);
	return 0;
}

char *tendo_date_format(tendo_date date, char buf[TENDO_DATE_BUFSZ])
{
	int y, m, d;
	tendo_date_to_ymd(date, &y, &m, &d);
	/* to_ymd always gives a month 1-12 and a day 1-31; saying so here also tells the
	 * compiler that "YYYY-MM-DD" fits the buffer (-Wformat-truncation at -O2) */
	if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		snprintf(buf, TENDO_DATE_BUFSZ, "0000-00-00");
	else
		snprintf(buf, TENDO_DATE_BUFSZ, "%04d-%02d-%02d", y, m, d);
	return buf;
}

bool tendo_date_in_range(tendo_date date)
{
	return date != TENDO_DATE_NONE && date >= tendo_date_from_ymd(TENDO_YEAR_MIN, 1, 1) &&
	       date <= tendo_date_from_ymd(TENDO_YEAR_MAX, 12, 31);
}

int tendo_date_weekday(tendo_date date)
{
	/* 1970-01-01 was a Thursday (3 with Monday = 0). */
	int w = (int)((date + 3) % 7);
	return w < 0 ? w + 7 : w;
}

bool tendo_tz_valid(const char *tz)
{
	if (!tz || !*tz)
		return false;
	if (strcmp(tz, "UTC") == 0)
		return true;
	if (tz[0] == '/' || strstr(tz, "..") || strlen(tz) > 60)
		return false;
	for (const char *p = tz; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("/_-+", *p))
			return false;
	char path[128];
	snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", tz);
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The caller's TZ, saved while we run with the athlete's. */
typedef struct {
	bool had;        /* TZ was set */
	char value[256]; /* its value (a longer one is restored as unset) */
} tz_saved;

/* Held from tz_push() to tz_pop(): TZ is the process's, one zone at a time. */
static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;

/* Run with TZ set to tz; tz_pop() restores the previous value. */
static void tz_push(tz_saved *sv, const char *tz)
{
	pthread_mutex_lock(&tz_lock);
	const char *old = getenv("TZ");
	sv->had = old && strlen(old) < sizeof(sv->value);
	if (sv->had)
		memcpy(sv->value, old, strlen(old) + 1);
	setenv("TZ", (tz && *tz) ? tz : "UTC", 1);
	tzset();
}

static void tz_pop(const tz_saved *sv)
{
	if (sv->had)
		setenv("TZ", sv->value, 1);
	else
		unsetenv("TZ");
	tzset();
	pthread_mutex_unlock(&tz_lock);
}

tendo_date tendo_date_of_instant(time_t t, const char *tz)
{
	tz_saved sv;
	tz_push(&sv, tz);
	struct tm tm;
	localtime_r(&t, &tm);
	tz_pop(&sv);
	return tendo_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int tendo_time_of_instant(time_t t, const char *tz)
{
	tz_saved sv;
	tz_push(&sv, tz);
	struct tm tm;
	localtime_r(&t, &tm);
	tz_pop(&sv);
	return tm.tm_hour * 60 + tm.tm_min;
}

time_t tendo_date_noon_utc(tendo_date date, const char *tz)
{
	int y, m, d;
	tendo_date_to_ymd(date, &y, &m, &d);
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12, .tm_isdst = -1 };
	tz_saved sv;
	tz_push(&sv, tz);
	time_t t = mktime(&tm);
	tz_pop(&sv);
	return t;
}

char *tendo_instant_format(time_t t, char buf[21])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}
