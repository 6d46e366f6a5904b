/*
 * logkinds.c - the log forms of every kind but pain (run, rehab, cross,
 * test, flag, sitting, aggravator, visa), their POST /api/log/<kind>, and
 * "done" on Today (POST /today/done, POST /api/done).
 *
 * Each kind is a table of fields named as the library's struct fields
 * (pain_during, hold_s ...), so a message of tendo/validate.h ("pain_during
 * must be 0-10 (got 11)") lands next to the field it names; "time" stands
 * for time_min (HH:MM) and item1-item8 for the VISA-H items. A form and a
 * JSON body become the same strings, read by one parser per kind, checked
 * by the library's tendo_check_*() and written by its tendo_store_add_*()
 * in one transaction (begin, add, the programme's start moved back if
 * needed, commit), as `tendo log` does. Done is done_log()
 * (src/shapes/done.c), the work of `tendo done`.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../shapes/done.h"
#include "../shapes/shapes.h"
#include "server_int.h"

#define HTML "text/html; charset=utf-8"
#define NF 14 /* fields of a kind, at most */

/* F_KM and F_KG: a distance and a weight, typed on a form in the athlete's
 * units (miles, pounds with profile --units imperial; the label's "{unit}"
 * names it) and stored in km and kg; the JSON API is metric, as --json. */
typedef enum { F_INT, F_NUM, F_SEL, F_CHECK, F_TIME, F_DATE, F_EXERCISE, F_KM, F_KG } ftype;

typedef struct {
	const char *name;    /* form and JSON name: the struct field's */
	const char *label;
	ftype t;
	double lo, hi;       /* F_INT, F_NUM; F_KM and F_KG in km and kg */
	const char *(*names)(void); /* F_SEL: "a|b|c" */
	const char *def;     /* a select's default, or NULL (then "not noted" is offered) */
	bool required;
} fdef;

typedef union {
	tendo_run run;
	tendo_rehab rehab;
	tendo_cross cross;
	tendo_test test;
	tendo_flag flag;
	tendo_sitting sit;
	tendo_visa visa;
} entry;

/* One submission: the values (strings, NULL = not given), and after
 * parsing the entry, or the message and the field it names. */
typedef struct kdef kdef;
typedef struct {
	const kdef *k;
	const char *v[NF];
	char msg[400];
	char field[32];
	entry e;
	tendo_date date;
	char what[160];
	bool form;     /* from an HTML form: F_KM and F_KG in the athlete's units */
	bool imperial; /* with form: those units are miles and pounds */
} sub;

struct kdef {
	const char *kind;   /* path part */
	const char *title;  /* "Log a run" */
	const char *intro;  /* a sentence under the title, or NULL */
	fdef f[NF];
	int (*parse)(sub *s, const srv_athlete *a); /* 0, or -1 with s->msg */
	int (*check)(const entry *e);
	int (*add)(tendo_store *st, const entry *e, time_t at, int64_t *id);
};

/* ------------------------------------------------------- value parsing */

static int fidx(const sub *s, const char *name)
{
	for (int k = 0; k < NF && s->k->f[k].name; k++)
		if (strcmp(s->k->f[k].name, name) == 0)
			return k;
	return -1;
}

static const char *val(const sub *s, const char *name)
{
	int k = fidx(s, name);
	const char *v = k >= 0 ? s->v[k] : NULL;
	return v && v[0] ? v : NULL;
}

/* The message "<field><rest> (got '<got>')". */
static int fail(sub *s, const char *field, const char *rest, const char *got)
{
	snprintf(s->field, sizeof(s->field), "%s", field);
	char m[300];
	snprintf(m, sizeof(m), "%s%s", field, rest);
	if (got)
		snprintf(s->msg, sizeof(s->msg), "%s (got '%.40s')", m, got);
	else
		snprintf(s->msg, sizeof(s->msg), "%s", m);
	return -1;
}

/* A number field: *out keeps its default when empty (an error if required). */
static int num(sub *s, const char *name, double *out)
{
	int k = fidx(s, name);
	const fdef *f = &s->k->f[k];
	const char *v = val(s, name);
	if (!v)
		return f->required ? fail(s, name, " is required", NULL) : 0;
	char *end;
	double d = strtod(v, &end);
	if (end == v || *end || !isfinite(d) || strlen(v) > 20 || d < 0) /* -1 is "not given" inside */
		return fail(s, name, " must be a number, 0 or more", v);
	if (s->imperial && f->t == F_KM)
		d = shape_km_from_user(true, d);
	else if (s->imperial && f->t == F_KG)
		d = shape_kg_from_user(true, d);
	*out = d; /* the range is the library's to check */
	return 0;
}

static int whole(sub *s, const char *name, int *out)
{
	const char *v = val(s, name);
	if (!v)
		return s->k->f[fidx(s, name)].required ? fail(s, name, " is required", NULL) : 0;
	if (strlen(v) > 7 || strspn(v, "0123456789") != strlen(v)) /* no sign: -1 is "not given" inside */
		return fail(s, name, " must be a whole number, 0 or more", v);
	*out = atoi(v);
	return 0;
}

static bool check(const sub *s, const char *name)
{
	const char *v = val(s, name);
	return v && strcmp(v, "0") != 0 && strcmp(v, "false") != 0;
}

static int tod(sub *s, int *out)
{
	const char *v = val(s, "time");
	*out = TENDO_TOD_NONE;
	if (v && tendo_schedule_parse_time(out, v))
		return fail(s, "time", " must be a time of day HH:MM, 00:00-23:59", v);
	return 0;
}

static int day(sub *s, const srv_athlete *a)
{
	const char *v = val(s, "date");
	s->date = a->today;
	if (!v)
		return 0;
	if (tendo_date_parse(&s->date, v))
		return fail(s, "date", " must be a day YYYY-MM-DD", v);
	if (s->date > a->today)
		return fail(s, "date", " must be today or earlier", v);
	return 0;
}

/* A select: *out from the name parsed by parse_fn; the default when empty. */
#define SEL(s, name, type, parse_fn, out)                                                                              \
	do {                                                                                                                 \
		const char *v_ = val(s, name);                                                                                   \
		if (!v_ && s->k->f[fidx(s, name)].required)                                                                      \
			return fail(s, name, " is required", NULL);                                                                \
		if (v_ && parse_fn(out, v_)) {                                                                                   \
			char m_[200];                                                                                                \
			snprintf(m_, sizeof(m_), " must be %s", s->k->f[fidx(s, name)].names());                               \
			return fail(s, name, m_, v_);                                                                                \
		}                                                                                                                \
	} while (0)

/* ----------------------------------------------------------- the kinds */

static int parse_run(sub *s, const srv_athlete *a)
{
	tendo_run *e = &s->e.run;
	*e = (tendo_run){ .km = -1, .rpe = -1, .pain_during = -1, .pain_after = -1, .time_min = TENDO_TOD_NONE };
	if (num(s, "minutes", &e->minutes) || num(s, "km", &e->km))
		return -1;
	SEL(s, "terrain", tendo_terrain, tendo_terrain_parse, &e->terrain);
	SEL(s, "intent", tendo_intent, tendo_intent_parse, &e->intent);
	e->walk_breaks = check(s, "walk_breaks");
	e->sharp = check(s, "sharp");
	if (whole(s, "rpe", &e->rpe) || whole(s, "pain_during", &e->pain_during) || whole(s, "pain_after", &e->pain_after) ||
	    tod(s, &e->time_min) || day(s, a))
		return -1;
	e->date = s->date;
	snprintf(s->what, sizeof(s->what), "run %g min%s", e->minutes, e->sharp ? " with sharp pain" : "");
	return 0;
}

static const char *side_names(void)
{
	return tendo_side_names();
}

static int parse_rehab(sub *s, const srv_athlete *a)
{
	tendo_rehab *e = &s->e.rehab;
	*e = (tendo_rehab){ .sets = -1, .reps = -1, .hold_s = -1, .kg = -1, .side = TENDO_SIDE_BOTH, .rpe = -1,
		.pain_during = -1, .time_min = TENDO_TOD_NONE };
	const char *name = val(s, "exercise");
	if (!name)
		return fail(s, "exercise", " is required: one from the library", NULL);
	const tendo_exercise *ex = tendo_exercise_find(name);
	const char *stage = val(s, "stage"), *exkind = val(s, "ex_kind");
	if (!ex && (stage || exkind)) { /* a custom exercise (the API) */
		tendo_stage st;
		tendo_ex_kind k;
		if (!stage || tendo_stage_parse(&st, stage))
			return fail(s, "stage", " must be settle|strength|return_to_run|full_load for a custom exercise", stage);
		if (!exkind || tendo_ex_kind_parse(&k, exkind))
			return fail(s, "ex_kind", " must be isometric|isotonic|plyometric for a custom exercise", exkind);
		e->custom = true;
		e->custom_stage = (int)st;
		e->custom_kind = (int)k;
	}
	snprintf(e->exercise, sizeof(e->exercise), "%s", ex ? ex->name : name);
	if (strlen(name) >= sizeof(e->exercise))
		return fail(s, "exercise", " must be a name of at most 63 bytes", NULL);
	if (whole(s, "sets", &e->sets) || whole(s, "reps", &e->reps) || whole(s, "hold_s", &e->hold_s) ||
	    num(s, "kg", &e->kg))
		return -1;
	SEL(s, "side", tendo_side, tendo_side_parse, &e->side);
	e->sharp = check(s, "sharp");
	if (whole(s, "rpe", &e->rpe) || whole(s, "pain_during", &e->pain_during) || tod(s, &e->time_min) || day(s, a))
		return -1;
	e->date = s->date;
	if (e->reps > 0)
		snprintf(s->what, sizeof(s->what), "%s %d x %d%s", e->exercise, e->sets, e->reps, e->kg > 0 ? " with load" : "");
	else
		snprintf(s->what, sizeof(s->what), "%s %d x %d s", e->exercise, e->sets, e->hold_s);
	return 0;
}

static const char *cross_names(void)
{
	return "stairs|swim|cycle|elliptical|row|walk"; /* the ones typed (not "other", an import's) */
}

static int parse_cross(sub *s, const srv_athlete *a)
{
	tendo_cross *e = &s->e.cross;
	*e = (tendo_cross){ .pain_during = -1, .time_min = TENDO_TOD_NONE };
	SEL(s, "kind", tendo_cross_kind, tendo_cross_kind_parse, &e->kind);
	if (num(s, "minutes", &e->minutes))
		return -1;
	e->sharp = check(s, "sharp");
	if (whole(s, "pain_during", &e->pain_during) || tod(s, &e->time_min) || day(s, a))
		return -1;
	e->date = s->date;
	snprintf(s->what, sizeof(s->what), "%s %g min%s", tendo_cross_kind_name(e->kind), e->minutes,
	         e->sharp ? " with sharp pain" : "");
	return 0;
}

static int parse_test(sub *s, const srv_athlete *a)
{
	tendo_test *e = &s->e.test;
	*e = (tendo_test){ .drop_lunge_pain = -1, .bridge_left = -1, .bridge_right = -1, .curl_left = -1,
		.curl_right = -1, .rest_pain = -1, .time_min = TENDO_TOD_NONE };
	if (whole(s, "drop_lunge_pain", &e->drop_lunge_pain) || whole(s, "bridge_left", &e->bridge_left) ||
	    whole(s, "bridge_right", &e->bridge_right) || num(s, "curl_left", &e->curl_left) ||
	    num(s, "curl_right", &e->curl_right) || whole(s, "rest_pain", &e->rest_pain) || tod(s, &e->time_min) ||
	    day(s, a))
		return -1;
	e->date = s->date;
	snprintf(s->what, sizeof(s->what), "readiness test");
	return 0;
}

static const char *flag_names(void)
{
	return tendo_flag_kind_names();
}

static int parse_flag(sub *s, const srv_athlete *a)
{
	tendo_flag *e = &s->e.flag;
	*e = (tendo_flag){ 0 };
	SEL(s, "kind", tendo_flag_kind, tendo_flag_kind_parse, &e->kind);
	if (day(s, a))
		return -1;
	e->date = s->date;
	snprintf(s->what, sizeof(s->what), e->kind == TENDO_FLAG_CLEARED ? "clearance by a clinician" : "red flag: %s",
	         tendo_flag_kind_name(e->kind));
	return 0;
}

static const char *agg_names(void)
{
	return tendo_aggravator_kind_names();
}

static int parse_agg(sub *s, const srv_athlete *a)
{
	tendo_sitting *e = &s->e.sit;
	*e = (tendo_sitting){ .hours = -1, .kind = TENDO_AGG_SITTING };
	if (fidx(s, "kind") >= 0)
		SEL(s, "kind", tendo_aggravator_kind, tendo_aggravator_kind_parse, &e->kind);
	if (num(s, "hours", &e->hours) || day(s, a))
		return -1;
	e->date = s->date;
	if (e->hours >= 0)
		snprintf(s->what, sizeof(s->what), "%s %g h", tendo_aggravator_kind_name(e->kind), e->hours);
	else
		snprintf(s->what, sizeof(s->what), "%s", tendo_aggravator_kind_name(e->kind));
	return 0;
}

static const char *item7_names(void)
{
	return "0|4|7|10";
}

static int parse_visa(sub *s, const srv_athlete *a)
{
	tendo_visa *e = &s->e.visa;
	*e = (tendo_visa){ 0 };
	e->total = 0;
	for (int i = 0; i < TENDO_VISA_ITEMS; i++) {
		char n[8];
		snprintf(n, sizeof(n), "item%d", i + 1);
		if (whole(s, n, &e->items[i]))
			return -1;
		e->total += e->items[i];
	}
	if (day(s, a))
		return -1;
	e->date = s->date;
	snprintf(s->what, sizeof(s->what), "VISA-H %d/100", e->total);
	return 0;
}

static int ck_run(const entry *e) { return tendo_check_run(&e->run); }
static int ck_rehab(const entry *e) { return tendo_check_rehab(&e->rehab); }
static int ck_cross(const entry *e) { return tendo_check_cross(&e->cross); }
static int ck_test(const entry *e) { return tendo_check_test(&e->test); }
static int ck_flag(const entry *e) { return tendo_check_flag(&e->flag); }
static int ck_sit(const entry *e) { return tendo_check_sitting(&e->sit); }
static int ck_visa(const entry *e) { return tendo_check_visa(&e->visa); }
static int ad_run(tendo_store *st, const entry *e, time_t at, int64_t *id) { return tendo_store_add_run(st, &e->run, at, id); }
static int ad_rehab(tendo_store *st, const entry *e, time_t at, int64_t *id) { return tendo_store_add_rehab(st, &e->rehab, at, id); }
static int ad_cross(tendo_store *st, const entry *e, time_t at, int64_t *id) { return tendo_store_add_cross(st, &e->cross, at, id); }
static int ad_test(tendo_store *st, const entry *e, time_t at, int64_t *id) { return tendo_store_add_test(st, &e->test, at, id); }
static int ad_flag(tendo_store *st, const entry *e, time_t at, int64_t *id) { return tendo_store_add_flag(st, &e->flag, at, id); }
static int ad_sit(tendo_store *st, const entry *e, time_t at, int64_t *id) { return tendo_store_add_sitting(st, &e->sit, at, id); }
static int ad_visa(tendo_store *st, const entry *e, time_t at, int64_t *id) { return tendo_store_add_visa(st, &e->visa, at, id); }

#define SCORE(n, l) { n, l, F_INT, 0, TENDO_SCORE_MAX, NULL, NULL, false }
#define TIME_F { "time", "Start time (optional)", F_TIME, 0, 0, NULL, NULL, false }
#define DATE_F { "date", "Date (default today)", F_DATE, 0, 0, NULL, NULL, false }
#define SHARP_F { "sharp", "there was sharp pain", F_CHECK, 0, 0, NULL, NULL, false }
#define ITEM(n, l, hi) { n, l, F_INT, 0, hi, NULL, NULL, true }

static const kdef kinds[] = {
	{ "run", "Log a run", NULL,
	  { { "minutes", "Minutes", F_NUM, TENDO_MINUTES_MIN, TENDO_MINUTES_MAX, NULL, NULL, true },
	    { "km", "Distance, {unit} (optional)", F_KM, 0, TENDO_KM_MAX, NULL, NULL, false },
	    { "terrain", "Terrain", F_SEL, 0, 0, tendo_terrain_names, "flat", false },
	    { "intent", "Intent", F_SEL, 0, 0, tendo_intent_names, "easy", false },
	    { "walk_breaks", "with walk breaks (run/walk)", F_CHECK, 0, 0, NULL, NULL, false },
	    SCORE("rpe", "How hard it felt, RPE 0-10 (optional)"), SCORE("pain_during", "Worst pain during, 0-10 (optional)"),
	    SCORE("pain_after", "Pain after, same day, 0-10 (optional)"), SHARP_F, TIME_F, DATE_F },
	  parse_run, ck_run, ad_run },
	{ "rehab", "Log a rehab exercise", "One exercise of a session; give reps, or a hold in seconds.",
	  { { "exercise", "Exercise", F_EXERCISE, 0, 0, NULL, NULL, true },
	    { "sets", "Sets", F_INT, 1, TENDO_SETS_MAX, NULL, NULL, true },
	    { "reps", "Reps per set (or leave empty for a hold)", F_INT, 1, TENDO_REPS_MAX, NULL, NULL, false },
	    { "hold_s", "Hold per set, seconds (or leave empty for reps)", F_INT, 1, TENDO_HOLD_S_MAX, NULL, NULL, false },
	    { "kg", "Load, {unit} (empty: body weight)", F_KG, 0, TENDO_KG_MAX, NULL, NULL, false },
	    { "side", "Side", F_SEL, 0, 0, side_names, "both", false },
	    SCORE("rpe", "How hard it felt, RPE 0-10 (optional)"), SCORE("pain_during", "Worst pain during, 0-10 (optional)"),
	    SHARP_F, TIME_F, DATE_F },
	  parse_rehab, ck_rehab, ad_rehab },
	{ "cross", "Log cross-training", NULL,
	  { { "kind", "Kind", F_SEL, 0, 0, cross_names, NULL, true },
	    { "minutes", "Minutes", F_NUM, TENDO_MINUTES_MIN, TENDO_MINUTES_MAX, NULL, NULL, true },
	    SCORE("pain_during", "Worst pain during, 0-10 (optional)"), SHARP_F, TIME_F, DATE_F },
	  parse_cross, ck_cross, ad_cross },
	{ "test", "Log a readiness test", "Give at least one result; bridges and curls as left and right pairs.",
	  { SCORE("drop_lunge_pain", "Drop lunge pain, painful leg in front, 0-10"),
	    { "bridge_left", "Single-leg bridge reps, left", F_INT, 0, TENDO_BRIDGE_REPS_MAX, NULL, NULL, false },
	    { "bridge_right", "Single-leg bridge reps, right", F_INT, 0, TENDO_BRIDGE_REPS_MAX, NULL, NULL, false },
	    { "curl_left", "Prone curl 10-rep max, left, {unit}", F_KG, 0, TENDO_CURL_KG_MAX, NULL, NULL, false },
	    { "curl_right", "Prone curl 10-rep max, right, {unit}", F_KG, 0, TENDO_CURL_KG_MAX, NULL, NULL, false },
	    SCORE("rest_pain", "Pain at rest, 0-10"), TIME_F, DATE_F },
	  parse_test, ck_test, ad_test },
	{ "flag", "Log a red flag", "A red flag stops tendo prescribing loading until a clinician has cleared you "
	  "(then log \"cleared\"). See a clinician.",
	  { { "kind", "What happened", F_SEL, 0, 0, flag_names, NULL, true }, DATE_F },
	  parse_flag, ck_flag, ad_flag },
	{ "sitting", "Log sitting", NULL,
	  { { "hours", "Hours sat in one go, 0-24", F_NUM, 0, TENDO_HOURS_MAX, NULL, NULL, true }, DATE_F },
	  parse_agg, ck_sit, ad_sit },
	{ "aggravator", "Log an aggravator", "Long sitting or driving (with hours), hamstring stretching, heavy lifting "
	  "into hip flexion.",
	  { { "kind", "Kind", F_SEL, 0, 0, agg_names, NULL, true },
	    { "hours", "Hours in one go, 0-24 (sitting and driving only)", F_NUM, 0, TENDO_HOURS_MAX, NULL, NULL, false },
	    DATE_F },
	  parse_agg, ck_sit, ad_sit },
	{ "visa", "Log a VISA-H questionnaire", "Score each item of the VISA-H questionnaire as on its form (total "
	  "0-100, higher is better; every 2-4 weeks).",
	  { ITEM("item1", "Item 1 (0-10)", 10), ITEM("item2", "Item 2 (0-10)", 10), ITEM("item3", "Item 3 (0-10)", 10),
	    ITEM("item4", "Item 4 (0-10)", 10), ITEM("item5", "Item 5 (0-10)", 10), ITEM("item6", "Item 6 (0-10)", 10),
	    { "item7", "Item 7 (0, 4, 7 or 10)", F_SEL, 0, 0, item7_names, NULL, true },
	    ITEM("item8", "Item 8 (0-30)", 30), DATE_F },
	  parse_visa, ck_visa, ad_visa },
};
#define N_KINDS (sizeof(kinds) / sizeof(kinds[0]))

static const kdef *kind_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	for (size_t k = 0; slash && k < N_KINDS; k++)
		if (strcmp(kinds[k].kind, slash + 1) == 0)
			return &kinds[k];
	return NULL;
}

/* The field a library message names, in the form's names. */
static void message_field(const char *msg, char *out, size_t outsz)
{
	int item;
	if (sscanf(msg, "VISA-H item %d", &item) == 1) {
		snprintf(out, outsz, "item%d", item);
		return;
	}
	srv_message_field(msg, out, outsz);
	if (strcmp(out, "time_min") == 0)
		snprintf(out, outsz, "time");
}

/* Parse, check and write s: 0 and *id; 1 with s->msg (a value: 400); or a
 * negative library code (not a value's fault). */
static int submit(srv_req *q, sub *s, int64_t *id)
{
	srv_athlete a;
	int rc = srv_athlete_get(q, &a);
	if (rc)
		return rc;
	s->imperial = s->form && srv_imperial(&a);
	if (s->k->parse(s, &a))
		return 1;
	rc = s->k->check(&s->e);
	if (rc == 0 && (rc = tendo_store_begin(q->store)) == 0) {
		time_t at = s->date == a.today ? time(NULL) : tendo_date_noon_utc(s->date, a.profile.tz);
		rc = s->k->add(q->store, &s->e, at, id);
		if (rc == 0 && s->date < a.profile.start)
			rc = tendo_store_set_start(q->store, s->date);
		if (rc == 0)
			rc = tendo_store_commit(q->store);
		if (rc)
			tendo_store_rollback(q->store);
	}
	if (rc == TENDO_EINVAL) {
		snprintf(s->msg, sizeof(s->msg), "%s", tendo_error_last());
		message_field(s->msg, s->field, sizeof(s->field));
		int f = fidx(s, s->field);
		if (f < 0) {
			s->field[0] = '\0';
		} else if (s->imperial && (s->k->f[f].t == F_KM || s->k->f[f].t == F_KG)) {
			/* the library's range is in km or kg: say it in the unit typed */
			const fdef *fd = &s->k->f[f];
			bool km = fd->t == F_KM;
			snprintf(s->msg, sizeof(s->msg), "%s must be %g-%g %s (got '%.40s')", fd->name,
			         km ? shape_km_to_user(true, fd->lo) : shape_kg_to_user(true, fd->lo),
			         floor(km ? shape_km_to_user(true, fd->hi) : shape_kg_to_user(true, fd->hi)),
			         km ? shape_dist_unit(true) : shape_load_unit(true), s->v[f] ? s->v[f] : "");
		}
		return 1;
	}
	return rc;
}

/* ---------------------------------------------------------------- HTML */

static void esc(tendo_buf *b, const char *s)
{
	tendo_buf_put_xml(b, s);
}

static void options(tendo_buf *b, const char *names, const char *cur)
{
	const char *p = names;
	while (*p) {
		size_t n = strcspn(p, "|");
		char o[64];
		snprintf(o, sizeof(o), "%.*s", (int)n, p);
		tendo_buf_puts(b, "<option value=\"");
		esc(b, o);
		tendo_buf_puts(b, "\"");
		if (cur && strcmp(cur, o) == 0)
			tendo_buf_puts(b, " selected");
		tendo_buf_puts(b, ">");
		for (char *c = o; *c; c++)
			if (*c == '_')
				*c = ' ';
		esc(b, o);
		tendo_buf_puts(b, "</option>");
		p += n + (p[n] == '|');
	}
}

/* One field of a form table: its label, the message next to it when it is
 * the one the message names (bad), and its control with value v. */
/* A field's label: F_KM and F_KG name the unit the form takes. */
static const char *label_of(const fdef *f, bool imperial, char *buf, size_t sz)
{
	const char *at = strstr(f->label, "{unit}");
	const char *unit = f->t == F_KM ? shape_dist_unit(imperial) : shape_load_unit(imperial);
	if ((f->t == F_KM || f->t == F_KG) && at)
		snprintf(buf, sz, "%.*s%s%s", (int)(at - f->label), f->label, unit, at + 6);
	else
		snprintf(buf, sz, "%s", f->label);
	return buf;
}

static void field_html(tendo_buf *b, const fdef *f, const char *v, bool bad, const char *msg, bool imperial)
{
	char label[160];
	label_of(f, imperial, label, sizeof(label));
	if (f->t == F_CHECK) {
		tendo_buf_printf(b, "<label class=\"check\"><input type=\"checkbox\" name=\"%s\" value=\"1\"%s%s", f->name,
		                 v[0] && strcmp(v, "0") ? " checked" : "",
		                 bad ? " aria-invalid=\"true\"" : "");
		if (bad)
			tendo_buf_printf(b, " aria-describedby=\"%s-err\"", f->name);
		tendo_buf_puts(b, "> ");
		esc(b, label);
		tendo_buf_puts(b, "</label>");
	} else {
		tendo_buf_printf(b, "<label for=\"f-%s\">", f->name);
		esc(b, label);
		tendo_buf_puts(b, "</label>");
	}
	if (bad) {
		tendo_buf_printf(b, "<p class=\"err\" id=\"%s-err\" role=\"alert\">", f->name);
		esc(b, msg);
		tendo_buf_puts(b, "</p>");
	}
	if (f->t == F_CHECK)
		return;
	char attrs[160];
	snprintf(attrs, sizeof(attrs), " id=\"f-%s\" name=\"%s\"%s%s", f->name, f->name, f->required ? " required" : "",
	         bad ? " aria-invalid=\"true\"" : "");
	if (f->t == F_SEL || f->t == F_EXERCISE) {
		tendo_buf_printf(b, "<select%s", attrs);
		if (bad)
			tendo_buf_printf(b, " aria-describedby=\"%s-err\"", f->name);
		tendo_buf_puts(b, ">");
		const char *cur = v[0] ? v : f->def;
		if (!f->def)
			tendo_buf_printf(b, "<option value=\"\">%s</option>", f->required ? "choose" : "not noted");
		if (f->t == F_SEL) {
			options(b, f->names(), cur);
		} else {
			size_t n;
			const tendo_exercise *ex = tendo_exercises(&n);
			for (size_t j = 0; j < n; j++) {
				tendo_buf_puts(b, "<option value=\"");
				esc(b, ex[j].name);
				tendo_buf_puts(b, "\"");
				if (cur && strcmp(cur, ex[j].name) == 0)
					tendo_buf_puts(b, " selected");
				tendo_buf_puts(b, ">");
				esc(b, ex[j].title ? ex[j].title : ex[j].name);
				tendo_buf_puts(b, "</option>");
			}
		}
		tendo_buf_puts(b, "</select>");
		return;
	}
	tendo_buf_printf(b, "<input%s", attrs);
	if (bad)
		tendo_buf_printf(b, " aria-describedby=\"%s-err\"", f->name);
	switch (f->t) {
	case F_INT:
		tendo_buf_printf(b, " type=\"number\" inputmode=\"numeric\" min=\"%g\" max=\"%g\" step=\"1\"", f->lo, f->hi);
		break;
	case F_NUM:
		tendo_buf_printf(b, " type=\"number\" inputmode=\"decimal\" min=\"%g\" max=\"%g\" step=\"any\"", f->lo, f->hi);
		break;
	case F_KM:
	case F_KG: /* the library's range in the unit typed, rounded down */
		tendo_buf_printf(b, " type=\"number\" inputmode=\"decimal\" min=\"%g\" max=\"%g\" step=\"any\"", f->lo,
		                 floor(f->t == F_KM ? shape_km_to_user(imperial, f->hi) : shape_kg_to_user(imperial, f->hi)));
		break;
	case F_TIME: tendo_buf_puts(b, " type=\"time\""); break;
	default: tendo_buf_puts(b, " type=\"date\""); break;
	}
	tendo_buf_puts(b, " value=\"");
	esc(b, v);
	tendo_buf_puts(b, "\">");
}

static void form_html(tendo_buf *b, srv_req *q, const sub *s)
{
	const kdef *k = s->k;
	page_head(b, k->title, true);
	tendo_buf_puts(b, "<h1>");
	esc(b, k->title);
	tendo_buf_puts(b, "</h1><p><a href=\"/log\">All the kinds of log</a></p>");
	if (k->intro) {
		tendo_buf_puts(b, "<p>");
		esc(b, k->intro);
		tendo_buf_puts(b, "</p>");
	}
	if (s->msg[0] && !s->field[0]) {
		tendo_buf_puts(b, "<p class=\"err\" role=\"alert\">");
		esc(b, s->msg);
		tendo_buf_puts(b, "</p>");
	}
	tendo_buf_printf(b, "<form method=\"post\" action=\"/log/%s\">", k->kind);
	page_csrf_field(b, q);
	for (int i = 0; i < NF && k->f[i].name; i++) {
		const fdef *f = &k->f[i];
		field_html(b, f, s->v[i] ? s->v[i] : "", s->msg[0] && strcmp(s->field, f->name) == 0, s->msg, s->imperial);
	}
	tendo_buf_puts(b, "<div class=\"form-actions\"><button type=\"submit\">Save</button></div></form>");
	page_foot(b);
}

void logkind_links(tendo_buf *b)
{
	tendo_buf_puts(b, "<h2>Log something else</h2><ul class=\"log kinds\">");
	for (size_t k = 0; k < N_KINDS; k++) {
		tendo_buf_printf(b, "<li><a href=\"/log/%s\">", kinds[k].kind);
		esc(b, kinds[k].title);
		tendo_buf_puts(b, "</a></li>");
	}
	tendo_buf_puts(b, "</ul>");
}

bool logkind_field_html(tendo_buf *b, const char *kind, const char *name, const char *value, const char *msg)
{
	for (size_t k = 0; k < N_KINDS; k++) {
		if (strcmp(kinds[k].kind, kind) != 0)
			continue;
		for (int i = 0; i < NF && kinds[k].f[i].name; i++)
			if (strcmp(kinds[k].f[i].name, name) == 0) {
				field_html(b, &kinds[k].f[i], value ? value : "", msg != NULL, msg ? msg : "", false);
				return true;
			}
	}
	return false;
}

static void html_lib_error(srv_reply *r, int rc)
{
	const char *msg = tendo_error_last()[0] ? tendo_error_last() : tendo_error_name(rc);
	page_error(r, rc == TENDO_EBUSY || rc == TENDO_ENOTFOUND ? 503 : 500, "Not saved", msg);
}

void page_logkind_get(srv_req *q, srv_reply *r)
{
	sub s = { .k = kind_of(q->path) };
	if (!s.k) {
		page_error(r, 404, "Not found", "there is no such page");
		return;
	}
	/* prefilled from the query ("done differently" on Today), in the
	 * athlete's units as the form takes them */
	for (int i = 0; i < NF && s.k->f[i].name; i++)
		s.v[i] = srv_query(q, s.k->f[i].name);
	srv_athlete a;
	s.form = true;
	s.imperial = srv_athlete_get(q, &a) == 0 && srv_imperial(&a);
	tendo_buf b;
	tendo_buf_init(&b);
	form_html(&b, q, &s);
	reply_buf(r, 200, HTML, &b);
}

void page_logkind_post(srv_req *q, srv_reply *r)
{
	sub s = { .k = kind_of(q->path), .form = true };
	srv_form f;
	if (!s.k || form_parse(&f, q->body, q->body_len)) {
		if (s.k)
			form_dispose(&f);
		page_error(r, 400, "Bad form", "the form could not be read");
		return;
	}
	for (int i = 0; i < NF && s.k->f[i].name; i++)
		s.v[i] = form_get(&f, s.k->f[i].name);
	int64_t id = 0;
	int rc = submit(q, &s, &id);
	if (rc == 1) {
		tendo_buf b;
		tendo_buf_init(&b);
		form_html(&b, q, &s);
		reply_buf(r, 400, HTML, &b);
	} else if (rc) {
		html_lib_error(r, rc);
	} else {
		reply_redirect(r, "/today");
	}
	form_dispose(&f);
}

/* ----------------------------------------------------------------- API */

static bool is_json_type(const char *ct)
{
	return ct && strncmp(ct, "application/json", 16) == 0 && (ct[16] == '\0' || ct[16] == ';');
}

/* The body as a JSON object (NULL: answered with the error). */
json_t *api_json_body(srv_req *q, srv_reply *r)
{
	if (!is_json_type(q->content_type)) {
		api_error(r, 415, "the body must be JSON (Content-Type: application/json)", NULL);
		return NULL;
	}
	json_error_t jerr;
	json_t *in = json_loadb(q->body, q->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (!in || !json_is_object(in)) {
		char msg[300];
		if (in)
			snprintf(msg, sizeof(msg), "the body must be a JSON object");
		else
			snprintf(msg, sizeof(msg), "the body is not JSON: %s (line %d, column %d)", jerr.text, jerr.line, jerr.column);
		json_decref(in);
		api_error(r, 400, msg, NULL);
		return NULL;
	}
	return in;
}

/* A member as the string a form would carry, into buf: a number, a string
 * (for names, times and dates), true/false; null is "not given". 0, or -1
 * for another type. */
static int member_text(json_t *v, ftype t, char *buf, size_t sz, const char **out)
{
	*out = NULL;
	if (json_is_null(v))
		return 0;
	if (json_is_boolean(v) && t == F_CHECK)
		snprintf(buf, sz, "%s", json_is_true(v) ? "1" : "0");
	else if (json_is_integer(v) && (t == F_INT || t == F_NUM || t == F_KM || t == F_KG || t == F_SEL))
		snprintf(buf, sz, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v) && (t == F_NUM || t == F_KM || t == F_KG))
		snprintf(buf, sz, "%.17g", json_real_value(v));
	else if (json_is_string(v) && (t == F_SEL || t == F_EXERCISE || t == F_TIME || t == F_DATE) &&
	         strlen(json_string_value(v)) == json_string_length(v))
		snprintf(buf, sz, "%s", json_string_value(v));
	else
		return -1;
	*out = buf;
	return 0;
}

static const char *type_word(ftype t)
{
	switch (t) {
	case F_INT: return "a whole number";
	case F_NUM:
	case F_KM:
	case F_KG: return "a number";
	case F_CHECK: return "true or false";
	case F_SEL: return "one of its names";
	case F_EXERCISE: return "an exercise's name";
	case F_TIME: return "a time \"HH:MM\"";
	default: return "a day \"YYYY-MM-DD\"";
	}
}

void api_logkind(srv_req *q, srv_reply *r)
{
	sub s = { .k = kind_of(q->path) };
	if (!s.k) {
		api_error(r, 404, "there is no such kind", NULL);
		return;
	}
	json_t *in = api_json_body(q, r);
	if (!in)
		return;
	char bufs[NF + 2][128];
	const char *key;
	json_t *v;
	bool rehab = strcmp(s.k->kind, "rehab") == 0;
	json_object_foreach(in, key, v) {
		int k = fidx(&s, key);
		if (k < 0 && rehab && (strcmp(key, "stage") == 0 || strcmp(key, "ex_kind") == 0))
			continue;
		if (k < 0) {
			char msg[200];
			snprintf(msg, sizeof(msg), "unknown field '%.40s' for %s (see docs/API.md)", key, s.k->kind);
			json_decref(in);
			api_error(r, 400, msg, NULL);
			return;
		}
		if (member_text(v, s.k->f[k].t, bufs[k], sizeof(bufs[k]), &s.v[k])) {
			char msg[200];
			snprintf(msg, sizeof(msg), "%s must be %s", key, type_word(s.k->f[k].t));
			api_error(r, 400, msg, key); /* key is in's: answer first */
			json_decref(in);
			return;
		}
	}
	/* a custom exercise's stage and kind ride in the last two slots */
	static const fdef extra[2] = { { "stage", "", F_SEL, 0, 0, NULL, NULL, false },
		                           { "ex_kind", "", F_SEL, 0, 0, NULL, NULL, false } };
	kdef k2;
	if (rehab) {
		k2 = *s.k;
		int n = 0;
		while (n < NF && k2.f[n].name)
			n++;
		for (int j = 0; j < 2 && n + j < NF; j++) {
			k2.f[n + j] = extra[j];
			json_t *m = json_object_get(in, extra[j].name);
			if (m && (!json_is_string(m) || strlen(json_string_value(m)) != json_string_length(m))) {
				json_decref(in);
				api_error(r, 400, j ? "ex_kind must be a string" : "stage must be a string", extra[j].name);
				return;
			}
			if (m) {
				snprintf(bufs[n + j], sizeof(bufs[n + j]), "%s", json_string_value(m));
				s.v[n + j] = bufs[n + j];
			}
		}
		s.k = &k2;
	}
	int64_t id = 0;
	int rc = submit(q, &s, &id);
	json_decref(in);
	if (rc == 1) {
		api_error(r, 400, s.msg, s.field);
		return;
	}
	if (rc) {
		api_lib_error(r, rc);
		return;
	}
	api_entry_created(q, r, id, s.date, s.k->kind, s.what);
}

/* ---------------------------------------------------------------- done */

/* The scores of a done (strings, NULL = not given) into ints: 0 or -1 with
 * msg and field. */
static int done_scores(const char *const v[3], int out[3], char *msg, size_t msz, char *field, size_t fsz)
{
	static const char *const names[3] = { "pain_during", "pain_after", "rpe" };
	for (int i = 0; i < 3; i++) {
		out[i] = -1;
		if (!v[i] || !v[i][0])
			continue;
		if (strlen(v[i]) > 3 || strspn(v[i], "0123456789") != strlen(v[i]) || atoi(v[i]) > TENDO_SCORE_MAX) {
			snprintf(msg, msz, "%s must be 0-%d (got '%.20s')", names[i], TENDO_SCORE_MAX, v[i]);
			snprintf(field, fsz, "%s", names[i]);
			return -1;
		}
		out[i] = atoi(v[i]);
	}
	return 0;
}

static unsigned done_parts(const char *part)
{
	if (!part || !part[0] || strcmp(part, "all") == 0)
		return DONE_ALL;
	if (strcmp(part, "run") == 0)
		return DONE_RUN;
	if (strcmp(part, "rehab") == 0)
		return DONE_REHAB;
	return 0;
}

/* 0 with *logged; 1 with msg (a value: 400); 2 with msg (refused: 409); or
 * a negative library code. */
static int do_done(srv_req *q, unsigned parts, const int sc[3], tendo_prescription *rx, json_t **logged, char *msg,
                   size_t msz)
{
	srv_athlete a;
	int rc = srv_athlete_get(q, &a);
	if (rc)
		return rc;
	rc = done_log(q->store, &a.profile, a.today, time(NULL), parts, sc[0], sc[1], sc[2], rx, logged, msg, msz);
	return rc > 0 ? 2 : rc;
}

void page_done_post(srv_req *q, srv_reply *r)
{
	srv_form f;
	if (form_parse(&f, q->body, q->body_len)) {
		form_dispose(&f);
		page_error(r, 400, "Bad form", "the form could not be read");
		return;
	}
	const char *v[3] = { form_get(&f, "pain_during"), form_get(&f, "pain_after"), form_get(&f, "rpe") };
	unsigned parts = done_parts(form_get(&f, "part"));
	int sc[3];
	char msg[600] = "", field[32];
	int rc = 1;
	if (!parts)
		snprintf(msg, sizeof(msg), "part must be run, rehab or all");
	else if (done_scores(v, sc, msg, sizeof(msg), field, sizeof(field)) == 0) {
		tendo_prescription rx;
		json_t *logged = NULL;
		rc = do_done(q, parts, sc, &rx, &logged, msg, sizeof(msg));
		json_decref(logged);
	}
	form_dispose(&f);
	if (rc == 1)
		page_error(r, 400, "Not saved", msg);
	else if (rc == 2)
		page_error(r, 409, "Not saved", msg);
	else if (rc)
		html_lib_error(r, rc);
	else
		reply_redirect(r, "/today");
}

void api_done(srv_req *q, srv_reply *r)
{
	json_t *in = api_json_body(q, r);
	if (!in)
		return;
	const char *key;
	json_t *m;
	char bufs[3][16], msg[600] = "", field[32] = "";
	const char *v[3] = { NULL, NULL, NULL }, *part = NULL;
	static const char *const names[3] = { "pain_during", "pain_after", "rpe" };
	json_object_foreach(in, key, m) {
		int k = -1;
		for (int i = 0; i < 3; i++)
			if (strcmp(key, names[i]) == 0)
				k = i;
		if (strcmp(key, "part") == 0) {
			if (!json_is_string(m) || !done_parts(json_string_value(m))) {
				snprintf(msg, sizeof(msg), "part must be \"run\", \"rehab\" or \"all\"");
				snprintf(field, sizeof(field), "part");
				break;
			}
			part = json_string_value(m);
		} else if (k < 0) {
			snprintf(msg, sizeof(msg), "unknown field '%.40s': part, pain_during, pain_after, rpe", key);
			break;
		} else if (json_is_integer(m) && json_integer_value(m) >= 0 && json_integer_value(m) < 1000) {
			snprintf(bufs[k], sizeof(bufs[k]), "%lld", (long long)json_integer_value(m));
			v[k] = bufs[k];
		} else if (!json_is_null(m)) {
			snprintf(msg, sizeof(msg), "%s must be 0-%d", key, TENDO_SCORE_MAX);
			snprintf(field, sizeof(field), "%s", key);
			break;
		}
	}
	int sc[3];
	unsigned parts = done_parts(part);
	if (!msg[0])
		done_scores(v, sc, msg, sizeof(msg), field, sizeof(field));
	if (msg[0]) {
		json_decref(in);
		api_error(r, 400, msg, field);
		return;
	}
	json_decref(in);
	tendo_prescription rx;
	json_t *logged = NULL;
	int rc = do_done(q, parts, sc, &rx, &logged, msg, sizeof(msg));
	if (rc == 2) {
		api_error(r, 409, msg, NULL);
		return;
	}
	if (rc) {
		api_lib_error(r, rc);
		return;
	}
	char d[TENDO_DATE_BUFSZ];
	api_reply_json(r, 201, json_pack("{s:s,s:s,s:o}", "date", tendo_date_format(rx.date, d), "decision",
	                                 tendo_decision_name(rx.decision), "logged", logged));
}
