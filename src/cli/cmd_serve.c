/*
 * cmd_serve.c - tendo serve: the web app and JSON API on the same
 * database (src/server/), while the CLI keeps working beside it. This
 * file is the front end: options, the start-up message (the URL, and on a
 * terminal its QR code) and the signals that stop it.
 */
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../server/server.h"

enum { O_PORT = 1, O_BIND, O_DB, O_TLS_CERT, O_TLS_KEY, O_UPLOAD_MAX };

#define DEFAULT_PORT 8080

static const cli_opt opts[] = {
	{ "port", required_argument, O_PORT, "P", "the port, 1-65535, or 0 for any free one (default 8080)" },
	{ "bind", required_argument, O_BIND, "ADDR",
	  "the address to listen on (default 127.0.0.1; any other needs the token, e.g. 0.0.0.0 for the phone)" },
	{ "db", required_argument, O_DB, "PATH", "the database (as tendo --db)" },
	{ "tls-cert", required_argument, O_TLS_CERT, "FILE", "serve https with this PEM certificate (with --tls-key)" },
	{ "tls-key", required_argument, O_TLS_KEY, "FILE", "the certificate's PEM private key (with --tls-cert)" },
	{ "upload-max", required_argument, O_UPLOAD_MAX, "MB",
	  "the largest upload to the import page, 1-65536 MB (default 1024)" },
	{ 0 }
};
static const cli_spec spec = { "serve [--port P] [--bind ADDR] [--db PATH] [--tls-cert FILE --tls-key FILE] "
	                       "[--upload-max MB]",
	"Serve the morning check-in, today's advice, a log form and a JSON API to a browser or phone "
	"(docs/API.md). Ctrl-C (or SIGTERM) finishes the requests in flight and stops.", opts };

typedef struct {
	const char *port, *bind, *db, *tls_cert, *tls_key, *upload_max;
} args;

static int on_opt(cli_ctx *ctx, int id, const char *v, void *u)
{
	(void)ctx;
	args *a = u;
	if (id == O_PORT)
		a->port = v;
	else if (id == O_BIND)
		a->bind = v;
	else if (id == O_TLS_CERT)
		a->tls_cert = v;
	else if (id == O_TLS_KEY)
		a->tls_key = v;
	else if (id == O_UPLOAD_MAX)
		a->upload_max = v;
	else
		a->db = v;
	return 0;
}

int cmd_serve(cli_ctx *ctx, int argc, char **argv)
{
	args a = { 0 };
	int rc = cli_parse(ctx, &spec, argc, argv, on_opt, &a, NULL);
	if (rc)
		return rc;
	int port = DEFAULT_PORT;
	if (a.port && (rc = cli_int(ctx, "port", a.port, 0, 65535, &port)))
		return rc;
	int upload_mb = 1024;
	if (a.upload_max && (rc = cli_int(ctx, "upload-max", a.upload_max, 1, 65536, &upload_mb)))
		return rc;
	if (!a.tls_cert != !a.tls_key)
		return cli_usage(ctx, "--tls-cert and --tls-key go together (give both, or neither for plain http)");
	const char *bind = a.bind ? a.bind : "127.0.0.1";
	unsigned char addr[16];
	if (inet_pton(AF_INET, bind, addr) != 1 && inet_pton(AF_INET6, bind, addr) != 1)
		return cli_usage(ctx, "--bind must be an IPv4 or IPv6 address such as 127.0.0.1 or 0.0.0.0 (got '%s')", bind);
	char path[4096];
	const char *db = a.db ? a.db : ctx->db_path;
	if (!db) {
		if (tendo_store_default_path(path, sizeof(path)) != 0)
			return cli_fail(ctx, "%s", tendo_error_last());
		db = path;
	}

	/* the signals are waited for here: blocked before the workers start, so
	 * they inherit the mask and never take one */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	srv_config cfg = { .db_path = db,
		           .bind = bind,
		           .port = port,
		           .log = stderr,
		           .upload_max = (uint64_t)upload_mb << 20,
		           .tls_cert = a.tls_cert,
		           .tls_key = a.tls_key };
	srv *s = NULL;
	char err[600];
	if (srv_start(&s, &cfg, err, sizeof(err)))
		return cli_fail(ctx, "%s", err);
	char url[512];
	srv_url(s, url, sizeof(url));
	printf("tendo serve: %s\n", url);
	if (srv_is_loopback(s))
		printf("this machine only; for the phone: tendo serve --bind 0.0.0.0 (asks for the token in %s)\n",
		       srv_token_path(s));
	else
		printf("open it on the phone (same network); the link holds the token (%s): share it with no one\n",
		       srv_token_path(s));
	if (isatty(STDOUT_FILENO))
		srv_qr_print(stdout, url);
	printf("Ctrl-C stops.\n");
	fflush(stdout);

	int sig = 0;
	while (sigwait(&stop, &sig) != 0)
		;
	/* a second Ctrl-C stops at once (the workers keep the signals blocked) */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
	fprintf(stderr, "tendo serve: %s: finishing the requests in flight (Ctrl-C again stops at once)\n",
	        sig == SIGINT ? "SIGINT" : "SIGTERM");
	srv_stop(s, 10);
	fprintf(stderr, "tendo serve: stopped; database closed\n");
	return EXIT_OK;
}
