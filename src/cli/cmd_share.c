/*
 * cmd_share.c - tendo share: read-only links for a physio (report,
 * history, status, plan through `tendo serve`, no writes) and tokens for
 * the subscribable calendar feed; listed and revoked by id
 * (tendo/share.h). The token is printed once, in the URL, and never again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <tendo/share.h>

#include "cli.h"

#define URL_DEFAULT "http://127.0.0.1:8080"
#define DAYS_MAX 3650

enum { O_EXPIRES = 1, O_DAYS, O_LABEL, O_CALENDAR, O_URL, O_LIST, O_REVOKE, O_JSON };

static const cli_opt opts[] = {
	{ "expires", required_argument, O_EXPIRES, "D", "valid through day D (YYYY-MM-DD, your zone); default: until revoked" },
	{ "days", required_argument, O_DAYS, "N", "valid for N days from now (1-3650); instead of --expires" },
	{ "label", required_argument, O_LABEL, "TEXT", "who it is for, shown by --list (80 bytes at most)" },
	{ "calendar", no_argument, O_CALENDAR, NULL, "a calendar feed token (/calendar.ics) instead of a read-only link" },
	{ "url", required_argument, O_URL, "BASE", "the server's address as others reach it (default " URL_DEFAULT ", tendo serve's own)" },
	{ "list", no_argument, O_LIST, NULL, "list the shares: id, scope, label, created, expires, revoked (never the tokens)" },
	{ "revoke", required_argument, O_REVOKE, "ID", "revoke share ID: its link and every session opened with it stop at once" },
	{ "json", no_argument, O_JSON, NULL, "print JSON" },
	{ 0 }
};
static const cli_spec spec = {
	"share [--expires D | --days N] [--label TEXT] [--calendar] [--url BASE] [--json] | --list [--json] | --revoke ID",
	"A read-only link to this log for a physio: through `tendo serve` it opens the report, history, status\n"
	"and plan, and nothing that writes. --calendar makes a token for the calendar feed instead (a phone\n"
	"calendar subscribes to it and updates itself). The link holds a secret of 256 bits: it is printed\n"
	"once; anyone with it can read until it expires or is revoked. --url is the server's address as the\n"
	"reader reaches it (tendo serve prints it), " URL_DEFAULT " when not given.",
	opts
};

typedef struct {
	const char *expires, *days, *label, *url, *revoke;
	bool calendar, list, json;
} args;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx;
	args *a = u;
	switch (id) {
	case O_EXPIRES: a->expires = v; break;
	case O_DAYS: a->days = v; break;
	case O_LABEL: a->label = v; break;
	case O_URL: a->url = v; break;
	case O_REVOKE: a->revoke = v; break;
	case O_CALENDAR: a->calendar = true; break;
	case O_LIST: a->list = true; break;
	default: a->json = true; break;
	}
	return 0;
}

static json_t *opt_instant(time_t t)
{
	char b[21];
	return t ? json_string(tendo_instant_format(t, b)) : json_null();
}

static int do_list(cli_ctx *ctx, bool json)
{
	tendo_share *list = NULL;
	size_t n = 0;
	int rc = tendo_share_list(ctx->store, &list, &n);
	if (rc)
		return cli_lib_error(ctx, rc);
	time_t now = time(NULL);
	if (json) {
		json_t *arr = json_array();
		for (size_t k = 0; k < n; k++) {
			const tendo_share *x = &list[k];
			tendo_share_state st = x->revoked ? TENDO_SHARE_REVOKED
			                       : x->expires && now >= x->expires ? TENDO_SHARE_EXPIRED : TENDO_SHARE_VALID;
			json_array_append_new(
				arr, json_pack("{s:I,s:s,s:o,s:o,s:o,s:o,s:s}", "id", (json_int_t)x->id, "scope",
			                   tendo_share_scope_name(x->scope), "label", x->label[0] ? cli_jstr(x->label) : json_null(),
			                   "created", opt_instant(x->created), "expires", opt_instant(x->expires), "revoked",
			                   opt_instant(x->revoked), "state", tendo_share_state_name(st)));
		}
		free(list);
		return cli_print_json(arr);
	}
	if (n == 0)
		printf("no shares (tendo share makes one)\n");
	else
		printf("%s%-5s %-8s %-20s %-20s %-20s %s%s\n", cli_bold(ctx), "id", "scope", "created", "expires", "revoked",
		       "label", cli_reset(ctx));
	for (size_t k = 0; k < n; k++) {
		const tendo_share *x = &list[k];
		char c[21], e[21], r[21];
		tendo_instant_format(x->created, c);
		if (x->expires)
			tendo_instant_format(x->expires, e);
		else
			snprintf(e, sizeof(e), "never");
		if (x->revoked)
			tendo_instant_format(x->revoked, r);
		else
			snprintf(r, sizeof(r), "%s", x->expires && now >= x->expires ? "(expired)" : "-");
		printf("%-5lld %-8s %-20s %-20s %-20s %s\n", (long long)x->id, tendo_share_scope_name(x->scope), c, e, r,
		       x->label[0] ? cli_text(x->label) : "-");
	}
	free(list);
	return 0;
}

int cmd_share(cli_ctx *ctx, int argc, char **argv)
{
	args a = { 0 };
	int first = 0;
	int rc = cli_parse(ctx, &spec, argc, argv, on_opt, &a, &first);
	if (rc)
		return rc;
	if (first < argc)
		return cli_usage(ctx, "unexpected argument '%s' (see tendo share --help)", cli_text(argv[first]));
	bool making = a.expires || a.days || a.label || a.calendar || a.url;
	if (a.list && (a.revoke || making))
		return cli_usage(ctx, "--list goes alone (with --json)");
	if (a.revoke && (making || a.json))
		return cli_usage(ctx, "--revoke ID goes alone");
	if (a.expires && a.days)
		return cli_usage(ctx, "give --expires D or --days N, not both");
	int64_t id = 0;
	if (a.revoke) {
		char *end;
		long long v = strtoll(a.revoke, &end, 10);
		if (!a.revoke[0] || *end || v < 1)
			return cli_usage(ctx, "--revoke must be a share's id, a whole number from tendo share --list (got '%s')",
			                 cli_text(a.revoke));
		id = v;
	}
	int days = 0;
	tendo_date until = TENDO_DATE_NONE;
	if ((a.days && (rc = cli_int(ctx, "days", a.days, 1, DAYS_MAX, &days))) ||
	    (a.expires && (rc = cli_date(ctx, "expires", a.expires, &until))))
		return rc;
	char base[512];
	const char *url = a.url ? a.url : URL_DEFAULT;
	size_t ul = strlen(url);
	while (ul > 0 && url[ul - 1] == '/')
		ul--;
	if ((strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) || ul >= sizeof(base) ||
	    ul <= (url[4] == 's' ? 8u : 7u) || strpbrk(url, " \t\r\n\"<>?#"))
		return cli_usage(ctx, "--url must be the server's address, http://HOST:PORT or https://HOST:PORT (got '%s')",
		                 cli_text(url));
	snprintf(base, sizeof(base), "%.*s", (int)ul, url);
	if ((rc = cli_open(ctx, !a.list)))
		return rc;
	if (a.list)
		return do_list(ctx, a.json);
	time_t now = time(NULL);
	if (a.revoke) {
		if ((rc = tendo_share_revoke(ctx->store, id, now)) == TENDO_ENOTFOUND)
			return cli_fail(ctx, "--revoke: no share %lld (tendo share --list shows them)", (long long)id);
		if (rc)
			return cli_lib_error(ctx, rc);
		printf("revoked share %lld: its link no longer opens, and sessions opened with it end\n", (long long)id);
		return 0;
	}
	time_t expires = 0;
	if (days)
		expires = now + (time_t)days * 86400;
	if (until != TENDO_DATE_NONE) {
		if (until < ctx->today)
			return cli_usage(ctx, "--expires must be today or later (got %s)", cli_text(a.expires));
		/* through the whole of that day in the athlete's zone: its end */
		expires = tendo_date_noon_utc(until + 1, ctx->profile.tz) - 12 * 3600;
	}
	tendo_share sh;
	tendo_share_scope scope = a.calendar ? TENDO_SHARE_CALENDAR : TENDO_SHARE_READ;
	if ((rc = tendo_share_create(ctx->store, scope, a.label, expires, now, &sh))) {
		if (rc == TENDO_EINVAL)
			return cli_check(ctx, rc);
		return cli_lib_error(ctx, rc);
	}
	char link[700];
	if (a.calendar)
		snprintf(link, sizeof(link), "%s/calendar.ics?token=%s", base, sh.token);
	else
		snprintf(link, sizeof(link), "%s/s/%s", base, sh.token);
	memset(sh.token, 0, sizeof(sh.token));
	if (a.json) {
		json_t *o = json_pack("{s:I,s:s,s:o,s:o,s:o,s:s}", "id", (json_int_t)sh.id, "scope",
		                      tendo_share_scope_name(sh.scope), "label", sh.label[0] ? cli_jstr(sh.label) : json_null(),
		                      "created", opt_instant(sh.created), "expires", opt_instant(sh.expires), "url", link);
		return cli_print_json(o);
	}
	char e[21];
	printf("share %lld (%s), %s%s:\n%s\n", (long long)sh.id,
	       a.calendar ? "calendar feed: subscribe to it in a calendar app" : "read-only: report, history, status, plan",
	       expires ? "valid until " : "valid until revoked", expires ? tendo_instant_format(sh.expires, e) : "", link);
	fprintf(stderr, "the link is the key: it is shown only now. tendo share --revoke %lld ends it.\n", (long long)sh.id);
	return 0;
}
