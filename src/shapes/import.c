/*
 * import.c - the one truth of an import's options and report (shapes.h):
 * what `tendo import` and the server's POST /import and /api/import both
 * set before calling the library's importer, and the JSON of what it did
 * (`tendo import --json` and /api/import, one shape).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "shapes.h"

void shape_import_options(tendo_import_options *o, tendo_store *store, const tendo_profile *p)
{
	tendo_import_options_default(o);
	o->tz = p->tz;
	if (p->settings.easy_pace_s_km > 0)
		o->params.easy_pace_s_km = p->settings.easy_pace_s_km;
	tendo_log log = { 0 };
	if (tendo_store_load_log(store, &log, TENDO_DATE_NONE, TENDO_DATE_NONE) == 0)
		o->params.usual_cadence = shape_usual_cadence(p, &log);
	tendo_log_dispose(&log);
}

static json_t *num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

json_t *shape_import_file(const tendo_import_result *r, const char *path)
{
	json_t *o = json_object();
	json_object_set_new(o, "path", shape_str(path ? path : r->path));
	json_object_set_new(o, "status", json_string(tendo_import_status_name(r->status)));
	json_object_set_new(o, "message", shape_str(r->message));
	json_object_set_new(o, "format", r->format ? json_string(r->format) : json_null());
	json_object_set_new(o, "kind", r->kind ? json_string(r->kind) : json_null());
	json_object_set_new(o, "id", r->entry_id ? json_integer(r->entry_id) : json_null());
	json_object_set_new(o, "warning", r->warning ? shape_str(r->warning) : json_null());
	if (r->facts) {
		const tendo_run_facts *f = r->facts;
		json_object_set_new(o, "sport", shape_str(f->sport));
		json_object_set_new(o, "elapsed_s", num(f->elapsed_s));
		json_object_set_new(o, "moving_s", num(f->moving_s));
		json_object_set_new(o, "distance_m", num(f->distance_m));
		json_object_set_new(o, "ascent_m", num(f->ascent_m));
		json_object_set_new(o, "uphill_s", num(f->uphill_s));
		json_object_set_new(o, "fast_s", num(f->fast_s));
		json_object_set_new(o, "cadence_spm", num(f->cadence_median));
		json_object_set_new(o, "avg_hr", num(f->avg_hr));
		json_object_set_new(o, "run_walk", json_boolean(f->run_walk));
	}
	return o;
}

json_t *shape_import(json_t *files, const tendo_import_summary *sum, double seconds)
{
	json_t *out = json_object();
	json_object_set_new(out, "files", files ? files : json_array());
	json_object_set_new(out, "summary",
	                    json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:f}", "files", (json_int_t)sum->files, "imported",
	                              (json_int_t)sum->imported, "duplicates", (json_int_t)sum->duplicates, "skipped",
	                              (json_int_t)sum->skipped, "errors", (json_int_t)sum->errors, "bytes",
	                              (json_int_t)sum->bytes, "seconds", seconds));
	return out;
}

void shape_import_sentence(const tendo_import_summary *sum, double seconds, char *out, size_t outsz)
{
	snprintf(out, outsz, "%zu file%s: %zu imported, %zu duplicate%s, %zu skipped, %zu error%s (%.1f MB in %.1f s)",
	         sum->files, sum->files == 1 ? "" : "s", sum->imported, sum->duplicates, sum->duplicates == 1 ? "" : "s",
	         sum->skipped, sum->errors, sum->errors == 1 ? "" : "s", (double)sum->bytes / 1e6, seconds);
}
