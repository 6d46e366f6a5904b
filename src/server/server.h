/*
 * server.h - `tendo serve`: the web app and JSON API over the athlete's
 * database (libmicrohttpd), on libtendo's public API only.
 *
 * srv_start() binds and starts a pool of worker threads (one per core),
 * each with its own SQLite connection opened on its first request; writes
 * go through the store's add functions, one transaction each, so the CLI
 * can write beside it. srv_stop() stops accepting, lets the requests in
 * flight finish, and closes every connection. The caller blocks SIGINT
 * and SIGTERM before srv_start() (the workers inherit the mask) and waits
 * for them itself (cmd_serve.c).
 */
#ifndef TENDO_SERVER_H
#define TENDO_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
	const char *db_path;    /* the database; must hold an athlete */
	const char *bind;       /* an IPv4 or IPv6 address; "127.0.0.1" by default */
	int port;               /* 1-65535, or 0 for any free port */
	const char *token_dir;  /* NULL: $XDG_CONFIG_HOME/tendo (else ~/.config/tendo) */
	size_t body_max;        /* largest request body, bytes (0: 64 KiB) */
	unsigned threads;       /* worker threads (0: the number of cores) */
	FILE *log;              /* one line per request (method, path, status); NULL: none */
	uint64_t upload_max;    /* largest upload to POST /import, bytes (0: 1 GiB) */
	const char *tls_cert;   /* a PEM certificate file: serve https (with tls_key); NULL: http */
	const char *tls_key;    /* its PEM private key file */
} srv_config;

typedef struct srv srv;

/*
 * Bind and start serving. out: the server, stopped with srv_stop().
 * Returns 0, or -1 with the reason in err (the address is not valid or is
 * taken, the token cannot be kept, the database has no athlete).
 */
int srv_start(srv **out, const srv_config *config, char *err, size_t errsz);

/* The URL to open: http://ADDR:PORT/ (https:// with TLS), with
 * /login?token=... when bound off loopback (the only place the token is
 * ever printed). */
void srv_url(const srv *s, char *buf, size_t bufsz);
/* True when bound to a loopback address (no token needed). */
bool srv_is_loopback(const srv *s);
/* Where the token is kept. */
const char *srv_token_path(const srv *s);

/* Stop accepting, finish the requests in flight (at most wait_s seconds),
 * close the database connections and free s. NULL-safe. */
void srv_stop(srv *s, int wait_s);

/* The QR code of text drawn with Unicode half blocks (two modules a
 * character, a quiet zone around), to f. 0, or -1 if it cannot be encoded. */
int srv_qr_print(FILE *f, const char *text);

#endif
