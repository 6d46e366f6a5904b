/*
 * api.c - the JSON API under /api/: today and status in the CLI's --json
 * shapes (src/shapes/, the same builders), and POST /api/log/pain through
 * the store's add function with the library's checks. An error is
 * {"error": message, "field": name or null}, the message the CLI prints.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../shapes/shapes.h"
#include "server_int.h"

#define JSON_TYPE "application/json"

void api_reply_json(srv_reply *r, int status, json_t *v)
{
	if (!v) {
		reply_static(r, 500, JSON_TYPE, "{\"error\":\"out of memory\",\"field\":null}\n");
		return;
	}
	char *s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
	json_decref(v);
	if (!s) {
		reply_static(r, 500, JSON_TYPE, "{\"error\":\"out of memory\",\"field\":null}\n");
		return;
	}
	reply_take(r, status, JSON_TYPE, s, strlen(s));
}

void api_entry_created(srv_req *q, srv_reply *r, int64_t id, tendo_date date, const char *kind, const char *what)
{
	/* the entry as `tendo log <kind> --json` prints it: the history's shape
	 * of it ("type", and a "kind" of its own for some types), with "what" */
	srv_athlete a;
	tendo_log log = { 0 };
	json_t *o = NULL;
	if (srv_athlete_get(q, &a) == 0 && tendo_store_load_log_ext(q->store, &log, date, date, TENDO_LOAD_REPLACED) == 0)
		o = shape_entry_json(q->store, &log, a.profile.units == TENDO_UNITS_IMPERIAL, id);
	tendo_log_dispose(&log);
	if (!o) { /* written, but not read back: the short form */
		char d[TENDO_DATE_BUFSZ];
		o = json_pack("{s:I,s:s}", "id", (json_int_t)id, "date", tendo_date_format(date, d));
	}
	if (o) {
		if (!json_object_get(o, "type")) /* (the short form) */
			json_object_set_new(o, "type", json_string(kind));
		if (!json_object_get(o, "what")) /* (the history's line, as the CLI prints it) */
			json_object_set_new(o, "what", shape_str(what));
	}
	api_reply_json(r, 201, o);
}

void api_error(srv_reply *r, int status, const char *message, const char *field)
{
	api_reply_json(r, status, json_pack("{s:o,s:o}", "error", shape_str(message), "field",
	                                field && field[0] ? json_string(field) : json_null()));
}

void api_lib_error(srv_reply *r, int rc)
{
	const char *msg = tendo_error_last()[0] ? tendo_error_last() : tendo_error_name(rc);
	char field[32];
	srv_message_field(msg, field, sizeof(field));
	int status = rc == TENDO_EINVAL ? 400 : rc == TENDO_EBUSY || rc == TENDO_ENOTFOUND ? 503 : 500;
	api_error(r, status, msg, rc == TENDO_EINVAL ? field : NULL);
}

/* GET /api/today's answer as last sent by this thread, and what it was made
 * from: while srv_today() hands back the prescription it kept, the JSON is
 * the same, and is sent again without building it (most of the route's
 * time). A fixed buffer: nothing to free when the thread ends. */
static _Thread_local struct {
	unsigned long gen;
	tendo_date date;
	size_t len;            /* 0: nothing kept */
	char body[32768];
} tl_today;

void api_today(srv_req *q, srv_reply *r)
{
	srv_athlete a;
	tendo_prescription rx;
	int rc = srv_today(q, &a, &rx);
	if (rc) {
		api_lib_error(r, rc);
		return;
	}
	unsigned long gen = srv_today_generation();
	if (tl_today.len && tl_today.gen == gen && tl_today.date == rx.date) {
		char *copy = malloc(tl_today.len);
		if (copy) {
			memcpy(copy, tl_today.body, tl_today.len);
			reply_take(r, 200, JSON_TYPE, copy, tl_today.len);
			return;
		}
	}
	api_reply_json(r, 200, shape_today(&rx, &a.schedule));
	tl_today.len = 0;
	if (r->status == 200 && r->body && r->len <= sizeof(tl_today.body)) {
		memcpy(tl_today.body, r->body, r->len);
		tl_today.len = r->len;
		tl_today.gen = gen;
		tl_today.date = rx.date;
	}
}

void api_status(srv_req *q, srv_reply *r)
{
	srv_athlete a;
	tendo_log log = { 0 };
	tendo_prescription rx;
	shape_status_facts f;
	int rc = srv_athlete_get(q, &a);
	if (rc == 0)
		rc = srv_prescribe(q->store, &a, &log, &rx);
	if (rc == 0)
		rc = shape_status_facts_get(&f, &rx, &a.profile, &log);
	if (rc)
		api_lib_error(r, rc);
	else
		api_reply_json(r, 200, shape_status(&f, &rx, &a.profile, &log));
	tendo_log_dispose(&log);
}

static bool is_json_type(const char *ct)
{
	return ct && strncmp(ct, "application/json", 16) == 0 && (ct[16] == '\0' || ct[16] == ';');
}

void api_log_pain(srv_req *q, srv_reply *r)
{
	if (!is_json_type(q->content_type)) {
		api_error(r, 415, "the body must be JSON (Content-Type: application/json)", NULL);
		return;
	}
	json_error_t jerr;
	json_t *in = json_loadb(q->body, q->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (!in || !json_is_object(in)) {
		char msg[300];
		if (in)
			snprintf(msg, sizeof(msg), "the body must be a JSON object {\"kind\": ..., \"score\": ...}");
		else
			snprintf(msg, sizeof(msg), "the body is not JSON: %s (line %d, column %d)", jerr.text, jerr.line, jerr.column);
		json_decref(in);
		api_error(r, 400, msg, NULL);
		return;
	}
	tendo_pain e = { .score = -1 };
	char msg[300] = "", field[32] = "";
	const char *key;
	json_t *v;
	json_object_foreach(in, key, v) {
		if (strcmp(key, "kind") && strcmp(key, "score") && strcmp(key, "sharp") && strcmp(key, "note")) {
			snprintf(msg, sizeof(msg), "unknown field '%.40s': kind, score, sharp, note", key);
			break;
		}
	}
	json_t *kind = json_object_get(in, "kind"), *score = json_object_get(in, "score");
	json_t *sharp = json_object_get(in, "sharp"), *note = json_object_get(in, "note");
	if (msg[0]) {
	} else if (!json_is_string(kind) || tendo_pain_kind_parse(&e.kind, json_string_value(kind))) {
		snprintf(msg, sizeof(msg), "kind must be %s", tendo_pain_kind_names());
		snprintf(field, sizeof(field), "kind");
	} else if (!json_is_integer(score) || json_integer_value(score) < 0 || json_integer_value(score) > 1000000) {
		snprintf(msg, sizeof(msg), "score must be a whole number 0-%d", TENDO_SCORE_MAX);
		snprintf(field, sizeof(field), "score");
	} else if (sharp && !json_is_boolean(sharp)) {
		snprintf(msg, sizeof(msg), "sharp must be true or false");
		snprintf(field, sizeof(field), "sharp");
	} else if (note && !json_is_null(note) && !json_is_string(note)) {
		snprintf(msg, sizeof(msg), "note must be a string");
		snprintf(field, sizeof(field), "note");
	}
	if (msg[0]) {
		json_decref(in);
		api_error(r, 400, msg, field);
		return;
	}
	e.score = (int)json_integer_value(score);
	e.sharp = sharp && json_is_true(sharp);
	const char *text = json_is_string(note) && json_string_length(note) ? json_string_value(note) : NULL;
	if (text && strlen(text) != json_string_length(note)) {
		json_decref(in);
		api_error(r, 400, "note must not hold a NUL character", "note");
		return;
	}
	srv_athlete a;
	int64_t id = 0;
	int rc = srv_athlete_get(q, &a);
	if (rc == 0) {
		e.date = a.today;
		rc = srv_add_pain(q->store, &a, &e, text, &id);
	}
	json_decref(in);
	if (rc) {
		api_lib_error(r, rc);
		return;
	}
	/* the shape of `tendo log pain --json` */
	char what[80];
	snprintf(what, sizeof(what), "pain (%s) %d/10%s", tendo_pain_kind_name(e.kind), e.score, e.sharp ? ", sharp" : "");
	api_entry_created(q, r, id, e.date, "pain", what);
}
