/*
 * cmd_exercises.c - tendo exercises (the library) and tendo rules (the rule
 * registry with sources, and the settings with their values).
 */
#include <stdio.h>

#include "cli.h"

enum { O_JSON = 1 };

static const cli_opt opts[] = { { "json", no_argument, O_JSON, NULL, "print JSON" }, { 0 } };
static const cli_spec ex_spec = { "exercises [--json]",
	"The exercise library: stage, hip-flexion angle, kind and dose rule of each exercise.", opts };
static const cli_spec rules_spec = { "rules [--json]",
	"The rules the engine applies, with their sources, and the settings in force.", opts };

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx, (void)id, (void)v;
	*(bool *)u = true;
	return 0;
}

int cmd_exercises(cli_ctx *ctx, int argc, char **argv)
{
	bool json = false;
	int rc = cli_parse(ctx, &ex_spec, argc, argv, on_opt, &json, NULL);
	if (rc)
		return rc;
	size_t n;
	const tendo_exercise *ex = tendo_exercises(&n);
	if (json) {
		json_t *arr = json_array();
		for (size_t k = 0; k < n; k++)
			json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:i,s:s,s:s,s:s}", "name", ex[k].name, "title",
			                                     ex[k].title, "stage", tendo_stage_name(ex[k].stage),
			                                     "hip_flexion_deg", ex[k].hip_flexion_deg, "kind",
			                                     tendo_ex_kind_name(ex[k].kind), "dose", ex[k].dose, "source",
			                                     ex[k].source));
		return cli_print_json(arr);
	}
	printf("%-18s %-14s %4s  %-10s %s\n", "name", "stage", "hip", "kind", "dose");
	for (size_t k = 0; k < n; k++)
		printf("%-18s %-14s %3d%s  %-10s %s\n", cli_text(ex[k].name), tendo_stage_name(ex[k].stage), ex[k].hip_flexion_deg,
		       "\xc2\xb0", tendo_ex_kind_name(ex[k].kind), ex[k].dose);
	return 0;
}

int cmd_rules(cli_ctx *ctx, int argc, char **argv)
{
	bool json = false;
	int rc = cli_parse(ctx, &rules_spec, argc, argv, on_opt, &json, NULL);
	if (rc)
		return rc;
	/* the settings in force if there is an athlete, else the defaults */
	tendo_settings s;
	tendo_settings_default(&s);
	char path[4096];
	const char *dbp = ctx->db_path;
	if (!dbp && tendo_store_default_path(path, sizeof(path)) == 0)
		dbp = path;
	tendo_store *st = NULL;
	tendo_profile p;
	if (dbp && tendo_store_open(&st, dbp, TENDO_STORE_READONLY) == 0 && tendo_store_get_profile(st, &p) == 0)
		s = p.settings;
	tendo_store_close(st);

	size_t nr, ns;
	const tendo_rule *r = tendo_rules(&nr);
	const tendo_setting_info *si = tendo_settings_info(&ns);
	if (json) {
		json_t *o = json_object(), *ra = json_array(), *sa = json_array();
		for (size_t k = 0; k < nr; k++)
			json_array_append_new(ra, json_pack("{s:s,s:s,s:s}", "id", r[k].id, "summary", r[k].summary, "source",
			                                    r[k].source));
		for (size_t k = 0; k < ns; k++)
			json_array_append_new(sa, json_pack("{s:s,s:f,s:f,s:f,s:s}", "name", si[k].name, "value",
			                                    tendo_settings_get(&s, &si[k]), "min", si[k].min, "max", si[k].max,
			                                    "doc", si[k].doc));
		json_object_set_new(o, "rules", ra);
		json_object_set_new(o, "settings", sa);
		return cli_print_json(o);
	}
	printf("rules:\n");
	for (size_t k = 0; k < nr; k++)
		printf("  %-28s %s\n  %-28s [%s]\n", r[k].id, r[k].summary, "", r[k].source);
	printf("\nsettings (change with tendo init --set NAME=VALUE):\n");
	for (size_t k = 0; k < ns; k++)
		printf("  %-22s %6g   %s (%g-%g)\n", si[k].name, tendo_settings_get(&s, &si[k]), si[k].doc, si[k].min,
		       si[k].max);
	return 0;
}
